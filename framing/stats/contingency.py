"""Group × frame tables of frame-word counts: independence tests, Cramér's V, adjusted residuals."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from framing.stats._common import (
    FEW_ARTICLES,
    MIN_ARTICLES,
    MIN_EXPECTED,
    frame_counts,
    join_cautions,
)

NOT_MEASURED = "frames not measured in this group's language"
FRAME_COLUMNS = [
    "frame", "count", "row_total", "frame_total", "n", "n_articles", "expected", "residual", "test",
    "statistic", "dof", "p_value", "cramers_v", "n_resamples", "caution",
]


def count_table(sentences: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """Return the groups × frames table of summed ``frame_<name>_count``, groups and frames sorted as given."""
    columns = frame_counts(sentences)
    table = sentences.groupby(by, sort=True)[columns].sum()
    table.columns = [column.removeprefix("frame_").removesuffix("_count") for column in columns]
    return table.astype(int)


def expected_counts(observed: np.ndarray) -> np.ndarray:
    """Return the counts expected under independence: row total × column total / grand total."""
    observed = np.asarray(observed, dtype=float)
    return np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()


def adjusted_residuals(observed: np.ndarray) -> np.ndarray:
    """Return Haberman's adjusted (standardized) residuals, ~N(0, 1) per cell under independence.

    ``(O - E) / sqrt(E (1 - row/N) (1 - col/N))``; a value beyond ±2 marks a cell far from independence.
    """
    observed = np.asarray(observed, dtype=float)
    total = observed.sum()
    rows, cols = observed.sum(axis=1) / total, observed.sum(axis=0) / total
    expected = expected_counts(observed)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (observed - expected) / np.sqrt(expected * np.outer(1 - rows, 1 - cols))


def cramers_v(observed: np.ndarray) -> float:
    """Return Cramér's V, ``sqrt(chi2 / (N (min(r, c) - 1)))``, from the uncorrected Pearson chi-square."""
    observed = np.asarray(observed, dtype=float)
    chi2 = stats.chi2_contingency(observed, correction=False).statistic
    return float(np.sqrt(chi2 / (observed.sum() * (min(observed.shape) - 1))))


def monte_carlo_p(observed: np.ndarray, *, n_resamples: int, rng: np.random.Generator) -> float:
    """Return the permutation p-value of the Pearson chi-square with both margins fixed.

    Each resample shuffles the frame labels of the counted words among the groups' words, which keeps
    every row and column total; the p-value is ``(1 + #{chi2* >= chi2}) / (1 + n_resamples)``.
    """
    observed = np.asarray(observed, dtype=int)
    r, c = observed.shape
    expected = expected_counts(observed)
    row_of = np.repeat(np.repeat(np.arange(r), c), observed.ravel())
    col_of = np.repeat(np.tile(np.arange(c), r), observed.ravel())
    shuffled = rng.permuted(np.tile(col_of, (n_resamples, 1)), axis=1)
    cells = (np.arange(n_resamples)[:, None] * r * c + row_of * c + shuffled).ravel()
    tables = np.bincount(cells, minlength=n_resamples * r * c).reshape(n_resamples, r, c)
    simulated = ((tables - expected) ** 2 / expected).sum(axis=(1, 2))
    observed_chi2 = ((observed - expected) ** 2 / expected).sum()
    return float((1 + np.sum(simulated >= observed_chi2 * (1 - 1e-12))) / (1 + n_resamples))


def independence_test(observed: np.ndarray, *, n_resamples: int, rng: np.random.Generator) -> dict:
    """Return the test of independence suited to ``observed`` (no zero rows or columns).

    Pearson's chi-square when every expected count is at least :data:`MIN_EXPECTED`; otherwise Fisher's
    exact test for a 2 × 2 table and a Monte Carlo permutation test for larger ones. The ``statistic``
    is always the Pearson chi-square.
    """
    observed = np.asarray(observed, dtype=int)
    result = stats.chi2_contingency(observed, correction=False)
    out = {"statistic": float(result.statistic), "dof": int(result.dof), "p_value": float(result.pvalue),
           "test": "chi-square", "n_resamples": 0}
    if result.expected_freq.min() >= MIN_EXPECTED:
        return out
    if observed.shape == (2, 2):
        return {**out, "test": "fisher-exact", "p_value": float(stats.fisher_exact(observed).pvalue)}
    p = monte_carlo_p(observed, n_resamples=n_resamples, rng=rng)
    return {**out, "test": "monte-carlo", "p_value": p, "n_resamples": n_resamples}


def frame_table(
    sentences: pd.DataFrame, *, by: str, rng: np.random.Generator, n_resamples: int
) -> pd.DataFrame:
    """Return the tidy groups × frames table: one row per cell, with the table's test repeated on each.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``by`` and ``frame_<name>_count`` columns.
    by : str
        Column naming the groups.
    rng : numpy.random.Generator
        Source of randomness for the Monte Carlo test.
    n_resamples : int
        Resamples of the Monte Carlo test.

    Returns
    -------
    pandas.DataFrame
        Columns ``by`` and :data:`FRAME_COLUMNS`. Groups or frames without any count are kept, with NaN
        expected counts and residuals, and left out of the test; a group whose counts are all missing
        (no frame lexicon for its language) is cautioned, not read as "no frame words".
    """
    counts = count_table(sentences, by=by)
    n_articles = sentences.groupby(by, sort=True)["article_id"].nunique()
    count_columns = [f"frame_{frame}_count" for frame in counts.columns]
    measured = sentences[count_columns].notna().any(axis=1).groupby(sentences[by], sort=True).any()
    kept = counts.loc[counts.sum(axis=1) > 0, counts.sum(axis=0) > 0]
    table, caution = _table_test(kept, rng=rng, n_resamples=n_resamples)
    expected = pd.DataFrame(np.nan, index=counts.index, columns=counts.columns)
    residual = expected.copy()
    if table["test"]:
        expected.loc[kept.index, kept.columns] = expected_counts(kept.to_numpy())
        residual.loc[kept.index, kept.columns] = adjusted_residuals(kept.to_numpy())
    rows = []
    for group in counts.index:
        for frame in counts.columns:
            cell = expected.at[group, frame]
            rows.append({
                by: group, "frame": frame, "count": int(counts.at[group, frame]),
                "row_total": int(counts.loc[group].sum()), "frame_total": int(counts[frame].sum()),
                "n": int(counts.to_numpy().sum()), "n_articles": int(n_articles[group]), "expected": cell,
                "residual": residual.at[group, frame], **table,
                "caution": join_cautions(
                    caution, FEW_ARTICLES if n_articles[group] < MIN_ARTICLES else "",
                    f"expected count below {MIN_EXPECTED:g}" if cell < MIN_EXPECTED else "",
                    "" if measured[group] else NOT_MEASURED,
                ),
            })
    return pd.DataFrame(rows, columns=[by, *FRAME_COLUMNS])


def _table_test(kept: pd.DataFrame, *, rng: np.random.Generator, n_resamples: int) -> tuple[dict, str]:
    """The test columns of :func:`frame_table` and the caution that applies to the whole table."""
    if kept.shape[0] < 2 or kept.shape[1] < 2:
        empty = {"test": "", "statistic": np.nan, "dof": 0, "p_value": np.nan, "cramers_v": np.nan,
                 "n_resamples": 0}
        return empty, "fewer than 2 groups or 2 frames with counts: no test"
    observed = kept.to_numpy()
    result = independence_test(observed, n_resamples=n_resamples, rng=rng)
    small = (expected_counts(observed) < MIN_EXPECTED).any()
    caution = f"expected counts below {MIN_EXPECTED:g}: {result['test']} p-value" if small else ""
    return {**result, "cramers_v": cramers_v(observed)}, caution
