"""Words rated by the data VADER and TextBlob ship: each highlight names its source and reason."""

import pytest

from framing.features import loaded


def by_surface(text, **kwargs):
    return {word.surface: word for word in loaded.rated_words(text, lang="en", **kwargs)}


def test_strongly_emotional_adjectives_are_rated_from_vader():
    word = by_surface("Critics called the plan horrible.")["horrible"]
    assert word.category == "strong_sentiment"
    assert "VADER" in word.explanation and "'horrible'" in word.explanation
    assert word.weight == pytest.approx(loaded.VALENCE_SCALE["judging"] * 2.5 / 4)


def test_event_nouns_weigh_less_than_judging_adjectives():
    words = by_surface("The horrible disaster.")
    assert words["disaster"].weight < words["horrible"].weight


def test_negation_halves_and_an_intensifier_joins_the_highlight():
    plain = by_surface("It was horrible.")["horrible"].weight
    assert by_surface("It was not horrible.")["horrible"].weight == pytest.approx(plain * loaded.NEGATED_FACTOR)
    intensified = by_surface("It was utterly horrible.")["utterly horrible"]
    assert intensified.weight > plain and intensified.as_dict()["intensified"] is True


def test_spans_taken_by_the_lexicon_and_other_languages_are_left_alone():
    text = "Critics called the plan horrible."
    start = text.index("horrible")
    assert by_surface(text, taken=[(start, start + 8)]) == {}
    assert loaded.rated_words("Planen är hemsk.", lang="sv") == []


def test_calm_reporting_has_no_rated_words():
    assert by_surface("The council published its budget on Tuesday.") == {}
