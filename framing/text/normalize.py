"""Normalisation steps, each ``str -> str`` so that they compose."""

from __future__ import annotations

import re
import unicodedata

# Control characters, zero-width marks and the noncharacters U+FFFE/U+FFFF (invalid in XML too).
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2060\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def unicode_nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C, with lone surrogates replaced by U+FFFD."""
    return unicodedata.normalize("NFC", _SURROGATES.sub("\ufffd", text))


def control_chars(text: str) -> str:
    """Return ``text`` without control and zero-width characters (newlines and tabs are kept)."""
    return _CONTROL.sub("", text)


def whitespace(text: str) -> str:
    """Return ``text`` with runs of spaces collapsed, lines stripped, and at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def normalize_text(text: str) -> str:
    """Return ``text`` NFC-normalised, without control characters, with tidy whitespace."""
    return whitespace(control_chars(unicode_nfc(text)))
