"""Figures: what each shows on the seed corpus, the files they write, and real glyphs for Chinese and Swedish."""

import json
import warnings

import matplotlib as mpl
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import framing
from framing import plots
from framing.plots.theme import GROUP_COLOURS, group_colours
from framing.report.figures import FIGURES, draw_figures
from framing.report.results import analyse

PROVENANCE = plots.Provenance(seed=7, lexicon_versions={"en": {"loaded": "abc123"}, "zh": {"loaded": "def456"}})
HEADLINES = pd.DataFrame({
    "outlet": ["RFI Chinese", "DagligaAI", "Breitbart"],
    "language": ["zh", "sv", "en"],
    "text": ["应对AI风险 OpenAI执行长指出与中国合作的重要性", "Amerikanska och kinesiska AI-företag har haft hemliga "
             "säkerhetssamtal", "Deal with the Devil: ChatGPT Boss Calls for Collaboration with China"],
    "loaded_score": [0.4, 0.2, 0.99],
    "loaded_terms": [json.dumps([{"term": "遏制", "category": "fear", "gloss": "contain"}], ensure_ascii=False),
                     json.dumps([{"term": "hemliga", "category": "hyperbole", "gloss": "secret"}]),
                     json.dumps([{"term": "Deal with the Devil", "category": "metaphor_idiom"}])],
})


@pytest.fixture(scope="module")
def results():
    return analyse(framing.load_corpus(), seed=0, n_boot=200)


@pytest.fixture(scope="module")
def figures(results):
    return draw_figures(results)


def glyph_warnings(draw) -> list[str]:
    """Run ``draw`` and return matplotlib's missing-glyph warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_every_figure_is_drawn_on_the_seed_corpus(figures):
    # Two months of dates: no trend. The actors figure is the paper's, drawn once it adds the portrayals
    # (tests/report/test_paper_actors.py). The seed's codebook (story) declares one contrast, which names
    # its figure.
    assert list(figures) == [name.replace("frame_contrasts", "frame_coop_vs_sanction") for name in FIGURES
                             if name not in ("trends", "actor_portrayal")]
    assert all(isinstance(figure, Figure) for figure in figures.values())


def test_headline_figure_ranks_breitbart_first_and_writes_its_loaded_terms(figures, results):
    texts = [t.get_text() for t in figures["headline_loadedness"].axes[0].texts]
    assert texts[0] == "Breitbart"
    assert "Deal with the Devil" in texts[2] and "Boss" in texts[2]
    assert {"Wall Street Journal", "RFI Chinese", "DagligaAI"} <= set(texts)


def test_headline_diff_boxes_what_breitbart_adds_to_the_wsj(figures):
    boxed = {t.get_text(): t.get_bbox_patch().get_edgecolor() for t in figures["headline_diff"].texts
             if t.get_bbox_patch() is not None}
    assert "Deal with the Devil:" in boxed and "ChatGPT Boss" in boxed
    assert boxed["Deal with the Devil:"] != boxed["ChatGPT Boss"]  # added versus swapped in
    assert any("Wall Street Journal" in t.get_text() for t in figures["headline_diff"].texts)


def test_english_only_measures_say_not_applicable_for_chinese_and_swedish(figures):
    vader = figures["sentiment_tone"].axes[1]
    assert [t.get_text() for t in vader.texts] == ["n/a", "n/a"]  # DagligaAI (sv), RFI Chinese (zh)


def test_heatmap_boxes_exactly_the_cells_with_large_residuals(figures, results):
    frames = results.by_outlet.frames
    boxed = [p for p in figures["frame_heatmap"].axes[0].patches if isinstance(p, Rectangle) and not p.get_fill()]
    assert len(boxed) == int((frames["residual"].abs() > 1.959964).sum()) > 0


def test_terms_figure_names_outlets_alone_in_their_language(figures):
    note = figures["distinctive_terms"].get_supxlabel()
    assert "RFI Chinese (zh)" in note and "DagligaAI (sv)" in note


def test_no_missing_glyphs_for_chinese_and_swedish(tmp_path):
    def draw():
        figure = plots.headline_loadedness(HEADLINES)
        plots.save_figure(figure, tmp_path, name="headline_loadedness", provenance=PROVENANCE)

    assert glyph_warnings(draw) == []


def test_the_glyph_check_catches_a_font_without_chinese(tmp_path):
    def draw():
        with mpl.rc_context({"font.family": ["DejaVu Sans"]}):
            figure = Figure()
            figure.text(0.1, 0.5, "中国合作")
            figure.savefig(tmp_path / "boxes.png")

    assert glyph_warnings(draw)


def test_files_record_versions_and_seed_and_repeat_byte_for_byte(tmp_path):
    figure = plots.headline_loadedness(HEADLINES)
    first = plots.save_figure(figure, tmp_path / "a", name="headline_loadedness", provenance=PROVENANCE)
    second = plots.save_figure(figure, tmp_path / "b", name="headline_loadedness", provenance=PROVENANCE)
    assert [p.suffix for p in first] == [".png", ".pdf", ".svg"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    png, pdf, svg = (p.read_bytes() for p in first)
    assert b"framing-version" in png and b"seed\x007" in png and b"abc123" in png
    assert _pdf_info(pdf) and b"seed=7" in _pdf_info(pdf) and b"zh: loaded def456" in _pdf_info(pdf)
    assert b"CreationDate" not in pdf
    assert b"seed=7" in svg and b"<dc:date>" not in svg


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(framing.errors.InputError, match="unknown figure format gif"):
        plots.save_figure(Figure(), tmp_path, name="x", provenance=PROVENANCE, formats=("png", "gif"))


def test_outlets_keep_their_colour_and_colours_are_colour_blind_safe():
    colours = group_colours(["Breitbart", "REX Wire", "Breitbart", "WSJ"])
    assert list(colours) == ["Breitbart", "REX Wire", "WSJ"]
    assert colours["Breitbart"] == GROUP_COLOURS[0] == "#0072B2"  # Okabe–Ito blue
    assert len(set(GROUP_COLOURS)) == len(GROUP_COLOURS) == 8


def _pdf_info(pdf: bytes) -> bytes:
    """The PDF's document information (matplotlib writes it uncompressed)."""
    start = pdf.find(b"/Keywords")
    return pdf[start:start + 400] if start >= 0 else b""


def test_actor_heat_map_prints_scores_only_where_they_fit():
    import pandas as pd

    from framing.plots.actors import ANNOTATED_GROUPS, actor_portrayal

    def summary(n_groups):
        return pd.DataFrame([{"outlet": f"Outlet {g}", "actor": actor, "n_mentions": 3, "mean_score": 0.2,
                              "ci_low": 0.1, "ci_high": 0.3} for g in range(n_groups) for actor in ("A", "B")])

    few, many = actor_portrayal(summary(4)), actor_portrayal(summary(ANNOTATED_GROUPS + 1))
    assert len(few.axes[0].texts) == 8 and "'?'" in few.axes[0].get_xlabel()
    assert not many.axes[0].texts and "every cell is in actors.csv" in many.axes[0].get_xlabel()
