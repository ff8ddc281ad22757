"""Frame emphasis: the outlet × frame heatmap of frame words per 1,000 words."""

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
    frames: pd.DataFrame, *, words: Mapping[str, int], by: str = "outlet", alpha: float = 0.05
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

    Returns
    -------
    matplotlib.figure.Figure
    """
    counts = frames.pivot(index=by, columns="frame", values="count")
    order = list(dict.fromkeys(frames["frame"]))
    counts = counts[order].sort_index()
    totals = pd.Series({name: words.get(name, 0) for name in counts.index}, dtype=float)
    rates = counts.div(totals.replace(0, np.nan), axis=0) * 1000
    residuals = frames.pivot(index=by, columns="frame", values="residual").reindex_like(counts)
    cutoff = stats.norm.ppf(1 - alpha / 2)
    labels = rates.map(lambda v: "–" if pd.isna(v) else f"{v:.1f}")
    for (name, frame), value in residuals.stack().items():
        if abs(value) > cutoff:
            labels.at[name, frame] += " ▲" if value > 0 else " ▼"
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 1.35 + 0.36 * len(rates)))
        ax = figure.subplots()
        top = float(np.nanmax(rates.to_numpy(), initial=0.0))
        sns.heatmap(rates, ax=ax, cmap=SEQUENTIAL, vmin=0, vmax=max(top, 1.0), annot=labels, fmt="",
                    linewidths=0.8, linecolor="white",
                    cbar_kws={"label": "frame words per 1,000 words", "shrink": 0.9},
                    annot_kws={"fontsize": SMALL_SIZE + 0.5})
        for (name, frame), value in residuals.stack().items():
            if abs(value) > cutoff:
                ax.add_patch(Rectangle((order.index(frame), list(rates.index).index(name)), 1, 1, fill=False,
                                       edgecolor="black", linewidth=1.4))
        # Long frame names (the policy codebook's) collide side by side; slanted, each keeps its column.
        slanted = len(order) * max(map(len, order)) > 60
        ax.set_xticklabels([f"{frame}\n(n = {int(counts[frame].sum())})" for frame in order],
                           rotation=30 if slanted else 0, ha="right" if slanted else "center",
                           rotation_mode="anchor", fontsize=SMALL_SIZE)
        ax.set_yticklabels([f"{name} ({int(totals[name]):,} words)" for name in rates.index], rotation=0)
        ax.set_xlabel(f"Boxed ▲ / ▼: more / fewer frame words than expected if frames were independent of {by}\n"
                      f"(|adjusted residual| > {cutoff:.2f}; n = frame words counted)", fontsize=SMALL_SIZE)
        ax.set_ylabel("")
        ax.tick_params(axis="both", length=0)
        ax.grid(False)
    return figure
