"""Load and validate the word lists in ``lexicons/<family>/<lang>.yaml``.

The lists are data, shipped inside the package as ``framing.lexicons_data``; a user may point
``root`` at a folder of their own with the same layout. Files are parsed lazily, on first use, with
PyYAML's safe loader only, and cached per (root, family, language).

Every problem :func:`check` finds renders as one line, ``path:line: message``, so that an editor can
jump to it.
"""

from __future__ import annotations

import hashlib
import json
import os
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

import yaml

from framing.errors import FramingError, InputError

LOADED_CATEGORIES = frozenset(
    {"metaphor_idiom", "moral_religious", "name_calling", "informal_title", "hyperbole", "fear", "evaluative"}
)
POLARITY_CATEGORIES = frozenset({"positive", "negative"})
SOURCING_CATEGORIES = frozenset({"attribution", "hedging"})
MODIFIER_CATEGORIES = frozenset({"negator", "intensifier", "diminisher"})
HEADLINE_CATEGORIES = frozenset({"trick_label", "curiosity_gap", "second_person", "listicle", "superlative"})

CATEGORIES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "loaded": LOADED_CATEGORIES,
        "polarity": POLARITY_CATEGORIES,
        "sourcing": SOURCING_CATEGORIES,
        "modifiers": MODIFIER_CATEGORIES,
        "headlines": HEADLINE_CATEGORIES,
    }
)
FAMILIES = tuple(CATEGORIES)
#: The folder of frame codebooks beside the lexicon families (see :mod:`framing.codebooks`).
CODEBOOKS = "codebooks"
HEADER_KEYS = ("family", "language", "title", "source", "license", "categories")
ENTRY_KEYS = ("term", "category", "weight", "explanation")
OPTIONAL_ENTRY_KEYS = ("gloss",)
# Only English entries may go without an English gloss.
GLOSS_OPTIONAL = frozenset({"en"})
GAP = "*"

# PyYAML's safe loader, in its C build where available: it builds only plain data (no Python objects).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
# Two spaces in a row, or a tab, newline or other space that is not a plain space.
_INNER_SPACE = re.compile(r"  |[^\S ]")


@dataclass(frozen=True)
class Entry:
    """One term of a lexicon: the words to match, what kind of signal they are, and why."""

    term: str
    category: str
    weight: float
    explanation: str
    gloss: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """The entries of one ``<family>/<language>.yaml`` file, its header, and a short hash of its bytes."""

    family: str
    language: str
    header: Mapping[str, object] = field(repr=False)
    entries: tuple[Entry, ...] = field(repr=False)
    version: str = ""

    @property
    def categories(self) -> dict[str, str]:
        """Return the header's ``{category: description}``."""
        return dict(self.header["categories"])

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a lexicon file; ``str(problem)`` is ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class LexiconError(FramingError):
    """A lexicon that is missing or does not pass :func:`check`."""


def load_lexicon(family: str, lang: str, *, root: str | Path | Traversable | None = None) -> Lexicon:
    """Return the ``family`` lexicon for language ``lang`` from ``root`` (default: the shipped lexicons).

    Raises :class:`LexiconError` when the file does not exist or has a problem :func:`check` would report.
    """
    if family not in CATEGORIES:
        raise LexiconError(f"unknown lexicon family {family!r} (known: {', '.join(FAMILIES)})")
    return _load_cached(_root_key(root), family, lang)


def available_languages(family: str, *, root: str | Path | Traversable | None = None) -> tuple[str, ...]:
    """Return the languages that have a ``family`` lexicon under ``root``, sorted."""
    folder = _as_root(_root_key(root)) / family
    if not folder.is_dir():
        return ()
    return tuple(sorted(item.name[: -len(".yaml")] for item in folder.iterdir() if item.name.endswith(".yaml")))


def check(root: str | Path | Traversable | None = None) -> list[Problem]:
    """Return every problem in the lexicon folder ``root`` (default: the shipped lexicons), in file order.

    The frame codebooks under ``root/codebooks/<name>/`` are checked too; ``root`` may also be one
    codebook folder (``<language>.yaml`` files). Raises :class:`~framing.errors.InputError` when ``root``
    is not a folder.
    """
    from framing.codebooks import check_codebook

    folder = _as_root(_root_key(root))
    if not folder.is_dir():
        raise InputError("not a folder", path=str(folder))
    if any(item.name.endswith(".yaml") and item.is_file() for item in folder.iterdir()):
        return check_codebook(folder)
    files = sorted(_lexicon_files(folder), key=lambda item: (item[0], item[1]))
    books = folder / CODEBOOKS
    books = sorted((sub for sub in books.iterdir() if sub.is_dir()), key=lambda sub: sub.name) \
        if books.is_dir() else []
    if not files and not books:
        return [Problem(str(folder), 0, "no lexicon files (<family>/<language>.yaml) or codebooks found")]
    problems: list[Problem] = []
    for family, lang, item in files:
        problems.extend(_check_file(item.read_bytes(), path=str(item), family=family, lang=lang)[1])
    for book in books:
        problems.extend(check_codebook(book))
    return problems


def _lexicon_files(folder: Traversable) -> Iterator[tuple[str, str, Traversable]]:
    for sub in folder.iterdir():
        if sub.is_dir() and sub.name != CODEBOOKS:
            for item in sub.iterdir():
                if item.name.endswith(".yaml") and item.is_file():
                    yield sub.name, item.name[: -len(".yaml")], item


def _root_key(root: str | Path | Traversable | None) -> str | Path | Traversable | None:
    # A filesystem path is made absolute so that the cache does not depend on the working directory.
    if isinstance(root, str | Path):
        return Path(root).expanduser().resolve()
    return root


def _as_root(root: Path | Traversable | None) -> Path | Traversable:
    return resources.files("framing.lexicons_data") if root is None else root


@lru_cache(maxsize=None)
def _load_cached(root: Path | Traversable | None, family: str, lang: str) -> Lexicon:
    item = _as_root(root) / family / f"{lang}.yaml"
    if not item.is_file():
        raise LexiconError(f"no {family} lexicon for language {lang!r}", path=str(item))
    raw = item.read_bytes()
    data = _parsed(raw, path=str(item), family=family, lang=lang)
    header = {key: value for key, value in data.items() if key != "entries"}
    entries = tuple(
        Entry(
            term=row["term"],
            category=row["category"],
            weight=float(row["weight"]),
            explanation=row["explanation"],
            gloss=row.get("gloss"),
        )
        for row in data["entries"]
    )
    return Lexicon(
        family=family,
        language=lang,
        header=MappingProxyType(header),
        entries=entries,
        version=hashlib.sha256(raw).hexdigest()[:12],
    )


def _parsed(raw: bytes, *, path: str, family: str, lang: str) -> dict:
    """Return the checked data of one lexicon file; raise :class:`LexiconError` on its first problem.

    YAML takes a second to parse the large word lists, which a one-headline command cannot afford each
    time, so a file that passed its checks is kept as JSON in the cache folder, under the digest of its
    bytes and of this module (which sets the checks), and read from there next time. A cache that cannot
    be read or written is skipped.
    """
    from framing.cachedir import default_cache_dir

    digest = hashlib.sha256(raw + _checks_version()).hexdigest()[:24]
    cached = default_cache_dir() / "lexicons" / f"{family}-{lang}-{digest}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data, problems = _check_file(raw, path=path, family=family, lang=lang)
    if problems:
        more = f" (and {len(problems) - 1} more; run `framing lexicons check`)" if len(problems) > 1 else ""
        raise LexiconError(f"{problems[0]}{more}")
    # A cache file, not an output: written beside its name and renamed into place without framing.io, whose
    # table writers would cost a one-headline command the import of pandas.
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cached)
    except OSError:
        pass
    return data


@lru_cache(maxsize=1)
def _checks_version() -> bytes:
    return Path(__file__).read_bytes()


def _check_file(raw: bytes, *, path: str, family: str, lang: str) -> tuple[dict, list[Problem]]:
    """Parse one file and return its data and its problems, each with the line it is on."""
    return check_yaml(raw, path=path, shape="a mapping with a header and 'entries'", problems=lambda data: [
        *_header_problems(data, family=family, lang=lang), *_entry_problems(data, family=family, lang=lang)])


def check_yaml(raw: bytes, *, path: str, shape: str,
               problems: Callable[[dict], list[tuple[tuple, str]]]) -> tuple[dict, list[Problem]]:
    """Parse a word-list or codebook file; return its data and its problems, each with the line it is on.

    ``problems(data)`` returns ``(where, message)`` pairs, ``where`` the path of keys and indices to the
    offending node; ``shape`` says what the file must be when it is not a mapping.
    """
    try:
        text = raw.decode("utf-8")
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except UnicodeDecodeError as error:
        return {}, [Problem(path, 1, f"file is not UTF-8 ({error.reason} at byte {error.start})")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return {}, [Problem(path, line, f"YAML does not parse: {reason}")]
    if not isinstance(data, dict):
        return {}, [Problem(path, 1, f"file must be {shape}")]
    located = problems(data)
    if not located:
        return data, []
    lines = _LineIndex(text)
    return data, [Problem(path, lines.find(where), message) for where, message in located]


def _header_problems(data: dict, *, family: str, lang: str) -> Iterator[tuple[tuple, str]]:
    for key in HEADER_KEYS:
        if key not in data:
            yield (), f"missing header key {key!r}"
    if "entries" not in data:
        yield (), "missing 'entries'"
    if family not in CATEGORIES:
        yield (), f"unknown family {family!r} (known: {', '.join(FAMILIES)})"
    if not _LANGUAGE_CODE.fullmatch(lang):
        yield (), f"file name {lang!r} is not an ISO 639 language code"
    for key, expected in (("family", family), ("language", lang)):
        if key in data and data[key] != expected:
            yield (key,), f"header {key} {data[key]!r} does not match the file's place ({expected!r})"
    for key in ("title", "source", "license"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            yield (key,), f"header {key!r} must be non-empty text"
        elif key in data:
            yield from (((key,), message) for message in _text_problems(data[key], what=f"header {key}"))
    declared = data.get("categories")
    if "categories" in data and not isinstance(declared, dict):
        yield ("categories",), "header 'categories' must map each category to a one-line description"
    elif isinstance(declared, dict):
        for name, description in declared.items():
            if family in CATEGORIES and name not in CATEGORIES[family]:
                yield ("categories", name), _unknown_category(name, family)
            if not isinstance(description, str) or not description.strip():
                yield ("categories", name), f"category {name!r} has no description"


def _entry_problems(data: dict, *, family: str, lang: str) -> Iterator[tuple[tuple, str]]:
    entries = data.get("entries")
    if "entries" in data and not isinstance(entries, list):
        yield ("entries",), "'entries' must be a list"
        return
    declared = data.get("categories") if isinstance(data.get("categories"), dict) else {}
    seen: dict[str, int] = {}
    for index, row in enumerate(entries or []):
        if not isinstance(row, dict):
            yield ("entries", index), "entry must be a mapping of term, category, weight, explanation"
            continue
        term = row.get("term")
        label = repr(term) if isinstance(term, str) else f"entry {index + 1}"
        for key in ENTRY_KEYS:
            if key not in row:
                yield ("entries", index), f"missing {key!r} in {label}"
        for key in row:
            if key not in ENTRY_KEYS and key not in OPTIONAL_ENTRY_KEYS:
                yield ("entries", index, key), f"unknown key {key!r} in {label}"
        if isinstance(term, str):
            yield from _term_problems(term, index=index, seen=seen)
        elif "term" in row:
            yield ("entries", index, "term"), f"term of entry {index + 1} must be text"
        yield from _category_problems(row, index=index, label=label, family=family, declared=declared)
        if "weight" in row:
            weight = row["weight"]
            if isinstance(weight, bool) or not isinstance(weight, int | float) or math.isnan(weight):
                yield ("entries", index, "weight"), f"weight of {label} must be a number"
            elif not 0 <= weight <= 1:
                yield ("entries", index, "weight"), f"weight {weight} of {label} is outside [0, 1]"
        for key in ("explanation", "gloss"):
            if key not in row:
                continue
            value = row[key]
            if not isinstance(value, str) or not value.strip():
                yield ("entries", index, key), f"empty {key} for {label}"
            else:
                yield from ((("entries", index, key), m) for m in _text_problems(value, what=f"{key} of {label}"))
        if lang not in GLOSS_OPTIONAL and "gloss" not in row:
            yield ("entries", index), f"missing gloss for {label} (required for {lang})"


def _term_problems(term: str, *, index: int, seen: dict[str, int]) -> Iterator[tuple[tuple, str]]:
    where = ("entries", index, "term")
    if not term.strip():
        yield where, f"empty term in entry {index + 1}"
        return
    yield from ((where, message) for message in _text_problems(term, what=f"term {term!r}"))
    words = term.split()
    if GAP in words and (words[0] == GAP or words[-1] == GAP or len(words) < 3):
        yield where, f"gap {GAP!r} in term {term!r} must stand between two words"
    key = unicodedata.normalize("NFC", " ".join(words)).casefold()
    if key in seen:
        yield where, f"duplicate term {term!r} (same as entry {seen[key] + 1})"
    else:
        seen[key] = index


def _category_problems(
    row: dict, *, index: int, label: str, family: str, declared: dict
) -> Iterator[tuple[tuple, str]]:
    if "category" not in row:
        return
    category = row["category"]
    where = ("entries", index, "category")
    if family in CATEGORIES and category not in CATEGORIES[family]:
        yield where, _unknown_category(category, family)
    elif declared and category not in declared:
        yield where, f"category {category!r} of {label} is not declared in the header"


def _unknown_category(name: object, family: str) -> str:
    return f"unknown category {name!r} for family {family!r} (known: {', '.join(sorted(CATEGORIES[family]))})"


def _text_problems(value: str, *, what: str) -> Iterator[str]:
    if unicodedata.normalize("NFC", value) != value:
        yield f"{what} is not NFC-normalised"
    if value != value.strip():
        yield f"{what} has leading or trailing whitespace"
    if _INNER_SPACE.search(value.strip()):
        yield f"{what} has double or non-space whitespace inside"


class _LineIndex:
    """Line numbers of the header keys and entries of a file, read from PyYAML's safe node tree."""

    def __init__(self, text: str) -> None:
        self._root = yaml.compose(text, Loader=yaml.SafeLoader)

    def find(self, where: tuple) -> int:
        """Return the 1-based line of the node at key path ``where`` (its closest existing ancestor)."""
        node, line = self._root, 1
        for step in where:
            child = self._child(node, step)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    @staticmethod
    def _child(node: yaml.Node, step: object) -> yaml.Node | None:
        if isinstance(node, yaml.MappingNode):
            return next((value for key, value in node.value if key.value == step), None)
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            return node.value[step]
        return None
