"""Trends over time: each outlet's (or group's) mean per period, with its interval as a band."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from framing.plots.theme import MUTED, SMALL_SIZE, TEXT_WIDTH, group_colours, themed

#: Measures drawn, one panel each: column and axis label.
TREND_PANELS = (("loaded_score", "Loaded score (0–1)"), ("sent_tone", "Tone (positive % − negative %)"))
#: Lines per panel; more would be unreadable, so the groups with most articles are drawn and the rest named.
MAX_LINES = 8
#: Period labels on the x axis; longer series show every k-th.
MAX_TICKS = 12


def trends(table: pd.DataFrame, *, by: str = "outlet", panels: Sequence[tuple[str, str]] = TREND_PANELS,
           colours: Mapping[str, str] | None = None, max_lines: int = MAX_LINES) -> Figure:
    """Return one panel per measure: each group's mean per period as a line, its 95% interval as a band.

    Parameters
    ----------
    table : pandas.DataFrame
        ``Comparison.trends`` (``by, period, start, feature, mean, ci_low, ci_high, n_articles``).
    by : str
        Column naming the groups (``outlet``, or ``group`` for groups of outlets).
    panels : sequence of (measure, axis label)
    colours : mapping of group to colour, optional
    max_lines : int
        At most this many groups are drawn: those with the most articles; a note names how many are not.

    Returns
    -------
    matplotlib.figure.Figure
        Periods without articles are gaps in a line, not interpolated.
    """
    panels = [(m, label) for m, label in panels if m in set(table["feature"])] or list(panels[:1])
    starts = sorted(table["start"].unique())
    # Periods are placed by their dates, so a stretch without articles keeps its length on the axis.
    days = pd.to_datetime(pd.Series(starts)).to_numpy(dtype="datetime64[D]").astype(np.int64)
    position = {start: float(day - days[0]) for start, day in zip(starts, days)}
    labels = table.drop_duplicates("start").set_index("start")["period"]
    counts = table[table["feature"] == panels[0][0]].groupby(by)["n_articles"].sum()
    ranked = sorted(counts.index, key=lambda name: (-counts[name], str(name)))
    shown = sorted(ranked[:max_lines])
    colours = dict(colours or {})
    if len({colours.get(name) for name in shown}) < len(shown):
        # A palette over thirty outlets repeats; the lines drawn must not share a colour.
        colours = group_colours(shown)
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 0.9 + 1.9 * len(panels)))
        axes = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
        for ax, (measure, label) in zip(axes, panels):
            rows = table[table["feature"] == measure]
            for name in shown:
                line = rows[rows[by] == name].set_index("start").reindex(starts)
                x = np.array([position[s] for s in starts], dtype=float)
                colour = colours.get(name, MUTED)
                ax.plot(x, line["mean"].to_numpy(float), marker="o", markersize=2.5, linewidth=1.1, color=colour,
                        label=str(name))
                ax.fill_between(x, line["ci_low"].to_numpy(float), line["ci_high"].to_numpy(float), color=colour,
                                alpha=0.15, linewidth=0)
            ax.set_ylabel(label, fontsize=SMALL_SIZE)
        step = max(1, -(-len(starts) // MAX_TICKS))
        ticks = starts[::step]
        axes[-1].set_xticks([position[s] for s in ticks], [labels[s] for s in ticks], rotation=45, ha="right",
                            fontsize=SMALL_SIZE)
        axes[0].legend(fontsize=SMALL_SIZE, ncols=min(4, len(shown)) or 1, loc="lower left",
                       bbox_to_anchor=(0, 1.02), frameon=False)
        note = (f"Showing the {len(shown)} of {len(ranked)} {by}s with most articles; all are in trends.csv."
                if len(ranked) > len(shown) else "")
        if note:
            figure.supxlabel(note, fontsize=SMALL_SIZE, color=MUTED, x=0.01, ha="left")
    return figure
