"""Match lexicon entries in text: word boundaries, multiword phrases, inflection and negation.

English and Swedish are matched on Snowball stems of lower-cased word tokens, so "sanctions",
"sanctioned" and "sanction" are one entry. Chinese is matched on jieba tokens: a term matches where
its characters run from one token boundary to another, so 合作 matches in 通过合作降低 but not
inside a longer word. A term part ``*`` is a gap of up to ``MAX_GAP`` tokens (据 * 报道).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from framing.text import token_spans

MAX_GAP = 4
NEGATION_WINDOW = 3
STEMMERS = {"en": "english", "sv": "swedish"}


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


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    import snowballstemmer

    return snowballstemmer.stemmer(STEMMERS[lang])


@lru_cache(maxsize=200_000)
def _key(token: str, lang: str) -> str:
    word = token.casefold().replace("’", "'")
    return _stemmer(lang).stemWord(word) if lang in STEMMERS else word


def token_keys(text: str, *, lang: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Return the match keys of the word tokens of ``text`` and their character spans."""
    spans = token_spans(text, lang=lang)
    return [_key(tok, lang) for tok, _, _ in spans], [(start, end) for _, start, end in spans]


class LexiconMatcher:
    """Find the entries of one lexicon in texts of its language.

    Parameters
    ----------
    entries : iterable of lexicon entries (``term, category, weight, explanation, gloss``).
    lang : the language of the lexicon and of the texts it will be given.
    negators : terms that, within ``NEGATION_WINDOW`` tokens before a match, mark it negated.
    """

    def __init__(self, entries, *, lang: str, negators=()) -> None:
        self.lang = lang
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = defaultdict(list)
        for entry in entries:
            parts = self._term_keys(entry.term)
            if parts and parts[0] != "*":
                self._by_first[self._index_key(parts[0])].append((parts, entry))
        self._negators = {key for term in negators for key in self._term_keys(term)}

    def _index_key(self, key: str) -> str:
        # A Chinese term may span several jieba tokens, so index it by its first character.
        return key[0] if self.lang == "zh" else key

    def _term_keys(self, term: str) -> tuple[str, ...]:
        keys: list[str] = []
        for part in term.split():
            if part == "*":
                keys.append("*")
            elif self.lang == "zh":
                keys.append(part)
            else:
                keys.extend(_key(tok, self.lang) for tok, _, _ in token_spans(part, lang=self.lang))
        return tuple(keys)

    def find(self, text: str) -> list[Match]:
        """Return the non-overlapping matches in ``text``, longest first where two overlap."""
        keys, spans = token_keys(text, lang=self.lang)
        candidates = []
        for i, key in enumerate(keys):
            for parts, entry in self._by_first.get(self._index_key(key), ()):
                end = _match_at(parts, keys, i, self.lang)
                if end is not None:
                    candidates.append((i, end, entry))
        return [self._match(text, keys, spans, i, end, entry) for i, end, entry in _longest_first(candidates)]

    def _match(self, text, keys, spans, i, end, entry) -> Match:
        window = keys[max(0, i - NEGATION_WINDOW):i]
        start_char, end_char = spans[i][0], spans[end - 1][1]
        return Match(term=entry.term, surface=text[start_char:end_char], start=start_char, end=end_char,
                     category=entry.category, weight=float(entry.weight), explanation=entry.explanation,
                     gloss=getattr(entry, "gloss", None), negated=any(k in self._negators for k in window))


def _match_at(parts: tuple[str, ...], keys: list[str], i: int, lang: str) -> int | None:
    """Return the token index just past a match of ``parts`` starting at token ``i``, or None."""
    pos = i
    for n, part in enumerate(parts):
        if part == "*":
            nxt = parts[n + 1]
            for gap in range(MAX_GAP + 1):
                end = _consume(nxt, keys, pos + gap, lang)
                if end is not None:
                    return _match_at(parts[n + 2:], keys, end, lang) if n + 2 < len(parts) else end
            return None
        pos = _consume(part, keys, pos, lang)
        if pos is None:
            return None
    return pos


def _consume(part: str, keys: list[str], pos: int, lang: str) -> int | None:
    """Match one term part at token ``pos``; Chinese parts may cover several whole tokens."""
    if pos >= len(keys):
        return None
    if lang != "zh":
        return pos + 1 if keys[pos] == part else None
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
