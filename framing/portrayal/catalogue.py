"""Whom to follow: an actors file (actor name -> aliases in any language), read and checked.

The file is YAML, one mapping::

    China: [Beijing, Chinese government, 中国, 北京, Kina]
    Sam Altman: [Altman, 萨姆·奥尔特曼, 奥尔特曼]

An actor's name is one of its own aliases. Every problem is one line naming the file and the entry.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from framing.errors import InputError

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ActorsFileError(InputError):
    """An actors file that cannot be used: not a mapping of names to lists, an empty or shared alias."""


@dataclass(frozen=True)
class Actor:
    """One actor and the words that name it (its name first)."""

    name: str
    aliases: tuple[str, ...]


def load_actors(path: str | Path) -> tuple[Actor, ...]:
    """Return the actors of the YAML file at ``path``, in file order.

    Raises
    ------
    ActorsFileError
        When the file is missing, not YAML, not a mapping of names to lists of aliases, or has an empty
        alias or an alias given to two actors; the message names the entry.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ActorsFileError(f"cannot read the actors file: {getattr(error, 'strerror', None) or error}",
                              path=path) from None
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ActorsFileError(f"the actors file is not YAML{where}", path=path) from None
    return parse_actors(data, path=path)


def parse_actors(data: object, *, path: str | Path | None = None) -> tuple[Actor, ...]:
    """Return the actors of ``data``, a mapping of actor name to a list of aliases (checked as :func:`load_actors`)."""
    if not isinstance(data, dict) or not data:
        raise ActorsFileError("an actors file must be a mapping of actor names to lists of aliases, "
                              "e.g. 'China: [Beijing, 中国]'", path=path)
    owner: dict[str, str] = {}
    actors = []
    for name, aliases in data.items():
        name = _alias(name, actor=name, path=path, what="actor name")
        if aliases is None:
            aliases = []
        if not isinstance(aliases, list):
            raise ActorsFileError(f"actor {name!r}: aliases must be a list, e.g. '{name}: [alias, other alias]'",
                                  path=path)
        kept = []
        for alias in [name, *aliases]:
            alias = _alias(alias, actor=name, path=path, what="alias")
            key = alias_key(alias)
            if key in owner and owner[key] != name:
                raise ActorsFileError(f"alias {alias!r} is given to two actors: {owner[key]!r} and {name!r}",
                                      path=path)
            if key not in owner:
                owner[key] = name
                kept.append(alias)
        actors.append(Actor(name=name, aliases=tuple(kept)))
    return tuple(actors)


def alias_key(alias: str) -> str:
    """Return the form under which two aliases count as the same (NFC, case-folded)."""
    return unicodedata.normalize("NFC", alias).casefold()


def _alias(value: object, *, actor: object, path, what: str) -> str:
    """Return ``value`` as a clean alias, or raise naming the actor."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ActorsFileError(f"actor {actor!r}: {what} {value!r} is not text", path=path)
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    if not text:
        raise ActorsFileError(f"actor {actor!r}: empty {what}", path=path)
    return text
