"""Headline tricks: their own family, found where they stand, scored apart from loaded words."""

import json

import pytest

from framing.features.analyzer import LanguageAnalyzer
from framing.features.headline_cues import headline_cue_score, headline_cues


@pytest.fixture(scope="module")
def english():
    return LanguageAnalyzer("en")


def tricks(analyzer, text):
    return [(cue.category, cue.surface) for cue in headline_cues(text, lang=analyzer.lang,
                                                                  matcher=analyzer.matchers["headlines"])]


def test_a_shouted_label_capitals_and_an_exclamation_are_each_found(english):
    assert tricks(english, "SHOCK: Mayor's plan EXPOSED!") == [
        ("trick_label", "SHOCK:"), ("all_caps", "EXPOSED"), ("exclamation", "!")]


def test_acronyms_in_capitals_do_not_shout(english):
    assert tricks(english, "WHO says NASA and the FDA will meet AWS in the US") == []


@pytest.mark.parametrize(("text", "trick"), [
    ("You won't believe what this mayor did next", ("curiosity_gap", "You won't believe")),
    ("This is why rents keep rising", ("curiosity_gap", "This is why")),
    ("7 reasons the budget will fail", ("listicle", "7 reasons")),
    ("Ten simple things to know about the vote", ("listicle", "Ten simple things")),
    ("Will the Fed cut rates again?", ("question", "?")),
    ("The best phone of the year", ("superlative", "best")),
])
def test_each_kind_of_trick_is_found_where_it_stands(english, text, trick):
    assert trick in tricks(english, text)


def test_a_number_that_opens_a_news_headline_is_no_list(english):
    assert tricks(english, "Two workers injured in explosion at chemical plant") == []
    assert tricks(english, "Three men charged over bank robbery") == []


def test_second_person_speaks_to_the_reader(english):
    assert tricks(english, "Why your rent is going up") == [("second_person", "your")]


def test_the_score_is_the_noisy_or_of_the_tricks(english):
    found = headline_cues("SHOCK: plan EXPOSED!", lang="en", matcher=english.matchers["headlines"])
    assert headline_cue_score(found) == pytest.approx(1 - 0.4 * 0.6 * 0.6)
    assert headline_cue_score([]) == 0.0


def test_headline_tricks_do_not_raise_the_loaded_score(english):
    plain, shouted = (english.analyze(text, is_headline=True) for text in
                      ("Mayor unveils housing plan", "Mayor unveils housing plan!"))
    assert shouted["loaded_score"] == plain["loaded_score"]
    assert shouted["headline_cue_score"] > plain["headline_cue_score"] == 0.0


def test_body_sentences_have_no_headline_score(english):
    row = english.analyze("You won't believe it!", is_headline=False)
    assert row["headline_cue_score"] != row["headline_cue_score"]  # NaN
    assert json.loads(row["headline_cues"]) == []


@pytest.mark.parametrize(("lang", "text", "trick"), [
    ("sv", "Du kommer inte tro vad ministern sa", ("curiosity_gap", "Du kommer inte tro")),
    ("zh", "震惊：市长的计划曝光", ("trick_label", "震惊：")),
])
def test_swedish_and_chinese_tricks_come_with_glosses(lang, text, trick):
    analyzer = LanguageAnalyzer(lang)
    found = headline_cues(text, lang=lang, matcher=analyzer.matchers["headlines"])
    cue = next(cue for cue in found if (cue.category, cue.surface) == trick)
    assert cue.gloss


@pytest.mark.parametrize(("lang", "text", "trick"), [
    ("en", "Seven SHOCKING tricks landlords use", ("listicle", "Seven SHOCKING tricks")),
    ("sv", "Sex tips för en billigare sommar", ("listicle", "Sex tips")),
    ("zh", "5个方法让房租降下来", ("listicle", "5个方法")),
])
def test_each_language_opens_a_list_with_its_own_numbers(lang, text, trick):
    analyzer = LanguageAnalyzer(lang)
    assert trick in tricks(analyzer, text)


def test_a_number_word_of_another_language_opens_no_list(english):
    # "sex" is six in Swedish only.
    assert tricks(english, "Sex tips from a marriage counsellor") == []


def test_a_chinese_number_counts_only_what_stands_right_after_it():
    analyzer = LanguageAnalyzer("zh")
    assert ("listicle", "5个方法") in tricks(analyzer, "5个方法")
    assert not any(kind == "listicle" for kind, _ in tricks(analyzer, "5年后，个方法"))
