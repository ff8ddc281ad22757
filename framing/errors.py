"""Errors a user can act on. Each renders as one line that names the file and the problem."""

from __future__ import annotations

from pathlib import Path


def printable(text: str) -> str:
    """Return ``text`` safe to print on one line of a terminal: control characters escaped.

    Newlines, tabs, terminal escape sequences (``\\x1b``), direction marks and other invisible or control
    characters become Python escapes (``\\n``, ``\\x1b``, ``\\u202e``); bytes of a file name that are not
    UTF-8 (lone surrogates, as Python decodes them) become ``\\xe9``. Letters of every script are kept.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xdc00:02x}")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


class FramingError(Exception):
    """A user-facing error; the CLI prints ``str(error)`` on one line and exits with ``exit_code``."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
        super().__init__(printable(f"{self.path}: {message}" if self.path is not None else message))


class InputError(FramingError):
    """Bad input given on the command line: a missing path, a column that does not exist."""

    exit_code = 2


class OutputError(FramingError):
    """An output location that must not be written (an input file, a folder inside the corpus)."""

    exit_code = 2
