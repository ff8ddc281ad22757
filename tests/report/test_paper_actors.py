"""The paper's section on actors: its numbers come from the actor table, and it says how actors were found."""

import csv
import re
from pathlib import Path

import pytest

import framing
from framing.report.actors import actor_figure, with_portrayals
from framing.report.paper import fmt_number, paper_numbers, paper_tables, render_html
from framing.report.results import analyse

ROWS = [
    ["id", "outlet", "title", "text", "language", "story", "published"],
    ["a1", "Daily Example", "Talks with Beijing resume in Geneva",
     "Negotiators from China and the United States met again on Tuesday. Officials praised Beijing for its "
     "constructive approach. Washington welcomed the progress.", "en", "geneva", "2024-02-01"],
    ["a2", "Weekly Sample", "Critics slam secret talks with Beijing",
     "Critics attacked China for its aggressive posture. Hawks accused Beijing of stealing technology. "
     "Washington was blamed for weakness.", "en", "geneva", "2024-02-02"],
    ["a3", "华文样报", "中美人工智能安全对话在日内瓦重启",
     "中国代表与美国代表周二再次会面。官员赞扬中国的积极态度。", "zh", "geneva", "2024-02-03"],
]
ACTORS = "China: [Beijing, 中国]\nUnited States: [Washington, 美国]\nJapan: [Tokyo]\n"


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(ROWS)
    return path


@pytest.fixture(scope="module")
def results(corpus_path):
    return analyse(framing.load_corpus(corpus_path), seed=0, n_boot=200)


def built(results, actors):
    found = with_portrayals(results, actors=actors)
    tables = paper_tables(found)
    numbers = paper_numbers(found)
    html = render_html(numbers, tables, figures=["actor_portrayal"])
    section = html[html.index("4.7 How the outlets portray"):html.index("<h2>5.")]
    note = actor_figure(found).get_supxlabel()
    return numbers["actors"] | {"note": note}, tables, re.sub(r"\s+", " ", section)


def test_with_an_actors_file_every_cited_score_is_a_row_of_the_actor_table(results, corpus_path, tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(ACTORS, encoding="utf-8")
    numbers, tables, section = built(results, path)
    assert numbers["source"] == "file" and numbers["n_listed"] == 3
    assert "actors.yaml" in section
    table = tables["actors"].set_index(["outlet", "actor"])
    # Japan is never named: listed with n = 0, not dropped.
    assert (table.xs("Japan", level="actor")["n_mentions"] == 0).all()
    china = next(a for a in numbers["named"] if a["actor"] == "China")
    assert {r["outlet"] for r in china["rows"]} == {"Daily Example", "Weekly Sample", "华文样报"}
    for row in china["rows"]:
        assert row["mean"] == pytest.approx(table.at[(row["outlet"], "China"), "mean_score"], abs=1e-6)
        assert f"{row['outlet']} {fmt_number(row['mean'], signed=True)}" in section
    # Chinese mentions are scored by the English-fitted lexicon model, and the section says so.
    assert "Chinese it has not been measured" in section
    assert "Figure 1" in section
    n = numbers["n_mentions"]
    assert numbers["note"].startswith(f"n = {n} mentions of") and "not on one scale" in numbers["note"]


def test_without_an_actors_file_the_section_says_names_were_found_automatically(results):
    numbers, tables, section = built(results, None)
    assert numbers["source"] == "automatic" and numbers["n_listed"] is None
    assert "No actors file came with the corpus" in section
    assert "Beijing" in set(tables["actors"]["actor"])


def test_an_actor_many_outlets_name_is_cited_for_the_outlets_that_name_it_most(tmp_path):
    # Outlet k names Beijing k times; the text cites the six that name it most, the table keeps all nine.
    rows = [ROWS[0]] + [[f"b{k}", f"Outlet {k}", "Talks resume", " ".join(
        ["Officials praised Beijing for its constructive approach."] * k), "en", "geneva", f"2024-02-0{k}"]
        for k in range(1, 10)]
    path = tmp_path / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    actors = tmp_path / "actors.yaml"
    actors.write_text("China: [Beijing]\n", encoding="utf-8")
    numbers, tables, section = built(analyse(framing.load_corpus(path), seed=0, n_boot=50), actors)
    (china,) = numbers["named"]
    assert china["n_outlets"] == 9 and [r["outlet"] for r in china["rows"]] == [f"Outlet {k}" for k in range(4, 10)]
    assert "China</b> (named by 9 outlets; the 6 that name it most)" in section
    assert "Outlet 3" not in section and "rests on (<code>paper/tables/actors.csv</code> has every outlet)" in section
    assert len(tables["actors"]) == 9
