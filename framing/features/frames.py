"""Frames: a codebook's cue terms found in sentences, counted per family, scored per article.

A cue counts only in the sense its codebook means. It does not count where

- it is part of a longer phrase its entry lists under ``except_in`` ("deal with", "big deal");
- its sentence also has a word its entry lists under ``except_near`` ("talks" beside "union" or "wage":
  a labour dispute, not diplomacy);
- it sits inside a longer idiom of the language's loaded-language list ("deal with the devil"), which
  says something else than its words one by one.

The article score of a family, in [0, 1], grows with the weighted rate of its cues:
``1 - exp(-rate / SCORE_RATE)``, where ``rate`` is the sum of the cue weights per 1,000 words of the
article with ``SCORE_PRIOR_WORDS`` words added, so that one cue in a short text does not read as a
strong frame.
"""

from __future__ import annotations

import math
from collections import namedtuple
from collections.abc import Iterable, Mapping

from framing.codebooks import Codebook, Cue
from framing.features.matching import LexiconMatcher, Match

NAN = math.nan
#: Weighted cues per 1,000 words at which a family's score reaches 1 - 1/e (0.63).
SCORE_RATE = 10.0
#: Words added to every text's length in the score's rate (a prior of no cues).
SCORE_PRIOR_WORDS = 100
_Phrase = namedtuple("_Phrase", "term category weight explanation gloss", defaults=(1.0, "", None))


class FrameMatcher:
    """Find one codebook's cues in texts of one language, each in the sense the codebook means.

    Parameters
    ----------
    cues : the codebook's cues for ``lang``.
    lang : the language of the cues and texts.
    negators : negation terms, marked on the matches as in the other lexicons.
    idioms : multiword idioms of the language (loaded-language ``metaphor_idiom`` entries); a cue inside a
        longer one does not count.
    """

    def __init__(self, cues: Iterable[Cue], *, lang: str, negators=(), idioms: Iterable[str] = ()) -> None:
        cues = tuple(cues)
        self.lang = lang
        self._cues = LexiconMatcher(cues, lang=lang, negators=negators)
        self._except_in = {cue.term: LexiconMatcher([_Phrase(p, cue.term) for p in cue.except_in], lang=lang)
                           for cue in cues if cue.except_in}
        self._except_near = {cue.term: LexiconMatcher([_Phrase(p, cue.term) for p in cue.except_near], lang=lang)
                             for cue in cues if cue.except_near}
        # Only idioms that share a word with some cue can swallow one: the others need not be searched.
        cue_keys = {key for cue in cues for key in self._cues._compile(cue.term).keys}
        phrases = [_Phrase(idiom, "idiom") for idiom in dict.fromkeys(idioms)
                   if cue_keys.intersection(self._cues._compile(idiom).keys)]
        self._idioms = LexiconMatcher(phrases, lang=lang) if phrases else None

    def find(self, text: str) -> list[Match]:
        """Return the cue matches of ``text`` that count, in text order."""
        matches = self._cues.find(text)
        if not matches:
            return matches
        idioms = self._idioms.find(text) if self._idioms is not None else []
        return [m for m in matches if not self._other_sense(m, text, idioms)]

    def _other_sense(self, match: Match, text: str, idioms: list[Match]) -> bool:
        if any(_inside(match, idiom) for idiom in idioms):
            return True
        phrases = self._except_in.get(match.term)
        if phrases is not None and any(_overlap(match, p) for p in phrases.find(text)):
            return True
        near = self._except_near.get(match.term)
        return near is not None and bool(near.find(text))


def _inside(match: Match, idiom: Match) -> bool:
    """Whether ``match`` lies inside ``idiom`` and the idiom is longer than it."""
    return idiom.start <= match.start and match.end <= idiom.end and (idiom.end - idiom.start) > (match.end - match.start)


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def count_columns(book: Codebook, matches: list[Match] | None, n_words: int) -> dict:
    """Return a sentence's ``<prefix><key>_count`` and ``_per_1k`` per family and its contrasts.

    ``matches`` None means the codebook has no cues for the language: every column is NaN. The summed cue
    weights ride along under :func:`weight_key` for the article scores; they are not a table column.
    """
    counts = dict.fromkeys(book.keys, NAN if matches is None else 0)
    weights = dict.fromkeys(book.keys, NAN if matches is None else 0.0)
    for match in matches or ():
        counts[match.category] += 1
        weights[match.category] += match.weight
    row = {}
    for key in book.keys:
        row[book.column(key, "count")] = counts[key]
        row[book.column(key, "per_1k")] = per_1k(counts[key], n_words)
    for contrast in book.contrasts:
        row[book.column(contrast.key)] = contrast_index(counts[contrast.positive], counts[contrast.negative])
    return row | {weight_key(book, key): weights[key] for key in book.keys}


def weight_key(book: Codebook, key: str) -> str:
    """Return the private key (``_`` first) of a sentence row's summed cue weights of family ``key``."""
    return "_" + book.column(key, "weight")


def sentence_columns(book: Codebook) -> dict[str, str]:
    """Return ``{column: type}`` of the codebook's sentence columns, in order."""
    columns: dict[str, str] = {}
    for key in book.keys:
        columns |= {book.column(key, "count"): "int", book.column(key, "per_1k"): "float"}
    return columns | {book.column(contrast.key): "float" for contrast in book.contrasts}


def article_columns(book: Codebook) -> dict[str, str]:
    """Return ``{column: type}`` of the codebook's article columns, in order."""
    columns = dict.fromkeys((book.column(key, "count") for key in book.keys), "float")
    columns |= dict.fromkeys((book.column(key, "per_1k") for key in book.keys), "float")
    columns |= dict.fromkeys((book.column(contrast.key) for contrast in book.contrasts), "float")
    columns |= dict.fromkeys((book.column(key, "score") for key in book.keys), "float")
    return columns | {book.column("primary"): "str"}


def article_columns_of(book: Codebook, body: list[dict], n_body_words: int) -> dict:
    """Return an article's frame columns from its body sentence rows: sums, rates, contrasts, scores, primary."""
    row: dict = {}
    scores: dict[str, float] = {}
    for key in book.keys:
        counts = [r[book.column(key, "count")] for r in body if r[book.column(key, "count")] == r[book.column(key, "count")]]
        weights = [r[weight_key(book, key)] for r in body if r[weight_key(book, key)] == r[weight_key(book, key)]]
        count = float(sum(counts)) if counts else NAN
        row[book.column(key, "count")] = count
        scores[key] = score(float(sum(weights)), n_body_words) if weights else NAN
    for key in book.keys:
        row[book.column(key, "per_1k")] = per_1k(row[book.column(key, "count")], n_body_words)
    for contrast in book.contrasts:
        row[book.column(contrast.key)] = contrast_index(row[book.column(contrast.positive, "count")],
                                                        row[book.column(contrast.negative, "count")])
    for key in book.keys:
        row[book.column(key, "score")] = scores[key]
    return row | {book.column("primary"): primary(scores)}


def score(weight: float, n_words: int) -> float:
    """Return a family's presence score in [0, 1] from its summed cue ``weight`` in ``n_words`` words."""
    if weight != weight:
        return NAN
    rate = 1000.0 * weight / (n_words + SCORE_PRIOR_WORDS)
    return 1.0 - math.exp(-rate / SCORE_RATE)


def primary(scores: Mapping[str, float]) -> str:
    """Return the key with the highest score above 0, the first in ``scores``' order on ties; "" when none.

    Untrained scores come in codebook order; a frame model's probabilities in the order it learned them.
    """
    best, value = "", 0.0
    for key in scores:
        if scores[key] == scores[key] and scores[key] > value:
            best, value = key, scores[key]
    return best


def per_1k(count: float, n_words: int) -> float:
    """Return ``count`` per 1,000 words; NaN when there are no words."""
    return NAN if n_words == 0 else 1000.0 * count / n_words


def contrast_index(positive: float, negative: float) -> float:
    """Return ``(positive - negative) / (positive + negative)``, in [-1, 1]; NaN when both are zero or NaN."""
    total = positive + negative
    return NAN if not total or total != total else (positive - negative) / total
