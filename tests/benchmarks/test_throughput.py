"""The throughput benchmark still runs, and checks what it claims, on a few articles."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import throughput


@pytest.mark.slow
def test_the_benchmark_prints_its_figures_on_a_few_articles(capsys):
    result = throughput.main(["--articles", "4", "--workers", "2", "--stream-articles", "6"])
    assert json.loads(capsys.readouterr().out) == result
    assert result["articles"] == 4 and result["streamed_articles"] == 6 and result["workers"] == 2
    for key in ("articles_per_s", "baseline_articles_per_s", "ratio", "ratio_warm_cache", "speedup", "peak_rss_mb"):
        assert result[key] > 0, key


def test_the_baseline_agrees_with_framing_on_the_shared_measures():
    import pandas as pd
    import synthetic

    import framing

    records = pd.DataFrame(list(synthetic.articles(3, seed=4)))
    sentences, articles = throughput.baseline(records)
    throughput.check_shared(framing.feature_tables(records).sentences, sentences)
    assert list(articles.index) == list(records["id"])
    assert (sentences["polarity_negative_count"] >= 0).all()
