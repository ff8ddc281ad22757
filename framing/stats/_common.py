"""Shared pieces of the comparison: the measures compared, caution thresholds, seeded generators."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

#: Frames named in the data contract; each has ``frame_<name>_count`` and ``frame_<name>_per_1k``.
FRAMES = ("sanctions", "cooperation", "competition", "safety", "security", "regulation")

#: Sentence measures compared between groups, when the sentence table has them.
MEASURES = (
    "loaded_score",
    "sent_tb_polarity",
    "sent_tb_subjectivity",
    "sent_vader_compound",
    "sent_tone",
    "sent_polarity_density",
    *(f"frame_{name}_per_1k" for name in FRAMES),
    "frame_coop_vs_sanction",
    "src_attribution_per_1k",
    "src_hedging_per_1k",
    "src_quote_share",
)

#: A group with fewer articles than this cannot support a claim about the outlet.
MIN_ARTICLES = 5
#: Chi-square's approximation is doubtful when an expected count falls below this.
MIN_EXPECTED = 5.0
#: Level of every confidence interval.
LEVEL = 0.95

FEW_ARTICLES = f"fewer than {MIN_ARTICLES} articles in a group"
SENTENCE_UNITS = "sentences as units: ignores that sentences of one article are alike"
NO_VALUES = "empty group: no values for this measure"


def measures(frame: pd.DataFrame) -> list[str]:
    """Return the compared measures that ``frame`` has, in the order of :data:`MEASURES`."""
    return [name for name in MEASURES if name in frame.columns]


def rng_for(seed: int, *keys: str) -> np.random.Generator:
    """Return a generator seeded by ``seed`` and ``keys``.

    Each table cell draws from its own stream, so its numbers do not depend on which other groups or
    measures were compared, nor on the order they were computed in.
    """
    return np.random.default_rng([seed, *(zlib.crc32(key.encode("utf-8")) for key in keys)])


def join_cautions(*notes: str) -> str:
    """Join the non-empty ``notes`` with ``"; "``, dropping repeats and keeping their order."""
    return "; ".join(dict.fromkeys(note for note in notes if note))


def in_order(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return ``sentences`` sorted by article and sentence, so results do not depend on row order."""
    return sentences.sort_values(["article_id", "sentence_index"], kind="stable").reset_index(drop=True)


def article_means(values: pd.Series, articles: pd.Series) -> np.ndarray:
    """Return the mean of the non-missing ``values`` of each article, in sorted article order."""
    keep = values.notna()
    return values[keep].groupby(articles[keep], sort=True).mean().to_numpy(dtype=float)
