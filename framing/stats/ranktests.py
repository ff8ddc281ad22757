"""Rank tests between groups: Kruskal–Wallis, pairwise Mann–Whitney U (Holm-adjusted), Cliff's delta."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pandas as pd
from scipy import special, stats

from framing.stats._common import (
    FEW_ARTICLES,
    LEVEL,
    MIN_ARTICLES,
    SENTENCE_UNITS,
    in_order,
    join_cautions,
    rng_for,
)
from framing.stats.bootstrap import percentile_interval, two_sample_counts

TEST_COLUMNS = [
    "feature", "test", "group_a", "group_b", "n_groups", "n", "n_a", "n_b", "n_articles", "unit",
    "statistic", "p_value", "p_holm", "effect", "estimate", "ci_low", "ci_high", "n_boot", "caution",
]


def holm(pvalues) -> np.ndarray:
    """Return Holm's step-down adjusted p-values, in the order given; NaN stays NaN and is not counted.

    Examples
    --------
    >>> holm([0.01, 0.04, 0.03, 0.005]).round(3).tolist()
    [0.03, 0.06, 0.06, 0.02]
    """
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    present = np.flatnonzero(~np.isnan(p))
    order = present[np.argsort(p[present], kind="stable")]
    m = len(order)
    scaled = (m - np.arange(m)) * p[order]
    out[order] = np.minimum(np.maximum.accumulate(scaled), 1.0)
    return out


def cliffs_delta(a, b) -> float:
    """Return Cliff's delta, P(a > b) - P(a < b) over all pairs; NaN when either sample is empty."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) == 0 or len(b) == 0:
        return float("nan")
    return float(np.sign(a[:, None] - b[None, :]).mean())


def cliffs_delta_interval(
    a, b, *, n_boot: int, rng: np.random.Generator, level: float = LEVEL, signs: np.ndarray | None = None
) -> tuple[float, float]:
    """Return a percentile bootstrap interval for Cliff's delta, resampling each sample independently.

    ``signs``, the matrix ``sign(a[i] - b[j])``, may be passed when the caller has it already.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) == 0 or len(b) == 0:
        return float("nan"), float("nan")
    signs = np.sign(a[:, None] - b[None, :]) if signs is None else signs
    counts_a, counts_b = two_sample_counts(len(a), len(b), n_boot=n_boot, rng=rng)
    deltas = ((counts_a @ signs) * counts_b).sum(axis=1) / (len(a) * len(b))
    return percentile_interval(deltas, level=level)


def kruskal(samples: list[np.ndarray]) -> tuple[float, float]:
    """Return the Kruskal–Wallis H and p-value (chi-square approximation, tie-corrected); NaN if undefined."""
    if len(samples) < 2 or np.unique(np.concatenate(samples)).size < 2:
        return float("nan"), float("nan")
    result = stats.kruskal(*samples)
    return float(result.statistic), float(result.pvalue)


def mann_whitney(a: np.ndarray, b: np.ndarray, *, signs: np.ndarray | None = None) -> tuple[float, float]:
    """Return U of ``a`` and the two-sided p-value (exact when small and untied, else normal); NaN if undefined.

    The same test as ``scipy.stats.mannwhitneyu(a, b, alternative="two-sided", method="auto")``, whose
    choice of method it follows: exact when a sample has at most 8 values and nothing is tied (computed by
    scipy), else the normal approximation with tie and continuity corrections, computed here from
    ``signs`` (``sign(a[i] - b[j])``, the matrix Cliff's delta also needs), since scipy's per-call
    overhead dominates when thirty outlets make 435 pairs per measure.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    both = np.concatenate([a, b])
    _, ties = np.unique(both, return_counts=True)
    if len(ties) < 2:
        return float(len(a) * len(b) / 2), 1.0
    n1, n2 = len(a), len(b)
    if (n1 <= 8 or n2 <= 8) and ties.max() == 1:
        result = stats.mannwhitneyu(a, b, alternative="two-sided", method="exact")
        return float(result.statistic), float(result.pvalue)
    signs = np.sign(a[:, None] - b[None, :]) if signs is None else signs
    u1 = (n1 * n2 + signs.sum()) / 2
    u = max(u1, n1 * n2 - u1)
    n = n1 + n2
    ties = ties.astype(float)
    spread = np.sqrt(n1 * n2 / 12 * ((n + 1) - np.sum(ties ** 3 - ties) / (n * (n - 1))))
    z = (u - n1 * n2 / 2 - 0.5) / spread
    return float(u1), float(np.clip(2 * special.ndtr(-z), 0.0, 1.0))


@dataclasses.dataclass(frozen=True)
class Sample:
    """One group's values of a measure: per sentence, per article (article means), and its article count."""

    sentences: np.ndarray
    articles: np.ndarray

    @property
    def n_articles(self) -> int:
        return len(self.articles)


def samples(sentences: pd.DataFrame, *, by: str, feature: str) -> dict[str, Sample]:
    """Return the :class:`Sample` of each group that has values of ``feature``, groups sorted."""
    present = in_order(sentences)
    present = present[present[feature].notna()]
    # One grouping for every group's article means, not one per group.
    per_article = present.groupby([by, "article_id"], sort=True)[feature].mean()
    articles = {group: rows.to_numpy(dtype=float) for group, rows in per_article.groupby(level=0, sort=True)}
    return {
        str(group): Sample(rows[feature].to_numpy(dtype=float), articles[group])
        for group, rows in present.groupby(by, sort=True)
    }


def unit_for(groups: list[Sample]) -> str:
    """Return ``"article"`` when every group has two articles or more, else ``"sentence"``."""
    return "article" if groups and min(g.n_articles for g in groups) >= 2 else "sentence"


def values_of(group: Sample, unit: str) -> np.ndarray:
    """Return the values of ``group`` compared at ``unit`` level (article means or sentences)."""
    return group.articles if unit == "article" else group.sentences


def rank_tests(
    sentences: pd.DataFrame, *, by: str, feature: str, seed: int, n_boot: int, stratum: str = ""
) -> pd.DataFrame:
    """Return the Kruskal–Wallis row and the pairwise Mann–Whitney rows for one measure.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_index``, ``by`` and ``feature``.
    by : str
        Column naming the groups.
    feature : str
        Measure compared; missing values are left out.
    seed, n_boot : int
        Seed and resamples of the bootstrap interval for Cliff's delta.
    stratum : str
        Name of the stratum (story); part of each cell's seed.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TEST_COLUMNS`. ``p_holm`` adjusts the pairwise p-values of this measure together.
    """
    groups = samples(sentences, by=by, feature=feature)
    base = {"feature": feature, "n_groups": len(groups)}
    rows = [_kruskal_row(groups, base)]
    for a, b in itertools.combinations(groups, 2):
        rng = rng_for(seed, "mann-whitney", stratum, feature, a, b)
        rows.append(_pair_row(a, b, groups, base, rng=rng, n_boot=n_boot))
    table = pd.DataFrame(rows, columns=TEST_COLUMNS).astype({"n_a": "Int64", "n_b": "Int64"})
    pairs = table["test"] == "mann-whitney"
    table.loc[pairs, "p_holm"] = holm(table.loc[pairs, "p_value"].to_numpy(dtype=float))
    return table


def caution_for(n_articles: list[int], unit: str, *extra: str) -> str:
    """Return the caution of a test on groups with ``n_articles`` articles each, compared by ``unit``."""
    return join_cautions(
        *extra,
        FEW_ARTICLES if min(n_articles, default=0) < MIN_ARTICLES else "",
        SENTENCE_UNITS if unit == "sentence" else "",
    )


def _kruskal_row(groups: dict[str, Sample], base: dict) -> dict:
    """The omnibus Kruskal–Wallis row of :func:`rank_tests`; its unit is shared by all groups."""
    unit = unit_for(list(groups.values()))
    values = [values_of(g, unit) for g in groups.values()]
    statistic, p = kruskal(values)
    few = "fewer than 2 groups with values" if len(values) < 2 else ""
    same = "all values identical" if not few and np.isnan(p) else ""
    n_articles = [g.n_articles for g in groups.values()]
    return {
        **base, "test": "kruskal-wallis", "group_a": "", "group_b": "", "n": sum(map(len, values)),
        "n_a": pd.NA, "n_b": pd.NA, "n_articles": sum(n_articles), "unit": unit, "statistic": statistic,
        "p_value": p, "p_holm": np.nan, "effect": "", "estimate": np.nan, "ci_low": np.nan, "ci_high": np.nan,
        "n_boot": 0, "caution": caution_for(n_articles, unit, few, same),
    }


def _pair_row(a: str, b: str, groups: dict[str, Sample], base: dict, *, rng, n_boot: int) -> dict:
    """One pairwise Mann–Whitney row of :func:`rank_tests`, with Cliff's delta and its interval."""
    unit = unit_for([groups[a], groups[b]])
    x, y = values_of(groups[a], unit), values_of(groups[b], unit)
    signs = np.sign(x[:, None] - y[None, :])
    statistic, p = mann_whitney(x, y, signs=signs)
    low, high = cliffs_delta_interval(x, y, n_boot=n_boot, rng=rng, signs=signs)
    n_articles = [groups[a].n_articles, groups[b].n_articles]
    return {
        **base, "test": "mann-whitney", "group_a": a, "group_b": b, "n": len(x) + len(y), "n_a": len(x),
        "n_b": len(y), "n_articles": sum(n_articles), "unit": unit, "statistic": statistic, "p_value": p,
        "p_holm": np.nan, "effect": "cliffs_delta", "estimate": float(signs.mean()), "ci_low": low,
        "ci_high": high, "n_boot": n_boot, "caution": caution_for(n_articles, unit),
    }
