"""The seed corpus's actors file, and whether a text comes from the seed corpus.

``framing actors`` without PATH and ``framing explain`` on a headline of the seed corpus follow the actors
the seed ships with (``data/seed_actors.yaml``); elsewhere, without ``--actors``, names are found
automatically.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

SEED_ACTORS = "seed_actors.yaml"
_SPACE = re.compile(r"\s+")


def seed_actors_path() -> Path:
    """Return the path of the seed corpus's actors file."""
    return Path(str(resources.files("framing.portrayal").joinpath("data", SEED_ACTORS)))


def from_seed_corpus(text: str) -> bool:
    """Return whether ``text`` stands word for word in a file of the seed corpus (a headline of it, say).

    Compared with case, curly apostrophes, HTML entities and runs of white space set aside.
    """
    normal = _normal(text)
    return bool(normal) and normal in _seed_text()


@cache
def _seed_text() -> str:
    # Through the framing package, not framing.corpus.seed: importing framing.corpus imports pandas.
    folder = resources.files("framing").joinpath("corpus", "seed")
    texts = [entry.read_text(encoding="utf-8") for entry in sorted(folder.iterdir(), key=lambda e: e.name)
             if entry.name.endswith(".txt")]
    return "\n".join(_normal(text) for text in texts)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", html.unescape(text)).casefold().replace("’", "'")
    return _SPACE.sub(" ", text).strip()
