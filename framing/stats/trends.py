"""Trends over time: each outlet's (or group's) mean per period, and a test for change over time.

Articles are placed in a period only when their date is known at least as precisely as the period
(an article dated "2023-06" has no week); the others are counted and reported, never put in a period
they may not belong to.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy import stats

from framing.errors import InputError
from framing.stats._common import FEW_ARTICLES, MIN_ARTICLES, in_order, join_cautions, rng_for
from framing.stats.blocked import BLOCKED_COLUMNS
from framing.stats.bootstrap import percentile_interval
from framing.stats.clusters import cluster_mean
from framing.stats.ranktests import holm

#: Period lengths, with the date precision each needs: 3 = day, 2 = month, 1 = year.
FREQUENCIES = {"week": 3, "month": 2, "quarter": 2, "year": 1}
TREND_COLUMNS = ["period", "start", "feature", "mean", "ci_low", "ci_high", "n_articles", "unit", "caution"]
MIN_PERIODS = 3
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?$")


def check_frequency(freq: str) -> str:
    """Return ``freq`` if it is a known period length; else raise :class:`InputError`."""
    if freq not in FREQUENCIES:
        raise InputError(f"unknown --freq {freq!r}; choose one of: {', '.join(FREQUENCIES)}")
    return freq


def periods(published: pd.Series, *, freq: str) -> tuple[pd.DataFrame, list[str]]:
    """Return each date's ``period`` label and ``start`` (NaT when it is left out), and notes on those left out.

    Dates are ISO 8601 (``2024``, ``2024-01``, ``2024-01-17``, ``2024-01-17T09:30:00Z``), as the corpus
    reader writes them. Weeks are ISO weeks (``2024-W03``), quarters ``2024-Q1``.
    """
    check_frequency(freq)
    text = published.fillna("").astype(str).str.strip()
    found = text.str.extract(_ISO)
    precision = found.notna().sum(axis=1).where(text != "", 0)
    year = pd.to_numeric(found[0], errors="coerce")
    month = pd.to_numeric(found[1], errors="coerce").fillna(1)
    day = pd.to_numeric(found[2], errors="coerce").fillna(1)
    dates = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce")
    bad = (text != "") & (found[0].isna() | dates.isna())
    coarse = ~bad & (text != "") & (precision < FREQUENCIES[freq])
    usable = ~bad & ~coarse & (text != "")
    start = dates.where(usable)
    if freq == "week":
        start = start - pd.to_timedelta(start.dt.day_of_week, unit="D")
        iso = start.dt.isocalendar()
        label = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    else:
        start = start.dt.to_period({"month": "M", "quarter": "Q", "year": "Y"}[freq]).dt.start_time
        quarter = start.dt.year.astype("Int64").astype(str) + "-Q" + start.dt.quarter.astype("Int64").astype(str)
        label = {"month": start.dt.strftime("%Y-%m"), "year": start.dt.strftime("%Y"), "quarter": quarter}[freq]
    label = label.where(usable, "")
    notes = []
    if (text == "").any():
        notes.append(f"{_articles(int((text == '').sum()))} no date: left out of the trends")
    if bad.any():
        examples = ", ".join(repr(v) for v in text[bad].drop_duplicates().head(3))
        notes.append(f"{_articles(int(bad.sum()))} a date that cannot be read (e.g. {examples}): "
                     "left out of the trends")
    if coarse.any():
        notes.append(f"{_articles(int(coarse.sum()))} a date less precise than a {freq}: left out of the trends")
    return pd.DataFrame({"period": label, "start": start}, index=published.index), notes


def _articles(n: int) -> str:
    """``1 article has`` or ``3 articles have``."""
    return "1 article has" if n == 1 else f"{n} articles have"


def article_table(sentences: pd.DataFrame, dates: pd.DataFrame, *, by: str, feature: str,
                  cluster: str) -> pd.DataFrame:
    """One row per dated article with a value of ``feature``: ``by``, ``cluster``, period, start and value."""
    rows = in_order(sentences)
    rows = rows[rows[feature].notna()]
    values = rows.groupby("article_id", sort=True).agg(entity=(by, "first"), cluster=(cluster, "first"),
                                                       value=(feature, "mean"))
    joined = values.join(dates, how="inner")
    return joined[joined["period"] != ""]


def trends(sentences: pd.DataFrame, dates: pd.DataFrame, *, by: str, features: list[str], seed: int,
           n_boot: int, cluster: str = "article_id") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the trend table and a Spearman test of change over time per ``by`` group and feature.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_index``, ``by`` and the features.
    dates : pandas.DataFrame
        :func:`periods` output indexed by ``article_id``.
    by : str
        Column naming the lines drawn (``"outlet"``, or ``"group"`` for groups of outlets).
    features : list of str
    seed, n_boot : int
    cluster : str
        Column whose values the bootstrap resamples: ``article_id`` for outlets, ``outlet`` for groups.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Trends: ``by`` and :data:`TREND_COLUMNS` (mean of article means, percentile interval, articles);
        tests: :data:`framing.stats.blocked.BLOCKED_COLUMNS`, Spearman's rho between period and article
        value with a permutation p-value, Holm-adjusted over the groups of one feature.
    """
    lines, tests = [], []
    unit = "article" if cluster == "article_id" else cluster
    for feature in features:
        articles = article_table(sentences, dates, by=by, feature=feature, cluster=cluster)
        ordered = articles.sort_values(["entity", "period", "cluster"], kind="stable")
        values = ordered["value"].to_numpy(float)
        # Cells (entity, period) and, inside each, clusters, as runs of the sorted table: numpy slices
        # instead of a pandas group per cell, which cost most of the time with thirty outlets over years.
        keys = list(zip(ordered["entity"], ordered["period"]))
        cell_starts = [k for k in range(len(keys)) if k == 0 or keys[k] != keys[k - 1]] + [len(keys)]
        clusters = ordered["cluster"].to_numpy()
        starts = ordered["start"].dt.strftime("%Y-%m-%d").to_numpy()
        for first, end in zip(cell_starts[:-1], cell_starts[1:]):
            (entity, period), cell = keys[first], values[first:end]
            _, sizes = np.unique(clusters[first:end], return_counts=True)
            mean, draws = cluster_mean(cell, sizes, n_boot=n_boot, rng=rng_for(seed, "trend", feature, str(entity),
                                                                             period))
            low, high = percentile_interval(draws) if len(sizes) >= 2 else (np.nan, np.nan)
            lines.append({by: entity, "period": period, "start": starts[first], "feature": feature, "mean": mean,
                          "ci_low": low, "ci_high": high, "n_articles": end - first,
                          "unit": unit if len(sizes) >= 2 else "",
                          "caution": join_cautions(FEW_ARTICLES if end - first < MIN_ARTICLES else "",
                                                   f"one {unit}: no interval" if len(sizes) < 2 else "")})
        rows = [_trend_row(entity, rows, feature=feature, seed=seed, n_boot=n_boot)
                for entity, rows in articles.groupby("entity", sort=True)]
        table = pd.DataFrame(rows, columns=BLOCKED_COLUMNS)
        table["p_holm"] = holm(table["p_value"].to_numpy(dtype=float))
        tests.append(table)
    found = [t for t in tests if len(t)]
    tests = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=BLOCKED_COLUMNS)
    trend_table = pd.DataFrame(lines, columns=[by, *TREND_COLUMNS])
    return trend_table, tests.astype({"n_a": "Int64", "n_b": "Int64", "n_stories": "Int64"})


def _trend_row(entity: str, rows: pd.DataFrame, *, feature: str, seed: int, n_boot: int) -> dict:
    """One group's test of change over time: Spearman's rho of period start and article value."""
    x = rows["start"].to_numpy(dtype="datetime64[D]").astype(float)
    y = rows["value"].to_numpy(dtype=float)
    rho, p = spearman_permutation(x, y, n_resamples=n_boot, rng=rng_for(seed, "trend-test", feature, str(entity)))
    n_periods = rows["period"].nunique()
    return {
        "feature": feature, "test": "spearman-trend", "group_a": str(entity), "group_b": "", "n_groups": 1,
        "n": len(rows), "n_a": n_periods, "n_b": pd.NA, "n_articles": len(rows), "unit": "article",
        "statistic": rho, "p_value": p, "p_holm": np.nan, "effect": "spearman_rho", "estimate": rho,
        "ci_low": np.nan, "ci_high": np.nan, "n_boot": n_boot, "n_stories": pd.NA,
        "caution": join_cautions(f"fewer than {MIN_PERIODS} periods" if n_periods < MIN_PERIODS else "",
                                 FEW_ARTICLES if len(rows) < MIN_ARTICLES else ""),
    }


def spearman_permutation(x: np.ndarray, y: np.ndarray, *, n_resamples: int,
                         rng: np.random.Generator) -> tuple[float, float]:
    """Return Spearman's rho of ``x`` and ``y`` and its two-sided permutation p-value (NaN if undefined).

    The values of ``y`` are shuffled over the dates: (1 + #{|rho*| ≥ |rho|}) / (1 + ``n_resamples``).
    """
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan"), float("nan")
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    rx, ry = (rx - rx.mean()) / np.linalg.norm(rx - rx.mean()), (ry - ry.mean()) / np.linalg.norm(ry - ry.mean())
    rho = float(rx @ ry)
    hits = 0
    for done in range(0, n_resamples, 1000):
        shuffled = rng.permuted(np.broadcast_to(ry, (min(1000, n_resamples - done), len(ry))), axis=1)
        hits += int((np.abs(shuffled @ rx) >= abs(rho) - 1e-12).sum())
    return rho, (1 + hits) / (1 + n_resamples)
