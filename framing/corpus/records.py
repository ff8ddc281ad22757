"""The records a corpus is made of: articles, problems, notes, and the corpus that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from framing.errors import FramingError

ARTICLE_COLUMNS = (
    "id", "outlet", "title", "text", "published", "language", "url", "story", "kind", "source_path",
    "n_sentences", "n_words",
)
DROPPED_COLUMNS = ("id", "line", "reason")
DUPLICATE_COLUMNS = ("id", "duplicate_of", "reason")
# A record whose text another outlet published too (a wire story under each outlet's headline).
SYNDICATED_COLUMNS = ("id", "outlet", "same_text_as", "same_text_outlet")
KINDS = ("article", "headline")


class Problem(NamedTuple):
    """A file (or manifest row) that was skipped, and why, in one line."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class Note(NamedTuple):
    """Something a user may want to know about a file that was read, e.g. the encoding it was decoded from."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class CorpusError(FramingError):
    """The corpus had problems and strict mode was asked for."""


@dataclass
class Article:
    """One record as a reader found it: metadata and raw body text, before cleaning and the manifest.

    ``primary`` is false for records a file carries about *other* articles (an aggregator's related list):
    the manifest row of the file describes the file's own record, not those.
    """

    id: str
    source_path: str
    title: str = ""
    text: str = ""
    outlet: str = ""
    published: str = ""
    language: str = ""
    url: str = ""
    story: str = ""
    kind: str = "article"
    primary: bool = True
    dropped: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Corpus:
    """Records read from a corpus, with everything that was skipped, dropped or merged on the way.

    Attributes
    ----------
    articles : DataFrame with :data:`ARTICLE_COLUMNS`, one row per record.
    problems : files or manifest rows that were skipped, one :class:`Problem` each.
    dropped : DataFrame (``id, line, reason``) of every line the cleaner removed.
    duplicates : DataFrame (``id, duplicate_of, reason``) of records merged into an earlier one of the same outlet.
    syndicated : DataFrame (``id, outlet, same_text_as, same_text_outlet``) of records kept although an earlier
        record of another outlet has the same text: syndicated copy, an object of study rather than noise.
    sources : the input paths (the corpus path and the manifest), for refusing to write over them.
    notes : :class:`Note` per file read in a non-UTF-8 encoding or ignored for want of a reader.
    """

    articles: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    dropped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(DROPPED_COLUMNS)))
    duplicates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(DUPLICATE_COLUMNS)))
    syndicated: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SYNDICATED_COLUMNS)))
    sources: list[Path] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles)

    def raise_for_problems(self) -> None:
        """Raise :class:`CorpusError` when any file or manifest row was skipped (strict mode)."""
        if self.problems:
            first = self.problems[0]
            more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
            raise CorpusError(f"strict mode: {len(self.problems)} skipped; first: {first}{more}")

    def dropped_for(self, record_id: str) -> pd.DataFrame:
        """Return the cleaning report (``line, reason``) of one record."""
        rows = self.dropped[self.dropped["id"] == record_id]
        return rows[["line", "reason"]].reset_index(drop=True)
