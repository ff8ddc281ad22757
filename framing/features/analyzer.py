"""Every sentence measure, computed per language from the lexicons that language has.

A family whose lexicon does not exist for a language yields NaN, and the row's ``na_reason`` says why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from framing.codebooks import Codebook, load_codebooks
from framing.features import frames, headline_cues, loaded, sentiment
from framing.features.frames import per_1k
from framing.features.matching import LexiconMatcher
from framing.languages import get_language
from framing.text import word_count

NAN = math.nan
SOURCING = ("attribution", "hedging")
LEXICON_FAMILIES = ("loaded", "polarity", "sourcing", "modifiers", "headlines")
# The measure families of a sentence row, in column order; each is computed (and cached) on its own.
MEASURE_FAMILIES = ("loaded", "headline", "sentiment", "frames", "sourcing")
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "「": "」", "『": "』", "\"": "\""}
_QUOTE_MARK = re.compile("[" + re.escape("".join(_QUOTE_PAIRS) + "”»」』") + "]")


def _lexicon(family: str, lang: str, root: Path | None):
    """Return the lexicon for ``family`` and ``lang``: the user's folder first, then the shipped one."""
    from framing.lexicons import available_languages, load_lexicon

    if root is not None and lang in available_languages(family, root=root):
        return load_lexicon(family, lang, root=root)
    if lang in available_languages(family):
        return load_lexicon(family, lang)
    return None


def _negators(modifiers) -> tuple[str, ...]:
    return tuple(e.term for e in modifiers.entries if e.category == "negator") if modifiers else ()


@lru_cache(maxsize=32)
def _matchers(lang: str, root: Path | None) -> dict[str, LexiconMatcher | None]:
    """Return ``{family: matcher}`` for ``lang``, shared by every analyzer of the language and lexicon folder
    (``explain`` and the actors of a headline each make one): building them reads every entry."""
    lexicons = {family: _lexicon(family, lang, root) for family in LEXICON_FAMILIES}
    negators = _negators(lexicons["modifiers"])
    return {family: LexiconMatcher(lexicon.entries, lang=lang, negators=negators) if lexicon else None
            for family, lexicon in lexicons.items() if family != "modifiers"}


@dataclass
class LanguageAnalyzer:
    """The matchers for one language, built lazily from its lexicons and codebooks.

    ``codebooks`` are loaded codebooks (:func:`framing.codebooks.load_codebooks`); default: :data:`framing.codebooks.DEFAULT` alone.
    """

    lang: str
    lexicon_root: Path | None = None
    codebooks: tuple[Codebook, ...] | None = None
    lexicons: dict = field(init=False)

    def __post_init__(self) -> None:
        self.lexicons = {family: _lexicon(family, self.lang, self.lexicon_root) for family in LEXICON_FAMILIES}
        if self.codebooks is None:
            self.codebooks = load_codebooks()

    @cached_property
    def negators(self) -> tuple[str, ...]:
        return _negators(self.lexicons["modifiers"])

    @cached_property
    def matchers(self) -> dict[str, LexiconMatcher | None]:
        return dict(_matchers(self.lang, self.lexicon_root))

    @cached_property
    def frame_matchers(self) -> dict[str, frames.FrameMatcher | None]:
        """Return ``{codebook name: matcher}``; None where the codebook has no cues for this language."""
        # Multiword idioms of the loaded list ("deal with the devil"): a frame cue inside one does not count.
        # Only where words are written apart can an entry be told multiword by its spaces.
        loaded_lexicon = self.lexicons["loaded"]
        idioms = [e.term for e in loaded_lexicon.entries if e.category == "metaphor_idiom" and " " in e.term.strip()
                  ] if loaded_lexicon and get_language(self.lang).spaced else []
        return {book.name: frames.FrameMatcher(book.cues(self.lang), lang=self.lang, negators=self.negators,
                                               idioms=idioms)
                if book.cues(self.lang) is not None else None for book in self.codebooks}

    @property
    def versions(self) -> dict[str, str]:
        """Return ``{family: version}`` of the lexicons and codebooks in use for this language."""
        versions = {family: lexicon.version for family, lexicon in self.lexicons.items() if lexicon}
        return versions | {"codebooks": ",".join(f"{book.prefix}{book.name}={book.version(self.lang)}"
                                                 for book in self.codebooks)}

    def analyze(self, text: str, *, is_headline: bool) -> dict:
        """Return every sentence measure of ``text`` as a flat dict of column -> value."""
        n_words = word_count(text, lang=self.lang)
        row: dict = {"n_words": n_words}
        reasons: list[str] = []
        for family in MEASURE_FAMILIES:
            columns, why = self.measure(family, text, n_words=n_words, is_headline=is_headline)
            row |= columns
            reasons += why
        row["na_reason"] = "; ".join(reasons)
        return row

    def measure(self, family: str, text: str, *, n_words: int, is_headline: bool) -> tuple[dict, list[str]]:
        """Return the columns of one measure family (``MEASURE_FAMILIES``) for ``text``, and why any is NaN."""
        reasons: list[str] = []
        if family == "loaded":
            return self._loaded(text, is_headline=is_headline, reasons=reasons), reasons
        if family == "headline":
            return self._headline(text, is_headline=is_headline, reasons=reasons), reasons
        method = {"sentiment": self._sentiment, "frames": self._frames, "sourcing": self._sourcing}[family]
        return method(text, n_words, reasons=reasons), reasons

    def _loaded(self, text: str, *, is_headline: bool, reasons: list[str]) -> dict:
        matcher = self.matchers["loaded"]
        if matcher is None:
            reasons.append(f"loaded_*: no loaded-language lexicon for '{self.lang}'")
            return {"loaded_score": NAN, "loaded_terms": "[]"}
        return loaded.loaded_columns(text, matcher.find(text), lang=self.lang, is_headline=is_headline)

    def _headline(self, text: str, *, is_headline: bool, reasons: list[str]) -> dict:
        # Body sentences are no headlines: NaN without a reason, as the codebook says.
        if not is_headline:
            return {"headline_cue_score": NAN, "headline_cues": "[]"}
        matcher = self.matchers["headlines"]
        if matcher is None:
            reasons.append(f"headline_cue_*: no headline word list for '{self.lang}'")
            return {"headline_cue_score": NAN, "headline_cues": "[]"}
        return headline_cues.headline_cue_columns(text, lang=self.lang, matcher=matcher)

    def _sentiment(self, text: str, n_words: int, *, reasons: list[str]) -> dict:
        polarity, subjectivity = sentiment.textblob_sentiment(text, lang=self.lang)
        row = {"sent_tb_polarity": polarity, "sent_tb_subjectivity": subjectivity,
               "sent_vader_compound": sentiment.vader_compound(text, lang=self.lang)}
        if not (get_language(self.lang).has("textblob") and get_language(self.lang).has("vader")):
            reasons.append("sent_tb_*, sent_vader_compound: TextBlob and VADER are English-only analyzers")
        matcher = self.matchers["polarity"]
        if matcher is None:
            reasons.append(f"sent_tone, sent_polarity_density: no polarity lexicon for '{self.lang}'")
            return row | {"sent_positive_count": NAN, "sent_negative_count": NAN,
                          "sent_tone": NAN, "sent_polarity_density": NAN}
        positive, negative = sentiment.polarity_counts(matcher.find(text))
        tone, density = sentiment.tone(positive, negative, n_words)
        return row | {"sent_positive_count": positive, "sent_negative_count": negative,
                      "sent_tone": tone, "sent_polarity_density": density}

    def _frames(self, text: str, n_words: int, *, reasons: list[str]) -> dict:
        row: dict = {}
        for book in self.codebooks:
            matcher = self.frame_matchers[book.name]
            if matcher is None:
                reasons.append(f"{book.prefix}*: codebook '{book.name}' has no cues for '{self.lang}'")
            row |= frames.count_columns(book, matcher.find(text) if matcher else None, n_words)
        return row

    def _sourcing(self, text: str, n_words: int, *, reasons: list[str]) -> dict:
        counts = self._category_counts("sourcing", SOURCING, text, reasons=reasons,
                                       columns="src_attribution_*, src_hedging_*")
        row = {}
        for name in SOURCING:
            row[f"src_{name}_count"] = counts[name]
            row[f"src_{name}_per_1k"] = per_1k(counts[name], n_words)
        row["src_quote_share"] = quote_share(text)
        return row

    def _category_counts(self, family: str, categories: tuple[str, ...], text: str, *,
                         reasons: list[str], columns: str) -> dict[str, float]:
        """Count the matches of ``family`` per category; NaN counts, with a reason, without a lexicon."""
        matcher = self.matchers[family]
        if matcher is None:
            reasons.append(f"{columns}: no {family} lexicon for '{self.lang}'")
            return dict.fromkeys(categories, NAN)
        counts = dict.fromkeys(categories, 0)
        for match in matcher.find(text):
            counts[match.category] += 1
        return counts




def quote_share(text: str) -> float:
    """Return the share of the characters of ``text`` (spaces excluded) that lie inside quotation marks.

    A quote left open at the end of the text runs to its end, and a closing mark with no opening one
    closes a quote begun in an earlier sentence.
    """
    if _QUOTE_MARK.search(text) is None:
        # Most sentences quote no one: skip the character walk.
        return NAN if not text or text.isspace() else 0.0
    chars = [not ch.isspace() for ch in text]
    total = sum(chars)
    if total == 0:
        return NAN
    inside = [False] * len(text)
    closing = None
    start = 0
    for pos, ch in enumerate(text):
        if closing is not None and ch == closing:
            inside[start:pos + 1] = [True] * (pos + 1 - start)
            closing = None
        elif closing is None and ch in _QUOTE_PAIRS:
            closing, start = _QUOTE_PAIRS[ch], pos
        elif closing is None and ch in "”»」』" and not any(inside[:pos]):
            inside[:pos + 1] = [True] * (pos + 1)
    if closing is not None:
        inside[start:] = [True] * (len(text) - start)
    return sum(1 for ch, q in zip(chars, inside) if ch and q) / total
