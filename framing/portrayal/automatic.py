"""Actors found without an actors file: the names of people, places and organisations in a sentence.

- Chinese: the part-of-speech tags of jieba's shipped dictionary (``nr``, ``nrfg``, ``nrt`` person,
  ``ns`` place, ``nt`` organisation; ``nz``, other proper nouns, is left out); a name jieba splits into
  person parts (阿尔特 + 曼) is joined up, and a capitalised Latin word (OpenAI) is a name too.
- English and Swedish (and other languages written in Latin script): a proper-noun method. A run of
  capitalised words (joined by "of", "de", "von" and the like) is a name, unless it is only a
  capitalised function word ("The", "Det"), or a lone capitalised word opening a sentence (as often an
  ordinary word as a name) other than an acronym of up to four capitals (NATO; not "SHOCK:"). A common word opening a sentence before a name ("According", "Enligt") is
  dropped only when it is in the short lists below.
  It cannot tell a person from a place, and it takes capitalised titles and product names as names. A
  name made only of weekday and month names ("Tuesday", "March") is a date, not an actor; so a lone "May"
  is taken for the month, while "Theresa May" stays a name.

Each name is its own actor, written as in the text; an English possessive or Swedish genitive ``s`` is not
part of it. Measured on a few hand-written texts in ``tests/portrayal/test_automatic.py``; see the README.
"""

from __future__ import annotations

import re
from functools import cache

from framing.portrayal.mentions import Mention

PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
ZH_TAGS = PERSON_TAGS | {"ns", "nt"}
#: A lone word in capitals opening a sentence is a name (an acronym) up to this many letters.
ACRONYM_OPENER = 4
JOINERS = frozenset({"of", "de", "von", "van", "der", "la", "al", "bin"})
_WORD = re.compile(r"[^\W\d_][\w\-’']*")


def names(text: str, *, lang: str) -> list[Mention]:
    """Return the names found in ``text`` as mentions, each its own actor."""
    if lang == "zh":
        return _chinese(text)
    return _capitalised(text, lang=lang)


def _chinese(text: str) -> list[Mention]:
    spans, at = [], 0
    for word, tag in _posseg().cut(text):
        begin = text.find(word, at)
        if begin < 0:
            continue
        at = begin + len(word)
        # jieba splits transliterated names it does not know (阿尔特 + 曼, 杰弗里 · 辛顿): person parts join up.
        if spans and tag in PERSON_TAGS | {"x"} and spans[-1][2] in PERSON_TAGS and spans[-1][1] == begin \
                and (tag != "x" or word == "·"):
            spans[-1] = (spans[-1][0], at, spans[-1][2])
            continue
        spans.append((begin, at, tag))
    found = []
    for begin, end, tag in spans:
        word = text[begin:end].rstrip("·")
        latin = tag == "eng" and word[:1].isupper()
        if (tag in ZH_TAGS and len(word) >= 2) or latin:
            found.append(Mention(word, word, begin, begin + len(word)))
    return found


@cache
def _posseg():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _capitalised(text: str, *, lang: str) -> list[Mention]:
    from framing.languages import get_language

    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    language = get_language(lang)
    not_names, calendar = language.not_names, language.is_calendar_word
    found, run = [], []
    for i, (word, start, end) in enumerate(words):
        first = i == 0 or _sentence_break(text, words[i - 1][2], start)
        if run and (first or text[words[i - 1][2]:start].strip()):
            # A name does not run across a sentence end or punctuation ("Azure Government, Microsoft").
            found += _flush(text, run, calendar)
            run = []
        # A compound whose last part is lower-case ("AI-företag", "AI-powered") is not a name.
        capital = (word[0].isupper() and not (word.isupper() and len(word) > 5)
                   and not word.rsplit("-", 1)[-1][:1].islower())
        if capital and word.casefold() not in not_names:
            run.append((word, start, end, first))
            continue
        # "Bank of England", "University of Oslo": a joiner continues a one-word name only, so that
        # "Sam Altman of OpenAI" stays two names.
        if len(run) == 1 and word in JOINERS and i + 1 < len(words) and words[i + 1][0][0].isupper():
            run.append((word, start, end, False))
            continue
        found += _flush(text, run, calendar)
        run = []
    return found + _flush(text, run, calendar)


def _sentence_break(text: str, previous_end: int, start: int) -> bool:
    return any(mark in text[previous_end:start] for mark in ".!?:;\"“”«»")


def _flush(text: str, run: list, calendar) -> list[Mention]:
    while run and run[-1][0] in JOINERS:
        run = run[:-1]
    if not run or all(calendar(word) for word, *_ in run):
        return []
    start, end = run[0][1], run[-1][2]
    surface = text[start:end]
    name = re.sub(r"(’s|'s|'|’)$", "", surface)
    if len(run) == 1 and run[0][3] and not (name.isupper() and len(name) <= ACRONYM_OPENER):
        # A lone capitalised word opening a sentence is as often an ordinary word ("Officials said") as a
        # name; keep it only when it is a short word in capitals (an acronym: NATO), not a shouted
        # headline label ("SHOCK:", "WATCH:").
        return []
    return [Mention(name, surface, start, end)]
