"""Story-blocked comparison: outlet effects pooled over stories while each story is held fixed.

Matched coverage (the same event reported by several outlets) is compared story by story: each
story × outlet cell is the mean of its articles' means, and every test below uses only differences
between cells of one story, so what an event is about never counts as an outlet's framing. Stories
covered by one outlet only carry no such difference and are left out (and reported).
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from framing.stats._common import LEVEL, in_order, join_cautions, rng_for
from framing.stats.bootstrap import percentile_interval
from framing.stats.ranktests import TEST_COLUMNS, holm

#: With fewer stories a two-sided sign-flip test cannot reach p < 0.05 (its smallest p is 2 / 2^n).
MIN_STORIES = 6
FEW_STORIES = f"fewer than {MIN_STORIES} stories: no paired test can reach p < 0.05"
BLOCKED_COLUMNS = [*TEST_COLUMNS[:-1], "n_stories", "caution"]
ADJUSTED_COLUMNS = ["n_stories", "adjusted_mean", "adjusted_ci_low", "adjusted_ci_high"]
CLIPPED = "story-adjusted mean beyond the observed cells: clipped to their range"
#: Bootstrap and permutation draws are made this many at a time, to bound memory with many stories.
BATCH = 250


def story_cells(sentences: pd.DataFrame, *, by: str, within: str, feature: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the story × group table of cell means of ``feature``, and the articles in each cell.

    A cell's value is the mean of its articles' means (missing values left out), so a long article
    weighs as much as a short one and the unit is the article, as in the unpaired tests.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Stories as rows (sorted), groups as columns (sorted); NaN (and 0 articles) where a group has
        no value in a story.
    """
    rows = in_order(sentences)
    rows = rows[rows[feature].notna()]
    per_article = rows.groupby([within, by, "article_id"], sort=True)[feature].mean()
    cells = per_article.groupby(level=[0, 1], sort=True)
    means = cells.mean().unstack(by)
    counts = cells.size().unstack(by).reindex_like(means).fillna(0).astype(int)
    return means, counts


def paired_rows(sentences: pd.DataFrame, *, by: str, within: str, feature: str, seed: int,
                n_boot: int) -> pd.DataFrame:
    """Return the pooled, story-blocked tests of one measure: the omnibus row, then one row per pair.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_index``, ``by``, ``within`` and ``feature``.
    by, within : str
        Columns naming the groups (outlets) and the blocks (stories).
    feature : str
        The measure compared.
    seed, n_boot : int
        Seed, and the number of permutations and bootstrap resamples.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BLOCKED_COLUMNS`. The omnibus is Friedman's test when every used story has every
        group (and there are three groups or more), else a permutation test of within-story centred
        values; each pair has the mean within-story difference with a bootstrap interval over stories
        and a sign-flip permutation p-value, Holm-adjusted over the pairs of this measure.
    """
    means, counts = story_cells(sentences, by=by, within=within, feature=feature)
    used = (means.notna().sum(axis=1) >= 2).to_numpy()
    groups = [str(g) for g in means.columns]
    values, sizes = means.to_numpy(dtype=float)[used], counts.to_numpy(dtype=int)[used]
    base = {"feature": feature, "n_groups": len(groups), "unit": "story", "caution": ""}
    rows = [_omnibus_row(values, sizes, base, rng=rng_for(seed, "blocked", feature), n_boot=n_boot)]
    for (i, a), (j, b) in itertools.combinations(enumerate(groups), 2):
        rows.append(_pair_row(values[:, [i, j]], sizes[:, [i, j]], a, b, base, seed=seed, n_boot=n_boot))
    table = pd.DataFrame(rows, columns=BLOCKED_COLUMNS).astype({"n_a": "Int64", "n_b": "Int64"})
    pairs = table["group_a"] != ""
    table.loc[pairs, "p_holm"] = holm(table.loc[pairs, "p_value"].to_numpy(dtype=float))
    return table


def _omnibus_row(values: np.ndarray, sizes: np.ndarray, base: dict, *, rng, n_boot: int) -> dict:
    """The omnibus row of :func:`paired_rows` from the used stories' cells (rows) of every group (columns)."""
    complete = bool(values.size) and not np.isnan(values).any()
    if complete and values.shape[1] >= 3:
        test, (statistic, p) = "friedman", friedman(values)
    else:
        test, (statistic, p) = "block-permutation", centred_permutation(values, n_resamples=n_boot, rng=rng)
    n_stories = len(values)
    few = "fewer than 2 groups with values" if values.shape[1] < 2 else ""
    return {
        **base, "test": test, "group_a": "", "group_b": "", "n": int(np.isfinite(values).sum()), "n_a": pd.NA,
        "n_b": pd.NA, "n_articles": int(sizes.sum()), "statistic": statistic, "p_value": p,
        "p_holm": np.nan, "effect": "", "estimate": np.nan, "ci_low": np.nan, "ci_high": np.nan,
        "n_boot": 0 if test == "friedman" else n_boot, "n_stories": n_stories,
        "caution": join_cautions(few, "no story has two groups" if n_stories == 0 else "",
                                 FEW_STORIES if 0 < n_stories < MIN_STORIES else ""),
    }


def _pair_row(values: np.ndarray, sizes: np.ndarray, a: str, b: str, base: dict, *, seed: int,
              n_boot: int) -> dict:
    """One pair's row of :func:`paired_rows`: the two groups' cells, over stories where both have a value."""
    both = ~np.isnan(values).any(axis=1)
    differences = values[both, 0] - values[both, 1]
    feature = base["feature"]
    estimate, p = sign_flip_test(differences, n_resamples=n_boot, rng=rng_for(seed, "sign-flip", feature, a, b))
    low, high = mean_interval(differences, n_boot=n_boot, rng=rng_for(seed, "story-bootstrap", feature, a, b))
    n = len(differences)
    return {
        **base, "test": "sign-flip", "group_a": a, "group_b": b, "n": 2 * n, "n_a": n, "n_b": n,
        "n_articles": int(sizes[both].sum()), "statistic": estimate, "p_value": p,
        "p_holm": np.nan, "effect": "mean_within_story_difference", "estimate": estimate, "ci_low": low,
        "ci_high": high, "n_boot": n_boot, "n_stories": n,
        "caution": join_cautions("no story has both groups" if n == 0 else "",
                                 FEW_STORIES if 0 < n < MIN_STORIES else "",
                                 "one story: no interval" if n == 1 else ""),
    }


def friedman(values: np.ndarray) -> tuple[float, float]:
    """Return Friedman's chi-square and p-value for complete blocks (rows) × groups; NaN if undefined."""
    if values.shape[0] < 2 or values.shape[1] < 3 or np.ptp(values, axis=1).max() == 0:
        return float("nan"), float("nan")
    result = stats.friedmanchisquare(*values.T)
    return float(result.statistic), float(result.pvalue)


def centred_permutation(values: np.ndarray, *, n_resamples: int, rng: np.random.Generator) -> tuple[float, float]:
    """Return the between-group sum of squares of within-block centred values and its permutation p-value.

    Each row (story) is centred on its own mean over the groups present, so story effects cancel;
    under the null hypothesis the values of one story are exchangeable among the groups it has, and
    the p-value is (1 + #{T* ≥ T}) / (1 + ``n_resamples``) over shuffles within every story.
    Missing cells (NaN) stay missing. Returns NaN when fewer than two groups have values.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 2 or values.shape[1] < 2 or values.shape[0] == 0:
        return float("nan"), float("nan")
    present = ~np.isnan(values)
    centred = np.where(present, values - np.nanmean(values, axis=1, keepdims=True), 0.0)
    sizes = present.sum(axis=0)
    keep = sizes > 0
    observed = _sum_of_squares(centred[None], sizes, keep)[0]
    if np.all(centred == 0):
        return float(observed), float("nan")
    # Pack each story's present values to the left; a shuffle permutes them among its present slots.
    order = np.argsort(~present, axis=1, kind="stable")
    packed = np.take_along_axis(centred, order, axis=1)
    n_present = present.sum(axis=1)
    hits, done = 0, 0
    while done < n_resamples:
        size = min(BATCH, n_resamples - done)
        keys = rng.random((size, *values.shape))
        keys[:, ~(np.arange(values.shape[1])[None, :] < n_present[:, None])] = np.inf
        shuffled = np.take_along_axis(packed[None], np.argsort(keys, axis=2), axis=2)
        placed = np.zeros_like(shuffled)
        np.put_along_axis(placed, np.broadcast_to(order[None], shuffled.shape), shuffled, axis=2)
        hits += int((_sum_of_squares(placed, sizes, keep) >= observed * (1 - 1e-12)).sum())
        done += size
    return float(observed), (1 + hits) / (1 + n_resamples)


def _sum_of_squares(centred: np.ndarray, sizes: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Σ_groups (sum of a group's centred values)² / its cells, per leading index of ``centred``."""
    totals = centred.sum(axis=1)[:, keep]
    return (totals ** 2 / sizes[keep]).sum(axis=1)


def sign_flip_test(differences: np.ndarray, *, n_resamples: int, rng: np.random.Generator) -> tuple[float, float]:
    """Return the mean of paired ``differences`` and its two-sided sign-flip permutation p-value.

    Under the null hypothesis each story's difference is as likely to be positive as negative
    (symmetric about zero). With at most ``n_resamples`` sign patterns, all are enumerated and the
    p-value is exact; otherwise ``n_resamples`` random patterns give (1 + #{|T*| ≥ |T|}) / (1 + n).
    NaN p-value for no differences; an all-zero sample has p = 1.
    """
    d = np.asarray(differences, dtype=float)
    if len(d) == 0:
        return float("nan"), float("nan")
    observed = abs(d.mean())
    if not np.any(d):
        return 0.0, 1.0
    tolerance = observed * 1e-12
    if 2 ** len(d) <= n_resamples:
        signs = 1 - 2 * ((np.arange(2 ** len(d))[:, None] >> np.arange(len(d))) & 1)
        return float(d.mean()), float(np.mean(np.abs(signs @ d) / len(d) >= observed - tolerance))
    hits, done = 0, 0
    while done < n_resamples:
        size = min(BATCH * 8, n_resamples - done)
        signs = rng.choice(np.array([-1.0, 1.0]), size=(size, len(d)))
        hits += int((np.abs(signs @ d) / len(d) >= observed - tolerance).sum())
        done += size
    return float(d.mean()), (1 + hits) / (1 + n_resamples)


def mean_interval(values: np.ndarray, *, n_boot: int, rng: np.random.Generator,
                  level: float = LEVEL) -> tuple[float, float]:
    """Return the percentile bootstrap interval of the mean of ``values`` (one value per story)."""
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return float("nan"), float("nan")
    means = np.concatenate([
        values[rng.integers(0, len(values), size=(min(BATCH * 8, n_boot - done), len(values)))].mean(axis=1)
        for done in range(0, n_boot, BATCH * 8)
    ])
    return percentile_interval(means, level=level)


def additive_means(values: np.ndarray) -> np.ndarray:
    """Return each group's mean in an average story, from an additive story + group model of the cells.

    ``values`` has stories as rows and groups as columns (NaN where missing), optionally with leading
    batch dimensions. The model ``y[s, g] = a[s] + b[g]`` is fitted by least squares, and the result is
    ``b[g] + mean(a)``: with every group in every story, simply each group's mean. The story effects are
    eliminated and the group effects solved from the normal equations ``C b = r``, with
    ``C = diag(cells of g) - N' diag(1 / cells of s) N`` (N: which cells are present) and ``r[g]`` the sum
    of g's cells centred on their story's mean. C is singular, since a constant can move from the groups
    to the stories; any solution gives the same ``b[g] + mean(a)``.
    """
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    cells = present.astype(float)
    filled = np.where(present, values, 0.0)
    per_story = np.maximum(cells.sum(axis=-1), 1)
    story_means = filled.sum(axis=-1) / per_story
    centred = (filled - story_means[..., None]) * cells
    system = (np.eye(values.shape[-1]) * cells.sum(axis=-2)[..., None, :]
              - np.swapaxes(cells, -1, -2) @ (cells / per_story[..., None]))
    group = _solve_singular(system, centred.sum(axis=-2), present.any(axis=-2))
    story = (filled - group[..., None, :] * cells).sum(axis=-1) / per_story
    used = present.any(axis=-1)
    level = (story * used).sum(axis=-1) / np.maximum(used.sum(axis=-1), 1)
    return np.where(present.any(axis=-2), group + level[..., None], np.nan)


def _solve_singular(system: np.ndarray, right: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Return a solution of the batched singular systems ``system @ x = right`` of :func:`additive_means`.

    When the stories link every present group (the usual case) the only freedom is a constant shared by
    the groups; adding ``m m'`` (m: the present groups) removes it, and groups without cells get
    ``x = 0``, so one batched ``solve`` does. Where the stories fall apart into unlinked sets (a resample
    may draw such stories), the pseudo-inverse gives one of the solutions instead: the sets' levels are
    then not identified, by any method.
    """
    mask = present.astype(float)
    fixed = system + mask[..., :, None] * mask[..., None, :] + np.eye(system.shape[-1]) * (1 - mask)[..., None, :]
    try:
        found = np.linalg.solve(fixed, right[..., None])[..., 0]
    except np.linalg.LinAlgError:
        found = np.full(right.shape, np.nan)
    residual = np.abs((system @ found[..., None])[..., 0] - right).max(axis=-1, initial=0.0)
    scale = np.abs(right).max(axis=-1, initial=0.0) + np.abs(system).max(axis=(-2, -1), initial=0.0)
    wrong = ~(residual <= 1e-9 * (1 + scale))
    if np.any(wrong):
        found[wrong] = (np.linalg.pinv(system[wrong]) @ right[wrong][..., None])[..., 0]
    return found


def adjusted_summaries(sentences: pd.DataFrame, *, by: str, within: str, features: list[str], seed: int,
                       n_boot: int, level: float = LEVEL) -> pd.DataFrame:
    """Return per group and feature the story-adjusted mean with a bootstrap interval over stories.

    Only stories with two groups or more are used. An additive model can place a group's mean in an
    average story beyond every cell observed (a negative rate, when a group covered only stories far from
    the average); such means, and the interval's resamples, are clipped to the range of the observed cells
    of the feature, and the row's ``caution`` says so. Columns ``by``, ``feature``,
    :data:`ADJUSTED_COLUMNS` and ``caution``.
    """
    rows = []
    for feature in features:
        means, _ = story_cells(sentences, by=by, within=within, feature=feature)
        means = means[means.notna().sum(axis=1) >= 2]
        values = means.to_numpy(dtype=float)
        estimate = additive_means(values) if len(values) else np.full(values.shape[1], np.nan)
        bounds = (np.nanmin(values), np.nanmax(values)) if np.isfinite(values).any() else (np.nan, np.nan)
        outside = (estimate < bounds[0]) | (estimate > bounds[1])
        low, high = _adjusted_interval(values, n_boot=n_boot, rng=rng_for(seed, "adjusted", feature), level=level,
                                       bounds=bounds)
        for k, group in enumerate(means.columns):
            rows.append({by: str(group), "feature": feature, "n_stories": int(means[group].notna().sum()),
                         "adjusted_mean": float(np.clip(estimate[k], *bounds)), "adjusted_ci_low": low[k],
                         "adjusted_ci_high": high[k], "caution": CLIPPED if outside[k] else ""})
    return pd.DataFrame(rows, columns=[by, "feature", *ADJUSTED_COLUMNS, "caution"]).astype({"n_stories": "Int64"})


def _adjusted_interval(values: np.ndarray, *, n_boot: int, rng, level: float,
                       bounds: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Percentile intervals of :func:`additive_means` over resamples of the stories (rows), clipped to ``bounds``."""
    n_stories, n_groups = values.shape
    if n_stories < 2:
        return np.full(n_groups, np.nan), np.full(n_groups, np.nan)
    draws = []
    for done in range(0, n_boot, BATCH):
        picks = rng.integers(0, n_stories, size=(min(BATCH, n_boot - done), n_stories))
        draws.append(additive_means(values[picks]))
    draws = np.clip(np.concatenate(draws), *bounds)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a group absent from a resample is NaN there
        low, high = np.nanquantile(draws, [(1 - level) / 2, (1 + level) / 2], axis=0)
    few = np.sum(~np.isnan(values), axis=0) < 2
    return np.where(few, np.nan, low), np.where(few, np.nan, high)
