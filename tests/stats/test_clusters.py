"""Groups of outlets: outlets are the units of intervals and tests, not articles."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.stats.clusters import group_comparison, outlet_permutation


def outlet_sentences(rng, outlets: dict[str, float], *, n_articles: int = 10) -> pd.DataFrame:
    rows = []
    for outlet, level in outlets.items():
        for a in range(n_articles):
            for s in range(3):
                rows.append({"article_id": f"{outlet}-{a}", "sentence_index": s, "outlet": outlet,
                             "loaded_score": level + rng.normal(0, 0.05)})
    return pd.DataFrame(rows)


def test_outlet_permutation_enumerates_every_split():
    # Three outlets against three, clearly apart: only the observed split and its mirror are as extreme.
    p = outlet_permutation(np.array([10.0, 11, 12, 0, 1, 2]), np.ones(6), np.array([1, 1, 1, 0, 0, 0], bool),
                           n_resamples=1000, rng=np.random.default_rng(0))
    assert p == 2 / 20


def test_many_articles_from_few_outlets_do_not_make_a_narrow_interval():
    # Outlets vary a lot around their group; articles within an outlet barely vary.
    rng = np.random.default_rng(1)
    levels = {f"L{k}": v for k, v in enumerate(rng.normal(0.4, 0.15, 4))}
    levels |= {f"R{k}": v for k, v in enumerate(rng.normal(0.4, 0.15, 4))}
    sentences = outlet_sentences(rng, levels, n_articles=30)
    mapping = {name: name[0] for name in levels}
    summaries, tests, notes = group_comparison(sentences, mapping=mapping, features=["loaded_score"], seed=0,
                                               n_boot=500)
    left = summaries.set_index("group").loc["L"]
    assert left["n_outlets"] == 4 and left["n_articles"] == 120 and left["unit"] == "outlet"
    # An article-level interval would be about 0.01 wide; the outlet-level one reflects the outlets' spread.
    assert left["ci_high"] - left["ci_low"] > 0.1
    assert tests["test"].tolist() == ["outlet-permutation"] and tests["n_a"].tolist() == [4]
    assert notes == []


def test_groups_with_few_outlets_are_cautioned():
    rng = np.random.default_rng(2)
    sentences = outlet_sentences(rng, {"A": 0.2, "B": 0.6, "C": 0.6})
    summaries, tests, _ = group_comparison(sentences, mapping={"A": "x", "B": "y", "C": "y"},
                                           features=["loaded_score"], seed=0, n_boot=100)
    assert summaries["caution"].str.contains("fewer than 3 outlets in a group").all()
    assert "only 3 ways to assign the outlets: p cannot fall below 0.33" in tests["caution"].iloc[0]
