"""Frame emphasis: the outlet × frame heatmaps of frame words per 1,000 words and of mean frame scores."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from scipy import stats

from framing.plots.theme import SEQUENTIAL, SMALL_SIZE, TEXT_WIDTH, themed


def frame_heatmap(
    frames: pd.DataFrame, *, words: Mapping[str, int], by: str = "outlet", alpha: float = 0.05,
    labels: Mapping[str, str] | None = None,
) -> Figure:
    """Return the groups × frames heatmap of frame words per 1,000 words, significant cells marked.

    Parameters
    ----------
    frames : pandas.DataFrame
        ``Comparison.frames`` of one stratum (``by, frame, count, residual``).
    words : mapping of group to int
        Word tokens of each group (the denominator of the rate).
    by : str
        Column naming the groups.
    alpha : float
        A cell is marked ▲ (more than expected) or ▼ (fewer) when its adjusted residual lies beyond the
        two-sided normal quantile of ``alpha``; cells are not adjusted for multiple comparisons.
    labels : mapping of frame to label, optional
        The codebook's label of each frame, shown instead of its key.

    Returns
    -------
    matplotlib.figure.Figure
    """
    names = dict(labels or {})
    counts = frames.pivot(index=by, columns="frame", values="count")
    order = list(dict.fromkeys(frames["frame"]))
    counts = counts[order].sort_index()
    totals = pd.Series({name: words.get(name, 0) for name in counts.index}, dtype=float)
    rates = counts.div(totals.replace(0, np.nan), axis=0) * 1000
    residuals = frames.pivot(index=by, columns="frame", values="residual").reindex_like(counts)
    cutoff = stats.norm.ppf(1 - alpha / 2)
    text = rates.map(lambda v: "–" if pd.isna(v) else f"{v:.1f}")
    boxed = residuals.abs() > cutoff
    text[boxed & (residuals > 0)] += " ▲"
    text[boxed & (residuals < 0)] += " ▼"
    return _grid(rates, text, boxed=boxed, vmax=max(float(np.nanmax(rates.to_numpy(), initial=0.0)), 1.0),
                 groups=[f"{name} ({int(totals[name]):,} words)" for name in rates.index],
                 frames=[f"{_wrapped(names.get(frame, frame))}\n(n = {int(counts[frame].sum())})" for frame in order],
                 colour_label="frame words per 1,000 words",
                 note=f"Boxed ▲ / ▼: more / fewer frame words than expected if frames were independent of {by}\n"
                      f"(|adjusted residual| > {cutoff:.2f}; n = frame words counted)")


def frame_scores(articles: pd.DataFrame, *, labels: Mapping[str, str], by: str = "outlet") -> Figure:
    """Return the groups × frames heatmap of the mean article score of each frame (0 to 1).

    Parameters
    ----------
    articles : pandas.DataFrame
        The article table, with ``by`` and the score columns named in ``labels``.
    labels : mapping of score column to label
        The frames' ``frame_<key>_score`` columns, in codebook order, with the labels shown.
    by : str
        Column naming the groups.

    Returns
    -------
    matplotlib.figure.Figure
        One row per group (with its number of scored articles), one column per frame (or the other way
        round when there are more than :data:`MAX_FRAME_COLUMNS` frames); a group whose language the
        codebook has no cues for shows "–".
    """
    columns = list(labels)
    means = articles.groupby(by, sort=True)[columns].mean()
    counts = articles.groupby(by, sort=True)[columns].count().max(axis=1)
    text = means.map(lambda v: "–" if pd.isna(v) else f"{v:.2f}")
    return _grid(means, text, boxed=None, vmax=max(float(np.nanmax(means.to_numpy(), initial=0.0)), 0.1),
                 groups=[f"{name} ({int(counts[name]):,} articles)" for name in means.index],
                 frames=[_wrapped(labels[column]) for column in columns], colour_label="mean frame score of an article",
                 note="Mean score per article, 0 (no cue) to 1 (cues dense in the text)")


#: Frames drawn as columns; a codebook with more (the fifteen policy frames) is drawn with frames as rows.
MAX_FRAME_COLUMNS = 6


def _grid(values: pd.DataFrame, text: pd.DataFrame, *, boxed: pd.DataFrame | None, vmax: float,
          groups: list[str], frames: list[str], colour_label: str, note: str) -> Figure:
    """Draw a groups × frames heatmap with ``text`` in its cells and a box round the ``boxed`` ones."""
    rows_are_frames = len(frames) > MAX_FRAME_COLUMNS
    if rows_are_frames:
        values, text = values.T, text.T
        boxed = boxed.T if boxed is not None else None
    row_labels, column_labels = (frames, groups) if rows_are_frames else (groups, frames)
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 1.35 + (0.42 if rows_are_frames else 0.36) * len(values)))
        ax = figure.subplots()
        sns.heatmap(values, ax=ax, cmap=SEQUENTIAL, vmin=0, vmax=vmax, annot=text, fmt="", linewidths=0.8,
                    linecolor="white", cbar_kws={"label": colour_label, "shrink": 0.9},
                    annot_kws={"fontsize": SMALL_SIZE + 0.5})
        if boxed is not None:
            for row, column in zip(*np.nonzero(boxed.fillna(False).to_numpy(dtype=bool))):
                ax.add_patch(Rectangle((column, row), 1, 1, fill=False, edgecolor="black", linewidth=1.4))
        ax.set_xticklabels([label.replace("\n", " ") if rows_are_frames else label for label in column_labels],
                           rotation=30 if rows_are_frames else 0, ha="right" if rows_are_frames else "center",
                           fontsize=SMALL_SIZE)
        ax.set_yticklabels([label.replace("\n", " ") for label in row_labels], rotation=0,
                           **({"fontsize": SMALL_SIZE} if rows_are_frames else {}))
        ax.set_xlabel(note, fontsize=SMALL_SIZE)
        ax.set_ylabel("")
        ax.tick_params(axis="both", length=0)
        ax.grid(False)
    return figure


def _wrapped(label: str, width: int = 14) -> str:
    """A frame label broken over lines of about ``width`` characters, so that long labels fit a column."""
    import textwrap

    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label
