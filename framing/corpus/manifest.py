"""The manifest: a table of what is known about each file (outlet, story, language, date, URL).

``manifest.csv`` or ``corpus.yaml`` in the corpus folder is found by itself; another file can be given.
A row's ``file`` is matched by its path relative to the corpus folder, else by its file name when exactly
one file under the folder has that name. Rows that name a missing file or a path outside the folder are
problems; they never cause a file outside the corpus to be read.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Final

import pandas as pd
import yaml

from framing.errors import InputError

MANIFEST_NAMES: Final = ("manifest.csv", "corpus.yaml", "corpus.yml")
MANIFEST_FIELDS: Final = ("outlet", "title", "story", "language", "published", "url")


@dataclass
class Manifest:
    """Rows of a manifest file matched to corpus files: ``rows[path] = {field: value}``, and its problems."""

    path: Path | None
    rows: dict[Path, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def for_file(self, path: Path) -> dict[str, str]:
        """Return the manifest's non-empty values for ``path`` (``{}`` when it has no row)."""
        return self.rows.get(path.resolve(), {})


def find_manifest(folder: Path) -> Path | None:
    """Return the manifest file in ``folder``, or None."""
    for name in MANIFEST_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def read_manifest_rows(path: Path) -> list[dict[str, str]]:
    """Return the rows of a CSV or YAML manifest as dictionaries of strings.

    Raises :class:`InputError` for a manifest that cannot be read or has no ``file`` column.
    """
    if not path.is_file():
        raise InputError("manifest does not exist", path=path)
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise InputError(f"manifest is not valid YAML: {str(error).splitlines()[0]}", path=path) from None
        if isinstance(data, Mapping):
            data = data.get("files", data.get("articles"))
        if not isinstance(data, list) or not all(isinstance(row, Mapping) for row in data):
            raise InputError("manifest must be a list of rows (or have a 'files' list), each a mapping", path=path)
        rows = [{str(k): "" if v is None else str(v) for k, v in row.items()} for row in data]
    else:
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            raise InputError(f"manifest is not a valid CSV table: {str(error).splitlines()[0]}", path=path) from None
        rows = frame.to_dict(orient="records")
    if rows and not all("file" in row for row in rows):
        columns = ", ".join(rows[0].keys())
        raise InputError(f"manifest has no 'file' column; columns are: {columns}", path=path)
    return rows


def load_manifest(path: Path, *, folder: Path, files: list[Path]) -> Manifest:
    """Match the rows of manifest ``path`` to ``files`` under ``folder``."""
    manifest = Manifest(path)
    folder = folder.resolve()
    by_relative = {file.resolve().relative_to(folder).as_posix(): file.resolve() for file in files}
    by_name: dict[str, list[Path]] = {}
    for file in files:
        by_name.setdefault(file.name, []).append(file.resolve())
    for number, row in enumerate(read_manifest_rows(path), start=2 if path.suffix.lower() == ".csv" else 1):
        name = row["file"].strip()
        where = f"row {number}"
        target = (folder / name).resolve()
        if not target.is_relative_to(folder):
            manifest.problems.append(f"{where}: file {name!r} is outside the corpus folder {folder}")
            continue
        match = by_relative.get(target.relative_to(folder).as_posix())
        if match is None:
            candidates = by_name.get(PurePosixPath(name).name, [])
            if len(candidates) > 1:
                found = ", ".join(str(c.relative_to(folder)) for c in candidates)
                manifest.problems.append(f"{where}: file name {name!r} is ambiguous: {found}")
                continue
            if not candidates:
                manifest.problems.append(f"{where}: file {name!r} not found under {folder}")
                continue
            match = candidates[0]
        manifest.rows[match] = {key: row[key].strip() for key in MANIFEST_FIELDS if row.get(key, "").strip()}
    return manifest
