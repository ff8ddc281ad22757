"""Permutation test of a difference in means."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.stats.permutation import mean_difference_test, permutation_tests


def test_small_samples_are_enumerated_exactly():
    # 20 ways to split 1..6 into two triples; only {1,2,3} | {4,5,6} and its mirror reach |difference| = 3.
    diff, p = mean_difference_test([1, 2, 3], [4, 5, 6], n_resamples=1000, rng=np.random.default_rng(0))
    assert diff == -3 and p == pytest.approx(2 / 20)


def test_a_single_value_gives_a_difference_but_no_p_value():
    diff, p = mean_difference_test([1.0], [4.0, 5.0], n_resamples=100, rng=np.random.default_rng(0))
    assert diff == -3.5 and np.isnan(p)


def test_coop_vs_sanction_pairs_state_units_and_cautions():
    rows = [{"article_id": f"{g}{a}", "sentence_index": s, "outlet": g,
             "frame_coop_vs_sanction": (0.8 if g == "A" else -0.5) + s / 100}
            for g, n in (("A", 5), ("B", 5), ("C", 1)) for a in range(n) for s in range(2)]
    table = permutation_tests(pd.DataFrame(rows), by="outlet", seed=0, n_boot=500, feature="frame_coop_vs_sanction").set_index(["group_a", "group_b"])
    ab = table.loc[("A", "B")]
    assert ab["unit"] == "article" and ab["n_a"] == 5 and ab["estimate"] == pytest.approx(1.3)
    assert ab["p_value"] == pytest.approx(2 / 252) and ab["caution"] == ""
    assert table.loc[("A", "C"), "unit"] == "sentence"
    assert "fewer than 5 articles" in table.loc[("A", "C"), "caution"]
