"""The paper's own words: title, question and research questions, from a ``paper.yaml`` beside the corpus.

The report is general; a case study is one configuration of it. Without a config the paper has a
neutral title and text that describe the corpus from its data (outlets, languages, dates, counts)
and claim nothing about why the outlets wrote as they did.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

import yaml

from framing.errors import InputError

#: The config's file name, looked for in the corpus folder (or beside a corpus file).
CONFIG_NAME = "paper.yaml"


@dataclasses.dataclass(frozen=True)
class PaperConfig:
    """What a researcher says about their corpus; every field is optional.

    Attributes
    ----------
    title, subtitle : str
        The paper's title and the line under it.
    question : str
        The question in one clause, as it follows "We ask" in the abstract ("how news outlets framed ...").
    background : tuple of str
        Paragraphs that open Section 1: why the question matters, how it can be framed.
    questions : tuple of str
        The research questions, numbered in Section 1.
    collection : str
        How the corpus was collected (and what it is not a sample of), for the Data and Limitations sections.
    codebook : tuple of str
        The frame codebooks the corpus is read with when no ``--codebook`` is given: shipped names, or
        folders relative to the config's own folder (see :func:`framing.codebooks.default_codebooks`).
    """

    title: str = ""
    subtitle: str = ""
    question: str = ""
    background: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    collection: str = ""
    codebook: tuple[str, ...] = ()


FIELDS = {field.name: field.type for field in dataclasses.fields(PaperConfig)}
_LISTS = {"background", "questions"}


def load_config(path: str | Path) -> PaperConfig:
    """Read a ``paper.yaml`` (safe YAML, a mapping of the :class:`PaperConfig` fields).

    Raises
    ------
    InputError
        Naming the file, when it is not YAML, not a mapping, has an unknown key or a value of the wrong kind.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such paper config", path=path) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"not a readable YAML paper config ({type(error).__name__})", path=path) from None
    if data is None:
        return PaperConfig()
    if not isinstance(data, dict):
        raise InputError("a paper config is a mapping of title, subtitle, question, background, questions, "
                         "collection, codebook", path=path)
    unknown = sorted(str(key) for key in data if key not in FIELDS)
    if unknown:
        raise InputError(f"unknown key {unknown[0]!r}; known: {', '.join(FIELDS)}", path=path)
    values = {}
    for key, value in data.items():
        if key == "codebook":
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
                raise InputError("codebook is a codebook name or folder, or a list of them", path=path)
            # A folder is relative to the config; a shipped name stays a name.
            values[key] = tuple(v if "/" not in v and not v.startswith(".") else str((path.parent / v).resolve())
                                for v in value)
        elif key in _LISTS:
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(f"{key} is a list of paragraphs (text)", path=path)
            values[key] = tuple(" ".join(v.split()) for v in value)
        elif isinstance(value, str):
            values[key] = " ".join(value.split())
        else:
            raise InputError(f"{key} is text", path=path)
    return PaperConfig(**values)


def find_config(sources: Iterable[str | Path]) -> Path | None:
    """Return the ``paper.yaml`` beside the corpus: in its folder, or beside the corpus file; None if none."""
    return find_beside(sources, CONFIG_NAME)


def find_beside(sources: Iterable[str | Path], name: str) -> Path | None:
    """Return the file ``name`` beside the corpus: in its folder, or beside the corpus file; None if none."""
    for source in sources:
        source = Path(source)
        candidate = source / name if source.is_dir() else source.with_name(name)
        if candidate.is_file():
            return candidate
    return None
