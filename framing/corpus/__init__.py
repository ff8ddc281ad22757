"""Corpus ingestion: files of many formats -> cleaned :class:`Article` records in a :class:`Corpus`.

``load_corpus()`` reads the embedded seed corpus; ``load_corpus(path)`` reads a file or a folder (recursively).
Every file that cannot be read is a one-line :class:`Problem`; every other file is still read, and no input
file is ever written to.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pandas as pd

from framing.corpus.cleaning import clean_body, comparison_key
from framing.corpus.encoding import DecodeError, decode
from framing.corpus.manifest import MANIFEST_NAMES, Manifest, find_manifest, load_manifest
from framing.corpus.metadata import canonical_url
from framing.corpus.readers import READERS, RECORD_FIELDS, FIELD_ALIASES, ReadError, Source
from framing.corpus.records import (
    ARTICLE_COLUMNS, DROPPED_COLUMNS, DUPLICATE_COLUMNS, Article, Corpus, CorpusError, Note, Problem,
)
from framing.errors import InputError
from framing.text import detect_language, normalize_text, sentences, tokens

__all__ = [
    "ARTICLE_COLUMNS", "READERS", "Article", "Corpus", "CorpusError", "Note", "Problem", "load_corpus", "seed_path",
]

# Documentation that sits beside corpus files and is not an article.
DOCUMENT_STEMS = frozenset({"readme", "license", "licence", "changelog", "notice", "contributing"})
TITLE_IN_BODY = "headline (kept as title)"


def seed_path() -> Path:
    """Return the folder of the embedded seed corpus (five articles and their manifest)."""
    return Path(str(resources.files("framing.corpus") / "seed"))


def load_corpus(
    path: str | Path | None = None,
    *,
    manifest: str | Path | None = None,
    strict: bool = False,
    column_map: Mapping[str, str] | None = None,
) -> Corpus:
    """Read the corpus at ``path`` (a file or folder; the embedded seed corpus when None).

    Parameters
    ----------
    path : a corpus file or folder.
    manifest : a manifest file; default ``manifest.csv`` or ``corpus.yaml`` in the corpus folder.
    strict : raise :class:`CorpusError` when any file or manifest row was skipped.
    column_map : ``{record field: column}`` for CSV, JSON and JSONL files with other column names.

    Returns
    -------
    Corpus
        ``articles`` (one row per record), ``problems``, ``dropped`` (the cleaning report),
        ``duplicates``, ``sources`` and ``notes``.
    """
    root = seed_path() if path is None else Path(path)
    if not root.exists():
        raise InputError("path does not exist", path=root)
    column_map = _check_column_map(column_map or {})
    manifest_path = Path(manifest) if manifest is not None else None
    files, notes = _discover(root, manifest_path)
    folder = root if root.is_dir() else root.parent
    manifest_path = manifest_path or find_manifest(folder)
    table = Manifest(None)
    if manifest_path is not None:
        table = load_manifest(manifest_path, folder=folder, files=files)
        if root.is_file():
            table.problems.clear()  # rows about the folder's other files are no concern of a single file
    problems = [Problem(str(manifest_path), message) for message in table.problems]
    records, dropped, used = [], [], set()
    for file in files:
        articles = _read_file(file, column_map=column_map, problems=problems, notes=notes)
        for article in articles:
            article.id = _unique_id(article.id, file, folder, used)
            row, lines = _finish(article, table.for_file(file) if article.primary else {})
            records.append(row)
            dropped.extend((article.id, line, reason) for line, reason in lines)
    articles, duplicates = _merge_duplicates(pd.DataFrame(records, columns=list(ARTICLE_COLUMNS)))
    corpus = Corpus(
        articles=articles.astype({"n_sentences": int, "n_words": int}),
        problems=problems,
        dropped=pd.DataFrame(dropped, columns=list(DROPPED_COLUMNS)),
        duplicates=pd.DataFrame(duplicates, columns=list(DUPLICATE_COLUMNS)),
        sources=[root] + ([manifest_path] if manifest_path is not None else []),
        notes=notes,
    )
    if strict:
        corpus.raise_for_problems()
    return corpus


def _check_column_map(column_map: Mapping[str, str]) -> dict[str, str]:
    known = (*RECORD_FIELDS, "excerpt")
    for name in column_map:
        if name not in FIELD_ALIASES:
            raise InputError(f"unknown field {name!r} in the column map; fields are: {', '.join(known)}")
    return dict(column_map)


def _discover(root: Path, manifest: Path | None) -> tuple[list[Path], list[Note]]:
    """Return the readable files under ``root`` in a stable order, and a note per file without a reader."""
    if root.is_file():
        if root.suffix.lower() not in READERS:
            readable = ", ".join(sorted(READERS))
            raise InputError(f"no reader for {root.suffix or 'files without a suffix'!r}; readable: {readable}",
                             path=root)
        return [root], []
    files, notes = [], []
    skip = {manifest.resolve()} if manifest is not None else set()
    for file in sorted(root.rglob("*")):
        parts = file.relative_to(root).parts
        if not file.is_file() or any(part.startswith((".", "__")) for part in parts):
            continue
        if file.resolve() in skip or (len(parts) == 1 and file.name in MANIFEST_NAMES):
            continue
        if file.stem.lower() in DOCUMENT_STEMS:
            continue
        if file.suffix.lower() in READERS:
            files.append(file)
        else:
            notes.append(Note(str(file), f"ignored: no reader for {file.suffix or 'files without a suffix'!r}"))
    if not files:
        raise InputError(f"no corpus files ({', '.join(sorted(READERS))}) in this folder", path=root)
    return files, notes


def _read_file(file: Path, *, column_map: dict[str, str], problems: list[Problem], notes: list[Note]) -> list[Article]:
    """Decode and read one file; on failure add a problem and return no records."""
    data = file.read_bytes()
    try:
        if not data.strip():
            raise ReadError("empty file")
        decoded = decode(data)
        if not decoded.text.strip():
            raise ReadError("empty file")
        if not decoded.is_utf8:
            notes.append(Note(str(file), f"decoded as {decoded.label} (not UTF-8)"))
        text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
        source = Source(file, text, file.stem, column_map)
        articles = READERS[file.suffix.lower()](source)
    except (DecodeError, ReadError) as error:
        problems.append(Problem(str(file), str(error)))
        return []
    problems.extend(Problem(str(file), message) for message in source.problems)
    return articles


def _unique_id(record_id: str, file: Path, folder: Path, used: set[str]) -> str:
    """Keep ``record_id`` unless another file already gave it; then name the file more fully.

    ``articles:2`` from ``articles.csv`` becomes ``articles.csv:2`` when ``articles.json`` came first, and
    ``sub/articles.csv:2`` when that too is taken.
    """
    if record_id in used and record_id.startswith(file.stem):
        rest = record_id[len(file.stem):]
        relative = file.resolve().relative_to(folder.resolve()).as_posix()
        record_id = next((f"{name}{rest}" for name in (file.name, relative) if f"{name}{rest}" not in used),
                         record_id)
    base, number = record_id, 2
    while record_id in used:
        record_id, number = f"{base}~{number}", number + 1
    used.add(record_id)
    return record_id


def _finish(article: Article, row: Mapping[str, str]) -> tuple[dict, list[tuple[str, str]]]:
    """Clean the body, fill metadata (manifest first, then the file, then cleaning), and count."""
    title = normalize_text(article.title).replace("\n", " ")
    lang = row.get("language") or article.language or detect_language(f"{title}\n{article.text}")
    dropped = list(article.dropped)
    published, outlet, text = article.published, article.outlet, article.text
    if article.kind == "article":
        first, _, rest = text.strip().partition("\n")
        if title and comparison_key(first) == comparison_key(title):
            dropped.append((first.strip(), TITLE_IN_BODY))
            text = rest
        cleaned = clean_body(text, lang=lang)
        text = cleaned.text
        dropped.extend(cleaned.dropped)
        published, outlet = published or cleaned.published, outlet or cleaned.outlet
    else:
        text = normalize_text(text).replace("\n", " ")
    record = {
        "id": article.id,
        "outlet": row.get("outlet") or outlet or "unknown",
        "title": row.get("title") or title,
        "text": text,
        "published": row.get("published") or published,
        "language": lang,
        "url": canonical_url(row.get("url") or article.url),
        "story": row.get("story") or article.story,
        "kind": article.kind,
        "source_path": article.source_path,
    }
    record["n_sentences"] = sum(len(sentences(part, lang=lang)) for part in (record["title"], text) if part)
    record["n_words"] = sum(len(tokens(part, lang=lang)) for part in (record["title"], text) if part)
    return record, dropped


def _merge_duplicates(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    """Keep the first of records that are the same: headlines by canonical URL, articles by cleaned text."""
    seen: dict[tuple[str, str], str] = {}
    duplicates, keep = [], []
    for row in frame.itertuples(index=False):
        if row.kind == "headline" and row.url:
            key, reason = ("url", row.url), f"same canonical URL ({row.url})"
        elif row.kind == "headline":
            key, reason = ("headline", comparison_key(f"{row.title}\n{row.text}")), "same headline and excerpt"
        else:
            key, reason = ("text", comparison_key(row.text)), "same cleaned text"
        if key[1] and key in seen:
            duplicates.append((row.id, seen[key], reason))
            keep.append(False)
        else:
            seen.setdefault(key, row.id)
            keep.append(True)
    return frame.loc[pd.Series(keep, index=frame.index, dtype=bool)].reset_index(drop=True), duplicates
