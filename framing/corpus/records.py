"""The records a corpus is made of: articles, problems, notes, and the corpus that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from framing.errors import FramingError, printable

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
        return printable(f"{self.path}: {self.message}")


class Note(NamedTuple):
    """Something a user may want to know about a file that was read, e.g. the encoding it was decoded from."""

    path: str
    message: str

    def __str__(self) -> str:
        return printable(f"{self.path}: {self.message}")


class CorpusError(FramingError):
    """The corpus had problems and strict mode was asked for."""


class NothingToAnalyse(CorpusError):
    """Every input was skipped: there is no record to compute anything from."""

    def __init__(self, skipped: int) -> None:
        files = f"{skipped} input{'s' if skipped != 1 else ''} skipped" if skipped else "the input has no records"
        super().__init__(f"nothing to analyse: no record was read ({files})")


def strict_error(problems: list[Problem]) -> CorpusError:
    """Return the error of strict mode for ``problems`` (at least one)."""
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return CorpusError(f"strict mode: {len(problems)} skipped; first: {first}{more}")


UNKNOWN_OUTLET = "unknown"


def unknown_outlet_note(count: int) -> str:
    """Return the one line that says ``count`` records have no outlet, and how to give them one."""
    records = f"{count} record{'s' if count != 1 else ''} {'have' if count != 1 else 'has'}"
    return (f"{records} no outlet and {'are' if count != 1 else 'is'} grouped as \"{UNKNOWN_OUTLET}\": name the "
            "outlet of each file in a manifest.csv in the corpus folder (columns file,outlet), in front matter "
            "(outlet: NAME) or in an outlet column")


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
    sources : the input paths (the corpus path, the manifest and every file read), for refusing to write
        over them.
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
            raise strict_error(self.problems)

    def raise_if_empty(self) -> None:
        """Raise :class:`NothingToAnalyse` when no record was read (every input was skipped)."""
        if self.articles.empty:
            raise NothingToAnalyse(len(self.problems))

    @property
    def unknown_outlets(self) -> int:
        """The records whose outlet nothing named (grouped as ``"unknown"``)."""
        return int((self.articles["outlet"] == UNKNOWN_OUTLET).sum())

    def dropped_for(self, record_id: str) -> pd.DataFrame:
        """Return the cleaning report (``line, reason``) of one record."""
        rows = self.dropped[self.dropped["id"] == record_id]
        return rows[["line", "reason"]].reset_index(drop=True)
