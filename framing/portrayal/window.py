"""Lexicon evidence around a mention: the polarity words near it, weighted by how near they are.

A polarity word (``lexicons/polarity/<lang>.yaml``) outside the mention counts with its lexicon weight
times ``exp(-distance / DECAY)``, the distance in word tokens from the mention's nearest edge, up to
``WINDOW`` tokens away; a negated word (a negator from ``lexicons/modifiers`` within three tokens before
it) counts for the other side. The sums over the window, and over the whole sentence, are the features
of the lexicon model and the words it shows as the evidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from framing.text import token_spans

WINDOW = 8
DECAY = 3.0
N_FEATURES = 4


@dataclass(frozen=True)
class Cue:
    """A polarity word near a mention: its words, polarity, and how much it counts (weight x nearness)."""

    surface: str
    polarity: str
    weight: float
    start: int
    end: int


@lru_cache(maxsize=None)
def _matcher(lang: str, root: str | None):
    from pathlib import Path

    from framing.features.analyzer import LanguageAnalyzer

    return LanguageAnalyzer(lang, Path(root) if root else None).matchers.get("polarity")


def has_lexicon(lang: str, *, lexicons: str | None = None) -> bool:
    """Return whether ``lang`` has a polarity lexicon (the lexicon model needs one)."""
    return _matcher(lang, lexicons) is not None


def cues(text: str, start: int, end: int, *, lang: str, lexicons: str | None = None) -> list[Cue]:
    """Return the polarity words within ``WINDOW`` tokens of the mention at ``text[start:end]``, nearest first."""
    matcher = _matcher(lang, lexicons)
    if matcher is None:
        return []
    spans = [(s, e) for _, s, e in token_spans(text, lang=lang)]
    inside = [i for i, (s, e) in enumerate(spans) if s < end and e > start]
    if not inside:
        return []
    first, last = inside[0], inside[-1]
    token_at = {s: i for i, (s, _) in enumerate(spans)}
    found = []
    for match in matcher.find(text):
        if match.start < end and match.end > start:
            continue
        i = token_at.get(match.start)
        if i is None:
            continue
        distance = first - i if i < first else i - last
        if distance > WINDOW:
            continue
        polarity = match.category if not match.negated else _other(match.category)
        found.append(Cue(match.surface, polarity, match.weight * math.exp(-(distance - 1) / DECAY),
                         match.start, match.end))
    return sorted(found, key=lambda cue: -cue.weight)


def features(text: str, start: int, end: int, *, lang: str, lexicons: str | None = None) -> np.ndarray:
    """Return ``[positive, negative]`` sums near the mention and ``[positive, negative]`` over the sentence."""
    near = cues(text, start, end, lang=lang, lexicons=lexicons)
    row = np.zeros(N_FEATURES, dtype=np.float64)
    for cue in near:
        row[0 if cue.polarity == "positive" else 1] += cue.weight
    for match in _matcher(lang, lexicons).find(text) if has_lexicon(lang, lexicons=lexicons) else ():
        if match.start < end and match.end > start:
            continue
        polarity = match.category if not match.negated else _other(match.category)
        row[2 if polarity == "positive" else 3] += match.weight
    return row


def _other(category: str) -> str:
    return "negative" if category == "positive" else "positive"
