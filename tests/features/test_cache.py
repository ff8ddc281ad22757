"""The sentence cache: a second run reuses every measure; a changed lexicon misses only where it is read."""

import shutil
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.features.analyzer import MEASURE_FAMILIES
from framing.features.cache import SentenceCache, family_versions, sentence_key

VERSIONS = {"loaded": "l1", "polarity": "p1", "codebooks": "f1", "sourcing": "s1", "modifiers": "m1"}


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


def test_an_edited_codebook_misses_for_frames_only(corpus, tmp_path):
    from framing.codebooks import load_codebook

    framing.feature_tables(corpus, cache=tmp_path / "cache")
    shipped = Path(str(resources.files("framing.lexicons_data") / "codebooks" / "story"))
    edited = tmp_path / "story"
    shutil.copytree(shipped, edited)
    text = (edited / "en.yaml").read_text(encoding="utf-8")
    (edited / "en.yaml").write_text(text.replace('      - {term: "sanction", weight: 0.7}',
                                                 '      - {term: "sanction", weight: 0.7}\n      - joint venture'),
                                    encoding="utf-8")
    assert load_codebook(edited).version("en") != load_codebook("story").version("en")
    assert load_codebook(edited).version("zh") == load_codebook("story").version("zh")
    rerun = framing.feature_tables(corpus, cache=tmp_path / "cache", codebooks=[edited])
    english = int((rerun.sentences["language"] == "en").sum())
    assert rerun.summary.lookups - rerun.summary.hits == english
    recomputed = framing.feature_tables(corpus, codebooks=[edited])
    pd.testing.assert_frame_equal(rerun.sentences, recomputed.sentences, check_exact=True)


def test_each_family_version_changes_only_with_what_the_family_reads():
    base = family_versions(VERSIONS)
    changed = {name: {f for f, v in family_versions(VERSIONS | {name: "new"}).items() if v != base[f]}
               for name in VERSIONS}
    assert changed == {"loaded": {"loaded", "frames"}, "polarity": {"sentiment"}, "codebooks": {"frames"},
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


def test_keys_carry_the_source_of_the_code_that_computes_each_family():
    import hashlib
    from importlib import util
    from pathlib import Path

    from framing.features.cache import family_versions

    source = Path(util.find_spec("framing.features.loaded").origin).read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:12]
    versions = family_versions({"loaded": "a", "codebooks": "b"})
    assert f"framing.features.loaded={digest}" in versions["loaded"]
    assert "framing.features.loaded" not in versions["frames"]
    assert "framing.features.matching=" in versions["frames"]
