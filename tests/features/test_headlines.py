"""Headline alignment on the seed corpus, and the word diff."""

import json

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.features.headlines import align_headlines, word_diff


@pytest.fixture(scope="module")
def pairs():
    return align_headlines(framing.features(framing.load_corpus()).sentences)


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
    sentences = framing.features(framing.load_corpus()).sentences
    assert len(align_headlines(sentences, threshold=0.9)) < len(pairs)


def test_identical_headlines_diff_to_one_equal_step():
    assert [op.op for op in word_diff("A calm title", "A calm title", lang="en")] == ["equal"]


def test_headlines_command_shows_the_added_terms():
    result = CliRunner().invoke(app, ["headlines"])
    assert result.exit_code == 0, result.output
    assert "Breitbart vs Wall Street Journal" in result.output
    assert "Deal with the Devil:" in result.output
