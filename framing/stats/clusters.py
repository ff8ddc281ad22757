"""Groups of outlets (left against right, state media against independent) compared with outlets as clusters.

Ten articles from one outlet are not ten outlets: every interval resamples outlets, then articles within
each drawn outlet (a two-stage cluster bootstrap), and every test permutes group labels between outlets.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.stats._common import FEW_ARTICLES, LEVEL, MIN_ARTICLES, in_order, join_cautions, rng_for
from framing.stats.blocked import BLOCKED_COLUMNS
from framing.stats.bootstrap import percentile_interval, resample_means
from framing.stats.ranktests import holm

#: Outlets are the units: with fewer per group, intervals and tests rest on too few of them.
MIN_OUTLETS = 3
FEW_OUTLETS = f"fewer than {MIN_OUTLETS} outlets in a group: outlets are the units"
UNGROUPED = "ungrouped"
GROUP_COLUMNS = ["group", "feature", "n_outlets", "outlets", "n_articles", "mean", "ci_low", "ci_high", "unit",
                 "n_boot", "caution"]


def read_groups(path: str | Path) -> dict[str, str]:
    """Return ``{outlet: group}`` from a CSV file with ``outlet`` and ``group`` columns.

    Raises
    ------
    InputError
        When the file cannot be read, lacks a column, has an empty cell, or gives one outlet two groups.
    """
    path = Path(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such groups file", path=path) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, IsADirectoryError) as error:
        raise InputError(f"not a readable CSV of outlet groups ({type(error).__name__})", path=path) from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in ("outlet", "group") if c not in table.columns]
    if missing:
        raise InputError(f"the groups file needs columns outlet and group (missing: {', '.join(missing)})", path=path)
    table = table.assign(outlet=table["outlet"].str.strip(), group=table["group"].str.strip())
    blank = table.index[(table["outlet"] == "") | (table["group"] == "")]
    if len(blank):
        raise InputError(f"row {blank[0] + 2} has an empty outlet or group", path=path)
    if table.empty:
        raise InputError("the groups file lists no outlets", path=path)
    conflicts = table.drop_duplicates().groupby("outlet")["group"].nunique()
    if (conflicts > 1).any():
        raise InputError(f"outlet {conflicts[conflicts > 1].index[0]!r} is given two groups", path=path)
    return dict(zip(table["outlet"], table["group"]))


def assign_groups(outlets: pd.Series, mapping: Mapping[str, str]) -> tuple[pd.Series, list[str]]:
    """Return each row's group (``"ungrouped"`` for outlets the mapping lacks) and notes on the mismatches."""
    present = set(outlets.unique())
    notes = []
    unknown = sorted(set(mapping) - present)
    if unknown:
        notes.append(f"{_outlets(len(unknown))} in the groups file {'is' if len(unknown) == 1 else 'are'} not in the "
                     "corpus (ignored): "
                     f"{_listed(unknown)}")
    missing = sorted(present - set(mapping))
    if missing:
        notes.append(f"{_outlets(len(missing))} of the corpus {'is' if len(missing) == 1 else 'are'} in no group "
                     f"(compared as {UNGROUPED!r}): "
                     f"{_listed(missing)}")
    return outlets.map(lambda outlet: mapping.get(outlet, UNGROUPED)), notes


def _outlets(n: int) -> str:
    return f"{n} outlet" if n == 1 else f"{n} outlets"


def _listed(names: list[str], shown: int = 5) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(repr(n) for n in names[:shown]) + more


def article_values(sentences: pd.DataFrame, *, feature: str, group: pd.Series) -> pd.DataFrame:
    """Return one row per article with a value: ``group``, ``outlet``, ``article_id``, ``value`` (its mean)."""
    rows = in_order(sentences.assign(group=group))
    rows = rows[rows[feature].notna()]
    values = rows.groupby(["group", "outlet", "article_id"], sort=True)[feature].mean()
    return values.rename("value").reset_index()


def cluster_mean(values: np.ndarray, sizes: np.ndarray, *, n_boot: int,
                 rng: np.random.Generator) -> tuple[float, np.ndarray]:
    """Return the mean of article ``values`` and its cluster-bootstrap replicates.

    ``values`` are ordered by outlet, ``sizes`` the articles per outlet. Outlets are drawn with
    replacement, then each drawn outlet's articles with replacement.
    """
    # With one article per outlet, drawing outlets is drawing articles: the one-stage draw is the same and faster.
    cluster = len(sizes) >= 2 and sizes.max() > 1
    return float(values.mean()), resample_means(values, sizes, n_boot=n_boot, rng=rng, cluster=cluster)


def group_comparison(sentences: pd.DataFrame, *, mapping: Mapping[str, str], features: list[str], seed: int,
                     n_boot: int) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Compare groups of outlets on each feature; return group summaries, pairwise tests and notes.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_index``, ``outlet`` and the ``features``.
    mapping : mapping of outlet to group
        Outlets missing from it form the group ``"ungrouped"``, which is summarised but not tested.
    features : list of str
    seed, n_boot : int

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame, list of str)
        Summaries (:data:`GROUP_COLUMNS`): the mean of article means with a cluster-bootstrap interval;
        tests (:data:`framing.stats.blocked.BLOCKED_COLUMNS`): per pair of groups the difference in means,
        its interval, and a permutation p-value that reassigns whole outlets to groups, Holm-adjusted
        over the pairs of one feature; and the notes on outlets in one list but not the other.
    """
    group, notes = assign_groups(sentences["outlet"].fillna("").astype(str), mapping)
    summaries, tests = [], []
    for feature in features:
        values = article_values(sentences, feature=feature, group=group)
        replicates = {}
        for name, rows in values.groupby("group", sort=True):
            sizes = rows.groupby("outlet", sort=True).size().to_numpy()
            mean, draws = cluster_mean(rows["value"].to_numpy(float), sizes, n_boot=n_boot,
                                       rng=rng_for(seed, "outlet-groups", feature, str(name)))
            replicates[name] = (mean, draws)
            low, high = percentile_interval(draws) if len(sizes) >= 2 else (np.nan, np.nan)
            summaries.append({
                "group": name, "feature": feature, "n_outlets": len(sizes),
                "outlets": "; ".join(sorted(rows["outlet"].unique())), "n_articles": len(rows), "mean": mean,
                "ci_low": low, "ci_high": high, "unit": "outlet" if len(sizes) >= 2 else "",
                "n_boot": n_boot if len(sizes) >= 2 else 0,
                "caution": join_cautions(
                    "outlets in no group of the groups file" if name == UNGROUPED else "",
                    FEW_OUTLETS if len(sizes) < MIN_OUTLETS else "",
                    "one outlet: no interval" if len(sizes) < 2 else "",
                    FEW_ARTICLES if len(rows) < MIN_ARTICLES else ""),
            })
        tests.append(_pair_tests(values, replicates, feature=feature, seed=seed, n_boot=n_boot))
    tests = [t for t in tests if len(t)]
    table = pd.concat(tests, ignore_index=True) if tests else pd.DataFrame(columns=BLOCKED_COLUMNS)
    return pd.DataFrame(summaries, columns=GROUP_COLUMNS), table, notes


def _pair_tests(values: pd.DataFrame, replicates: dict, *, feature: str, seed: int, n_boot: int) -> pd.DataFrame:
    """Pairwise rows of :func:`group_comparison` for one feature."""
    names = sorted(name for name in replicates if name != UNGROUPED)
    rows = []
    for a, b in itertools.combinations(names, 2):
        pair = values[values["group"].isin([a, b])]
        outlets = pair.groupby("outlet", sort=True).agg(group=("group", "first"), total=("value", "sum"),
                                                        size=("value", "size"))
        in_a = (outlets["group"] == a).to_numpy()
        p = outlet_permutation(outlets["total"].to_numpy(float), outlets["size"].to_numpy(float), in_a,
                               n_resamples=n_boot, rng=rng_for(seed, "outlet-permutation", feature, a, b))
        difference = replicates[a][0] - replicates[b][0]
        draws = replicates[a][1] - replicates[b][1]
        n_a, n_b = int(in_a.sum()), int((~in_a).sum())
        rows.append({
            "feature": feature, "test": "outlet-permutation", "group_a": a, "group_b": b, "n_groups": len(names),
            "n": n_a + n_b, "n_a": n_a, "n_b": n_b, "n_articles": len(pair), "unit": "outlet",
            "statistic": difference, "p_value": p, "p_holm": np.nan, "effect": "mean_difference",
            "estimate": difference, "ci_low": percentile_interval(draws)[0] if min(n_a, n_b) >= 2 else np.nan,
            "ci_high": percentile_interval(draws)[1] if min(n_a, n_b) >= 2 else np.nan, "n_boot": n_boot,
            "n_stories": pd.NA,
            "caution": join_cautions(FEW_OUTLETS if min(n_a, n_b) < MIN_OUTLETS else "", _few_splits(n_a, n_b)),
        })
    table = pd.DataFrame(rows, columns=BLOCKED_COLUMNS).astype({"n_a": "Int64", "n_b": "Int64",
                                                                "n_stories": "Int64"})
    table["p_holm"] = holm(table["p_value"].to_numpy(dtype=float))
    return table


def _few_splits(n_a: int, n_b: int) -> str:
    """A caution when so few assignments of outlets to the two groups exist that p cannot reach 0.05."""
    splits = math.comb(n_a + n_b, n_a)
    smallest = (2 if n_a == n_b else 1) / splits
    return f"only {splits} ways to assign the outlets: p cannot fall below {smallest:.2g}" if smallest > 0.05 else ""


def outlet_permutation(totals: np.ndarray, sizes: np.ndarray, in_a: np.ndarray, *, n_resamples: int,
                       rng: np.random.Generator) -> float:
    """Return the two-sided permutation p-value of a difference in article-weighted means between two groups.

    Each outlet carries the sum of its article values (``totals``) and its article count (``sizes``);
    under the null hypothesis outlets are exchangeable between the groups, so whole outlets are
    reassigned. Every split is enumerated when there are at most ``n_resamples``; otherwise random
    splits give (1 + #{|T*| ≥ |T|}) / (1 + ``n_resamples``).
    """
    n, k = len(totals), int(in_a.sum())
    if k == 0 or k == n:
        return float("nan")

    def statistic(masks: np.ndarray) -> np.ndarray:
        a_total, a_size = masks @ totals, masks @ sizes
        return a_total / a_size - (totals.sum() - a_total) / (sizes.sum() - a_size)

    observed = abs(statistic(in_a[None].astype(float))[0])
    tolerance = 1e-12 * max(observed, 1e-300)
    if math.comb(n, k) <= n_resamples:
        masks = np.zeros((math.comb(n, k), n))
        for row, chosen in enumerate(itertools.combinations(range(n), k)):
            masks[row, list(chosen)] = 1
        return float(np.mean(np.abs(statistic(masks)) >= observed - tolerance))
    masks = (np.argsort(rng.random((n_resamples, n)), axis=1) < k).astype(float)
    return float((1 + (np.abs(statistic(masks)) >= observed - tolerance).sum()) / (1 + n_resamples))
