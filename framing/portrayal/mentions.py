"""Find the mentions of actors in a sentence, with the tokenisation the lexicons are matched with.

The rules of each language live in its module (:mod:`framing.languages`): which tokens a word of a name
matches (case-folded, or only in capitals for a name written in capitals: ``US``), the endings a name
takes (English possessive ``'s``, Swedish genitive ``-s``), whether a name may begin a compound
(Swedish ``Kinabesöket``). In a language written without spaces (Chinese), a name matches where it begins
at a word boundary of the language's tokeniser, so 中国 is found in 中国政府 (one jieba word) but 美国 is
not found inside 中美.

Where two aliases overlap, the longer one wins ("US government" over "US").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from framing.languages import get_language
from framing.portrayal.catalogue import Actor


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
        self.language = get_language(lang)

    @cached_property
    def _aliases(self) -> dict[str, list[_Alias]]:
        """Aliases indexed by their first word's key (English, Swedish and other spaced languages)."""
        index: dict[str, list[_Alias]] = defaultdict(list)
        for actor in self.actors:
            for alias in actor.aliases:
                words = tuple(token for token, _, _ in self.language.token_spans(alias))
                if words:
                    capitals = any(ch.isalpha() for ch in alias) and alias.upper() == alias and len(alias) > 1
                    index[words[0].casefold()].append(_Alias(actor.name, words, capitals))
        return index

    def find(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, in text order, longest first where two overlap."""
        found = self._find_spaced(text) if self.language.spaced else self._find_unspaced(text)
        return _longest_first(found)

    def _find_spaced(self, text: str) -> list[Mention]:
        tokens = self.language.token_spans(text)
        found = []
        for i, (token, start, _) in enumerate(tokens):
            for alias in self._candidates(token):
                end = self._match(alias, tokens, i)
                if end is not None:
                    found.append(Mention(alias.actor, text[start:end], start, end))
        return found

    def _candidates(self, token: str) -> list[_Alias]:
        found = [a for key in self.language.name_keys(token) for a in self._aliases.get(key, ())]
        return list(dict.fromkeys(found))

    def _match(self, alias: _Alias, tokens, i: int) -> int | None:
        """Return the end character of ``alias`` matched from token ``i``, or None."""
        if i + len(alias.words) > len(tokens):
            return None
        last = len(alias.words) - 1
        for n, word in enumerate(alias.words):
            token, start, end = tokens[i + n]
            if not self.language.name_word_matches(word, token, last=n == last, capitals=alias.capitals):
                return None
        return end

    def _find_unspaced(self, text: str) -> list[Mention]:
        starts = {start for _, start, _ in self.language.token_spans(text)}
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


def _longest_first(found: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring longer then earlier ones; return them in text order."""
    taken: list[Mention] = []
    for mention in sorted(found, key=lambda m: (-(m.end - m.start), m.start, m.actor)):
        if all(mention.end <= other.start or mention.start >= other.end for other in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: (m.start, m.actor))
