"""Percentile bootstrap intervals, resampling articles (then sentences within them) or sentences.

Every resample is a row of counts: how often each sentence was drawn. A weighted mean of the
sentence values with those counts is the resampled mean, so one matrix product gives all of them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.stats._common import (
    FEW_ARTICLES,
    LEVEL,
    MIN_ARTICLES,
    NO_VALUES,
    in_order,
    join_cautions,
    rng_for,
)

SUMMARY_COLUMNS = [
    "feature", "n_articles", "n_sentences", "mean", "ci_low", "ci_high", "unit", "n_boot", "caution",
]


def resample_counts(sizes: np.ndarray, *, n_boot: int, rng: np.random.Generator, cluster: bool) -> np.ndarray:
    """Return an ``(n_boot, sizes.sum())`` array of how often each row is drawn in each resample.

    Parameters
    ----------
    sizes : numpy.ndarray
        Number of rows in each article, articles in the order their rows appear.
    n_boot : int
        Number of resamples.
    rng : numpy.random.Generator
        Source of randomness.
    cluster : bool
        True: draw articles with replacement, then each drawn article's rows with replacement
        (two-stage cluster bootstrap). False: draw rows with replacement, ignoring articles.

    Returns
    -------
    numpy.ndarray
        Integer counts; a row sums to ``sizes.sum()`` for the row bootstrap and varies for the cluster one.
    """
    total = int(sizes.sum())
    if not cluster:
        return rng.multinomial(total, np.full(total, 1.0 / total), size=n_boot)
    k = len(sizes)
    picks = rng.multinomial(k, np.full(k, 1.0 / k), size=n_boot)
    # m copies of an article, each redrawing its n rows, are m*n draws spread evenly over those rows.
    blocks = [rng.multinomial(picks[:, j] * int(n), np.full(int(n), 1.0 / n)) for j, n in enumerate(sizes)]
    return np.hstack(blocks)


def two_sample_counts(n_a: int, n_b: int, *, n_boot: int,
                      rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Return row-resampling counts for two samples of ``n_a`` and ``n_b`` rows, each resampled on its own.

    The first sample is drawn first, so one ``rng`` gives the same pair of count arrays on every call.
    """
    counts_a = resample_counts(np.ones(n_a, dtype=int), n_boot=n_boot, rng=rng, cluster=False)
    counts_b = resample_counts(np.ones(n_b, dtype=int), n_boot=n_boot, rng=rng, cluster=False)
    return counts_a, counts_b


def percentile_interval(estimates: np.ndarray, *, level: float = LEVEL) -> tuple[float, float]:
    """Return the ``level`` percentile interval of bootstrap ``estimates`` (lower, upper)."""
    low, high = np.quantile(np.asarray(estimates, dtype=float), [(1 - level) / 2, (1 + level) / 2])
    return float(low), float(high)


def bootstrap_mean(
    values: np.ndarray, articles: np.ndarray, *, n_boot: int, rng: np.random.Generator, level: float = LEVEL
) -> tuple[float, float, float, str]:
    """Return the mean of ``values``, its percentile bootstrap interval, and the resampling unit.

    The unit is ``"article"`` (cluster bootstrap) when ``values`` come from two articles or more,
    ``"sentence"`` otherwise. With fewer than two values the interval is NaN and the unit ``""``.
    """
    values = np.asarray(values, dtype=float)
    order = np.argsort(np.asarray(articles), kind="stable")
    values = values[order]
    _, sizes = np.unique(np.asarray(articles)[order], return_counts=True)
    mean = float(values.mean()) if len(values) else float("nan")
    if len(values) < 2:
        return mean, float("nan"), float("nan"), ""
    cluster = len(sizes) >= 2
    counts = resample_counts(sizes, n_boot=n_boot, rng=rng, cluster=cluster)
    low, high = percentile_interval(counts @ values / counts.sum(axis=1), level=level)
    return mean, low, high, "article" if cluster else "sentence"


def group_summaries(
    sentences: pd.DataFrame, *, by: str, features: list[str], seed: int, n_boot: int, stratum: str = ""
) -> pd.DataFrame:
    """Return one row per group and feature: counts, mean and 95% bootstrap interval of the sentence values.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_index``, ``by`` and the ``features`` columns.
    by : str
        Column that names the groups (``"outlet"``).
    features : list of str
        Measures to summarise; missing values are left out.
    seed, n_boot : int
        Seed and number of bootstrap resamples.
    stratum : str
        Name of the stratum (story) being summarised; part of the seed of each cell.

    Returns
    -------
    pandas.DataFrame
        Columns ``by`` followed by :data:`SUMMARY_COLUMNS`.
    """
    sentences = in_order(sentences)
    rows = []
    for group, rows_of_group in sentences.groupby(by, sort=True):
        for feature in features:
            rng = rng_for(seed, "groups", stratum, str(group), feature)
            rows.append({by: group, **_summary(rows_of_group, feature, rng=rng, n_boot=n_boot)})
    return pd.DataFrame(rows, columns=[by, *SUMMARY_COLUMNS])


def _summary(rows: pd.DataFrame, feature: str, *, rng: np.random.Generator, n_boot: int) -> dict:
    """Summarise one measure in one group's rows (see :func:`group_summaries`)."""
    keep = rows[feature].notna()
    values, articles = rows.loc[keep, feature].to_numpy(dtype=float), rows.loc[keep, "article_id"].to_numpy()
    mean, low, high, unit = bootstrap_mean(values, articles, n_boot=n_boot, rng=rng)
    n_articles = len(set(articles))
    caution = join_cautions(
        NO_VALUES if len(values) == 0 else "",
        FEW_ARTICLES if 0 < n_articles < MIN_ARTICLES else "",
        "one value: no interval" if len(values) == 1 else "",
    )
    return {
        "feature": feature, "n_articles": n_articles, "n_sentences": len(values), "mean": mean,
        "ci_low": low, "ci_high": high, "unit": unit, "n_boot": n_boot if unit else 0, "caution": caution,
    }
