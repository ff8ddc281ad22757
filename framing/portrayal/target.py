"""Sentiment towards a target: negative, neutral or positive, from the words around the mention.

Two models, both with weights shipped as plain arrays in ``framing/portrayal/data/target_sentiment.npz``
(rebuilt from the training file by ``python -m framing.portrayal.train``):

- ``encoder`` (English, needs ``framing[encoder]``): the sentence is read once by all-MiniLM-L6-v2; for
  each mention, the mean of the vectors of its own tokens and a mean of the other tokens weighted by their
  nearness to it, at layers 4 and 6, plus the lexicon evidence near the mention, go into a small network
  (one hidden layer; trained with torch, applied in numpy). The encoder sees the whole sentence, so "Altman praised Beijing
  while attacking Congress" gives Beijing and Congress different vectors.
- ``lexicon`` (every language with a polarity lexicon): the polarity words within eight tokens of the
  mention, weighted by nearness, and those of the whole sentence, under a logistic regression fitted on the
  same English file. For Chinese and Swedish its probabilities assume that their lexicons mark tone as the
  English one does; they have not been measured there.

Elsewhere (no polarity lexicon for the language) the sentiment is NaN, with a reason.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from framing.portrayal import window

LABELS = ("negative", "neutral", "positive")
MODEL_FILE = "target_sentiment.npz"
ENCODER_NAME = "minilm"
ENCODER_LANGUAGES = frozenset({"en"})
LAYERS = (4, 6)
# Nearness of a token to the mention in the "near" mean: exp(-distance / NEAR_DECAY), distance in tokens.
NEAR_DECAY = 4.0
MAX_TOKENS = 256


@dataclass(frozen=True)
class Portrayal:
    """How one mention is portrayed: label, probabilities, score (p_positive - p_negative) and the method."""

    sentiment: str
    p_negative: float
    p_neutral: float
    p_positive: float
    method: str
    na_reason: str = ""

    @property
    def score(self) -> float:
        return self.p_positive - self.p_negative

    @classmethod
    def missing(cls, reason: str) -> Portrayal:
        return cls("", math.nan, math.nan, math.nan, "", reason)


@dataclass(frozen=True)
class Classifier:
    """Standardised features through dense layers (GELU between them) to three logits, as plain arrays.

    One layer is a multinomial logistic regression (the lexicon model); two are a small network (the
    encoder model: one hidden layer, trained with torch, applied here in numpy).
    """

    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]

    def probabilities(self, row: np.ndarray) -> np.ndarray:
        """Return the class probabilities of one feature row (computed row by row: same bytes in any batch)."""
        values = (np.asarray(row, dtype=np.float64) - self.mean) / self.scale
        for layer, (weight, bias) in enumerate(zip(self.weights, self.biases)):
            values = values @ weight + bias
            if layer < len(self.weights) - 1:
                values = _gelu(values)
        values = values - values.max()
        exp = np.exp(values)
        return exp / exp.sum()

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        """Return the classifier as named float32 arrays (``<name>_mean``, ``<name>_w0``, ...)."""
        found = {f"{name}_mean": self.mean, f"{name}_scale": self.scale}
        for layer, (weight, bias) in enumerate(zip(self.weights, self.biases)):
            found |= {f"{name}_w{layer}": weight, f"{name}_b{layer}": bias}
        return {key: np.asarray(value, dtype=np.float32) for key, value in found.items()}

    @classmethod
    def from_arrays(cls, data, name: str) -> Classifier:
        """Rebuild the classifier ``name`` from :meth:`arrays`."""
        layers = sorted(int(key[len(name) + 2:]) for key in data if key.startswith(f"{name}_w"))
        get = lambda key: np.asarray(data[key], dtype=np.float64)  # noqa: E731
        return cls(get(f"{name}_mean"), get(f"{name}_scale"), tuple(get(f"{name}_w{n}") for n in layers),
                   tuple(get(f"{name}_b{n}") for n in layers))


def _gelu(values: np.ndarray) -> np.ndarray:
    """The exact GELU, as torch's default: ``x * Phi(x)``."""
    from scipy.special import erf

    return 0.5 * values * (1.0 + erf(values / np.sqrt(2.0)))


@cache
def shipped() -> dict[str, Classifier]:
    """Return the shipped models by name (``encoder``, ``lexicon``)."""
    with resources.files("framing.portrayal").joinpath("data", MODEL_FILE).open("rb") as handle:
        data = dict(np.load(handle, allow_pickle=False))
    return {name: Classifier.from_arrays(data, name) for name in ("encoder", "lexicon")}


@cache
def record() -> dict:
    """Return how the shipped weights were trained (data, licence, seed, cross-validated figures)."""
    return json.loads(resources.files("framing.portrayal").joinpath("data", "target_sentiment.json").read_text())


def encoder_available() -> bool:
    """Return whether the optional encoder can be loaded here."""
    from importlib.util import find_spec

    from framing.detection.encoder import ENCODERS

    return all(find_spec(name) is not None for name in (ENCODERS[ENCODER_NAME], "transformers", "torch"))


def method_for(lang: str, *, use_encoder: bool = True, lexicons: str | None = None) -> str | None:
    """Return the method that scores mentions in ``lang`` (``encoder``, ``lexicon``), or None."""
    if use_encoder and lang in ENCODER_LANGUAGES and encoder_available():
        return "encoder"
    if window.has_lexicon(lang, lexicons=lexicons):
        return "lexicon"
    return None


def portray(text: str, spans: list[tuple[int, int]], *, lang: str, use_encoder: bool = True,
            lexicons: str | None = None) -> list[Portrayal]:
    """Return how each mention at ``spans`` (character offsets in ``text``) is portrayed."""
    method = method_for(lang, use_encoder=use_encoder, lexicons=lexicons)
    if method is None:
        reason = f"target sentiment: no polarity lexicon and no target model for '{lang}'"
        return [Portrayal.missing(reason) for _ in spans]
    models = shipped()
    lexical = [window.features(text, start, end, lang=lang, lexicons=lexicons) for start, end in spans]
    if method == "encoder":
        rows = [np.concatenate([vector, lex]) for vector, lex in zip(encoder_features(text, spans), lexical)]
    else:
        rows = lexical
    portrayals = []
    for row in rows:
        p = models[method].probabilities(np.asarray(row, dtype=np.float64))
        portrayals.append(Portrayal(LABELS[int(np.argmax(p))], float(p[0]), float(p[1]), float(p[2]), method))
    return portrayals


def encoder_features(text: str, spans: list[tuple[int, int]]) -> list[np.ndarray]:
    """Return the encoder features of each mention of one sentence (the sentence is encoded once, alone)."""
    import torch

    from framing.detection.encoder import _model

    tokenizer, model = _model(ENCODER_NAME)
    encoded = tokenizer(text, truncation=True, max_length=MAX_TOKENS, return_tensors="pt",
                        return_offsets_mapping=True)
    offsets = encoded.pop("offset_mapping")[0].numpy()
    with torch.inference_mode():
        hidden = model(**encoded).hidden_states
    layers = [hidden[layer][0].numpy().astype(np.float64) for layer in LAYERS]
    return [_pooled(layers, offsets, start, end) for start, end in spans]


def _pooled(layers: list[np.ndarray], offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """The mention's features: per layer, its tokens' mean and the nearness-weighted mean of the other tokens."""
    real = offsets[:, 1] > offsets[:, 0]
    span = real & (offsets[:, 0] < end) & (offsets[:, 1] > start)
    inside = np.flatnonzero(span)
    if len(inside) == 0:
        # The mention lies past the encoder's MAX_TOKENS: its nearest token is the last one read.
        inside = np.flatnonzero(real)[-1:]
        span = np.zeros_like(real)
        span[inside] = True
    first, last = inside.min(), inside.max()
    position = np.arange(len(offsets))
    distance = np.where(position < first, first - position, np.where(position > last, position - last, 0))
    nearness = np.exp(-distance / NEAR_DECAY) * (real & ~span)
    parts = []
    for hidden in layers:
        parts += [hidden[inside].mean(axis=0), nearness @ hidden / max(float(nearness.sum()), 1e-9)]
    return np.concatenate(parts)
