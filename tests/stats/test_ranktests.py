"""Rank tests against scipy's documented examples and hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.stats.ranktests import (
    cliffs_delta,
    cliffs_delta_interval,
    holm,
    rank_tests,
)


def one_sentence_articles(groups: dict[str, list[float]]) -> pd.DataFrame:
    """A sentence table where every value is a one-sentence article (so article means are the values)."""
    rows = [
        {"article_id": f"{g}{i}", "sentence_index": 0, "outlet": g, "loaded_score": v}
        for g, values in groups.items() for i, v in enumerate(values)
    ]
    return pd.DataFrame(rows)


def test_holm_matches_the_textbook_step_down():
    # Sorted: 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> running max 0.06.
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])


def test_holm_caps_at_one_and_skips_missing_p_values():
    assert holm([0.5, np.nan, 0.4]) == pytest.approx([0.8, np.nan, 0.8], nan_ok=True)


def test_cliffs_delta_counts_wins_minus_losses_over_all_pairs():
    # a=1: loses to 2 and 4; a=2: ties 2, loses to 4; a=3: beats 2, loses to 4 -> (1 - 4) / 6.
    assert cliffs_delta([1, 2, 3], [2, 4]) == pytest.approx(-0.5)
    assert cliffs_delta([5, 6], [1, 2]) == 1.0


def test_cliffs_delta_interval_brackets_the_estimate_and_is_seeded():
    rng = np.random.default_rng(3)
    a, b = rng.normal(1, 1, 40), rng.normal(0, 1, 30)
    low, high = cliffs_delta_interval(a, b, n_boot=1000, rng=np.random.default_rng(0))
    assert low < cliffs_delta(a, b) < high
    assert (low, high) == cliffs_delta_interval(a, b, n_boot=1000, rng=np.random.default_rng(0))


def test_kruskal_reproduces_scipys_documented_example():
    # scipy.stats.kruskal docs: kruskal([1, 1, 1], [2, 2, 2], [2, 2]) -> H = 7.0, p = 0.0301973834223185.
    table = rank_tests(one_sentence_articles({"x": [1, 1, 1], "y": [2, 2, 2], "z": [2, 2]}),
                       by="outlet", feature="loaded_score", seed=0, n_boot=50)
    omnibus = table[table["test"] == "kruskal-wallis"].iloc[0]
    assert omnibus["statistic"] == pytest.approx(7.0)
    assert omnibus["p_value"] == pytest.approx(0.0301973834223185)
    assert omnibus["unit"] == "article"


def test_mann_whitney_reproduces_scipys_documented_example():
    # scipy.stats.mannwhitneyu docs: males vs females, U1 = 17, exact two-sided p = 0.1111111111111111.
    groups = {"males": [19, 22, 16, 29, 24], "females": [20, 11, 17, 12]}
    table = rank_tests(one_sentence_articles(groups), by="outlet", feature="loaded_score", seed=0, n_boot=50)
    pair = table[table["test"] == "mann-whitney"].iloc[0]
    # Groups are sorted, so "females" is group a: its U is 4 * 5 - 17 = 3; p is symmetric.
    assert (pair["group_a"], pair["group_b"]) == ("females", "males")
    assert pair["statistic"] == 3
    assert pair["p_value"] == pytest.approx(0.1111111111111111)
    assert pair["estimate"] == pytest.approx(2 * 3 / 20 - 1)


def test_pairs_are_holm_adjusted_together_and_compared_by_article_when_possible():
    rows = [
        {"article_id": f"{g}{a}", "sentence_index": s, "outlet": g, "loaded_score": base + a + s / 10}
        for g, base in (("A", 0.0), ("B", 5.0), ("C", 10.0)) for a in range(3) for s in range(4)
    ]
    table = rank_tests(pd.DataFrame(rows), by="outlet", feature="loaded_score", seed=0, n_boot=50)
    pairs = table[table["test"] == "mann-whitney"]
    assert set(pairs["unit"]) == {"article"} and set(pairs["n_a"]) == {3}
    assert pairs["p_holm"].tolist() == pytest.approx(holm(pairs["p_value"]).tolist())
    assert all("fewer than 5 articles" in note for note in table["caution"])
