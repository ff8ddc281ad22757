"""Figures: one function per figure, named like the file it writes, each returning a matplotlib Figure.

The functions take the tidy tables of :func:`framing.feature_tables` and :func:`framing.compare` and draw in
the house theme (:mod:`framing.plots.theme`); :func:`save_figure` writes PNG, PDF and SVG with the
toolkit and lexicon versions and the seed in their metadata.
"""

from framing.plots.frames import frame_heatmap, frame_scores
from framing.plots.headlines import headline_diff, headline_loadedness
from framing.plots.outlets import contrast_index, sentiment_tone
from framing.plots.save import FORMATS, Provenance, save_figure
from framing.plots.terms import distinctive_terms
from framing.plots.theme import themed
from framing.plots.trends import trends

__all__ = [
    "FORMATS", "Provenance", "contrast_index", "distinctive_terms", "frame_heatmap", "frame_scores",
    "headline_diff", "headline_loadedness", "save_figure", "sentiment_tone", "themed", "trends",
]
