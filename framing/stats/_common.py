"""Shared pieces of the comparison: the measures compared, caution thresholds, seeded generators."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

#: Sentence measures compared between groups, when the sentence table has them; the frame measures of
#: the table's codebooks (:func:`frame_rates`, :func:`frame_contrasts`) stand between the two parts.
MEASURES = (
    "loaded_score",
    "sent_tb_polarity",
    "sent_tb_subjectivity",
    "sent_vader_compound",
    "sent_tone",
    "sent_polarity_density",
)
LATER_MEASURES = ("src_attribution_per_1k", "src_hedging_per_1k", "src_quote_share")
# Suffixes of the frame columns that are not a contrast index.
_FRAME_SUFFIXES = ("_count", "_per_1k", "_score", "_primary")

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
    """Return the compared measures that ``frame`` has: :data:`MEASURES`, its frame rates and contrasts,
    then :data:`LATER_MEASURES`."""
    return ([name for name in MEASURES if name in frame.columns] + frame_rates(frame) + frame_contrasts(frame)
            + [name for name in LATER_MEASURES if name in frame.columns])


def frame_counts(frame: pd.DataFrame) -> list[str]:
    """Return the frame count columns of ``frame`` (``frame_<key>_count``), in table order.

    The frame columns are the codebook's: whatever families the features were measured with.
    """
    return [c for c in frame.columns if c.startswith("frame_") and c.endswith("_count")]


def frame_rates(frame: pd.DataFrame) -> list[str]:
    """Return the frame rate columns of ``frame`` (``frame_<key>_per_1k``), in table order."""
    return [c for c in frame.columns if c.startswith("frame_") and c.endswith("_per_1k")]


def frame_contrasts(frame: pd.DataFrame) -> list[str]:
    """Return the contrast index columns of ``frame`` (``frame_<contrast>``, such as ``frame_coop_vs_sanction``)."""
    return [c for c in frame.columns if c.startswith("frame_") and not c.endswith(_FRAME_SUFFIXES)]


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
