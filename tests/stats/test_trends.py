"""Trends over time: periods only for dates precise enough, a trend test that finds a planted drift."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.errors import InputError
from framing.stats.trends import periods, spearman_permutation, trends


def test_dates_are_placed_in_periods_only_when_precise_enough():
    published = pd.Series(["2024-01-17", "2024-01-31T23:00:00Z", "2024-02", "2024", "", "last Tuesday", "2024-13-01"],
                          index=list("abcdefg"))
    found, notes = periods(published, freq="month")
    assert found["period"].tolist() == ["2024-01", "2024-01", "2024-02", "", "", "", ""]
    assert notes == [
        "1 article has no date: left out of the trends",
        "2 articles have a date that cannot be read (e.g. 'last Tuesday', '2024-13-01'): left out of the trends",
        "1 article has a date less precise than a month: left out of the trends",
    ]
    weeks, _ = periods(published, freq="week")
    assert weeks["period"].tolist()[:3] == ["2024-W03", "2024-W05", ""]
    quarters, _ = periods(published, freq="quarter")
    assert quarters["period"].tolist()[:3] == ["2024-Q1"] * 3
    years, _ = periods(published, freq="year")
    assert years["period"].tolist()[:4] == ["2024"] * 4


def test_an_unknown_frequency_is_a_user_error():
    with pytest.raises(InputError, match="unknown --freq 'daily'"):
        periods(pd.Series(["2024-01-01"]), freq="daily")


def test_a_planted_drift_is_found_and_a_flat_series_is_not():
    rng = np.random.default_rng(0)
    x = np.arange(60, dtype=float)
    rho, p = spearman_permutation(x, 0.05 * x + rng.normal(0, 1, 60), n_resamples=999, rng=rng)
    assert rho > 0.3 and p < 0.01
    flat = [spearman_permutation(x, rng.normal(0, 1, 60), n_resamples=199, rng=rng)[1] for _ in range(100)]
    assert np.mean(np.array(flat) < 0.05) <= 0.1


def test_trend_table_has_a_row_per_outlet_period_and_measure():
    rows = []
    for k in range(24):
        for outlet in ("A", "B"):
            rows.append({"article_id": f"{outlet}{k}", "sentence_index": 0, "outlet": outlet,
                         "loaded_score": k / 24 if outlet == "A" else 0.5})
    sentences = pd.DataFrame(rows)
    months = [f"2023-{m:02d}-15" for m in range(1, 13)]
    dates, _ = periods(pd.Series([months[k // 2] for k in range(24)] * 2,
                                 index=[f"{o}{k}" for o in "AB" for k in range(24)]), freq="month")
    table, tests = trends(sentences, dates, by="outlet", features=["loaded_score"], seed=0, n_boot=200)
    assert len(table) == 24 and set(table["n_articles"]) == {2}
    assert list(table.columns[:3]) == ["outlet", "period", "start"]
    a = tests.set_index("group_a").loc["A"]
    assert a["test"] == "spearman-trend" and a["estimate"] > 0.9 and a["p_value"] < 0.01
    assert np.isnan(tests.set_index("group_a").loc["B", "estimate"])
