"""Text helpers shared by the figures: wrapping that counts Chinese characters as wide, term labels."""

from __future__ import annotations

import json
import re
import unicodedata

_PIECES = re.compile(r"[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+")


def display_width(text: str) -> int:
    """Return the width of ``text`` in columns: East Asian wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> str:
    """Wrap ``text`` at ``width`` columns, breaking between words, or between characters in Chinese."""
    lines, line = [], ""
    for piece in _PIECES.findall(text):
        if line and display_width(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def loaded_terms(value: str) -> list[dict]:
    """Return the matched terms of a ``loaded_terms`` cell (a JSON list), in order, without repeats."""
    terms = json.loads(value) if isinstance(value, str) and value else []
    seen, kept = set(), []
    for term in terms:
        key = term["term"].casefold()
        if key not in seen:
            seen.add(key)
            kept.append(term)
    return kept
