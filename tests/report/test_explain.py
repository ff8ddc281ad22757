"""framing explain: what a student reads off one headline, and the Breitbart / Wall Street Journal pair."""

import json

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.errors import InputError
from framing.features import LanguageAnalyzer
from framing.report.explain import explain

BREITBART = ("Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China "
             "to Counter AI Risks")
WSJ = "OpenAI CEO Calls for Collaboration With China to Counter AI Risks"


@pytest.fixture(scope="module")
def pair():
    return explain(BREITBART, compare=WSJ)


def lemmas(terms):
    return {(t["lemma"] or t["term"]).casefold() for t in terms}


def test_breitbart_terms_are_highlighted_where_they_stand(pair):
    assert pair["language"] == "en"
    assert {"deal with the devil", "boss"} <= lemmas(pair["terms"])
    for term in pair["terms"]:
        assert BREITBART[term["start"]:term["end"]] == term["term"]
        assert term["explanation"].strip() and term["category_label"]


def test_the_score_is_the_feature_tables_score(pair):
    row = LanguageAnalyzer("en").analyze(BREITBART, is_headline=True)
    assert pair["loaded_score"] == round(row["loaded_score"], 4)
    assert pair["loaded_level"] == "strongly loaded"


def test_breitbart_is_more_loaded_than_the_wall_street_journal(pair):
    comparison = pair["compare"]
    assert comparison["other"]["loaded_score"] < pair["loaded_score"]
    assert comparison["differences"]["loaded_score"] > 0.5
    assert {"deal with the devil", "boss"} <= lemmas(comparison["added_terms"])
    assert {"op": "insert", "base": "", "variant": "Deal with the Devil:"} in comparison["diff"]
    assert {"op": "replace", "base": "OpenAI CEO", "variant": "ChatGPT Boss"} in comparison["diff"]


def test_chinese_terms_come_with_english_glosses():
    data = explain("与魔鬼做交易：ChatGPT老板呼吁与中国合作")
    assert data["language"] == "zh"
    glosses = {t["term"]: t["gloss"] for t in data["terms"] if t["source"] == "word list"}
    assert "devil" in glosses["魔鬼"] and "boss" in glosses["老板"]


def test_swedish_terms_come_with_english_glosses():
    data = explain("Regimen i Peking gör en djävulspakt", lang="sv")
    assert data["terms"], "expected the Swedish list to flag something"
    assert all(t["gloss"] for t in data["terms"] if t["source"] == "word list")


def test_a_language_without_word_lists_gives_no_score_and_says_why():
    data = explain("Une affaire avec le diable", lang="fr")
    assert data["loaded_score"] is None and data["terms"] == []
    assert "loaded_*: no loaded-language lexicon for 'fr'" in data["notes"]
    json.dumps(data, allow_nan=False)


def test_empty_text_is_a_user_error():
    with pytest.raises(InputError, match="nothing to explain: the text is empty"):
        explain("   ")


def test_cli_prints_highlights_explanations_and_the_diff():
    result = CliRunner().invoke(app, ["explain", BREITBART, "--compare", WSJ])
    assert result.exit_code == 0, result.output
    for expected in ("strongly loaded", "informal title", "metaphor or idiom", "word diff:", "for “OpenAI CEO”"):
        assert expected in result.output


def test_cli_json_is_the_library_result(pair):
    result = CliRunner().invoke(app, ["explain", BREITBART, "--compare", WSJ, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == pair


def test_cli_reports_empty_text_in_one_line():
    result = CliRunner().invoke(app, ["explain", " "])
    assert result.exit_code == 2
    assert result.output.strip() == "error: nothing to explain: the text is empty"


def test_cli_names_the_frames_by_their_labels():
    result = CliRunner().invoke(app, ["explain", "Families count the cost as floods wreck homes", "--codebook",
                                      "generic"])
    assert result.exit_code == 0, result.output
    line = " ".join(result.output.split()).split("frames ", 1)[1]
    assert line.startswith("Human interest (Families, homes), Economic consequences (cost)")
