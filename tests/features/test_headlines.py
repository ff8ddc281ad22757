"""Headline alignment on the seed corpus, and the word diff."""

import json

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.features.headlines import align_headlines, word_diff


@pytest.fixture(scope="module")
def pairs():
    return align_headlines(framing.feature_tables(framing.load_corpus()).sentences)


def test_breitbart_is_paired_with_the_wall_street_journal(pairs):
    pair = pairs[(pairs["variant_outlet"] == "Breitbart") & (pairs["base_outlet"] == "Wall Street Journal")]
    assert len(pair) == 1
    ops = json.loads(pair.iloc[0]["diff"])
    assert {"op": "insert", "base": "", "variant": "Deal with the Devil:"} in ops
    assert {"op": "replace", "base": "OpenAI CEO", "variant": "ChatGPT Boss"} in ops
    added = {t.get("lemma", t["term"]).casefold() for t in json.loads(pair.iloc[0]["added_loaded_terms"])}
    assert {"deal with the devil", "boss"} <= added


def test_pairs_cross_outlets_and_respect_the_threshold(pairs):
    assert (pairs["base_outlet"] != pairs["variant_outlet"]).all()
    assert (pairs["similarity"] >= 0.35).all()
    assert (pairs["variant_loaded_score"] >= pairs["base_loaded_score"]).all()


def test_a_higher_threshold_keeps_fewer_pairs(pairs):
    sentences = framing.feature_tables(framing.load_corpus()).sentences
    assert len(align_headlines(sentences, threshold=0.9)) < len(pairs)


def test_identical_headlines_diff_to_one_equal_step():
    assert [op.op for op in word_diff("A calm title", "A calm title", lang="en")] == ["equal"]


def test_headlines_command_shows_the_added_terms():
    result = CliRunner().invoke(app, ["headlines"])
    assert result.exit_code == 0, result.output
    assert "Breitbart vs Wall Street Journal" in result.output
    assert "Deal with the Devil:" in result.output


# Two stories told in the same words: a climate bill and a farm bill, each passed after a long vote.
STORIES = [
    ("climate", "Daily Ledger", "Senate passes sweeping climate bill after marathon vote", "2024-03-01"),
    ("climate", "Morning Post", "Senate passes climate bill in marathon vote", "2024-03-02"),
    ("climate", "City Herald", "Disastrous climate bill rammed through Senate in marathon vote", "2024-03-02"),
    ("farm", "Morning Post", "Senate passes farm bill in marathon vote", "2024-09-14"),
    ("farm", "Valley Times", "Senate passes sweeping farm bill after marathon vote", "2024-09-15"),
    ("farm", "City Herald", "Reckless farm bill rammed through Senate after marathon vote", "2024-09-15"),
]


def _story_corpus(tmp_path, *, with_story: bool):
    rows = [{"id": f"{story}-{n}", "outlet": outlet, "title": title, "language": "en", "published": date,
             "text": f"{outlet} reports that the Senate voted on the {story} bill.", **({"story": story} if with_story else {})}
            for n, (story, outlet, title, date) in enumerate(STORIES)]
    path = tmp_path / "bills.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return framing.load_corpus(path)


def _story_of(article_id: str) -> str:
    return article_id.split("-")[0]


@pytest.mark.parametrize("with_story", [True, False])
def test_headlines_pair_within_a_story_only(tmp_path, with_story):
    """With story keys, pairs stay within a story; without them, within a week of each other."""
    tables = framing.feature_tables(_story_corpus(tmp_path, with_story=with_story))
    pairs = align_headlines(tables.sentences, threshold=0.1, articles=tables.articles)
    assert len(pairs) > 0
    assert (pairs["base_id"].map(_story_of) == pairs["variant_id"].map(_story_of)).all(), pairs
    assert set(pairs["paired_by"]) == ({"story"} if with_story else {"date window"})
    # Every two outlets of one story that share the vote's words are paired.
    assert {frozenset(p) for p in zip(pairs["base_outlet"], pairs["variant_outlet"])} >= {
        frozenset({"Daily Ledger", "Morning Post"}), frozenset({"Morning Post", "Valley Times"})}


def test_headlines_command_pairs_within_the_story(tmp_path):
    corpus = tmp_path / "bills.jsonl"
    _story_corpus(tmp_path, with_story=True)
    out = tmp_path / "pairs.csv"
    result = CliRunner().invoke(app, ["headlines", str(corpus), "--threshold", "0.1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    import pandas as pd

    pairs = pd.read_csv(out)
    assert (pairs["base_id"].map(_story_of) == pairs["variant_id"].map(_story_of)).all()
    assert (pairs["story"] == pairs["base_id"].map(_story_of)).all()
