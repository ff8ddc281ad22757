"""Negation reaches what it negates and nothing else: ``sent_tone`` on sentences whose tone a reader knows.

Each case states the sign a reader gives the sentence (or that two sentences get the same tone); the
sentences were written for these tests.
"""

from __future__ import annotations

import pytest

from framing.features.analyzer import LanguageAnalyzer


def tone(text: str, lang: str) -> float:
    return LanguageAnalyzer(lang).analyze(text, is_headline=False)["sent_tone"]


def negated(text: str, lang: str) -> dict[str, bool]:
    return {m.surface: m.negated for m in LanguageAnalyzer(lang).matchers["polarity"].find(text)}


@pytest.mark.parametrize(("text", "lang"), [
    # "to" is half of the negator "fail to", never a negator on its own.
    ("The cuts will lead to terrible harm", "en"),
    ("The plan leads to disaster", "en"),
    ("Voters turned to anger and fear", "en"),
    # "alla" (all) stems like "alls" of the negator "inte alls" (not at all).
    ("Alla dåliga beslut", "sv"),
    ("Alla kritiker kallar planen farlig", "sv"),
    ("这个计划是一场灾难", "zh"),
])
def test_bad_news_without_a_negator_is_negative(text, lang):
    assert tone(text, lang) < 0


@pytest.mark.parametrize(("text", "lang"), [
    ("Alla bra förslag", "sv"),
    ("The reform is good", "en"),
    ("这个结果很好", "zh"),
])
def test_good_news_without_a_negator_is_positive(text, lang):
    assert tone(text, lang) > 0


def test_leads_to_disaster_reads_like_is_a_disaster():
    assert tone("The plan leads to disaster", "en") == tone("The plan is a disaster", "en") < 0


@pytest.mark.parametrize(("text", "lang", "word"), [
    ("The plan is not a disaster", "en", "disaster"),
    ("The plan is not good", "en", "good"),
    ("The company failed to win", "en", "win"),
    ("Planen är inte en katastrof", "sv", "katastrof"),
    ("Planen är inte bra", "sv", "bra"),
    ("Inte alls bra", "sv", "bra"),
    ("这个计划不是灾难", "zh", "灾难"),
    ("他们没有成功", "zh", "成功"),
    ("合作并非失败", "zh", "失败"),
])
def test_a_negator_flips_the_word_it_reaches(text, lang, word):
    assert negated(text, lang)[word]


@pytest.mark.parametrize(("text", "lang", "word"), [
    # A comma ends the clause, and with it the negation.
    ("No, this is great", "en", "great"),
    ("Det var inte planen, det var en katastrof", "sv", "katastrof"),
    ("这不是问题，这是灾难", "zh", "灾难"),
    # "but" (men, 但是) opens a clause the negation does not reach.
    ("It is not cheap but good", "en", "good"),
    ("Det är inte billigt men bra", "sv", "bra"),
    ("这不是计划但是灾难", "zh", "灾难"),
    # Not a negation at all.
    ("This is not only bad but dangerous", "en", "bad"),
    # After a negation "utan" is "but rather", not "without".
    ("Det är inte dyrt utan bra", "sv", "bra"),
])
def test_negation_stops_at_the_end_of_its_clause(text, lang, word):
    assert not negated(text, lang)[word]


def test_swedish_without_still_negates():
    assert negated("Ett land utan fred", "sv")["fred"]
