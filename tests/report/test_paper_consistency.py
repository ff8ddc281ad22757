"""The seed paper agrees with itself: every number in its text is one of its tables', with its unit and family."""

from __future__ import annotations

import re

import pytest

import framing
from framing.report.figures import FIGURES, draw_figures
from framing.report.numbers import ALPHA
from framing.report.paper import display_tables, paper_config, paper_numbers, paper_tables, render_html
from framing.report.results import analyse
from framing.stats.logodds import function_words


@pytest.fixture(scope="module")
def seed():
    corpus = framing.load_corpus()
    results = analyse(corpus, seed=0, n_boot=200)
    tables = paper_tables(results)
    numbers = paper_numbers(results, config=paper_config(corpus))
    return results, tables, numbers


def test_the_frame_counts_in_the_text_are_those_of_the_frame_table(seed):
    _, tables, numbers = seed
    frames = tables["frames"].set_index(["outlet", "frame"])["count"]
    contrast, = numbers["contrasts"]  # the story codebook's cooperation versus sanctions
    assert (contrast["positive"]["key"], contrast["negative"]["key"]) == ("cooperation", "sanctions")
    for article in contrast["articles"]:  # one article per outlet in the seed corpus
        assert article["positive"] == frames[(article["outlet"], "cooperation")]
        assert article["negative"] == frames[(article["outlet"], "sanctions")]


def test_the_count_of_significant_tests_is_of_table_4_adjusted_as_one_family(seed):
    _, tables, numbers = seed
    tests = tables["tests_within_story"]
    shown = tests[tests["table_4"] == 1]
    assert numbers["tests"]["n_pairwise"] == len(shown) > 1
    assert numbers["tests"]["n_significant"] == int((shown["p_holm_table_4"] < ALPHA).sum())
    # One family: the smallest adjusted p is the smallest raw p times the number of tests in the table.
    assert shown["p_holm_table_4"].min() == pytest.approx(min(1.0, shown["p_value"].min() * len(shown)))
    rows = display_tables(tables, numbers)["tests"]
    assert len(rows) == len(shown)
    html = render_html(numbers, tables, figures=[])
    assert f"Holm-adjusted over the {len(shown)} tests of this table" in " ".join(html.split())
    assert "Every measure’s tests" not in html


def test_the_paper_takes_its_words_from_the_seed_config(seed):
    _, _, numbers = seed
    assert numbers["paper"]["configured"] is True
    assert numbers["paper"]["title"].startswith("Same speech, different headlines")


def test_a_headline_scored_without_a_listed_term_says_why(seed):
    results, _, _ = seed
    figure = draw_figures(results)["headline_loadedness"]
    bare = results.headlines[(results.headlines["loaded_score"] > 0) & (results.headlines["loaded_terms"] == "[]")]
    assert len(bare)  # the Bloomberg headline in the seed corpus
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert any("weaker signals add up to this score" in " ".join(text.split()) for text in texts)


def test_distinctive_words_are_content_words_and_say_when_stories_are_mixed(seed):
    results, tables, numbers = seed
    english = tables["distinctive_terms"]
    english = english[english["language"] == "en"]
    assert len(english) and not set(english["term"]) & function_words("en")
    assert numbers["terms"]["mixed_stories"] is True
    note = draw_figures(results)["distinctive_terms"].get_supxlabel()
    assert "reported different stories" in note


def test_every_figure_states_its_n_and_a_caution(seed):
    results, _, _ = seed
    for name, figure in draw_figures(results).items():
        note = figure.get_supxlabel()
        assert re.search(r"n = [\d,]+", note), name
        assert "Caution:" in note or name == "frame_coop_vs_sanction" and "n = " in note, name
    assert "trends" in FIGURES and results.trends is None  # the seed's dates fall in two months only
