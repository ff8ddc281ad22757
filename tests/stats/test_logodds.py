"""Log-odds ratio with an informative Dirichlet prior, on a worked example."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing.stats.logodds import distinctive_terms, log_odds_dirichlet


def test_worked_example_by_hand():
    # Words (a, b, c); group i counts (3, 1, 0), n_i = 4; rest j counts (1, 2, 3), n_j = 6.
    # Prior = pooled counts (4, 3, 3), alpha_0 = 10.
    # a: delta = log((3+4) / (4+10-3-4)) - log((1+4) / (6+10-1-4)) = log(7/7) - log(5/11) = log(11/5)
    #    var = 1/(3+4) + 1/(1+4) = 12/35
    # c: delta = log((0+3) / (4+10-0-3)) - log((3+3) / (6+10-3-3)) = log(3/11) - log(6/10)
    #    var = 1/3 + 1/6 = 1/2
    result = log_odds_dirichlet(np.array([3, 1, 0]), np.array([1, 2, 3]), np.array([4.0, 3.0, 3.0]))
    assert result.loc[0, "log_odds"] == pytest.approx(math.log(11 / 5))
    assert result.loc[0, "se"] == pytest.approx(math.sqrt(12 / 35))
    assert result.loc[0, "z"] == pytest.approx(math.log(11 / 5) / math.sqrt(12 / 35))  # 1.3466
    assert result.loc[2, "log_odds"] == pytest.approx(math.log(3 / 11) - math.log(6 / 10))
    assert result.loc[2, "z"] == pytest.approx((math.log(3 / 11) - math.log(6 / 10)) / math.sqrt(1 / 2))


def sentences(rows):
    return pd.DataFrame([{"article_id": g, "sentence_index": i, "outlet": g, "language": lang, "text": text}
                         for i, (g, lang, text) in enumerate(rows)])


def test_distinctive_terms_rank_an_outlets_own_words_first():
    table = distinctive_terms(sentences([
        ("A", "en", "Deal with the devil, the devil says"), ("A", "en", "the talks"),
        ("B", "en", "The talks on AI safety"), ("B", "en", "safety talks"),
    ]), by="outlet")
    top = table[table["outlet"] == "A"].iloc[0]
    assert (top["term"], top["count"], top["count_rest"], top["rank"]) == ("devil", 2, 0, 1)
    # Content words only: "with", "the" and "on" are English function words, left out of the counts.
    assert top["z"] > 0 and top["n_words"] == 5 and top["n_words_rest"] == 5
    assert table[table["outlet"] == "B"].iloc[0]["term"] == "safety"
    assert not {"the", "with", "on"} & set(table["term"])


def test_a_language_with_one_outlet_is_listed_without_log_odds_and_with_a_caution():
    table = distinctive_terms(sentences([
        ("A", "en", "the talks"), ("B", "en", "the deal"), ("R", "zh", "中国 合作 中国"),
    ]), by="outlet")
    zh = table[table["language"] == "zh"]
    assert zh["term"].tolist() == ["中国", "合作"] and zh["z"].isna().all()
    assert all("only one outlet writes in zh" in note for note in zh["caution"])
