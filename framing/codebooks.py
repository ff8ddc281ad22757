"""Codebooks of news frames, as data: ``lexicons/codebooks/<name>/<lang>.yaml``.

A codebook declares its frame families (key, label, a definition from the codebook, cue terms with the
matching rules of the lexicons, provenance) and derived contrasts (``coop_vs_sanction`` is the
cooperation family against the sanctions family). Every language file of a codebook declares the same
families and contrasts; its cues are that language's. Code asks the loaded :class:`Codebook` what
exists; nothing lists frame names in Python.

A codebook is named (a folder shipped under ``framing.lexicons_data/codebooks``) or given as a path to a
folder of the same layout; a copied folder scores exactly like the shipped name. Every problem
:func:`check_codebook` finds renders as ``path:line: message``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from framing.errors import FramingError
from framing.lexicons import GAP, Problem, _LineIndex, _text_problems, check_yaml

#: The codebook of a corpus whose ``paper.yaml`` names none, and of text without a corpus (``explain``):
#: the five generic news frames fit any subject, while ``story`` counts "talks" as diplomacy.
DEFAULT = "generic"
HEADER_KEYS = ("codebook", "language", "title", "source", "license", "families")
OPTIONAL_HEADER_KEYS = ("contrasts",)
FAMILY_KEYS = ("key", "label", "definition", "provenance", "cues")
CUE_KEYS = ("term",)
OPTIONAL_CUE_KEYS = ("weight", "gloss", "except_in", "except_near")
CONTRAST_KEYS = ("key", "label", "definition", "positive", "negative")
#: Weight of a cue written as a bare term: it marks its frame clearly.
DEFAULT_WEIGHT = 1.0
#: Column suffixes a family key would collide with.
RESERVED_KEYS = frozenset({"primary"})
#: Contrast keys that would collide with a figure's file name (``frame_<contrast>``, ``frame_heatmap``).
RESERVED_CONTRAST_KEYS = RESERVED_KEYS | {"heatmap", "scores"}
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CodebookError(FramingError):
    """A codebook that cannot be found or does not pass :func:`check_codebook` (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True)
class Cue:
    """One cue term of a frame family, with the contexts in which it does not evoke the frame.

    ``except_in`` are longer phrases that contain the term in another sense ("deal with", "big deal");
    ``except_near`` are words whose presence in the same sentence gives the term another sense.
    """

    term: str
    category: str
    weight: float
    explanation: str
    gloss: str | None = None
    except_in: tuple[str, ...] = ()
    except_near: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    """A frame family: its key, label, definition and provenance (language-independent)."""

    key: str
    label: str
    definition: str
    provenance: str


@dataclass(frozen=True)
class Contrast:
    """A derived index ``(positive - negative) / (positive + negative)`` of two families' counts."""

    key: str
    label: str
    definition: str
    positive: str
    negative: str


@dataclass(frozen=True)
class Codebook:
    """A loaded codebook: families and contrasts, and per language its cues and a version hash.

    ``prefix`` starts every column of the codebook: ``frame_`` alone, or ``frame_<name>_`` when several
    codebooks are measured at once (see :func:`with_prefixes`).
    """

    name: str
    source: str
    families: tuple[Family, ...]
    contrasts: tuple[Contrast, ...]
    cues_by_language: tuple[tuple[str, tuple[Cue, ...]], ...]
    versions: tuple[tuple[str, str], ...]
    titles: tuple[tuple[str, str], ...] = ()
    prefix: str = "frame_"

    @property
    def keys(self) -> tuple[str, ...]:
        """Family keys, in the codebook's order."""
        return tuple(family.key for family in self.families)

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages the codebook has cues for, sorted."""
        return tuple(lang for lang, _ in self.cues_by_language)

    def cues(self, lang: str) -> tuple[Cue, ...] | None:
        """Return the cues of ``lang``, or None when the codebook has no file for it."""
        return dict(self.cues_by_language).get(lang)

    def version(self, lang: str) -> str:
        """Return the short hash of the language file (``"-"`` when there is none)."""
        return dict(self.versions).get(lang, "-")

    def family(self, key: str) -> Family:
        """Return the family with ``key``."""
        return next(family for family in self.families if family.key == key)

    def column(self, key: str, measure: str = "") -> str:
        """Return the column of family or contrast ``key``: ``frame_<key>_<measure>`` (prefix included)."""
        return f"{self.prefix}{key}_{measure}" if measure else f"{self.prefix}{key}"


def load_codebook(spec: str | Path | None = None) -> Codebook:
    """Return the codebook named ``spec`` (shipped), or the one in folder ``spec``; default :data:`DEFAULT`.

    Raises :class:`CodebookError` when there is no such codebook or it has a problem.
    """
    folder, shipped = _resolve(DEFAULT if spec is None else spec)
    return _load_cached(None, folder.name) if shipped else _load_cached(folder, None)


def load_codebooks(specs: Iterable[str | Path] | None = None, *,
                   sources: Iterable[str | Path] = ()) -> tuple[Codebook, ...]:
    """Return the codebooks ``specs`` (names, folders or loaded codebooks), prefixed for their columns;
    default :func:`default_codebooks` of ``sources`` (the corpus's files and folders).

    One codebook gives columns ``frame_<key>_...``; several give ``frame_<codebook>_<key>_...``.
    Raises :class:`CodebookError` on an unknown codebook or two of the same name.
    """
    if isinstance(specs, (str, Path)):
        specs = [specs]
    books = [spec if isinstance(spec, Codebook) else load_codebook(spec)
             for spec in (list(specs or []) or default_codebooks(sources))]
    names = [book.name for book in books]
    for name in names:
        if names.count(name) > 1:
            raise CodebookError(f"codebook {name!r} is given twice")
    return with_prefixes(books)


def default_codebooks(sources: Iterable[str | Path] = ()) -> tuple[str | Path, ...]:
    """Return the codebooks a corpus is read with when none is chosen: those named by the ``paper.yaml``
    beside ``sources`` (its ``codebook`` key), else :data:`DEFAULT`.

    This is the one place the default is decided, so that ``features``, ``compare``, ``paper`` and the
    worksheet read a corpus with the same frames. The seed corpus's ``paper.yaml`` names ``story``.
    """
    # The paper config is the corpus's own description; reading it lazily keeps this module light.
    from framing.report.config import find_config, load_config

    found = find_config(sources)
    named = load_config(found).codebook if found is not None else ()
    return named or (DEFAULT,)


def with_prefixes(books: Iterable[Codebook]) -> tuple[Codebook, ...]:
    """Return ``books`` with their column prefixes: ``frame_`` for one, ``frame_<name>_`` for several."""
    from dataclasses import replace

    books = tuple(books)
    if len(books) == 1:
        return (replace(books[0], prefix="frame_"),)
    return tuple(replace(book, prefix=f"frame_{book.name}_") for book in books)


def shipped_codebooks() -> tuple[str, ...]:
    """Return the names of the shipped codebooks, sorted."""
    folder = _shipped_root()
    return tuple(sorted(item.name for item in folder.iterdir() if item.is_dir() and _KEY.fullmatch(item.name)))


def check_codebook(folder: str | Path | Traversable) -> list[Problem]:
    """Return every problem of the codebook in ``folder``, in file order (empty when it is clean)."""
    folder = Path(folder) if isinstance(folder, str) else folder
    files = sorted((item for item in folder.iterdir() if item.name.endswith(".yaml") and item.is_file()),
                   key=lambda item: item.name)
    if not files:
        return [Problem(str(folder), 0, "no codebook files (<language>.yaml) found")]
    problems: list[Problem] = []
    parsed = []
    for item in files:
        data, found = _check_file(item.read_bytes(), path=str(item), name=folder.name,
                                  lang=item.name[: -len(".yaml")])
        problems += found
        if not found:
            parsed.append((item, data))
    problems += _agreement_problems(parsed)
    return problems


def _resolve(spec: str | Path) -> tuple[Path | Traversable, bool]:
    """Return the codebook folder of ``spec`` and whether it is a shipped one (a name, not a path)."""
    text = str(spec)
    shipped = _shipped_root() / text
    if not isinstance(spec, Path) and _KEY.fullmatch(text) and shipped.is_dir():
        return shipped, True
    path = Path(text).expanduser()
    if path.is_dir():
        return path.resolve(), False
    if isinstance(spec, Path) or "/" in text or text.startswith("."):
        raise CodebookError(f"no codebook folder at {text}")
    raise CodebookError(f"unknown codebook {text!r} (shipped: {', '.join(shipped_codebooks())}; or give a folder)")


def _shipped_root() -> Traversable:
    return resources.files("framing.lexicons_data") / "codebooks"


@lru_cache(maxsize=None)
def _load_cached(path: Path | None, shipped: str | None) -> Codebook:
    folder = path if path is not None else _shipped_root() / shipped
    problems = check_codebook(folder)
    if problems:
        more = f" (and {len(problems) - 1} more; run `framing lexicons check`)" if len(problems) > 1 else ""
        raise CodebookError(f"{problems[0]}{more}")
    languages, versions, titles = [], [], []
    families: tuple[Family, ...] = ()
    contrasts: tuple[Contrast, ...] = ()
    for item in sorted((i for i in folder.iterdir() if i.name.endswith(".yaml")), key=lambda i: i.name):
        raw = item.read_bytes()
        data = yaml.load(raw.decode("utf-8"), Loader=_SAFE_LOADER)
        lang = item.name[: -len(".yaml")]
        if not families or lang == "en":
            # Labels and definitions are read from the English file where there is one.
            families = tuple(Family(f["key"], f["label"], f["definition"], f["provenance"]) for f in data["families"])
            contrasts = tuple(Contrast(**{key: c[key] for key in CONTRAST_KEYS}) for c in data.get("contrasts") or [])
        languages.append((lang, tuple(_cues(data))))
        versions.append((lang, hashlib.sha256(raw).hexdigest()[:12]))
        titles.append((lang, data["title"]))
    return Codebook(name=folder.name, source=str(folder) if path is not None else folder.name, families=families,
                    contrasts=contrasts, cues_by_language=tuple(languages), versions=tuple(versions),
                    titles=tuple(titles))


def _cues(data: dict) -> Iterator[Cue]:
    for family in data["families"]:
        explanation = f"evokes the {family['label'].lower()} frame: {_first_sentence(family['definition'])}"
        for cue in family["cues"]:
            cue = {"term": cue} if isinstance(cue, str) else cue
            yield Cue(term=cue["term"], category=family["key"], weight=float(cue.get("weight", DEFAULT_WEIGHT)),
                      explanation=f"“{cue['term']}” {explanation}", gloss=cue.get("gloss"),
                      except_in=tuple(cue.get("except_in") or ()), except_near=tuple(cue.get("except_near") or ()))


def _first_sentence(text: str) -> str:
    head = text.split(". ")[0].rstrip(".")
    return head[:1].lower() + head[1:] + "."


def _check_file(raw: bytes, *, path: str, name: str, lang: str) -> tuple[dict, list[Problem]]:
    return check_yaml(raw, path=path, shape="a mapping with a header, 'families' and 'contrasts'",
                      problems=lambda data: [*_header_problems(data, name=name, lang=lang),
                                             *_family_problems(data), *_contrast_problems(data)])


def _header_problems(data: dict, *, name: str, lang: str) -> Iterator[tuple[tuple, str]]:
    for key in HEADER_KEYS:
        if key not in data:
            yield (), f"missing header key {key!r}"
    for key in data:
        if key not in HEADER_KEYS and key not in OPTIONAL_HEADER_KEYS:
            yield (key,), f"unknown key {key!r} (known: {', '.join(HEADER_KEYS + OPTIONAL_HEADER_KEYS)})"
    if not _LANGUAGE_CODE.fullmatch(lang):
        yield (), f"file name {lang!r} is not an ISO 639 language code"
    if "language" in data and data["language"] != lang:
        yield ("language",), f"header language {data['language']!r} does not match the file name ({lang!r})"
    if "codebook" in data and data["codebook"] != name:
        yield ("codebook",), f"header codebook {data['codebook']!r} does not match the folder name ({name!r})"
    for key in ("title", "source", "license"):
        yield from _text_field(data, key, where=(key,), what=f"header {key!r}")


def _family_problems(data: dict) -> Iterator[tuple[tuple, str]]:
    families = data.get("families")
    if "families" in data and (not isinstance(families, list) or not families):
        yield ("families",), "'families' must be a non-empty list"
        return
    keys: dict[str, int] = {}
    terms: dict[str, str] = {}
    for index, family in enumerate(families or []):
        where = ("families", index)
        if not isinstance(family, dict):
            yield where, "a family must be a mapping of key, label, definition, provenance and cues"
            continue
        label = repr(family.get("key", f"family {index + 1}"))
        for key in FAMILY_KEYS:
            if key not in family:
                yield where, f"missing {key!r} in family {label}"
        for key in family:
            if key not in FAMILY_KEYS:
                yield (*where, key), f"unknown key {key!r} in family {label} (known: {', '.join(FAMILY_KEYS)})"
        yield from _key_problems(family.get("key"), where=(*where, "key"), seen=keys, index=index, what="family")
        for key in ("label", "definition", "provenance"):
            yield from _text_field(family, key, where=(*where, key), what=f"{key} of family {label}")
        cues = family.get("cues")
        if "cues" in family and (not isinstance(cues, list) or not cues):
            yield (*where, "cues"), f"family {label} has no cues for this language"
            continue
        for number, cue in enumerate(cues or []):
            yield from _cue_problems(cue, where=(*where, "cues", number), family=label, terms=terms)


def _key_problems(key, *, where: tuple, seen: dict, index: int, what: str,
                  reserved: frozenset = RESERVED_KEYS) -> Iterator[tuple[tuple, str]]:
    if key is None:
        return
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        yield where, f"{what} key {key!r} must be lower-case letters, digits and _ (starting with a letter)"
    elif key in reserved:
        yield where, f"{what} key {key!r} is reserved (it would name a column or figure twice)"
    elif key in seen:
        yield where, f"duplicate {what} key {key!r} (same as {what} {seen[key] + 1})"
    else:
        seen[key] = index


def _cue_problems(cue, *, where: tuple, family: str, terms: dict) -> Iterator[tuple[tuple, str]]:
    if isinstance(cue, str):
        cue = {"term": cue}
    elif not isinstance(cue, dict):
        yield where, f"a cue of family {family} must be a term or a mapping with 'term'"
        return
    for key in cue:
        if key not in CUE_KEYS and key not in OPTIONAL_CUE_KEYS:
            yield (*where, key), f"unknown key {key!r} in a cue of family {family} " \
                                 f"(known: {', '.join(CUE_KEYS + OPTIONAL_CUE_KEYS)})"
    term = cue.get("term")
    if not isinstance(term, str) or not term.strip():
        yield where, f"a cue of family {family} has no term"
        return
    yield from ((where, message) for message in _text_problems(term, what=f"cue {term!r}"))
    words = term.split()
    if GAP in words and (words[0] == GAP or words[-1] == GAP or len(words) < 3):
        yield where, f"gap {GAP!r} in cue {term!r} must stand between two words"
    folded = " ".join(words).casefold()
    if folded in terms:
        yield where, f"duplicate cue {term!r} (already in family {terms[folded]})"
    else:
        terms[folded] = family
    weight = cue.get("weight", DEFAULT_WEIGHT)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or math.isnan(weight) or not 0 < weight <= 1:
        yield (*where, "weight"), f"weight of cue {term!r} must be a number in (0, 1]"
    if "gloss" in cue:
        yield from _text_field(cue, "gloss", where=(*where, "gloss"), what=f"gloss of cue {term!r}")
    for key in ("except_in", "except_near"):
        value = cue.get(key)
        if key in cue and (not isinstance(value, list) or not value
                           or not all(isinstance(v, str) and v.strip() for v in value)):
            yield (*where, key), f"{key} of cue {term!r} must be a non-empty list of terms"


def _contrast_problems(data: dict) -> Iterator[tuple[tuple, str]]:
    contrasts = data.get("contrasts")
    if contrasts is None:
        return
    if not isinstance(contrasts, list):
        yield ("contrasts",), "'contrasts' must be a list"
        return
    families = {f.get("key") for f in data.get("families") or [] if isinstance(f, dict)}
    seen: dict[str, int] = {}
    for index, contrast in enumerate(contrasts):
        where = ("contrasts", index)
        if not isinstance(contrast, dict):
            yield where, "a contrast must be a mapping of key, label, definition, positive and negative"
            continue
        for key in CONTRAST_KEYS:
            if key not in contrast:
                yield where, f"missing {key!r} in contrast {contrast.get('key', index + 1)!r}"
        for key in contrast:
            if key not in CONTRAST_KEYS:
                yield (*where, key), f"unknown key {key!r} in a contrast (known: {', '.join(CONTRAST_KEYS)})"
        key = contrast.get("key")
        yield from _key_problems(key, where=(*where, "key"), seen=seen, index=index, what="contrast",
                                 reserved=RESERVED_CONTRAST_KEYS)
        if key in families:
            yield (*where, "key"), f"contrast key {key!r} is also a family key"
        for side in ("positive", "negative"):
            if side in contrast and contrast[side] not in families:
                yield (*where, side), f"contrast {key!r} names a missing family {contrast[side]!r}"
        for name in ("label", "definition"):
            yield from _text_field(contrast, name, where=(*where, name), what=f"{name} of contrast {key!r}")


def _text_field(data: dict, key: str, *, where: tuple, what: str) -> Iterator[tuple[tuple, str]]:
    if key not in data:
        return
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        yield where, f"{what} must be non-empty text"
    else:
        yield from ((where, message) for message in _text_problems(value, what=what))


def _agreement_problems(parsed: list[tuple[Traversable, dict]]) -> Iterator[Problem]:
    """Every language file of a codebook declares the same families and contrasts, in the same order."""
    if len(parsed) < 2:
        return
    first_item, first = parsed[0]
    expected = [f["key"] for f in first["families"]]
    expected_contrasts = [(c["key"], c["positive"], c["negative"]) for c in first.get("contrasts") or []]
    for item, data in parsed[1:]:
        keys = [f["key"] for f in data["families"]]
        if keys != expected:
            yield Problem(str(item), _LineIndex(item.read_text("utf-8")).find(("families",)),
                          f"families {keys} differ from {first_item.name}'s {expected}")
        contrasts = [(c["key"], c["positive"], c["negative"]) for c in data.get("contrasts") or []]
        if contrasts != expected_contrasts:
            yield Problem(str(item), _LineIndex(item.read_text("utf-8")).find(("contrasts",)),
                          f"contrasts differ from {first_item.name}'s")
