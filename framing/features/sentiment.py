"""Sentiment and tone.

TextBlob and VADER are English analyzers: for other languages their columns are NaN, never an English
score on Chinese or Swedish text. Tone works in every language that has a polarity lexicon: a
GDELT-style share of positive minus negative words, with negation flipping a word's polarity.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from framing.features.matching import Match

ENGLISH_ONLY = frozenset({"en"})
NAN = math.nan


class PackagedVader(SentimentIntensityAnalyzer):
    """NLTK's VADER analyzer, reading the lexicon that the ``vaderSentiment`` package ships.

    NLTK would otherwise look for ``vader_lexicon.zip`` in ``nltk_data``, which needs a download.
    """

    def __init__(self) -> None:
        lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
        self.lexicon_file = lexicon.read_text(encoding="utf-8")
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


@lru_cache(maxsize=1)
def vader() -> PackagedVader:
    """Return the shared VADER analyzer (its lexicon is parsed on first use)."""
    return PackagedVader()


@lru_cache(maxsize=1)
def _textblob_analyzer():
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


def textblob_sentiment(text: str, *, lang: str) -> tuple[float, float]:
    """Return TextBlob's ``(polarity, subjectivity)`` for English ``text``; NaNs for other languages."""
    if lang not in ENGLISH_ONLY:
        return NAN, NAN
    from textblob import TextBlob

    result = TextBlob(text, analyzer=_textblob_analyzer()).sentiment
    return float(result.polarity), float(result.subjectivity)


def vader_compound(text: str, *, lang: str) -> float:
    """Return VADER's compound score for English ``text``; NaN for other languages."""
    if lang not in ENGLISH_ONLY:
        return NAN
    return float(vader().polarity_scores(text)["compound"])


def polarity_counts(matches: list[Match]) -> tuple[int, int]:
    """Return ``(positive, negative)`` word counts; a negated word counts for the opposite polarity."""
    positive = negative = 0
    for match in matches:
        is_positive = (match.category == "positive") != match.negated
        if is_positive:
            positive += 1
        else:
            negative += 1
    return positive, negative


def tone(positive: int, negative: int, n_words: int) -> tuple[float, float]:
    """Return ``(tone, polarity_density)`` in percent of words: ``pos% - neg%`` and ``pos% + neg%``."""
    if n_words == 0:
        return NAN, NAN
    return 100.0 * (positive - negative) / n_words, 100.0 * (positive + negative) / n_words
