"""The lexicon matcher: word boundaries, phrases, inflection, negation, Chinese tokens and gaps."""

from dataclasses import dataclass

import pytest

from framing.features.matching import LexiconMatcher


@dataclass(frozen=True)
class Entry:
    term: str
    category: str
    weight: float = 0.5
    explanation: str = "why"
    gloss: str | None = None


def surfaces(matches):
    return [(m.surface, m.category) for m in matches]


def test_english_inflections_match_one_entry():
    matcher = LexiconMatcher([Entry("sanction", "sanctions")], lang="en")
    found = matcher.find("Sanctions were imposed; the firm was sanctioned under a sanction regime.")
    assert [m.surface for m in found] == ["Sanctions", "sanctioned", "sanction"]


def test_word_boundaries_are_respected():
    matcher = LexiconMatcher([Entry("race", "competition")], lang="en")
    assert matcher.find("Racism and embraced ideas") == []
    assert [m.surface for m in matcher.find("An AI race")] == ["race"]


def test_longest_phrase_wins_over_its_words():
    matcher = LexiconMatcher(
        [Entry("deal with the devil", "metaphor_idiom", 0.9), Entry("devil", "moral_religious", 0.7)], lang="en")
    found = matcher.find("A Deal with the Devil, and the devil again.")
    assert surfaces(found) == [("Deal with the Devil", "metaphor_idiom"), ("devil", "moral_religious")]


def test_match_spans_point_into_the_text():
    text = "ChatGPT Boss Sam Altman"
    (match,) = LexiconMatcher([Entry("boss", "informal_title")], lang="en").find(text)
    assert text[match.start:match.end] == "Boss"


def test_negation_within_window_is_flagged():
    matcher = LexiconMatcher([Entry("good", "positive")], lang="en", negators=["not"])
    first, second = matcher.find("This is not a good deal, but a good start.")
    assert first.negated and not second.negated


def test_swedish_inflections_share_a_stem():
    matcher = LexiconMatcher([Entry("samarbete", "cooperation")], lang="sv")
    assert [m.surface for m in matcher.find("Samarbetet och samarbeten ökar.")] == ["Samarbetet", "samarbeten"]


def test_chinese_terms_match_whole_tokens_only():
    matcher = LexiconMatcher([Entry("合作", "cooperation"), Entry("制裁", "sanctions")], lang="zh")
    found = matcher.find("美国实施了制裁，但研究人员通过合作降低风险。")
    assert surfaces(found) == [("制裁", "sanctions"), ("合作", "cooperation")]


def test_chinese_gap_pattern_spans_a_source_name():
    matcher = LexiconMatcher([Entry("据 * 报道", "attribution")], lang="zh")
    (match,) = matcher.find("据华尔街日报周一12日报道，会议召开。")
    assert match.surface.startswith("据") and match.surface.endswith("报道")


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\u202e\u0000"])
def test_empty_and_punctuation_only_text_has_no_matches(text):
    assert LexiconMatcher([Entry("devil", "moral_religious")], lang="en").find(text) == []


def test_a_shorter_word_with_the_same_stem_is_not_the_entry():
    matcher = LexiconMatcher([Entry("questionable", "evaluative"), Entry("outrageous", "evaluative")], lang="en")
    assert matcher.find("A question about the outrage.") == []
    assert [m.surface for m in matcher.find("A questionable, outrageous plan.")] == ["questionable", "outrageous"]


def test_a_gap_pattern_needs_its_closing_word():
    matcher = LexiconMatcher([Entry("据 * 报道", "attribution")], lang="zh")
    assert matcher.find("据华尔街日报周一12日称") == []
