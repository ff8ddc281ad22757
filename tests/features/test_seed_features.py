"""Feature tables on the embedded seed corpus: the facts a researcher reads off them."""

import json
import math
import shutil
import zipfile

import nltk
import pandas as pd
import pytest
from textblob import TextBlob
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.features.codebook import by_name, render_docs

BREITBART = "000_6fbad57c96efec8a"
RFI = "002_25b46b25cb64fa15"
DAGLIGA = "003_f22444b573f99c26"


@pytest.fixture(scope="module")
def tables():
    return framing.feature_tables(framing.load_corpus())


def headline(tables, outlet):
    rows = tables.sentences[(tables.sentences["is_headline"] == 1) & (tables.sentences["outlet"] == outlet)]
    assert len(rows) >= 1, f"no headline for {outlet}"
    return rows.iloc[0]


def lemmas(row):
    return {t.get("lemma", t["term"]).casefold() for t in json.loads(row["loaded_terms"])}


def test_breitbart_headline_is_more_loaded_than_wsj_and_bloomberg(tables):
    breitbart = headline(tables, "Breitbart")
    assert breitbart["loaded_score"] > headline(tables, "Wall Street Journal")["loaded_score"]
    assert breitbart["loaded_score"] > headline(tables, "Bloomberg")["loaded_score"]
    assert {"deal with the devil", "boss"} <= lemmas(breitbart)


def test_every_loaded_term_is_explained(tables):
    for value in tables.sentences["loaded_terms"]:
        for term in json.loads(value):
            assert term["category"] and term["explanation"].strip()


def test_chinese_article_counts_sanctions_and_cooperation(tables):
    rfi = tables.articles.set_index("article_id").loc[RFI]
    assert rfi["language"] == "zh"
    assert rfi["frame_sanctions_count"] >= 2 and rfi["frame_cooperation_count"] >= 2


def test_swedish_article_counts_cooperation(tables):
    dagliga = tables.articles.set_index("article_id").loc[DAGLIGA]
    assert dagliga["language"] == "sv" and dagliga["frame_cooperation_count"] >= 1


def test_english_analyzers_are_nan_with_a_reason_elsewhere(tables):
    other = tables.sentences[tables.sentences["language"] != "en"]
    assert len(other) > 0
    assert other[["sent_tb_polarity", "sent_tb_subjectivity", "sent_vader_compound"]].isna().all().all()
    assert other["na_reason"].str.contains("English-only").all()
    assert other["sent_tone"].notna().all() and other["loaded_score"].notna().all()


def test_textblob_columns_equal_textblob(tables):
    english = tables.sentences[tables.sentences["language"] == "en"]
    for text, polarity, subjectivity in english[["text", "sent_tb_polarity", "sent_tb_subjectivity"]].itertuples(index=False):
        expected = TextBlob(text).sentiment
        assert (polarity, subjectivity) == (expected.polarity, expected.subjectivity)


def test_vader_column_equals_nltk_vader(tables, tmp_path, monkeypatch):
    # Build an nltk_data folder holding the lexicon the vaderSentiment package ships, and let NLTK's
    # own analyzer find it the documented way: the same scores must come out.
    from importlib import resources

    lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    (tmp_path / "sentiment").mkdir()
    with zipfile.ZipFile(tmp_path / "sentiment" / "vader_lexicon.zip", "w") as archive:
        archive.writestr("vader_lexicon/vader_lexicon.txt", lexicon)
    monkeypatch.setenv("NLTK_DATA", str(tmp_path))
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    english = tables.sentences[tables.sentences["language"] == "en"]
    for text, compound in english[["text", "sent_vader_compound"]].itertuples(index=False):
        assert compound == analyzer.polarity_scores(text)["compound"]


def test_article_frames_sum_body_sentences(tables):
    s, a = tables.sentences, tables.articles.set_index("article_id")
    body = s[(s["article_id"] == BREITBART) & (s["is_headline"] == 0)]
    assert a.loc[BREITBART, "frame_sanctions_count"] == body["frame_sanctions_count"].sum()
    assert a.loc[BREITBART, "headline_loaded_score"] > a.loc[BREITBART, "body_loaded_score"]
    assert a.loc[BREITBART, "loaded_gap"] == pytest.approx(
        a.loc[BREITBART, "headline_loaded_score"] - a.loc[BREITBART, "body_loaded_score"])


def test_scores_are_in_range(tables):
    s = tables.sentences
    assert s["loaded_score"].between(0, 1).all()
    coop = s["frame_coop_vs_sanction"].dropna()
    assert coop.between(-1, 1).all()
    assert s["src_quote_share"].dropna().between(0, 1).all()


def test_codebook_describes_every_column(tables):
    columns = set(tables.sentences.columns) | set(tables.articles.columns)
    documented = set(by_name(tables.codebooks))  # the seed's paper.yaml names the story codebook
    assert columns <= documented, f"undocumented: {sorted(columns - documented)}"


def test_committed_codebook_is_current():
    from pathlib import Path

    committed = Path(__file__).parents[2] / "docs" / "codebook.md"
    assert committed.read_text(encoding="utf-8") == render_docs(), "regenerate: python -m framing.features.codebook > docs/codebook.md"


def test_features_command_writes_identical_outputs_twice(tmp_path):
    runner = CliRunner()
    for run in ("a", "b"):
        result = runner.invoke(app, ["features", "--out", str(tmp_path / run)])
        assert result.exit_code == 0, result.output
    for name in ("sentences.csv", "articles.csv", "sentences.parquet", "articles.parquet", "codebook.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    articles = pd.read_csv(tmp_path / "a" / "articles.csv")
    assert len(articles) == len(framing.load_corpus().articles)


def test_features_command_refuses_to_write_into_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A headline\n\nA body sentence about cooperation.\n", encoding="utf-8")
    before = (corpus / "a.txt").read_bytes()
    result = CliRunner().invoke(app, ["features", str(corpus), "--out", str(corpus / "out")])
    assert result.exit_code == 2
    assert "refusing to write inside the corpus folder" in result.output
    assert (corpus / "a.txt").read_bytes() == before and not (corpus / "out").exists()


def test_user_lexicons_replace_the_shipped_ones(tmp_path):
    (tmp_path / "loaded").mkdir()
    custom = tmp_path / "loaded" / "en.yaml"
    custom.write_text(
        "family: loaded\nlanguage: en\ntitle: Test list\nsource: Written for this test.\nlicense: CC0-1.0\n"
        "categories:\n  evaluative: Judgement words.\nentries:\n"
        "  - term: collaboration\n    category: evaluative\n    weight: 0.8\n"
        "    explanation: A test entry that marks a neutral word.\n", encoding="utf-8")
    corpus = framing.load_corpus()
    tables = framing.feature_tables(corpus, lexicons=tmp_path)
    wsj = tables.sentences[(tables.sentences["outlet"] == "Wall Street Journal")].iloc[0]
    assert lemmas(wsj) == {"collaboration"}
    assert not math.isnan(wsj["sent_tone"])  # the other families still come from the shipped lexicons
