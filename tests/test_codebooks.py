"""Codebooks as data: every shipped codebook honours the contract; bad codebooks fail in one line; a copied
or extended codebook flows through the features with no code change."""

import shutil
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.codebooks import CodebookError, check_codebook, load_codebook, load_codebooks, shipped_codebooks

runner = CliRunner()
SHIPPED = Path(str(resources.files("framing.lexicons_data") / "codebooks"))
ARTICLES = pd.DataFrame([
    {"id": "a1", "outlet": "Daily", "title": "Families count the cost as floods wreck homes", "language": "en",
     "kind": "article", "story": "floods", "text": "The mother of two said the flood took everything. "
     "Insurers expect losses of two billion dollars, and the government promised a plan to tackle flooding."},
    {"id": "a2", "outlet": "Tidningen", "title": "Regeringen lovar en plan", "language": "sv", "kind": "article",
     "story": "floods", "text": "Kostnaden för översvämningarna blir miljarder kronor. Oppositionen kritiserar regeringen."},
    {"id": "a3", "outlet": "Zeitung", "title": "Hochwasser", "language": "de", "kind": "article", "story": "floods",
     "text": "Die Kosten steigen."},
])


@pytest.mark.parametrize("name", ["story", "generic", "policy"])
def test_every_shipped_codebook_is_clean_and_real_in_three_languages(name):
    assert check_codebook(SHIPPED / name) == []
    book = load_codebook(name)
    assert book.languages == ("en", "sv", "zh")
    sizes = {lang: len(book.cues(lang)) for lang in book.languages}
    # Chinese and Swedish lists comparable to the English one, not a handful of words.
    assert min(sizes["zh"], sizes["sv"]) >= 0.55 * sizes["en"]
    for lang in book.languages:
        for key in book.keys:
            assert sum(cue.category == key for cue in book.cues(lang)) >= 15, (lang, key)


def test_shipped_codebooks_have_the_standard_frames():
    assert set(shipped_codebooks()) >= {"story", "generic", "policy"}
    assert load_codebook("generic").keys == ("conflict", "human_interest", "economic", "morality", "resolution")
    assert len(load_codebook("policy").keys) == 15
    assert [c.key for c in load_codebook("story").contrasts] == ["coop_vs_sanction"]


def test_a_copied_codebook_folder_scores_exactly_like_the_shipped_name(tmp_path):
    shutil.copytree(SHIPPED / "generic", tmp_path / "generic")
    by_name = framing.feature_tables(ARTICLES, codebooks=["generic"])
    by_path = framing.feature_tables(ARTICLES, codebooks=[tmp_path / "generic"])
    pd.testing.assert_frame_equal(by_name.sentences, by_path.sentences, check_exact=True)
    pd.testing.assert_frame_equal(by_name.articles, by_path.articles, check_exact=True)


def test_a_family_added_in_data_flows_through_the_tables(tmp_path):
    folder = tmp_path / "climate"
    shutil.copytree(SHIPPED / "generic", folder)
    for lang, cue in (("en", "flood"), ("sv", "översvämning"), ("zh", "洪水")):
        path = folder / f"{lang}.yaml"
        text = path.read_text(encoding="utf-8").replace("codebook: generic", "codebook: climate")
        text = text.replace("families:\n", "families:\n  - key: disaster\n    label: Disaster\n"
                            "    definition: The story presents the issue as a catastrophe.\n"
                            "    provenance: Written by the test.\n"
                            f"    cues: [{cue}, {{term: storm, weight: 0.5}}]\n", 1)
        path.write_text(text, encoding="utf-8")
    assert check_codebook(folder) == []
    tables = framing.feature_tables(ARTICLES, codebooks=[folder])
    articles = tables.articles.set_index("article_id")
    assert articles.loc["a1", "frame_disaster_count"] == 2  # "flood", "flooding"; the headline is kept apart
    assert articles.loc["a2", "frame_disaster_count"] == 1
    assert 0 < articles.loc["a1", "frame_disaster_score"] < 1
    assert "frame_disaster_per_1k" in tables.sentences.columns
    from framing.features.codebook import by_name

    assert "frame_disaster_score" in by_name(tables.codebooks)


def test_several_codebooks_name_their_columns_and_a_language_without_cues_is_nan():
    tables = framing.feature_tables(ARTICLES, codebooks=["generic", "policy"])
    articles = tables.articles.set_index("article_id")
    assert articles.loc["a1", "frame_generic_economic_count"] >= 2
    assert articles.loc["a1", "frame_policy_economic_score"] > 0
    assert articles.loc["a1", "frame_generic_primary"] in load_codebook("generic").keys
    german = tables.sentences[tables.sentences["language"] == "de"]
    assert german["frame_generic_conflict_count"].isna().all()
    assert german["na_reason"].str.contains("codebook 'generic' has no cues for 'de'").all()
    assert pd.isna(articles.loc["a3", "frame_policy_economic_score"])


def write_codebook(folder: Path, body: str, lang: str = "en") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{lang}.yaml"
    path.write_text(f"codebook: {folder.name}\nlanguage: {lang}\ntitle: T\nsource: S\nlicense: L\n" + body,
                    encoding="utf-8")
    return path


FAMILY = "families:\n  - key: a\n    label: A\n    definition: D.\n    provenance: P.\n    cues: [x]\n"


@pytest.mark.parametrize(("body", "line", "message"), [
    ("families: [\n", 7, "YAML does not parse"),
    (FAMILY + "colour: red\n", 12, "unknown key 'colour'"),
    (FAMILY.replace("cues: [x]", "cues: []"), 11, "family 'a' has no cues for this language"),
    (FAMILY + "contrasts:\n  - {key: c, label: C, definition: D., positive: a, negative: zz}\n", 13,
     "contrast 'c' names a missing family 'zz'"),
    (FAMILY.replace("cues: [x]", "cues: [x, X]"), 11, "duplicate cue 'X'"),
])
def test_bad_codebooks_fail_in_one_line_with_file_and_line(tmp_path, body, line, message):
    path = write_codebook(tmp_path / "bad", body)
    problems = [str(p) for p in check_codebook(tmp_path / "bad")]
    assert problems and problems[0].startswith(f"{path}:{line}: ") and message in problems[0], problems
    with pytest.raises(CodebookError):
        load_codebook(tmp_path / "bad")
    out = tmp_path / "out"
    result = runner.invoke(app, ["features", "--codebook", str(tmp_path / "bad"), "--out", str(out), "--no-cache"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and str(path) in result.output
    assert not out.exists()


def test_language_files_of_one_codebook_must_agree(tmp_path):
    write_codebook(tmp_path / "two", FAMILY)
    other = write_codebook(tmp_path / "two", FAMILY.replace("key: a", "key: b"), lang="sv")
    assert [str(p) for p in check_codebook(tmp_path / "two")] == [
        f"{other}:7: families ['b'] differ from en.yaml's ['a']"]


def test_an_unknown_codebook_name_is_a_user_error(tmp_path):
    result = runner.invoke(app, ["score", "x.csv", "--codebook", "nosuch", "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    with pytest.raises(CodebookError, match="unknown codebook 'nosuch'"):
        load_codebooks(["nosuch"])
