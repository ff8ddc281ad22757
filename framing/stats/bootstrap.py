"""Percentile bootstrap intervals, resampling articles (then sentences within them) or sentences.

Resamples are drawn as integer indices in batches (:func:`_draws`), and each resample's mean is a
weighted count of its draws, so no loop runs per resample or per article.
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


#: Random draws made at once: resamples are drawn in batches of about this many draws, to bound memory.
DRAWS_PER_BATCH = 2_000_000


def _draws(sizes: np.ndarray, *, n_boot: int, rng: np.random.Generator, cluster: bool):
    """Yield batches of draws as ``(lengths, rows)``: draws per resample of the batch, and the row each drew.

    Rows are numbered in article order (``sizes`` rows per article), and a batch's draws come resample by
    resample. The row bootstrap draws ``sizes.sum()`` rows per resample; the cluster bootstrap draws
    ``len(sizes)`` articles, then, for each drawn article, as many of its rows as it has. Batches hold whole
    resamples, so the draws depend only on ``sizes``, ``n_boot`` and ``rng``.
    """
    sizes = np.asarray(sizes, dtype=np.int64)
    total, k = int(sizes.sum()), len(sizes)
    batch = max(1, DRAWS_PER_BATCH // max(total, 1))
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    for done in range(0, n_boot, batch):
        size = min(batch, n_boot - done)
        if not cluster:
            yield np.full(size, total), rng.integers(0, total, size=size * total)
            continue
        articles = rng.integers(0, k, size=(size, k))
        drawn = sizes[articles]
        # A row of a drawn article: floor(u * its size) is uniform over its rows, and far cheaper to draw
        # than integers with a bound per draw.
        flat = drawn.ravel()
        offsets = (rng.random(int(flat.sum())) * np.repeat(flat, flat)).astype(np.int64)
        yield drawn.sum(axis=1), np.repeat(starts[articles.ravel()], flat) + offsets


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
    total = int(np.sum(sizes))
    if not cluster and total * n_boot <= DRAWS_PER_BATCH:
        # One batch of the row bootstrap: the same draws as below, without the generator's overhead, which
        # dominates for the small samples of a pairwise test.
        rows = rng.integers(0, total, size=n_boot * total)
        return np.bincount(np.repeat(np.arange(n_boot), total) * total + rows,
                           minlength=n_boot * total).reshape(n_boot, total)
    found = []
    for lengths, rows in _draws(sizes, n_boot=n_boot, rng=rng, cluster=cluster):
        resample = np.repeat(np.arange(len(lengths)), lengths)
        found.append(np.bincount(resample * total + rows, minlength=len(lengths) * total).reshape(-1, total))
    return np.concatenate(found)


def resample_means(values: np.ndarray, sizes: np.ndarray, *, n_boot: int, rng: np.random.Generator,
                   cluster: bool) -> np.ndarray:
    """Return the means of ``n_boot`` resamples of ``values`` (rows in article order, ``sizes`` per article).

    The same draws as :func:`resample_counts`, without its ``n_boot`` × rows matrix: a group of 10,000
    sentences costs memory for one batch of draws, not for 2,000 copies of the group.
    """
    values = np.asarray(values, dtype=float)
    means = []
    for lengths, rows in _draws(sizes, n_boot=n_boot, rng=rng, cluster=cluster):
        firsts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        means.append(np.add.reduceat(values[rows], firsts) / lengths)
    return np.concatenate(means)


def two_sample_counts(n_a: int, n_b: int, *, n_boot: int,
                      rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Return row-resampling counts for two samples of ``n_a`` and ``n_b`` rows, each resampled on its own.

    The first sample is drawn first, so one ``rng`` gives the same pair of count arrays on every call.
    """
    counts_a = resample_counts(np.ones(n_a, dtype=int), n_boot=n_boot, rng=rng, cluster=False)
    counts_b = resample_counts(np.ones(n_b, dtype=int), n_boot=n_boot, rng=rng, cluster=False)
    return counts_a, counts_b


def percentile_interval(estimates: np.ndarray, *, level: float = LEVEL) -> tuple[float, float]:
    """Return the ``level`` percentile interval of bootstrap ``estimates`` (lower, upper).

    The same numbers as ``numpy.quantile(estimates, [(1 - level) / 2, (1 + level) / 2])`` (its default linear
    method, step by step), at a sixth of its cost: a comparison of thirty outlets asks for thousands.
    """
    ordered = np.sort(np.asarray(estimates, dtype=float))
    n = len(ordered)
    if n == 0 or np.isnan(ordered[-1]):
        return float("nan"), float("nan")
    quantiles = np.array([(1 - level) / 2, (1 + level) / 2])
    virtual = (n - 1) * quantiles
    previous = np.clip(np.floor(virtual), 0, n - 1).astype(np.intp)
    following = np.minimum(previous + 1, n - 1)
    gamma = virtual - previous
    a, b = ordered[previous], ordered[following]
    difference = b - a
    found = np.where(gamma >= 0.5, b - difference * (1 - gamma), a + difference * gamma)
    return float(found[0]), float(found[1])


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
    draws = resample_means(values, sizes, n_boot=n_boot, rng=rng, cluster=cluster)
    low, high = percentile_interval(draws, level=level)
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
