"""The sentence cache: a second run reuses every measure; a changed lexicon misses only where it is read."""

import shutil

import pandas as pd
import pytest

import framing
from framing.features.analyzer import MEASURE_FAMILIES
from framing.features.cache import SentenceCache, family_versions, sentence_key
from framing.lexicons import load_lexicon

VERSIONS = {"loaded": "l1", "polarity": "p1", "frames": "f1", "sourcing": "s1", "modifiers": "m1"}


@pytest.fixture(scope="module")
def corpus():
    return framing.load_corpus()


def test_second_run_reuses_every_measure_and_gives_the_same_tables(corpus, tmp_path):
    first = framing.feature_tables(corpus, cache=tmp_path)
    second = framing.feature_tables(corpus, cache=tmp_path)
    assert first.summary.hits == 0
    assert second.summary.hits == second.summary.lookups == len(MEASURE_FAMILIES) * len(second.sentences)
    pd.testing.assert_frame_equal(first.sentences, second.sentences, check_exact=True)
    pd.testing.assert_frame_equal(first.articles, second.articles, check_exact=True)


def test_cached_tables_equal_uncached_ones(corpus, tmp_path):
    framing.feature_tables(corpus, cache=tmp_path)
    cached = framing.feature_tables(corpus, cache=tmp_path)
    fresh = framing.feature_tables(corpus)
    pd.testing.assert_frame_equal(cached.sentences, fresh.sentences, check_exact=True)
    pd.testing.assert_frame_equal(cached.articles, fresh.articles, check_exact=True)


def test_an_edited_frames_lexicon_misses_for_frames_only(corpus, tmp_path):
    framing.feature_tables(corpus, cache=tmp_path / "cache")
    edited = tmp_path / "lexicons" / "frames"
    edited.mkdir(parents=True)
    original = load_lexicon("frames", "en")
    shutil.copy(original_path("frames", "en"), edited / "en.yaml")
    with open(edited / "en.yaml", "a", encoding="utf-8") as handle:
        handle.write("  - term: joint venture\n    category: cooperation\n    weight: 0.5\n"
                     "    explanation: A joint venture is a cooperative arrangement between firms.\n")
    assert load_lexicon("frames", "en", root=tmp_path / "lexicons").version != original.version
    rerun = framing.feature_tables(corpus, cache=tmp_path / "cache", lexicons=tmp_path / "lexicons")
    english = int((rerun.sentences["language"] == "en").sum())
    assert rerun.summary.lookups - rerun.summary.hits == english
    recomputed = framing.feature_tables(corpus, lexicons=tmp_path / "lexicons")
    pd.testing.assert_frame_equal(rerun.sentences, recomputed.sentences, check_exact=True)


def test_each_family_version_changes_only_with_what_the_family_reads():
    base = family_versions(VERSIONS)
    changed = {name: {f for f, v in family_versions(VERSIONS | {name: "new"}).items() if v != base[f]}
               for name in VERSIONS}
    assert changed == {"loaded": {"loaded"}, "polarity": {"sentiment"}, "frames": {"frames"},
                       "sourcing": {"sourcing"}, "modifiers": {"loaded", "sentiment", "frames"}}


def test_keys_differ_by_text_language_and_headline_flag():
    version = family_versions(VERSIONS)["loaded"]
    keys = {sentence_key(version, lang=lang, is_headline=headline, text=text)
            for lang in ("en", "sv") for headline in (True, False) for text in ("Talks resume", "Talks resume.")}
    assert len(keys) == 8
    assert all(len(key) == 16 for key in keys)


def test_a_missing_read_only_cache_finds_nothing(tmp_path):
    assert SentenceCache(tmp_path / "none", readonly=True).get_many([b"x" * 16]) == {}
    assert not (tmp_path / "none").exists()


def original_path(family, lang):
    from importlib import resources

    return resources.files("framing.lexicons_data") / family / f"{lang}.yaml"


def test_keys_carry_the_source_of_the_code_that_computes_each_family():
    import hashlib
    from importlib import util
    from pathlib import Path

    from framing.features.cache import family_versions

    source = Path(util.find_spec("framing.features.loaded").origin).read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:12]
    versions = family_versions({"loaded": "a", "frames": "b"})
    assert f"framing.features.loaded={digest}" in versions["loaded"]
    assert "framing.features.loaded" not in versions["frames"]
    assert "framing.features.matching=" in versions["frames"]
