"""One module per language, each behind the small interface of :class:`~framing.languages.base.Language`.

``framing/languages/<code>.py`` (ISO 639-1) defines ``LANGUAGE``, an instance of a subclass of
:class:`Language`; this package finds such modules by their name, so adding a language is one module,
its word lists in ``lexicons/<family>/<code>.yaml``, and its tests. A code without a module gets the
fallback :class:`Language`, which segments by punctuation and spaces and knows no word lists.

    >>> from framing.languages import get_language
    >>> get_language("sv").key("sanktionerna")
    'sanktion'
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

from framing.languages.base import CAPABILITIES, Language, LineRuleSpec, Negators

__all__ = ["CAPABILITIES", "Language", "LineRuleSpec", "Negators", "get_language", "known_languages"]

_CODE = re.compile(r"[a-z]{2,3}")


@lru_cache(maxsize=1)
def known_languages() -> tuple[str, ...]:
    """Return the codes of the languages that have a module, sorted."""
    return tuple(sorted(info.name for info in pkgutil.iter_modules(__path__) if _CODE.fullmatch(info.name)))


@lru_cache(maxsize=None)
def get_language(code: str) -> Language:
    """Return the language ``code`` (ISO 639-1): its module's ``LANGUAGE``, or the fallback for an unknown code."""
    if code in known_languages():
        return importlib.import_module(f"{__name__}.{code}").LANGUAGE
    return Language(code)
