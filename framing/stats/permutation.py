"""Permutation test for a difference in means between two groups, used for the frame contrast indices
(``frame_coop_vs_sanction``)."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy import stats

from framing.stats._common import LEVEL, rng_for
from framing.stats.bootstrap import percentile_interval, two_sample_counts
from framing.stats.ranktests import (
    TEST_COLUMNS,
    caution_for,
    holm,
    samples,
    unit_for,
    values_of,
)

_NO_TEST = "fewer than 2 values in a group: no permutation test"


def _mean_difference(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


def mean_difference_test(a, b, *, n_resamples: int, rng: np.random.Generator) -> tuple[float, float]:
    """Return mean(a) - mean(b) and its two-sided permutation p-value.

    When the number of distinct relabellings is at most ``n_resamples`` every one is enumerated and the
    p-value is exact; otherwise ``n_resamples`` random relabellings are drawn. The p-value is NaN when a
    sample has fewer than two values (scipy's requirement), the difference too when one is empty.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) < 2 or len(b) < 2:
        return float(_mean_difference(a, b)) if len(a) and len(b) else float("nan"), float("nan")
    result = stats.permutation_test(
        (a, b), _mean_difference, permutation_type="independent", alternative="two-sided",
        n_resamples=n_resamples, vectorized=True, rng=rng,
    )
    return float(result.statistic), float(result.pvalue)


def mean_difference_interval(
    a, b, *, n_boot: int, rng: np.random.Generator, level: float = LEVEL
) -> tuple[float, float]:
    """Return a percentile bootstrap interval for mean(a) - mean(b), resampling each sample on its own."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) == 0 or len(b) == 0:
        return float("nan"), float("nan")
    counts_a, counts_b = two_sample_counts(len(a), len(b), n_boot=n_boot, rng=rng)
    return percentile_interval(counts_a @ a / len(a) - counts_b @ b / len(b), level=level)


def permutation_tests(
    sentences: pd.DataFrame, *, by: str, seed: int, n_boot: int, feature: str, stratum: str = ""
) -> pd.DataFrame:
    """Return pairwise permutation tests of the difference in mean ``feature`` between groups.

    A pair is compared by article means when both groups have two articles or more, by sentences
    otherwise. ``n_boot`` sets both the permutations and the bootstrap
    resamples of the interval; ``p_holm`` adjusts the pairs together.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`framing.stats.ranktests.TEST_COLUMNS`; empty when ``feature`` is absent.
    """
    if feature not in sentences.columns:
        return pd.DataFrame(columns=TEST_COLUMNS)
    groups = samples(sentences, by=by, feature=feature)
    rows = [
        _pair_row(a, b, groups, feature=feature, n_boot=n_boot, rngs=(
            rng_for(seed, "permutation", stratum, a, b), rng_for(seed, "difference", stratum, a, b)))
        for a, b in itertools.combinations(groups, 2)
    ]
    table = pd.DataFrame(rows, columns=TEST_COLUMNS).astype({"n_a": "Int64", "n_b": "Int64"})
    table["p_holm"] = holm(table["p_value"].to_numpy(dtype=float))
    return table


def _pair_row(a: str, b: str, groups: dict, *, feature: str, n_boot: int, rngs: tuple) -> dict:
    """One row of :func:`permutation_tests`."""
    unit = unit_for([groups[a], groups[b]])
    x, y = values_of(groups[a], unit), values_of(groups[b], unit)
    diff, p = mean_difference_test(x, y, n_resamples=n_boot, rng=rngs[0])
    low, high = mean_difference_interval(x, y, n_boot=n_boot, rng=rngs[1])
    n_articles = [groups[a].n_articles, groups[b].n_articles]
    return {
        "feature": feature, "test": "permutation", "group_a": a, "group_b": b, "n_groups": len(groups),
        "n": len(x) + len(y), "n_a": len(x), "n_b": len(y), "n_articles": sum(n_articles), "unit": unit,
        "statistic": diff, "p_value": p, "p_holm": np.nan, "effect": "mean_difference", "estimate": diff,
        "ci_low": low, "ci_high": high, "n_boot": n_boot,
        "caution": caution_for(n_articles, unit, _NO_TEST if np.isnan(p) else ""),
    }
