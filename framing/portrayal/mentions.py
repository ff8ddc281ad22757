"""Find the mentions of actors in a sentence, with the tokenisation the lexicons are matched with.

Rules, per language:

- Words are compared case-folded, except an alias written in capitals (``US``, ``EU``, ``USA``), which
  matches only in capitals, so that "us" is not the United States.
- English: a possessive ``'s`` (or ``’s``, ``'``) on the alias's last word still matches (China's).
- Swedish: the genitive ``-s`` (Kinas) and a compound that begins with the alias (Kinabesöket) match, the
  latter for aliases of four letters or more, so that short names are not found inside ordinary words.
- Chinese, written without spaces: an alias matches where it begins at a jieba word boundary, so 中国 is
  found in 中国政府 (one jieba word) but 美国 is not found inside 中美.

Where two aliases overlap, the longer one wins ("US government" over "US").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from framing.portrayal.catalogue import Actor
from framing.text import token_spans

POSSESSIVES = ("'s", "’s", "'", "’")
COMPOUND_MIN = 4


@dataclass(frozen=True)
class Mention:
    """One actor named in a sentence: the actor, the words used and their character span."""

    actor: str
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class _Alias:
    actor: str
    words: tuple[str, ...]
    capitals: bool


class MentionFinder:
    """Find the mentions of ``actors`` in sentences of one language.

    Parameters
    ----------
    actors : the actors and their aliases.
    lang : the language of the sentences.
    """

    def __init__(self, actors: tuple[Actor, ...], *, lang: str) -> None:
        self.actors = actors
        self.lang = lang

    @cached_property
    def _aliases(self) -> dict[str, list[_Alias]]:
        """Aliases indexed by their first word's key (English, Swedish and other spaced languages)."""
        index: dict[str, list[_Alias]] = defaultdict(list)
        for actor in self.actors:
            for alias in actor.aliases:
                words = tuple(token for token, _, _ in token_spans(alias, lang="en"))
                if words:
                    capitals = any(ch.isalpha() for ch in alias) and alias.upper() == alias and len(alias) > 1
                    index[words[0].casefold()].append(_Alias(actor.name, words, capitals))
        return index

    def find(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, in text order, longest first where two overlap."""
        found = self._find_zh(text) if self.lang == "zh" else self._find_spaced(text)
        return _longest_first(found)

    def _find_spaced(self, text: str) -> list[Mention]:
        tokens = token_spans(text, lang=self.lang)
        found = []
        for i, (token, start, _) in enumerate(tokens):
            for alias in self._candidates(token):
                end = self._match(alias, tokens, i)
                if end is not None:
                    found.append(Mention(alias.actor, text[start:end], start, end))
        return found

    def _candidates(self, token: str) -> list[_Alias]:
        key = token.casefold()
        found = list(self._aliases.get(key, ()))
        for suffix in (*POSSESSIVES, "s"):
            if key.endswith(suffix) and len(key) > len(suffix):
                found += self._aliases.get(key[: -len(suffix)], ())
        if self.lang == "sv":
            found += [a for prefix in _prefixes(key) for a in self._aliases.get(prefix, ())]
        return list(dict.fromkeys(found))

    def _match(self, alias: _Alias, tokens, i: int) -> int | None:
        """Return the end character of ``alias`` matched from token ``i``, or None."""
        if i + len(alias.words) > len(tokens):
            return None
        last = len(alias.words) - 1
        for n, word in enumerate(alias.words):
            token, start, end = tokens[i + n]
            if not self._word_matches(word, token, last=n == last, capitals=alias.capitals):
                return None
        return end

    def _word_matches(self, word: str, token: str, *, last: bool, capitals: bool) -> bool:
        same = (lambda a, b: a == b) if capitals else (lambda a, b: a.casefold() == b.casefold())
        if same(word, token):
            return True
        if not last:
            return False
        if self.lang == "en":
            return any(token.endswith(p) and same(word, token[: -len(p)]) for p in POSSESSIVES)
        if self.lang == "sv":
            if token.endswith("s") and same(word, token[:-1]):
                return True
            return (not capitals and len(word) >= COMPOUND_MIN and len(token) > len(word) + 2
                    and token.casefold().startswith(word.casefold()))
        return False

    def _find_zh(self, text: str) -> list[Mention]:
        starts = {start for _, start, _ in token_spans(text, lang="zh")}
        folded = text.casefold()
        found = []
        for actor in self.actors:
            for alias in actor.aliases:
                key = alias.casefold()
                at = folded.find(key)
                while at >= 0:
                    end = at + len(key)
                    # A Latin alias (OpenAI) must also end at a word's end, not run into a longer name.
                    if at in starts and not (key[-1].isascii() and key[-1].isalnum() and end < len(text)
                                             and text[end].isascii() and text[end].isalnum()):
                        found.append(Mention(actor.name, text[at:end], at, end))
                    at = folded.find(key, at + 1)
        return found


def _prefixes(key: str) -> list[str]:
    """The beginnings of a Swedish word that could be an alias it is compounded from."""
    return [key[:n] for n in range(COMPOUND_MIN, len(key) - 2)]


def _longest_first(found: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring longer then earlier ones; return them in text order."""
    taken: list[Mention] = []
    for mention in sorted(found, key=lambda m: (-(m.end - m.start), m.start, m.actor)):
        if all(mention.end <= other.start or mention.start >= other.end for other in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: (m.start, m.actor))
