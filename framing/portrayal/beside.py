"""Where the actors come from when no ``--actors`` is given: an ``actors.yaml`` beside the corpus.

A corpus folder may hold an ``actors.yaml`` (a corpus file may have one in its folder), as it may hold a
``paper.yaml``; the corpus reader does not read either as an article. ``framing actors`` and ``framing
paper`` follow it; without one, names are found automatically. The seed corpus ships with one
(``framing/corpus/seed/actors.yaml``), and ``framing explain`` follows it for a text from the seed corpus.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

ACTORS_NAME = "actors.yaml"
_SPACE = re.compile(r"\s+")


def find_actors_file(sources: Iterable[str | Path]) -> Path | None:
    """Return the ``actors.yaml`` beside the corpus (in its folder, or beside the corpus file), or None."""
    from framing.report.config import find_beside

    return find_beside(sources, ACTORS_NAME)


def _seed_folder():
    # Through the framing package, not framing.corpus.seed: importing framing.corpus imports pandas.
    return resources.files("framing").joinpath("corpus", "seed")


def seed_actors_path() -> Path:
    """Return the path of the seed corpus's actors file."""
    return Path(str(_seed_folder().joinpath(ACTORS_NAME)))


def from_seed_corpus(text: str) -> bool:
    """Return whether ``text`` stands word for word in an article file of the seed corpus (a headline of it).

    Compared with case, curly apostrophes, HTML entities and runs of white space set aside.
    """
    normal = _normal(text)
    return bool(normal) and normal in _seed_text()


@cache
def _seed_text() -> str:
    texts = [entry.read_text(encoding="utf-8") for entry in sorted(_seed_folder().iterdir(), key=lambda e: e.name)
             if entry.name.endswith(".txt")]
    return "\n".join(_normal(text) for text in texts)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", html.unescape(text)).casefold().replace("’", "'")
    return _SPACE.sub(" ", text).strip()
