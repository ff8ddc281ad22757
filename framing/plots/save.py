"""Writing figures: PNG, PDF and SVG with provenance in their metadata and no dates, so bytes repeat."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from framing import __version__
from framing.errors import InputError
from framing.io import write_bytes
from framing.plots.theme import themed

FORMATS = ("png", "pdf", "svg")
PNG_DPI = 200


@dataclass(frozen=True)
class Provenance:
    """What made a figure: the toolkit version, the lexicon versions per language, and the seed."""

    seed: int
    lexicon_versions: dict[str, dict[str, str]] = field(default_factory=dict)
    version: str = __version__

    def lexicons(self) -> str:
        """Return the lexicon versions on one line: ``en: frames 1a2b, loaded d8f9; zh: ...``."""
        parts = []
        for lang, families in sorted(self.lexicon_versions.items()):
            listed = ", ".join(f"{family} {v}" for family, v in sorted(families.items())) or "none"
            parts.append(f"{lang}: {listed}")
        return "; ".join(parts) or "none"

    def summary(self) -> str:
        """Return the provenance on one line, as written into every figure file."""
        return f"framing {self.version}; lexicons {self.lexicons()}; seed {self.seed}"


def figure_bytes(figure: Figure, fmt: str, *, name: str, provenance: Provenance) -> bytes:
    """Return ``figure`` rendered as ``fmt`` (png, pdf or svg) with ``provenance`` in its metadata."""
    software = f"framing {provenance.version} (matplotlib {mpl.__version__})"
    metadata = {
        "png": {"Title": name, "Software": software, "Description": provenance.summary(),
                "framing-version": provenance.version, "lexicon-versions": provenance.lexicons(),
                "seed": str(provenance.seed)},
        "pdf": {"Title": name, "Creator": software, "Subject": provenance.summary(),
                "Keywords": f"framing-version={provenance.version}; lexicon-versions={provenance.lexicons()}; "
                            f"seed={provenance.seed}",
                "CreationDate": None},
        "svg": {"Title": name, "Creator": software, "Description": provenance.summary(), "Date": None,
                "Keywords": [f"framing-version={provenance.version}",
                             f"lexicon-versions={provenance.lexicons()}", f"seed={provenance.seed}"]},
    }[fmt]
    buffer = io.BytesIO()
    with themed():
        figure.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=metadata)
    return buffer.getvalue()


def save_figure(
    figure: Figure, out_dir: str | Path, *, name: str, provenance: Provenance, formats: tuple[str, ...] = FORMATS
) -> list[Path]:
    """Write ``figure`` as ``out_dir/<name>.<fmt>`` for each format, atomically; return the paths."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise InputError(f"unknown figure format {', '.join(unknown)}; use {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    return [write_bytes(out_dir / f"{name}.{fmt}", figure_bytes(figure, fmt, name=name, provenance=provenance))
            for fmt in formats]
