"""Where framing keeps what it can compute again: ``$FRAMING_CACHE_DIR``, else ``~/.cache/framing``.

A module of its own, importing nothing of framing, so that the readers of the language identifier's model
and of checked word lists find the folder without importing the feature stack.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """Return ``$FRAMING_CACHE_DIR``, else ``~/.cache/framing``."""
    return Path(os.environ.get("FRAMING_CACHE_DIR") or Path.home() / ".cache" / "framing").expanduser()
