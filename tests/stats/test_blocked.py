"""Story-blocked comparison: correct by construction on synthetic matched-coverage corpora.

Each synthetic corpus is the same event covered by several outlets, with stories that differ far
more than outlets do, as in real matched coverage. Under no outlet effect the pooled tests must keep
their size; with a planted effect they must find it where unpaired tests, which see the story
differences as noise, do not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.stats import compare
from framing.stats.blocked import (
    CLIPPED,
    additive_means,
    adjusted_summaries,
    centred_permutation,
    paired_rows,
    sign_flip_test,
    story_cells,
)
from framing.stats.ranktests import rank_tests

OUTLETS = ("Fox", "HuffPost", "NYT")


def matched_sentences(rng, *, n_stories: int, effect: float = 0.0, story_sd: float = 2.0, noise_sd: float = 0.5,
                      missing: float = 0.0) -> pd.DataFrame:
    """Sentences of ``n_stories`` stories, each covered by one article per outlet (some dropped at ``missing``).

    The first outlet's articles are ``effect`` higher; each story shifts all its articles by a normal
    draw of sd ``story_sd``; sentences add noise of sd ``noise_sd``.
    """
    rows = []
    for s in range(n_stories):
        story_shift = rng.normal(0, story_sd)
        present = [o for o in OUTLETS if rng.random() >= missing] if missing else list(OUTLETS)
        for o in present:
            centre = story_shift + (effect if o == OUTLETS[0] else 0.0)
            for k in range(3):
                rows.append({"article_id": f"{s:03d}-{o}", "sentence_index": k, "outlet": o, "story": f"s{s:03d}",
                             "loaded_score": centre + rng.normal(0, noise_sd)})
    return pd.DataFrame(rows)


def pooled_p(sentences: pd.DataFrame, *, seed: int, n_boot: int = 199) -> tuple[float, float]:
    """The omnibus p-value and the p-value of the first outlet against the second."""
    table = paired_rows(sentences, by="outlet", within="story", feature="loaded_score", seed=seed, n_boot=n_boot)
    pair = table[(table["group_a"] == OUTLETS[0]) & (table["group_b"] == OUTLETS[1])].iloc[0]
    return float(table.iloc[0]["p_value"]), float(pair["p_value"])


@pytest.mark.parametrize("missing", [0.0, 0.2], ids=["complete-friedman", "incomplete-block-permutation"])
def test_pooled_tests_keep_their_size_on_null_corpora(missing):
    rng = np.random.default_rng(2024)
    found = np.array([pooled_p(matched_sentences(rng, n_stories=30, missing=missing), seed=k) for k in range(200)])
    rejected = (found < 0.05).mean(axis=0)
    # 200 null corpora: the rate's standard error is about 0.015 at 0.05.
    assert rejected[0] <= 0.085 and rejected[1] <= 0.085, rejected


def test_a_planted_outlet_effect_is_found_where_unpaired_tests_miss_it():
    rng = np.random.default_rng(7)
    pooled, unpaired = [], []
    for k in range(40):
        sentences = matched_sentences(rng, n_stories=30, effect=0.4)
        pooled.append(pooled_p(sentences, seed=k)[1])
        tests = rank_tests(sentences.assign(language="en"), by="outlet", feature="loaded_score", seed=k, n_boot=1)
        unpaired.append(tests[(tests["group_a"] == OUTLETS[0]) & (tests["group_b"] == OUTLETS[1])]["p_value"].iloc[0])
    assert np.mean(np.array(pooled) < 0.05) >= 0.9
    assert np.mean(np.array(unpaired) < 0.05) <= 0.2


def test_sign_flip_enumerates_small_samples_exactly():
    # Three positive differences: of the 8 sign patterns, only all-plus and all-minus reach |mean| = 2.
    assert sign_flip_test(np.array([1.0, 2.0, 3.0]), n_resamples=1000, rng=np.random.default_rng(0)) == (2.0, 0.25)
    assert sign_flip_test(np.zeros(4), n_resamples=10, rng=np.random.default_rng(0)) == (0.0, 1.0)


def test_centred_permutation_ignores_story_effects():
    # Every story has the same outlet pattern, shifted by large story effects: the outlets differ.
    values = np.array([[0.0, 1.0, 2.0]]) + np.arange(12)[:, None] * 100.0
    _, p = centred_permutation(values, n_resamples=199, rng=np.random.default_rng(0))
    assert p == pytest.approx(1 / 200)
    values[:, 1] = np.nan
    _, p_missing = centred_permutation(values, n_resamples=199, rng=np.random.default_rng(0))
    assert p_missing == pytest.approx(1 / 200)


def test_adjusted_means_remove_which_stories_an_outlet_covered():
    # Outlet B covers only the high-valued stories; its raw mean looks higher, its adjusted mean does not.
    story = np.array([0.0, 0.0, 10.0, 10.0])
    values = np.column_stack([story, story + 1.0])
    values[:2, 1] = np.nan
    np.testing.assert_allclose(additive_means(values), [5.0, 6.0])
    assert np.nanmean(values[:, 1]) - np.nanmean(values[:, 0]) == pytest.approx(6.0)
    complete = np.random.default_rng(1).normal(size=(6, 3))
    np.testing.assert_allclose(additive_means(complete), complete.mean(axis=0))


def test_stories_with_one_outlet_are_reported_and_left_out():
    rng = np.random.default_rng(3)
    sentences = matched_sentences(rng, n_stories=8)
    lonely = sentences[sentences["story"] == "s000"].assign(story="solo", outlet="Fox")
    sentences = pd.concat([sentences[sentences["story"] != "s000"], lonely.drop_duplicates("sentence_index")])
    means, _ = story_cells(sentences, by="outlet", within="story", feature="loaded_score")
    assert means.loc["solo"].notna().sum() == 1
    table = paired_rows(sentences, by="outlet", within="story", feature="loaded_score", seed=0, n_boot=99)
    assert (table["n_stories"] == 7).all()


class _Tables:
    def __init__(self, sentences):
        self.sentences = sentences.assign(language="en", text="x", kind="article", is_headline=0, n_words=5)


def test_compare_within_story_gives_pooled_rows_and_a_story_table():
    rng = np.random.default_rng(5)
    sentences = matched_sentences(rng, n_stories=12, effect=0.4)
    sentences = pd.concat([sentences, sentences[sentences["story"] == "s000"].assign(story="solo")
                          .query("outlet == 'NYT'").assign(article_id="solo-NYT")])
    result = compare(_Tables(sentences), within="story", seed=0, n_boot=200)
    tests = result.tests
    assert set(tests["scope"]) == {"pooled"} and set(tests["story"]) == {"all"}
    pair = tests[(tests["test"] == "sign-flip") & (tests["group_a"] == "Fox") & (tests["group_b"] == "HuffPost")]
    assert pair["n_stories"].iloc[0] == 12 and pair["ci_low"].iloc[0] > 0
    assert result.stories.set_index("story").loc["solo", "used"] == "no"
    assert result.notes == ("1 of 13 stories have one outlet only: left out of the paired tests",)
    groups = result.groups.set_index("outlet")
    assert {"adjusted_mean", "adjusted_ci_low", "n_stories"} <= set(result.groups.columns)
    assert groups.loc["Fox", "adjusted_mean"] > groups.loc["NYT", "adjusted_mean"]
    per_story = compare(_Tables(sentences), within="story", per_story=True, seed=0, n_boot=50)
    assert set(per_story.tests["scope"]) == {"pooled", "story"}
    assert per_story.tests.loc[per_story.tests["scope"] == "story", "story"].nunique() == 13


def test_an_adjusted_mean_beyond_every_observed_cell_is_clipped_and_cautioned():
    # A covered only s1, where it sat 10 below B; B and C meet in two quiet stories. The additive model puts A
    # at -6 in an average story, below every cell observed (a rate cannot be negative).
    cells = [("s1", "A", 0.0), ("s1", "B", 10.0), ("s2", "B", 1.0), ("s2", "C", 1.0), ("s3", "B", 1.0),
             ("s3", "C", 1.0)]
    sentences = pd.DataFrame([{"article_id": f"{story}-{outlet}", "sentence_index": 0, "outlet": outlet,
                               "story": story, "frame_conflict_per_1k": value} for story, outlet, value in cells])
    np.testing.assert_allclose(additive_means(np.array([[0.0, 10.0, np.nan], [np.nan, 1.0, 1.0],
                                                        [np.nan, 1.0, 1.0]])), [-6.0, 4.0, 4.0])
    table = adjusted_summaries(sentences, by="outlet", within="story", features=["frame_conflict_per_1k"], seed=0,
                               n_boot=200).set_index("outlet")
    assert table.loc["A", "adjusted_mean"] == 0.0 and table.loc["A", "caution"] == CLIPPED
    assert table.loc["B", "adjusted_mean"] == pytest.approx(4.0) and table.loc["B", "caution"] == ""
    assert (table["adjusted_ci_low"].dropna() >= 0).all()
