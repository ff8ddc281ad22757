"""Actor portrayal: the actors × groups (outlets) heat map of the mean target-sentiment score."""

from __future__ import annotations

import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from framing.plots.theme import SMALL_SIZE, TEXT_WIDTH, themed

#: The most groups whose cells carry their score and mention count in print.
ANNOTATED_GROUPS = 12


def actor_portrayal(summary: pd.DataFrame, *, by: str = "outlet", wide: float = 0.5,
                    max_actors: int = 20) -> Figure:
    """Return the actors × groups heat map of mean score (p_positive − p_negative), uncertain cells marked.

    Parameters
    ----------
    summary : pandas.DataFrame
        The actor table of one stratum (``by, actor, n_mentions, mean_score, ci_low, ci_high``).
    by : str
        Column naming the groups.
    wide : float
        A cell whose 95% interval is wider than this, or has none, is hatched and its number marked "?".
    max_actors : int
        The most-mentioned actors shown (all groups are shown).

    Returns
    -------
    matplotlib.figure.Figure
    """
    totals = summary.groupby("actor", sort=False)["n_mentions"].sum()
    shown = totals[totals > 0].sort_values(ascending=False, kind="stable").index[:max_actors]
    rows = summary[summary["actor"].isin(shown)]
    means = rows.pivot(index="actor", columns=by, values="mean_score").reindex(list(shown))
    counts = rows.pivot(index="actor", columns=by, values="n_mentions").reindex_like(means)
    width = (rows["ci_high"] - rows["ci_low"]).to_numpy()
    uncertain = rows.assign(uncertain=~(width <= wide)).pivot(index="actor", columns=by,
                                                               values="uncertain").reindex_like(means)
    labels = means.copy().astype(object)
    for actor in means.index:
        for group in means.columns:
            n = int(counts.at[actor, group]) if pd.notna(counts.at[actor, group]) else 0
            value = means.at[actor, group]
            labels.at[actor, group] = ("–" if n == 0 or pd.isna(value) else
                                       f"{_signed(value)}{'?' if uncertain.at[actor, group] else ''}\nn={n}")
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 1.4 + 0.42 * max(len(means), 1)))
        ax = figure.subplots()
        # Past ANNOTATED_GROUPS columns the numbers no longer fit their cells: colour and hatching stay, and the
        # axis label sends the reader to the table.
        annotated = len(means.columns) <= ANNOTATED_GROUPS
        sns.heatmap(means.astype(float), ax=ax, cmap="RdBu", vmin=-1, vmax=1, center=0,
                    annot=labels if annotated else False, fmt="",
                    linewidths=0.8, linecolor="white", mask=means.isna(),
                    cbar_kws={"label": "mean score (p_positive − p_negative)", "shrink": 0.9},
                    annot_kws={"fontsize": SMALL_SIZE - 0.5})
        for i, actor in enumerate(means.index):
            for j, group in enumerate(means.columns):
                if pd.notna(means.at[actor, group]) and uncertain.at[actor, group]:
                    ax.add_patch(_hatch(j, i))
        ax.set_xticklabels(list(means.columns), rotation=30 if annotated else 90, ha="right" if annotated else "center",
                           fontsize=SMALL_SIZE)
        ax.set_yticklabels(list(means.index), rotation=0)
        marks = "Hatched, '?'" if annotated else "Hatched"
        ax.set_xlabel(f"{marks}: 95% interval wider than {wide} or none (few mentions); "
                      "blank: not mentioned" + ("" if annotated else f";\n{len(means.columns)} groups, too many to "
                                                "print each score: every cell is in actors.csv"),
                      fontsize=SMALL_SIZE)
        ax.set_ylabel("")
        ax.tick_params(axis="both", length=0)
        ax.grid(False)
    return figure


def _hatch(x: int, y: int):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), 1, 1, fill=False, hatch="///", edgecolor="#6E6E6E", linewidth=0.0)


def _signed(value: float) -> str:
    """``+0.36``, ``−0.42`` with a true minus; ``0.00`` for what rounds to zero, as the paper writes it."""
    return "0.00" if round(value, 2) == 0 else f"{value:+.2f}".replace("-", "\u2212")
