"""Bootstrap intervals: coverage on synthetic data, the resampling unit, seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.stats.bootstrap import bootstrap_mean, group_summaries, resample_counts


def test_row_bootstrap_draws_every_resample_at_full_size():
    counts = resample_counts(np.array([2, 3, 1]), n_boot=50, rng=np.random.default_rng(0), cluster=False)
    assert counts.shape == (50, 6) and set(counts.sum(axis=1)) == {6}


def test_cluster_bootstrap_keeps_drawn_articles_whole_in_size():
    sizes = np.array([2, 3, 1])
    counts = resample_counts(sizes, n_boot=200, rng=np.random.default_rng(0), cluster=True)
    # Each resample is three article draws, so its size is a sum of three article sizes.
    possible = {a + b + c for a in sizes for b in sizes for c in sizes}
    assert set(counts.sum(axis=1)) <= possible and len(set(counts.sum(axis=1))) > 1


def test_sentence_bootstrap_interval_covers_the_true_mean_about_95_percent_of_the_time():
    rng = np.random.default_rng(2024)
    hits = 0
    for _ in range(300):
        values = rng.gamma(4.0, 0.25, size=60)  # mildly skewed, like a score; the true mean is 1
        _, low, high, unit = bootstrap_mean(values, np.zeros(60), n_boot=1000, rng=rng)
        hits += low <= 1.0 <= high
    assert unit == "sentence"
    assert 0.91 <= hits / 300 <= 0.98


def test_cluster_bootstrap_interval_covers_the_true_mean_about_95_percent_of_the_time():
    rng = np.random.default_rng(7)
    hits = 0
    for _ in range(300):
        # 40 articles; sentences of one article share its level, so a sentence bootstrap would be too narrow.
        levels = rng.normal(0, 1, 40)
        sizes = rng.integers(3, 8, 40)
        values = np.concatenate([level + rng.normal(0, 0.5, size) for level, size in zip(levels, sizes)])
        articles = np.repeat(np.arange(40), sizes)
        _, low, high, unit = bootstrap_mean(values, articles, n_boot=1000, rng=rng)
        hits += low <= 0.0 <= high
    assert unit == "article"
    assert 0.91 <= hits / 300 <= 0.98


def test_one_value_has_a_mean_but_no_interval():
    mean, low, high, unit = bootstrap_mean(np.array([0.4]), np.array(["a"]), n_boot=100,
                                           rng=np.random.default_rng(0))
    assert mean == 0.4 and np.isnan(low) and np.isnan(high) and unit == ""


def test_group_summaries_state_n_unit_and_cautions():
    rows = [{"article_id": f"{g}{a}", "sentence_index": s, "outlet": g, "loaded_score": a + s / 10,
             "sent_vader_compound": np.nan if g == "zh" else 0.1}
            for g, n in (("big", 6), ("one", 1), ("zh", 2)) for a in range(n) for s in range(3)]
    table = group_summaries(pd.DataFrame(rows), by="outlet", features=["loaded_score", "sent_vader_compound"],
                            seed=0, n_boot=200).set_index(["outlet", "feature"])
    assert table.loc[("big", "loaded_score"), ["n_articles", "n_sentences", "unit"]].tolist() == [6, 18, "article"]
    assert table.loc[("big", "loaded_score"), "caution"] == ""
    assert table.loc[("one", "loaded_score"), "unit"] == "sentence"
    assert "fewer than 5 articles" in table.loc[("one", "loaded_score"), "caution"]
    assert table.loc[("zh", "sent_vader_compound"), "n_sentences"] == 0
    assert "empty group" in table.loc[("zh", "sent_vader_compound"), "caution"]
    low, high = table.loc[("big", "loaded_score"), ["ci_low", "ci_high"]]
    assert low < table.loc[("big", "loaded_score"), "mean"] < high
