"""Headline figures: how loaded each outlet's headline is, and what one headline adds to another."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from framing.features.loaded import category_label
from framing.plots._text import loaded_terms, wrap
from framing.plots.theme import ADDED, BASE_SIZE, MUTED, SMALL_SIZE, SWAPPED, TEXT_WIDTH, group_colours, themed


def headline_loadedness(headlines: pd.DataFrame, *, colours: Mapping[str, str] | None = None) -> Figure:
    """Return a figure of each headline's ``loaded_score``, with its loaded terms written beside it.

    Parameters
    ----------
    headlines : pandas.DataFrame
        Headline rows of the sentence table (``outlet, language, text, loaded_score, loaded_terms``).
    colours : mapping of outlet to colour, optional
        Defaults to :func:`framing.plots.theme.group_colours` of the outlets shown.

    Returns
    -------
    matplotlib.figure.Figure
        One row per headline, most loaded first; headlines in a language without a loaded-language
        list have no bar and say so.
    """
    rows = headlines.assign(_missing=headlines["loaded_score"].isna()).sort_values(
        ["_missing", "loaded_score", "outlet", "text"], ascending=[True, False, True, True], kind="stable")
    colours = dict(colours or group_colours(sorted(rows["outlet"])))
    blocks = [_HeadlineBlock.of(row) for row in rows.itertuples(index=False)]
    tops = [sum(block.height for block in blocks[:k]) for k in range(len(blocks))]
    total = sum(block.height for block in blocks) or _LINE
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 0.85 + total))
        text_ax, bar_ax = figure.subplots(1, 2, width_ratios=[2.1, 1], sharey=True)
        for top, block, row in zip(tops, blocks, rows.itertuples(index=False)):
            block.draw(text_ax, top)
            middle = top + block.height / 2
            if math.isnan(row.loaded_score):
                bar_ax.text(0.03, middle, f"not measured:\nno {row.language} word list", va="center",
                            fontsize=SMALL_SIZE, color=MUTED, style="italic")
                continue
            bar_ax.barh(middle, row.loaded_score, height=min(0.28, block.height * 0.6),
                        color=colours.get(row.outlet, MUTED))
            bar_ax.text(row.loaded_score + 0.03, middle, f"{row.loaded_score:.2f}", va="center",
                        fontsize=SMALL_SIZE)
        text_ax.set_axis_off()
        text_ax.set_ylim(total, 0)
        text_ax.set_xlim(0, 1)
        bar_ax.set_xlim(0, 1.15)
        bar_ax.set_xticks([0, 0.5, 1.0])
        bar_ax.tick_params(axis="y", left=False, labelleft=False)
        bar_ax.set_xlabel("loaded score\n(0 = neutral, 1 = most loaded)")
        text_ax.set_title("Headline, with the loaded terms found in it")
        bar_ax.set_title("Loaded score")
    return figure


_LINE = 0.14  # inches per line of small text


class _HeadlineBlock:
    """One headline's text block: outlet, wrapped headline, loaded terms; heights in inches."""

    def __init__(self, outlet: str, headline: str, terms: str) -> None:
        self.outlet, self.headline, self.terms = outlet, headline, terms
        lines = headline.count("\n") + 1 + (terms.count("\n") + 1 if terms else 0)
        self.height = 0.2 + _LINE * lines + 0.07

    @classmethod
    def of(cls, row) -> _HeadlineBlock:
        terms = loaded_terms(row.loaded_terms)
        listed = "; ".join(f"“{t['term']}” ({category_label(t['category'])})" for t in terms)
        if not listed and row.loaded_score > 0:
            # The score is not zero, yet nothing reached the highlight weight: say so rather than show a bare bar.
            listed = "no single word weighs 0.5 or more; weaker signals add up to this score"
        return cls(row.outlet, wrap(row.text, 66), wrap(listed, 60) if listed else "")

    def draw(self, ax, top: float) -> None:
        ax.text(0, top + 0.04, self.outlet, fontweight="bold", va="top", fontsize=BASE_SIZE)
        ax.text(0, top + 0.2, self.headline, va="top", fontsize=SMALL_SIZE, linespacing=1.2)
        if self.terms:
            below = top + 0.2 + _LINE * (self.headline.count("\n") + 1)
            ax.text(0, below, self.terms, va="top", fontsize=SMALL_SIZE, color=ADDED, fontweight="bold",
                    linespacing=1.2)


def headline_diff(pair: Mapping, *, width_chars: int = 78) -> Figure:
    """Return a figure of an aligned headline pair as a word diff: what the variant adds and swaps.

    Parameters
    ----------
    pair : mapping
        One row of :func:`framing.features.headlines.align_headlines` (``base_outlet``,
        ``variant_outlet``, their scores, ``diff`` and ``added_loaded_terms`` as JSON).
    width_chars : int
        Wrapping width of the explanations, in characters.

    Returns
    -------
    matplotlib.figure.Figure
        The base headline, the variant with added words boxed in vermillion and swapped-in words in
        sky blue, and the loaded terms the variant adds with the reason each reads as loaded.
    """
    ops = json.loads(pair["diff"])
    added = json.loads(pair["added_loaded_terms"])
    with themed():
        figure = Figure(figsize=(TEXT_WIDTH, 1.0), layout="none")
        canvas = FigureCanvasAgg(figure)
        flow = _WordFlow(figure, canvas)
        flow.heading(f"{pair['base_outlet']}  (loaded score {pair['base_loaded_score']:.2f})")
        flow.words([(op["base"], "swapped_out" if op["op"] in ("replace", "delete") else "")
                    for op in ops if op["base"]])
        flow.gap(0.08)
        flow.heading(f"{pair['variant_outlet']}  (loaded score {pair['variant_loaded_score']:.2f})")
        flow.words([(op["variant"], {"insert": "added", "replace": "swapped"}.get(op["op"], ""))
                    for op in ops if op["variant"]])
        flow.gap(0.12)
        if added:
            flow.heading(f"Loaded terms {pair['variant_outlet']} adds")
            for term in added:
                flow.note(f"“{term['term']}”: {category_label(term['category'])}. {term['explanation']}",
                          width_chars=width_chars)
        flow.finish(legend=[Patch(facecolor=_tint(ADDED), edgecolor=ADDED, label="added words"),
                            Patch(facecolor=_tint(SWAPPED), edgecolor=SWAPPED, label="swapped-in words"),
                            Patch(facecolor="white", edgecolor=MUTED, linestyle=(0, (2, 1.5)),
                                  label="words replaced or dropped")])
    return figure


def _tint(colour: str, amount: float = 0.25) -> tuple[float, float, float]:
    """Return ``colour`` mixed with white, for a box behind black text."""
    from matplotlib.colors import to_rgb

    return tuple(1 - amount * (1 - c) for c in to_rgb(colour))


class _WordFlow:
    """Lays out lines of words from the top of a figure, measuring each word, then sets the height."""

    MARGIN = 0.08
    LINE = 0.30

    def __init__(self, figure: Figure, canvas: FigureCanvasAgg) -> None:
        self.figure, self.renderer = figure, canvas.get_renderer()
        self.items: list[tuple[float, float, str, dict]] = []
        self.y = self.MARGIN

    def _width(self, text: str, size: float, weight: str = "normal") -> float:
        from matplotlib.font_manager import FontProperties

        prop = FontProperties(size=size, weight=weight)
        width, _, _ = self.renderer.get_text_width_height_descent(text, prop, ismath=False)
        return width / self.figure.dpi

    def heading(self, text: str) -> None:
        self.y += 0.22
        self.items.append((self.MARGIN, self.y, text, {"fontweight": "bold", "fontsize": BASE_SIZE}))

    def words(self, segments: list[tuple[str, str]]) -> None:
        """Lay out ``(text, style)`` segments on wrapped lines; a marked segment stays in one box if it fits."""
        size, right = BASE_SIZE + 1, TEXT_WIDTH - self.MARGIN
        space = self._width(" ", size)
        self.y += self.LINE
        x = start = self.MARGIN + 0.04  # room for the box padding of a first marked word
        for text, style in segments:
            weight = _STYLES[style].get("fontweight", "normal")
            whole = self._width(text, size, weight)
            pieces = [text] if style and whole <= right - self.MARGIN else text.split(" ")
            for piece in pieces:
                width = self._width(piece, size, weight)
                if x + width > right and x > start:
                    x, self.y = start, self.y + self.LINE
                self.items.append((x, self.y, piece, {"fontsize": size, **_STYLES[style]}))
                x += width + space * (2.6 if style else 1)

    def note(self, text: str, *, width_chars: int) -> None:
        wrapped = wrap(text, width_chars)
        self.y += 0.20
        self.items.append((self.MARGIN + 0.1, self.y, wrapped, {"fontsize": SMALL_SIZE, "va": "top"}))
        self.y += 0.145 * wrapped.count("\n")

    def gap(self, inches: float) -> None:
        self.y += inches

    def finish(self, *, legend: list) -> None:
        height = self.y + 0.42
        self.figure.set_size_inches(TEXT_WIDTH, height)
        for x, y, text, props in self.items:
            props = {"va": "baseline", **props}
            if props["va"] == "top":
                y -= 0.11
            self.figure.text(x / TEXT_WIDTH, 1 - y / height, text, **props)
        self.figure.legend(handles=legend, loc="lower left", ncols=3, bbox_to_anchor=(0.005, 0.0),
                           handlelength=1.4, fontsize=SMALL_SIZE)


_STYLES = {
    "": {},
    "added": {"bbox": {"boxstyle": "round,pad=0.18", "facecolor": _tint(ADDED), "edgecolor": ADDED,
                       "linewidth": 0.8}, "fontweight": "bold"},
    "swapped": {"bbox": {"boxstyle": "round,pad=0.18", "facecolor": _tint(SWAPPED), "edgecolor": SWAPPED,
                         "linewidth": 0.8}, "fontweight": "bold"},
    "swapped_out": {"bbox": {"boxstyle": "round,pad=0.18", "facecolor": "white", "edgecolor": MUTED,
                             "linewidth": 0.8, "linestyle": (0, (2, 1.5))}, "color": MUTED},
}

