"""Match lexicon entries in text: word boundaries, multiword phrases, inflection and negation.

Words are matched on the key their language module gives them (:meth:`Language.key`): English and
Swedish on Snowball stems of lower-cased word tokens, so "sanctions", "sanctioned" and "sanction" are one
entry. A stem is not a sense, so two more rules keep a literal word from matching a judgement that shares
its stem:

- Where the language lists its inflections (English), a word matches an entry word only when the two
  differ by inflection alone ("explosives" is "explosive", "slammed" is "slam"), not by a derivational
  suffix: "explosion" is not "explosive", "apologizes" not "apologist", "AWS" not "awful", "corruption"
  not "corrupt" (:meth:`Language.derivation`). Elsewhere a word much shorter than the entry word does not
  match, so "question" is not "questionable" although both stem to "question" (``STEM_SLACK``).
- A lower-case entry does not match a name: in a cased language and a text in sentence case, a run of
  capitalised words that does not open a sentence ("the reality show Big Brother", "Big Brother
  contestant") is a name, not the idiom "big brother" (:func:`name_tokens`). Title-case headlines give
  no such signal, and neither does Orwell's Big Brother written with capitals.

In a language that does not write words apart (Chinese) a term
matches where its characters run from one token boundary to another, so 合作 matches in 通过合作降低 but
not inside a longer word. A term part ``*`` is a gap of up to ``MAX_GAP`` tokens (据 * 报道). Whether a
match is negated is the language's negation rule (:class:`framing.languages.Negators`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from framing.languages import Language, get_language
from framing.text import token_spans

MAX_GAP = 4
# A word matches an entry word with the same stem only if it is at most this many characters shorter:
# "sanction" matches "sanctions", but "question" does not match "questionable" (both stem to "question").
STEM_SLACK = 2
# A text with more than this share of its longer words capitalised is in title case: capitals mark no names.
TITLE_CASE_SHARE = 0.5
_SENTENCE_OPENERS = frozenset({".", ":", "!", "?", "\"", "“", "‘", "'", "—", "-", "–", "|"})


@dataclass(frozen=True)
class Match:
    """One lexicon entry found in a text, with its character span."""

    term: str
    surface: str
    start: int
    end: int
    category: str
    weight: float
    explanation: str
    gloss: str | None = None
    negated: bool = False

    def as_dict(self) -> dict:
        """Return the match as plain data for JSON output."""
        data = {"term": self.surface, "lemma": self.term, "category": self.category,
                "weight": self.weight, "explanation": self.explanation}
        if self.gloss:
            data["gloss"] = self.gloss
        if self.negated:
            data["negated"] = True
        return data


def token_keys(text: str, *, lang: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Return the match keys of the word tokens of ``text`` and their character spans.

    Every matcher of a sentence asks in turn, so the lists are shared: read them, do not change them.
    """
    return _token_keys(text, lang)


@lru_cache(maxsize=16)
def _token_keys(text: str, lang: str) -> tuple[list[str], list[tuple[int, int]]]:
    spans = token_spans(text, lang=lang)
    key = get_language(lang).key
    return [key(tok) for tok, _, _ in spans], [(start, end) for _, start, end in spans]


def name_tokens(text: str, spans: list[tuple[int, int]], *, lang: str) -> frozenset[int]:
    """Return the indices of the tokens of ``text`` that its capitals mark as parts of names.

    In a cased language and a text in sentence case, a capitalised word is part of a name unless it opens
    the text or a sentence (after ``.``, ``:``, ``!``, ``?``, a dash or an opening quote); a capitalised
    word just before a name token joins it ("Big" in "Big Brother star"). Words in capitals throughout
    ("AWS", "SHOCK") are not names here. A title-case text marks none.
    """
    if not get_language(lang).cased or not spans:
        return frozenset()
    words = [text[start:end] for start, end in spans]
    titled = [w[:1].isupper() and not w.isupper() for w in words]
    longer = [t for w, t in zip(words[1:], titled[1:]) if len(w) > 3 and not w.isupper()]
    if not longer or sum(longer) / len(longer) > TITLE_CASE_SHARE:
        return frozenset()
    names = {i for i in range(1, len(words)) if titled[i]
             and text[spans[i - 1][1]:spans[i][0]].strip() not in _SENTENCE_OPENERS}
    names |= {i for i in range(len(words) - 1) if titled[i] and i + 1 in names}
    return frozenset(names)


@dataclass(frozen=True)
class _Term:
    """An entry compiled for matching: one key per word (``*`` for a gap), the least length and the
    derivational suffix of each, and whether the entry is written in lower case (a common word)."""

    keys: tuple[str, ...]
    min_lengths: tuple[int, ...]
    derivations: tuple[str | None, ...]
    lower_case: bool


@dataclass(frozen=True)
class _Words:
    """The tokens of a text as the matcher compares them: keys, lengths and derivational suffixes."""

    keys: list[str]
    lengths: list[int]
    derivations: list[str | None]


class LexiconMatcher:
    """Find the entries of one lexicon in texts of its language.

    Parameters
    ----------
    entries : iterable of lexicon entries (``term, category, weight, explanation, gloss``).
    lang : the language of the lexicon and of the texts it will be given.
    negators : the lexicon's negators; a match in the reach of one (the language's negation rules) is negated.
    """

    def __init__(self, entries, *, lang: str, negators=()) -> None:
        self.lang = lang
        self.language: Language = get_language(lang)
        self._by_first: dict[str, list[tuple[_Term, object]]] = defaultdict(list)
        for entry in entries:
            term = self._compile(entry.term)
            if term.keys and term.keys[0] != "*":
                self._by_first[self._index_key(term.keys[0])].append((term, entry))
        self.negators = self.language.negators(tuple(negators))

    def _index_key(self, key: str) -> str:
        # Where words are not written apart a term may span several tokens, so index it by its first character.
        return key if self.language.spaced else key[0]

    def _compile(self, term: str) -> _Term:
        keys: list[str] = []
        lengths: list[int] = []
        derivations: list[str | None] = []
        for part in term.split():
            if part == "*" or not self.language.spaced:
                keys.append(part)
                lengths.append(0)
                derivations.append(None)
                continue
            for tok, start, end in token_spans(part, lang=self.lang):
                keys.append(self.language.key(tok))
                lengths.append(max(0, end - start - STEM_SLACK))
                derivations.append(self.language.derivation(tok))
        return _Term(tuple(keys), tuple(lengths), tuple(derivations), term == term.lower())

    def find(self, text: str) -> list[Match]:
        """Return the non-overlapping matches in ``text``, longest first where two overlap."""
        keys, spans = token_keys(text, lang=self.lang)
        words = _Words(keys, [end - start for start, end in spans],
                       [self.language.derivation(text[start:end]) for start, end in spans])
        spaced = self.language.spaced
        names = None
        candidates = []
        for i, key in enumerate(keys):
            for term, entry in self._by_first.get(self._index_key(key), ()):
                end = _match_at(term, 0, words, i, spaced)
                if end is None:
                    continue
                if names is None:
                    names = name_tokens(text, spans, lang=self.lang)
                if term.lower_case and names and names.issuperset(range(i, end)):
                    continue
                candidates.append((i, end, entry))
        if not candidates:
            return []
        negated = self.negators.scope(text, spans, keys) if self.negators else frozenset()
        return [self._match(text, spans, i, end, entry, negated=i in negated)
                for i, end, entry in _longest_first(candidates)]

    @staticmethod
    def _match(text, spans, i, end, entry, *, negated: bool) -> Match:
        start_char, end_char = spans[i][0], spans[end - 1][1]
        return Match(term=entry.term, surface=text[start_char:end_char], start=start_char, end=end_char,
                     category=entry.category, weight=float(entry.weight), explanation=entry.explanation,
                     gloss=getattr(entry, "gloss", None), negated=negated)


def _match_at(term: _Term, n: int, words: _Words, pos: int, spaced: bool) -> int | None:
    """Return the token index just past a match of ``term`` from its part ``n`` on at token ``pos``, or None."""
    while n < len(term.keys):
        if term.keys[n] == "*":
            for gap in range(MAX_GAP + 1):
                end = _consume(term, n + 1, words, pos + gap, spaced)
                if end is not None:
                    rest = _match_at(term, n + 2, words, end, spaced)
                    if rest is not None:
                        return rest
            return None
        pos = _consume(term, n, words, pos, spaced)
        if pos is None:
            return None
        n += 1
    return pos


def _consume(term: _Term, n: int, words: _Words, pos: int, spaced: bool) -> int | None:
    """Match part ``n`` of ``term`` at token ``pos``; in unspaced writing a part may cover several whole tokens."""
    keys = words.keys
    if pos >= len(keys):
        return None
    part = term.keys[n]
    if spaced:
        if keys[pos] != part:
            return None
        if term.derivations[n] is not None:
            return pos + 1 if words.derivations[pos] == term.derivations[n] else None
        return pos + 1 if words.lengths[pos] >= term.min_lengths[n] else None
    joined = ""
    while pos < len(keys) and len(joined) < len(part):
        joined += keys[pos]
        pos += 1
    return pos if joined == part else None


def _longest_first(candidates: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep non-overlapping matches, preferring longer ones, then earlier ones; return them in text order."""
    taken: list[tuple[int, int, object]] = []
    used: set[int] = set()
    for i, end, entry in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if used.isdisjoint(range(i, end)):
            taken.append((i, end, entry))
            used.update(range(i, end))
    return sorted(taken, key=lambda c: c[0])
