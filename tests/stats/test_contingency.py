"""Outlet × frame tables: expected counts, Cramér's V, adjusted residuals, and the choice of test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing.stats.contingency import (
    adjusted_residuals,
    cramers_v,
    expected_counts,
    frame_table,
    independence_test,
    monte_carlo_p,
)

# Rows 30 and 70, columns 40 and 60, N = 100.
TABLE = np.array([[10, 20], [30, 40]])


def test_expected_counts_are_row_times_column_over_total():
    assert expected_counts(TABLE) == pytest.approx(np.array([[12, 18], [28, 42]]))


def test_cramers_v_by_hand():
    # chi2 = 4/12 + 4/18 + 4/28 + 4/42 = 0.79365...; V = sqrt(chi2 / (100 * 1)).
    chi2 = 4 / 12 + 4 / 18 + 4 / 28 + 4 / 42
    assert cramers_v(TABLE) == pytest.approx(np.sqrt(chi2 / 100))


def test_adjusted_residuals_by_hand():
    # (10 - 12) / sqrt(12 * (1 - 30/100) * (1 - 40/100)) = -2 / sqrt(5.04).
    cell = -2 / np.sqrt(12 * 0.7 * 0.6)
    assert adjusted_residuals(TABLE) == pytest.approx(np.array([[cell, -cell], [-cell, cell]]))


def test_large_expected_counts_use_pearsons_chi_square():
    result = independence_test(TABLE, n_resamples=100, rng=np.random.default_rng(0))
    assert result["test"] == "chi-square" and result["dof"] == 1
    assert result["p_value"] == pytest.approx(stats.chi2_contingency(TABLE, correction=False).pvalue)


def test_small_two_by_two_uses_fishers_exact_test():
    small = np.array([[3, 1], [1, 3]])
    result = independence_test(small, n_resamples=100, rng=np.random.default_rng(0))
    assert result["test"] == "fisher-exact" and result["p_value"] == pytest.approx(0.48571428571428565)


def test_monte_carlo_p_agrees_with_the_chi_square_when_that_is_accurate():
    table = np.array([[30, 20, 25], [20, 30, 35], [25, 25, 40]])
    asymptotic = stats.chi2_contingency(table, correction=False).pvalue
    assert monte_carlo_p(table, n_resamples=4000, rng=np.random.default_rng(1)) == pytest.approx(asymptotic, abs=0.02)


def test_frame_table_is_tidy_and_cautions_small_counts():
    rows = [{"article_id": f"{g}{a}", "sentence_index": 0, "outlet": g, "frame_sanctions_count": s,
             "frame_cooperation_count": c, "frame_safety_count": 0}
            for g, s, c, n in (("A", 1, 3, 5), ("B", 2, 0, 2)) for a in range(n)]
    table = frame_table(pd.DataFrame(rows), by="outlet", rng=np.random.default_rng(0), n_resamples=200)
    assert len(table) == 2 * 3 and set(table["n"]) == {5 * 4 + 2 * 2}
    cell = table.set_index(["outlet", "frame"]).loc[("A", "cooperation")]
    assert cell["count"] == 15 and cell["row_total"] == 20 and cell["frame_total"] == 15
    assert cell["test"] == "fisher-exact"
    assert "expected counts below 5" in cell["caution"]
    safety = table.set_index(["outlet", "frame"]).loc[("A", "safety")]
    assert np.isnan(safety["expected"]) and safety["count"] == 0
    assert "fewer than 5 articles" in table.set_index(["outlet", "frame"]).loc[("B", "safety"), "caution"]


def test_groups_whose_frames_were_not_measured_are_cautioned_not_counted_as_zero():
    rows = [{"article_id": g, "sentence_index": 0, "outlet": g, "frame_sanctions_count": v,
             "frame_cooperation_count": v} for g, v in (("en", 2.0), ("sv", np.nan))]
    table = frame_table(pd.DataFrame(rows), by="outlet", rng=np.random.default_rng(0), n_resamples=10)
    sv = table[table["outlet"] == "sv"]
    assert sv["caution"].str.contains("frames not measured in this group's language").all()
    assert not table.loc[table["outlet"] == "en", "caution"].str.contains("not measured").any()
