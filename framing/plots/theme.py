"""The house look of every figure: sizes for print, a colour-blind-safe palette, fonts with CJK fallback.

Figures are drawn at the size they print (the text width of an A4 page with 2.5 cm margins), so a
font size here is the size a reader sees on paper.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from framing.languages import get_language, known_languages

#: Okabe & Ito (2008), "Color universal design": distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
#: Order in which groups (outlets) take colours; yellow is last because it is faint on white.
GROUP_COLOURS = tuple(OKABE_ITO[name] for name in (
    "blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black", "yellow",
))
#: Colour of words a variant headline adds, and of words it swaps in.
ADDED = OKABE_ITO["vermillion"]
SWAPPED = OKABE_ITO["sky_blue"]
MUTED = "#6E6E6E"
#: A sequential map that stays readable in greyscale and for colour-blind readers.
SEQUENTIAL = "cividis"

#: Printed text width in inches (A4 minus two 2 cm margins = 17 cm).
TEXT_WIDTH = 6.7
BASE_SIZE = 8.5
SMALL_SIZE = 7.5

#: Each language module's fonts, in order, once: Latin, Swedish and symbols from DejaVu Sans; Chinese from
#: Noto Sans CJK (set-up installs fonts-noto-cjk).
FONT_FALLBACK = tuple(dict.fromkeys(font for code in known_languages() for font in get_language(code).fonts))


def prefer_system_fonts() -> None:
    """Make matplotlib pick a system font file over its own bundled copy of the same family.

    A PDF embeds its fonts in the order of their file paths; a bundled DejaVu Sans lives inside the
    virtual environment, wherever that is, so its place among the system's Noto CJK fonts would change
    with the checkout's location and the PDF bytes with it. System font paths are the same on every
    machine set up by ``.ci/setup``.
    """
    bundled = str(Path(mpl.get_data_path()))
    font_manager.fontManager.ttflist.sort(key=lambda entry: entry.fname.startswith(bundled))
    font_manager.fontManager._findfont_cached.cache_clear()


def available_fonts(names: Iterable[str] = FONT_FALLBACK) -> list[str]:
    """Return the families of ``names`` that matplotlib can find, in order (asking for others warns)."""
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    return [name for name in names if name in known] or ["DejaVu Sans"]


def rc() -> dict:
    """Return the rcParams of the house theme."""
    return {
        "font.family": available_fonts(),
        "font.size": BASE_SIZE,
        "axes.titlesize": BASE_SIZE + 0.5,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": BASE_SIZE,
        "xtick.labelsize": SMALL_SIZE,
        "ytick.labelsize": BASE_SIZE,
        "legend.fontsize": SMALL_SIZE,
        "legend.frameon": False,
        "figure.titlesize": BASE_SIZE + 1,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#333333",
        "axes.linewidth": 0.6,
        "axes.grid": True,
        "axes.grid.axis": "x",
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.5,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "ytick.major.size": 0,
        "axes.prop_cycle": mpl.cycler(color=GROUP_COLOURS),
        "figure.dpi": 100,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "figure.constrained_layout.use": True,
        # Deterministic, self-contained files: text as paths in SVG, TrueType subsets in PDF.
        "svg.fonttype": "path",
        "svg.hashsalt": "framing",
        "pdf.fonttype": 42,
    }


@contextlib.contextmanager
def themed() -> Iterator[None]:
    """Draw (and save) inside the house theme; rcParams are restored afterwards."""
    prefer_system_fonts()
    with mpl.rc_context(rc()):
        yield


def group_colours(groups: Iterable[str]) -> dict[str, str]:
    """Return a colour per group, in the order given (repeats ignored); pass one mapping to every figure
    so that a group keeps its colour throughout a report."""
    ordered = dict.fromkeys(groups)
    return {group: GROUP_COLOURS[k % len(GROUP_COLOURS)] for k, group in enumerate(ordered)}
