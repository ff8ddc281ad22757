"""Errors a user can act on. Each renders as one line that names the file and the problem."""

from __future__ import annotations

from pathlib import Path


class FramingError(Exception):
    """A user-facing error; the CLI prints ``str(error)`` on one line and exits with ``exit_code``."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)


class InputError(FramingError):
    """Bad input given on the command line: a missing path, a column that does not exist."""

    exit_code = 2


class OutputError(FramingError):
    """An output location that must not be written (an input file, a folder inside the corpus)."""

    exit_code = 2
