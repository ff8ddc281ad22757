"""`compare`: the four tables, seeds, row order, cautions, strata and errors."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.stats import compare


def test_every_table_has_a_story_column_n_columns_and_a_caution_column(comparison):
    for name in ("groups", "tests", "frames", "terms"):
        table = getattr(comparison, name)
        assert list(table.columns[:2]) == ["story", "scope"] and "caution" in table.columns, name
        assert any(column == "n" or column.startswith("n_") for column in table.columns), name
        assert set(table.loc[table["scope"] == "story", "story"]) == {"altman", "geneva"}, name
        assert set(table.loc[table["scope"] != "story", "story"]) == {"all"}, name


def test_outlets_are_compared_only_inside_their_story(comparison):
    groups = comparison.groups
    assert set(groups.loc[groups["story"] == "geneva", "outlet"]) == {"Alpha", "Beta", "Gamma"}
    assert "Delta" in set(groups.loc[groups["story"] == "altman", "outlet"])


def test_without_strata_the_story_column_says_all(tables):
    result = compare(tables, by="outlet", seed=0, n_boot=50)
    assert set(result.groups["story"]) == {"all"}
    alpha = result.groups.set_index(["outlet", "feature"]).loc[("Alpha", "loaded_score")]
    assert alpha["n_articles"] == 12 and alpha["unit"] == "article"


def test_cautions_mark_small_groups_and_only_them(comparison):
    groups = comparison.groups.set_index(["story", "outlet", "feature"])
    assert "fewer than 5 articles" in groups.loc[("geneva", "Gamma", "loaded_score"), "caution"]
    assert groups.loc[("geneva", "Alpha", "loaded_score"), "caution"] == ""
    assert "empty group" in groups.loc[("altman", "Delta", "sent_vader_compound"), "caution"]
    terms = comparison.terms
    assert terms.loc[terms["language"] == "zh", "caution"].str.contains("only one outlet writes in zh").all()
    summary = comparison.cautions()
    assert {"table", "caution", "rows", "of"} <= set(summary.columns)
    assert "fewer than 5 articles in a group" in set(summary["caution"])


def test_same_seed_gives_byte_identical_files(tables, comparison, tmp_path):
    again = compare(tables, by="outlet", within="story", per_story=True, seed=7, n_boot=300)
    first, second = comparison.write(tmp_path / "one"), again.write(tmp_path / "two")
    assert [p.name for p in first] == [p.name for p in second] and len(first) == 10
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_another_seed_moves_the_intervals_but_not_the_means(tables, comparison):
    other = compare(tables, by="outlet", within="story", per_story=True, seed=8, n_boot=300)
    assert other.groups["mean"].equals(comparison.groups["mean"])
    assert not other.groups["ci_low"].equals(comparison.groups["ci_low"])


def test_shuffled_rows_give_the_same_tables(tables, comparison):
    shuffled = type(tables)(sentences=tables.sentences.sample(frac=1, random_state=3), articles=tables.articles)
    again = compare(shuffled, by="outlet", within="story", per_story=True, seed=7, n_boot=300)
    for name in ("groups", "tests", "frames", "terms"):
        assert getattr(again, name).equals(getattr(comparison, name)), name


def test_effects_in_the_synthetic_data_are_found(comparison):
    # Alpha was generated with higher loaded scores than Beta; six and five articles, so units are articles.
    tests = comparison.tests.set_index(["story", "feature", "test", "group_a", "group_b"])
    pair = tests.loc[("geneva", "loaded_score", "mann-whitney", "Alpha", "Beta")]
    assert pair["unit"] == "article" and pair["estimate"] > 0.5 and pair["ci_low"] > 0
    assert ("geneva", "frame_coop_vs_sanction", "permutation", "Alpha", "Beta") in tests.index


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"by": "desk"}, "the sentence table has no column 'desk'; groups can be: article_id, outlet"),
    ({"within": "topic"}, "the sentence table has no column 'topic'; groups can be: article_id, outlet"),
    ({"by": "story", "within": "story"}, "cannot compare 'story' groups within 'story' strata: choose two columns"),
    ({"n_boot": 0}, "n_boot must be at least 1 and seed at least 0 (got n_boot=0, seed=0)"),
])
def test_bad_arguments_are_user_errors(tables, kwargs, message):
    with pytest.raises(InputError) as error:
        compare(tables, **kwargs)
    assert str(error.value) == message or str(error.value).startswith(f"{message}, ")


def test_lazy_top_level_export_is_the_same_function():
    import framing

    assert framing.compare is compare


def test_rows_without_a_story_are_cautioned_when_comparing_within_stories(tables):
    sentences = tables.sentences.assign(story=tables.sentences["story"].replace({"geneva": ""}))
    result = compare(type(tables)(sentences=sentences, articles=tables.articles), within="story", per_story=True, n_boot=20)
    unknown = result.groups[result.groups["story"] == ""]
    assert len(unknown) and unknown["caution"].str.startswith("unknown story:").all()
    assert not result.groups.loc[result.groups["story"] == "altman", "caution"].str.contains("unknown").any()
