"""Distinctive words: log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

For word w, a group's counts y_i (n_i words in all), the other groups' counts y_j (n_j), and prior
pseudo-counts alpha_w summing to alpha_0, the estimate and its approximate variance are

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)

and z_w = delta_w / sqrt(var_w). The prior is the language's own word counts (all groups together)
times ``prior_scale``: it shrinks rare words towards zero far more than frequent ones.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from framing.stats._common import FEW_ARTICLES, MIN_ARTICLES, join_cautions
from framing.text import tokens

TERM_COLUMNS = [
    "language", "term", "rank", "count", "count_rest", "n_words", "n_words_rest", "n_articles", "prior",
    "log_odds", "se", "z", "caution",
]


def log_odds_dirichlet(counts: np.ndarray, counts_rest: np.ndarray, prior: np.ndarray) -> pd.DataFrame:
    """Return ``log_odds``, ``se`` and ``z`` per word of group i against the rest (see the module docstring).

    Parameters
    ----------
    counts, counts_rest : numpy.ndarray
        Counts of each word in the group and in the other groups.
    prior : numpy.ndarray
        Dirichlet pseudo-count ``alpha_w`` of each word (positive).
    """
    y_i, y_j, a = (np.asarray(x, dtype=float) for x in (counts, counts_rest, prior))
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), a.sum()
    delta = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
    se = np.sqrt(1 / (y_i + a) + 1 / (y_j + a))
    return pd.DataFrame({"log_odds": delta, "se": se, "z": delta / se})


def function_words(language: str) -> frozenset[str]:
    """Return the function words left out of the counts: scikit-learn's English stop words; none elsewhere.

    Words such as "the" and "at" differ between two texts by chance and by story, not by framing; with few
    articles they would top every list. No list is shipped for other languages, whose lists keep them.
    """
    if language != "en":
        return frozenset()
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def word_counts(sentences: pd.DataFrame, *, by: str, language: str) -> pd.DataFrame:
    """Return a words × groups table of counts of content words (casefolded) in the sentences of ``language``."""
    counters: dict[str, Counter] = {}
    skip = function_words(language)
    for group, rows in sentences.groupby(by, sort=True):
        words = (token.casefold() for text in rows["text"] for token in tokens(str(text), lang=language))
        counters[str(group)] = Counter(word for word in words if word not in skip and any(c.isalpha() for c in word))
    table = pd.DataFrame(counters).fillna(0).astype(int)
    return table.sort_index()


def distinctive_terms(
    sentences: pd.DataFrame, *, by: str, top: int = 20, prior_scale: float = 1.0
) -> pd.DataFrame:
    """Return each group's ``top`` words by z-score against the other groups, per language.

    A language written by one group only has no "rest": its group's most frequent words are listed with
    NaN log-odds and a caution.

    Returns
    -------
    pandas.DataFrame
        Columns ``by`` and :data:`TERM_COLUMNS`, sorted by language, group and rank.
    """
    parts = []
    for language, rows in sentences.groupby("language", sort=True):
        counts = word_counts(rows, by=by, language=str(language))
        n_articles = rows.groupby(by, sort=True)["article_id"].nunique()
        for group in counts.columns:
            parts.append(_group_terms(counts, group, by=by, top=top, prior_scale=prior_scale,
                                      language=str(language), n_articles=int(n_articles[group])))
    if not parts:
        return pd.DataFrame(columns=[by, *TERM_COLUMNS])
    return pd.concat(parts, ignore_index=True)[[by, *TERM_COLUMNS]]


def _group_terms(
    counts: pd.DataFrame, group: str, *, by: str, top: int, prior_scale: float, language: str, n_articles: int
) -> pd.DataFrame:
    """The rows of :func:`distinctive_terms` for one group in one language."""
    mine = counts[group]
    rest = counts.drop(columns=group).sum(axis=1).astype(int)
    prior = prior_scale * counts.sum(axis=1)
    table = pd.DataFrame({"term": counts.index, "count": mine.to_numpy(), "count_rest": rest.to_numpy(),
                          "prior": prior.to_numpy(dtype=float)})
    alone = counts.shape[1] < 2
    if alone:
        table[["log_odds", "se", "z"]] = np.nan
        table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    else:
        table = pd.concat([table, log_odds_dirichlet(mine, rest, prior.to_numpy())], axis=1)
        table = table.sort_values(["z", "term"], ascending=[False, True], kind="stable")
    table = table[table["count"] > 0].head(top)
    return table.assign(
        **{by: group}, language=language, rank=np.arange(1, len(table) + 1), n_words=int(mine.sum()),
        n_words_rest=int(rest.sum()), n_articles=n_articles,
        caution=join_cautions(f"only one {by} writes in {language}: no comparison" if alone else "",
                              FEW_ARTICLES if n_articles < MIN_ARTICLES else ""),
    )
