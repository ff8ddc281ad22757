"""Short texts (headlines) get a language the toolkit can measure, never an unsupported guess."""

import pytest

from framing.report.explain import explain
from framing.text.language import detect_language, is_short, short_text_language

SHIPPED = ("en", "sv", "zh")


@pytest.mark.parametrize(("text", "lang"), [
    ("SHOCK: Mayor's plan EXPOSED!", "en"),
    ("Council approves budget for 2025", "en"),
    ("Regeringen sänker skatten på bensin", "sv"),
    ("Kina och USA i hemliga samtal om AI", "sv"),
    ("应对AI风险 OpenAI执行长指出与中国合作的重要性", "zh"),
])
def test_a_headline_gets_one_of_the_languages_asked_for(text, lang):
    assert is_short(text)
    assert short_text_language(text, among=SHIPPED) == lang


def test_without_evidence_the_prior_decides():
    assert short_text_language("!!", among=SHIPPED, prior={"sv": 3.0, "en": 1.0}) == "sv"


def test_explain_without_lang_measures_a_short_headline_and_says_the_language_was_guessed():
    data = explain("SHOCK: Mayor's plan EXPOSED!")
    assert data["language"] == "en" and data["language_source"] == "guessed"
    assert data["loaded_score"] is not None and data["headline_cue_score"] > 0.5


def test_long_texts_still_go_to_the_identifier():
    text = " ".join(["Der Bundestag hat am Donnerstag ein neues Gesetz zur Regelung der Mieten beschlossen."] * 4)
    assert not is_short(text) and detect_language(text) == "de"
