"""End to end on the embedded seed corpus: by outlet, and by outlet within story."""

from __future__ import annotations

import pytest

import framing

try:
    from framing.corpus import load_corpus
    from framing.features import feature_tables
except ImportError:  # the corpus reader or the feature engine is not in this checkout yet
    pytest.skip("framing.load_corpus or framing.features is not importable yet", allow_module_level=True)


@pytest.fixture(scope="module")
def seed_tables():
    return feature_tables(load_corpus())


@pytest.mark.slow
@pytest.mark.parametrize("within", [None, "story"])
def test_seed_corpus_comparison_is_identical_on_two_runs(seed_tables, within, tmp_path):
    first = framing.compare(seed_tables, by="outlet", within=within, seed=1, n_boot=200).write(tmp_path / "a")
    second = framing.compare(seed_tables, by="outlet", within=within, seed=1, n_boot=200).write(tmp_path / "b")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.slow
def test_seed_corpus_cautions_where_the_data_cannot_support_a_claim(seed_tables):
    result = framing.compare(seed_tables, by="outlet", within="story", per_story=True, seed=0, n_boot=100)
    # Every outlet in the seed corpus has a single article.
    assert (result.groups["n_articles"] <= 1).all()
    assert result.groups["caution"].str.contains("fewer than 5 articles|empty group").all()
    stories = set(result.groups["story"])
    assert {"altman-baai-2023-06", "geneva-talks-2024-01"} <= stories
    # Two stories only: the pooled tests say that they cannot reach p < 0.05.
    pooled = result.tests[result.tests["scope"] == "pooled"]
    assert len(pooled) and (pooled["n_stories"] <= 2).all()
    assert pooled["caution"].str.contains("no paired test can reach p < 0.05|no story has both groups").all()
    # RFI Chinese is the only outlet writing Chinese: its distinctive words cannot be compared.
    zh = result.terms[result.terms["language"] == "zh"]
    assert len(zh) and zh["caution"].str.contains("only one outlet writes in zh").all()
    groups = result.groups[result.groups["scope"] == "story"]
    breitbart = groups[(groups["outlet"] == "Breitbart") & (groups["feature"] == "loaded_score")]
    assert breitbart["unit"].tolist() == ["sentence"]
