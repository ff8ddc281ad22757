"""Sentiment and tone.

TextBlob and VADER are English analyzers: for other languages their columns are NaN, never an English
score on Chinese or Swedish text. Tone works in every language that has a polarity lexicon: a
GDELT-style share of positive minus negative words, with negation flipping a word's polarity.
"""

from __future__ import annotations

import math
import string
from functools import lru_cache
from importlib import resources

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from framing.features.matching import Match
from framing.languages import get_language

NAN = math.nan
_ASCII_PUNCTUATION = string.punctuation


class PackagedVader(SentimentIntensityAnalyzer):
    """NLTK's VADER analyzer, reading the lexicon that the ``vaderSentiment`` package ships.

    NLTK would otherwise look for ``vader_lexicon.zip`` in ``nltk_data``, which needs a download.
    ``polarity_scores`` gives NLTK's scores to the last digit, faster: NLTK builds a dict of every word
    of the sentence joined with every punctuation mark to strip punctuation off words, and calls its
    valence rules for words the lexicon does not have, which add nothing.
    """

    def __init__(self) -> None:
        lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
        self.lexicon_file = lexicon.read_text(encoding="utf-8")
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()
        self._punctuation = frozenset(self.constants.PUNC_LIST)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Return NLTK VADER's ``neg, neu, pos, compound`` scores of ``text``."""
        sentitext = _SentiText(self._words_and_emoticons(text))
        words = sentitext.words_and_emoticons
        first_index: dict[str, int] = {}
        for index, token in enumerate(words):
            first_index.setdefault(token, index)
        lexicon, boosters = self.lexicon, self.constants.BOOSTER_DICT
        sentiments: list[float] = []
        for item in words:
            lower = item.lower()
            i = first_index[item]
            if (i < len(words) - 1 and lower == "kind" and words[i + 1].lower() == "of") or lower in boosters \
                    or lower not in lexicon:
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        return self.score_valence(self._but_check(words, sentiments), text)

    def _words_and_emoticons(self, text: str) -> list[str]:
        """NLTK's ``SentiText`` tokens: words longer than one character, a punctuation mark stripped off."""
        words_only = {w for w in self.constants.REGEX_REMOVE_PUNCTUATION.sub("", text).split() if len(w) > 1}
        tokens = []
        for token in text.split():
            if len(token) < 2:
                continue
            # NLTK maps "mark+word" and "word+mark" back to the word, for a mark in its list and a word without
            # punctuation; the word is then what is left after the whole run of marks.
            if token[0] in _ASCII_PUNCTUATION:
                word = token.lstrip(_ASCII_PUNCTUATION)
                if token[:len(token) - len(word)] in self._punctuation and word in words_only:
                    token = word
            elif token[-1] in _ASCII_PUNCTUATION:
                word = token.rstrip(_ASCII_PUNCTUATION)
                if token[len(word):] in self._punctuation and word in words_only:
                    token = word
            tokens.append(token)
        return tokens


class _SentiText:
    """What NLTK's valence rules read of a sentence: its tokens, and whether only some are in capitals."""

    def __init__(self, words: list[str]) -> None:
        self.words_and_emoticons = words
        capitals = sum(1 for word in words if word.isupper())
        self.is_cap_diff = 0 < len(words) - capitals < len(words)


@lru_cache(maxsize=1)
def vader() -> PackagedVader:
    """Return the shared VADER analyzer (its lexicon is parsed on first use)."""
    return PackagedVader()


def textblob_sentiment(text: str, *, lang: str) -> tuple[float, float]:
    """Return TextBlob's ``(polarity, subjectivity)`` for English ``text``; NaNs for other languages."""
    if not get_language(lang).has("textblob"):
        return NAN, NAN
    # What TextBlob(text).sentiment returns, without a blob and a new named-tuple class per sentence.
    from textblob.en import sentiment as pattern_sentiment

    polarity, subjectivity = pattern_sentiment(text)
    return float(polarity), float(subjectivity)


def vader_compound(text: str, *, lang: str) -> float:
    """Return VADER's compound score for English ``text``; NaN for other languages."""
    if not get_language(lang).has("vader"):
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
