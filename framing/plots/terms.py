"""Distinctive terms: each outlet's words by log-odds z-score against the other outlets."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.figure import Figure

from framing.plots._text import wrap
from framing.plots.theme import MUTED, SMALL_SIZE, TEXT_WIDTH, group_colours, themed

#: Two-sided 95% normal quantile: a z beyond it is conventionally called distinctive.
Z_95 = 1.96


def distinctive_terms(
    terms: pd.DataFrame, *, by: str = "outlet", top: int = 6, colours: Mapping[str, str] | None = None
) -> Figure:
    """Return one panel per group and language: its ``top`` words by log-odds z-score.

    Parameters
    ----------
    terms : pandas.DataFrame
        ``Comparison.terms`` of one stratum (``by, language, term, rank, count, z``).
    by : str
        Column naming the groups.
    top : int
        Words per panel.
    colours : mapping of group to colour, optional

    Returns
    -------
    matplotlib.figure.Figure
        Groups alone in their language have no z-scores and no panel; a note under the panels names them.
    """
    compared = terms[terms["z"].notna()]
    alone = sorted(set(map(tuple, terms.loc[terms["z"].isna(), [by, "language"]].to_numpy())))
    panels = [(name, lang, rows[rows["rank"] <= top].sort_values("rank"))
              for (name, lang), rows in compared.groupby([by, "language"], sort=True)]
    colours = dict(colours or group_colours(sorted(terms[by])))
    cols = 3 if len(panels) > 4 else 2 if len(panels) > 1 else 1
    grid_rows = -(-len(panels) // cols) or 1
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 0.45 + grid_rows * (0.75 + 0.16 * top)))
        axes = figure.subplots(grid_rows, cols, squeeze=False).ravel()
        for ax, (name, lang, rows) in zip(axes, panels):
            _panel(ax, rows, colour=colours.get(name, MUTED), top=top)
            ax.set_title(f"{name} ({lang})", fontsize=SMALL_SIZE + 1)
        for ax in axes[len(panels):]:
            ax.set_axis_off()
        if alone:
            listed = ", ".join(f"{name} ({lang})" for name, lang in alone)
            figure.supxlabel(wrap(f"Not compared, being the only {by} in their language: {listed}.", 110),
                             fontsize=SMALL_SIZE, color=MUTED, x=0.01, ha="left")
    return figure


def _panel(ax, rows: pd.DataFrame, *, colour: str, top: int) -> None:
    """Draw one group's words as horizontal bars of z, with the conventional 1.96 line dashed."""
    ax.barh(range(len(rows)), rows["z"], color=colour, height=0.7)
    ax.set_yticks(range(len(rows)), rows["term"], fontsize=SMALL_SIZE)
    ax.set_ylim(top - 0.5, -0.5)
    ax.axvline(Z_95, color="black", linewidth=0.6, linestyle=(0, (3, 2)))
    ax.set_xlabel("log-odds z (dashed: 1.96)", fontsize=SMALL_SIZE)
