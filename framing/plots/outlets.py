"""Outlet means with 95% bootstrap intervals: sentiment and tone, and a codebook's contrast index of two frames."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from framing.plots.theme import MUTED, SMALL_SIZE, TEXT_WIDTH, group_colours, themed

#: Panels of :func:`sentiment_tone`: measure, title, axis label, axis limits.
TONE_PANELS = (
    ("sent_tone", "Tone\n(every language)", "positive % −\nnegative % of words", None),
    ("sent_vader_compound", "VADER compound\n(English only)", "−1 negative …\n+1 positive", (-1, 1)),
    ("sent_tb_polarity", "TextBlob polarity\n(English only)", "−1 negative …\n+1 positive", (-1, 1)),
    ("sent_tb_subjectivity", "TextBlob subjec-\ntivity (English only)", "0 objective …\n1 subjective", (0, 1)),
)


def sentiment_tone(
    groups: pd.DataFrame,
    *,
    by: str = "outlet",
    panels: Sequence[tuple] = TONE_PANELS,
    colours: Mapping[str, str] | None = None,
) -> Figure:
    """Return one panel per sentiment or tone measure: each group's mean sentence value and 95% interval.

    Parameters
    ----------
    groups : pandas.DataFrame
        ``Comparison.groups`` (``by, feature, n_sentences, mean, ci_low, ci_high``) of one stratum.
    by : str
        Column naming the groups.
    panels : sequence of (measure, title, axis label, limits or None)
        The measures drawn, one panel each, side by side.
    colours : mapping of group to colour, optional

    Returns
    -------
    matplotlib.figure.Figure
        Groups without values for a measure (a language the analyzer does not cover) show ``n/a``.
    """
    names = sorted(groups[by].unique())
    colours = dict(colours or group_colours(names))
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 1.25 + 0.3 * len(names)))
        axes = figure.subplots(1, len(panels), sharey=True, squeeze=False)[0]
        for ax, (measure, title, label, limits) in zip(axes, panels):
            values = groups[groups["feature"] == measure].set_index(by).reindex(names)
            _interval_panel(ax, values, names=names, colours=colours, limits=limits, counts=False,
                            missing="n/a" if limits else "no values")
            ax.set_title(title, fontsize=SMALL_SIZE + 0.5)
            ax.set_xlabel(label, fontsize=SMALL_SIZE)
    return figure


def contrast_index(
    groups: pd.DataFrame,
    *,
    feature: str,
    sides: tuple[str, str],
    by: str = "outlet",
    story: str = "story",
    colours: Mapping[str, str] | None = None,
) -> Figure:
    """Return a contrast index of two frames (such as cooperation versus sanctions) of each group with its
    95% interval, one panel per story. The report writes it as ``<feature>.<format>``.

    Parameters
    ----------
    groups : pandas.DataFrame
        ``Comparison.groups`` of a comparison within stories (``framing.compare(..., within="story")``).
    by, story : str
        Columns naming the groups and the strata.
    colours : mapping of group to colour, optional
    feature : the contrast column, as the codebook declares it (``frame_coop_vs_sanction``).
    sides : the labels of its negative and positive families (``("sanctions", "cooperation")``).

    Returns
    -------
    matplotlib.figure.Figure
        Index from −1 (only the negative family's words) to +1 (only the positive's), averaged over the
        sentences that have either; a group with no such sentence says so in place.
    """
    negative, positive = sides
    rows = groups[groups["feature"] == feature]
    stories = sorted(rows[story].unique())
    colours = dict(colours or group_colours(sorted(rows[by])))
    sizes = [rows.loc[rows[story] == s, by].nunique() for s in stories]
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 0.7 + sum(0.4 + 0.27 * n for n in sizes)))
        axes = figure.subplots(len(stories), 1, sharex=True, squeeze=False, height_ratios=[n + 1 for n in sizes])
        for ax, name in zip(axes[:, 0], stories):
            values = rows[rows[story] == name].set_index(by)
            names = sorted(values.index)
            _interval_panel(ax, values.reindex(names), names=names, colours=colours, limits=(-1, 1),
                            counts=True, missing=f"no {positive} or {negative} words")
            ax.set_title(f"Story: {name}")
        axes[-1, 0].set_xlabel(f"← more {negative} words          index          more {positive} words →")
    return figure


def _interval_panel(ax, values: pd.DataFrame, *, names: list[str], colours: Mapping[str, str],
                    limits: tuple[float, float] | None, counts: bool, missing: str) -> None:
    """Draw each group's mean as a dot with its interval as a line; ``counts`` adds sentence counts to labels."""
    y = np.arange(len(names))
    for k, name in enumerate(names):
        row = values.loc[name]
        if pd.isna(row["mean"]):
            ax.text(0.02, k, missing, transform=ax.get_yaxis_transform(), va="center", fontsize=SMALL_SIZE,
                    color=MUTED, style="italic")
            continue
        colour = colours.get(name, MUTED)
        if pd.notna(row["ci_low"]):
            ax.plot([row["ci_low"], row["ci_high"]], [k, k], color=colour, linewidth=2.2, alpha=0.55,
                    solid_capstyle="butt")
        ax.plot(row["mean"], k, "o", color=colour, markersize=5.5, markeredgecolor="white", markeredgewidth=0.6)
    n = values["n_sentences"].fillna(0).astype(int)
    ax.set_yticks(y, [f"{name}\n{k} sentences" if counts else name for name, k in zip(names, n)])
    ax.set_ylim(len(names) - 0.5, -0.5)
    if limits:
        pad = 0.04 * (limits[1] - limits[0])
        ax.set_xlim(limits[0] - pad, limits[1] + pad)
    if not limits or limits[0] < 0 < limits[1]:
        ax.axvline(0, color=MUTED, linewidth=0.6, zorder=0)
