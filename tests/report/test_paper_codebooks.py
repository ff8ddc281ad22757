"""The paper's frame sections come from the chosen codebook: its families, labels and contrasts, never the seed's."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import framing
from framing.codebooks import default_codebooks, load_codebooks
from framing.report.figures import draw_figures
from framing.report.paper import paper_config, paper_numbers, paper_tables, render_html
from framing.report.results import analyse

SHIPPED = Path(__file__).resolve().parents[2] / "lexicons" / "codebooks"
# A corpus unlike the seed: a strike and a flood, three outlets, no talk of sanctions.
ROWS = [
    {"id": "s1", "outlet": "Wire Daily", "story": "strike", "language": "en", "published": "2024-03-04",
     "title": "Port workers walk out after contract talks stall",
     "text": "Dockworkers began a strike after talks over a new contract broke down. The union said the operator "
             "refused to discuss pay. Families of workers worry about the cost of rent and food."},
    {"id": "s2", "outlet": "The Sentinel", "story": "strike", "language": "en", "published": "2024-03-05",
     "title": "Greedy bosses push port to the brink",
     "text": "The operator's shameful refusal to pay a fair wage is a moral outrage. Union leaders accused the "
             "company of attacking workers. The strike will cost the economy millions of dollars a day."},
    {"id": "f1", "outlet": "Nordic Post", "story": "flood", "language": "en", "published": "2024-04-02",
     "title": "Thousands evacuated as river bursts its banks",
     "text": "A mother of three said the water took everything her family owned. Volunteers helped elderly "
             "neighbours to safety. The council said it would pay for repairs and must act to prevent floods."},
    {"id": "f2", "outlet": "Wire Daily", "story": "flood", "language": "en", "published": "2024-04-03",
     "title": "Flood damage estimated at 200 million",
     "text": "Insurers estimated the damage at 200 million. Officials blamed the government for cutting the "
             "budget for flood defences, and critics demanded that ministers take responsibility."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("labour") / "news.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in ROWS), encoding="utf-8")
    return framing.load_corpus(path)


def build(corpus, codebooks=None):
    results = analyse(corpus, seed=0, n_boot=100, codebooks=codebooks)
    figures = draw_figures(results)
    numbers = paper_numbers(results, config=paper_config(corpus))
    html = render_html(numbers, paper_tables(results), figures=list(figures))
    text = " ".join(re.sub(r"<[^>]+>", " ", html.split("</style>")[1]).split())
    return results, figures, numbers, text


def test_a_corpus_without_a_config_is_read_with_the_generic_frames(corpus):
    assert default_codebooks(corpus.sources) == ("generic",)
    results, figures, numbers, text = build(corpus)
    assert [book.name for book in results.tables.codebooks] == ["generic"]
    assert numbers["frames"]["contrasts"] == [] and numbers["contrasts"] == []
    # No contrast: no contrast figure, the frame scores instead, and the text says why.
    assert "frame_scores" in figures and not any(name.startswith("frame_coop") for name in figures)
    assert "declares no contrast of two frames" in text
    assert "economic consequences" in text and "human interest" in text
    assert "sanction" not in text.lower() and "Coop" not in text
    # Table 3 has no column for an index the codebook does not declare.
    assert "Loaded score Tone VADER Quote share" in text


def test_frame_scores_figure_shows_each_outlets_mean_score_per_frame(corpus):
    results, figures, numbers, _ = build(corpus)
    axes = figures["frame_scores"].axes[0]
    columns = [label.get_text().replace("\n", " ") for label in axes.get_xticklabels()]
    assert columns == [family.label for family in load_codebooks(["generic"])[0].families]
    articles = results.full_text.articles
    sentinel = articles[articles["outlet"] == "The Sentinel"]
    assert numbers["frame_scores"]["outlets"]["The Sentinel"]["scores"]["Morality"] == pytest.approx(
        sentinel["frame_morality_score"].mean(), abs=1e-6)


def test_a_codebook_folder_with_its_own_contrast_names_the_figure_and_the_text(corpus, tmp_path):
    folder = tmp_path / "unrest"
    shutil.copytree(SHIPPED / "generic", folder)
    for path in folder.glob("*.yaml"):
        data = path.read_text(encoding="utf-8").replace("codebook: generic", "codebook: unrest")
        path.write_text(data + "contrasts:\n  - {key: blame_vs_remedy, label: Blame versus remedy, definition: "
                               "Whether a sentence leans to conflict or to its resolution., positive: resolution, "
                               "negative: conflict}\n", encoding="utf-8")
    results, figures, numbers, text = build(corpus, [folder])
    assert "frame_blame_vs_remedy" in figures and "frame_scores" not in figures
    contrast, = numbers["contrasts"]
    assert contrast["positive"]["label"] == "Responsibility and resolution"
    assert "blame-versus-remedy index" in text
    assert "only conflict words" in text and "only responsibility and resolution words" in text
    assert "Blame versus remedy" in text.split("Table 3.")[1].split("4.3 Frames")[0]
    assert "blame_vs_remedy" in set(paper_tables(results)["tests_within_story"]["feature"].str.removeprefix("frame_"))


def test_an_outlet_without_contrast_words_in_a_story_is_named_not_averaged(corpus):
    # The flood story has neither cooperation nor sanctions words: no "n/a over 0 sentences" rows.
    _, _, numbers, text = build(corpus, ["story"])
    assert all(v["n_sentences"] == 0 for v in numbers["contrasts"][0]["stories"]["flood"].values())
    assert "In flood , Nordic Post, Wire Daily use neither kind of word." in text
    assert "over 0 sentences" not in text and "p n/a" not in text


def test_a_paper_config_names_the_codebook_and_an_option_overrides_it(corpus, tmp_path):
    folder = tmp_path / "configured"
    folder.mkdir()
    (folder / "news.jsonl").write_text("".join(json.dumps(row) + "\n" for row in ROWS), encoding="utf-8")
    (folder / "paper.yaml").write_text("codebook: story\n", encoding="utf-8")
    configured = framing.load_corpus(folder)
    assert default_codebooks(configured.sources) == ("story",)
    assert [book.name for book in framing.feature_tables(configured).codebooks] == ["story"]
    assert [book.name for book in framing.feature_tables(configured, codebooks=["policy"]).codebooks] == ["policy"]
    # The codebook alone gives the paper none of its words: the text stays the neutral one.
    assert paper_numbers(analyse(configured, n_boot=50), config=paper_config(configured))["paper"]["configured"] is False


def test_the_seed_corpus_is_read_with_the_story_codebook():
    assert default_codebooks(framing.load_corpus().sources) == ("story",)
