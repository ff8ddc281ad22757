"""The report's six figures, drawn from :class:`~framing.report.results.Results` and written to files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from matplotlib.figure import Figure

from framing import plots
from framing.report.results import Results

#: File names of the figures, in the order the paper shows them.
FIGURES = (
    "headline_loadedness", "headline_diff", "sentiment_tone", "frame_heatmap", "coop_vs_sanction",
    "distinctive_terms",
)


def draw_figures(results: Results) -> dict[str, Figure]:
    """Return the figures of ``results`` by file name; ``headline_diff`` is left out when no pair was found."""
    colours = results.colours
    overall = results.by_outlet
    figures = {
        "headline_loadedness": plots.headline_loadedness(results.headlines, colours=colours),
        "sentiment_tone": plots.sentiment_tone(overall.groups, colours=colours),
        "frame_heatmap": plots.frame_heatmap(overall.frames, words=results.words),
        "distinctive_terms": plots.distinctive_terms(overall.terms, colours=colours),
    }
    contrast = results.contrast
    if contrast is not None:
        # The codebook's first contrast (the story codebook's cooperation versus sanctions).
        book, declared = contrast
        figures["coop_vs_sanction"] = plots.coop_vs_sanction(
            results.per_story.groups, colours=colours, feature=book.column(declared.key),
            sides=(declared.negative, declared.positive))
    if results.featured_pair is not None:
        figures["headline_diff"] = plots.headline_diff(results.featured_pair)
    return {name: figures[name] for name in FIGURES if name in figures}


def write_figures(results: Results, out_dir: str | Path, *, formats: tuple[str, ...] = plots.FORMATS,
                  inputs: Iterable[str | Path] = ()) -> list[Path]:
    """Draw every figure of ``results`` and write each in ``formats`` into ``out_dir``; return the paths.

    The figures appear together (:func:`framing.io.output_set`); none is written over one of ``inputs``
    (the corpus's ``sources``) or into an input folder.
    """
    from framing.io import output_set

    out_dir = Path(out_dir)
    with output_set(out_dir, inputs=inputs) as staging:
        paths = []
        for name, figure in draw_figures(results).items():
            paths += plots.save_figure(figure, staging, name=name, provenance=results.provenance, formats=formats)
    return [out_dir / path.name for path in paths]
