"""Corpus ingestion: files of many formats -> cleaned :class:`Article` records in a :class:`Corpus`.

``load_corpus()`` reads the embedded seed corpus; ``load_corpus(path)`` reads a file or a folder (recursively).
Every file that cannot be read is a one-line :class:`Problem`; every other file is still read, and no input
file is ever written to.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path

import pandas as pd

from framing.corpus.cleaning import clean_body, comparison_key
from framing.corpus.encoding import DecodeError, decode
from framing.corpus.manifest import MANIFEST_NAMES, Manifest, find_manifest, load_manifest
from framing.corpus.metadata import canonical_url
from framing.corpus.readers import (
    FIELD_ALIASES, READERS, RECORD_FIELDS, ReadError, Source, csv_batches, jsonl_batches,
)
from framing.corpus.records import (
    ARTICLE_COLUMNS, DROPPED_COLUMNS, DUPLICATE_COLUMNS, SYNDICATED_COLUMNS, UNKNOWN_OUTLET, Article, Corpus,
    CorpusError, Note, NothingToAnalyse, Problem, strict_error,
)
from framing.errors import InputError, printable
from framing.text import normalize_text, sentences, tokens
from framing.text.language import SAMPLE_CHARS, detect, is_short, short_text_language

__all__ = [
    "ARTICLE_COLUMNS", "READERS", "Article", "Corpus", "CorpusError", "CorpusStream", "Note", "NothingToAnalyse",
    "Problem",
    "iter_corpus", "load_corpus", "seed_path",
]

# Documentation that sits beside corpus files and is not an article.
DOCUMENT_STEMS = frozenset({"readme", "license", "licence", "changelog", "notice", "contributing"})
TITLE_IN_BODY = "headline (kept as title)"
CHUNK_SIZE = 1_000
# Readers that take a text handle and yield batches of records, for files streamed from disk.
STREAM_READERS = {".jsonl": jsonl_batches, ".ndjson": jsonl_batches, ".csv": csv_batches, ".tsv": csv_batches}
_BLOCK = 1 << 20
# A record's text is refused past this length: cleaning and segmenting hold several copies of it, and
# sentence tables grow with it (2 MB of text take 0.5 GB in `features`). The longest news articles are
# under 100,000 characters; 2,000,000 is a long novel.
MAX_RECORD_CHARS = 2_000_000


def seed_path() -> Path:
    """Return the folder of the embedded seed corpus (five articles and their manifest)."""
    return Path(str(resources.files("framing.corpus") / "seed"))


def load_corpus(
    path: str | Path | None = None,
    *,
    manifest: str | Path | None = None,
    strict: bool = False,
    column_map: Mapping[str, str] | None = None,
    follow_links: bool = False,
) -> Corpus:
    """Read the corpus at ``path`` (a file or folder; the embedded seed corpus when None).

    Parameters
    ----------
    path : a corpus file or folder.
    manifest : a manifest file; default ``manifest.csv`` or ``corpus.yaml`` in the corpus folder.
    strict : raise :class:`CorpusError` when any file or manifest row was skipped.
    column_map : ``{record field: column}`` for CSV, JSON and JSONL files with other column names.
    follow_links : follow symbolic links that lead out of the corpus folder (links inside it are always
        followed; each link not followed is a problem).

    Returns
    -------
    Corpus
        ``articles`` (one row per record), ``problems``, ``dropped`` (the cleaning report),
        ``duplicates`` (within an outlet), ``syndicated`` (the same text under two outlets, both kept),
        ``sources`` and ``notes``.
    """
    stream = iter_corpus(path, manifest=manifest, column_map=column_map, follow_links=follow_links)
    records = [record for chunk in stream for record in chunk]
    corpus = Corpus(
        articles=pd.DataFrame(records, columns=list(ARTICLE_COLUMNS)).astype({"n_sentences": int, "n_words": int}),
        problems=stream.problems,
        dropped=pd.DataFrame(stream.dropped, columns=list(DROPPED_COLUMNS)),
        duplicates=pd.DataFrame(stream.duplicates, columns=list(DUPLICATE_COLUMNS)),
        syndicated=pd.DataFrame(stream.syndicated, columns=list(SYNDICATED_COLUMNS)),
        sources=stream.sources,
        notes=stream.notes,
    )
    if strict:
        corpus.raise_for_problems()
    return corpus


def iter_corpus(
    path: str | Path | None = None,
    *,
    manifest: str | Path | None = None,
    column_map: Mapping[str, str] | None = None,
    chunk_size: int = CHUNK_SIZE,
    follow_links: bool = False,
) -> CorpusStream:
    """Return the corpus at ``path`` as a stream of record chunks (see :class:`CorpusStream`).

    Takes the parameters of :func:`load_corpus` (without ``strict``: check ``stream.problems`` at the end)
    and ``chunk_size``, the records per chunk. JSONL and CSV files are read a batch of lines at a time,
    so memory holds a few chunks however large the files are. Files, the manifest and the column map are
    checked now; records are read as the stream is iterated.
    """
    return CorpusStream(path, manifest=manifest, column_map=column_map, chunk_size=chunk_size,
                        follow_links=follow_links)


class CorpusStream:
    """The records of a corpus in chunks (lists of dicts with :data:`ARTICLE_COLUMNS`), read once.

    As it is iterated it fills the same accounts as a :class:`Corpus`: ``problems``, ``notes``,
    ``dropped`` (``(id, line, reason)`` tuples), ``duplicates`` (``(id, duplicate_of, reason)``),
    ``syndicated`` (``(id, outlet, same_text_as, same_text_outlet)``) and ``sources``; ``n_records``
    counts the records yielded so far, ``unknown_outlets`` those without an outlet. Duplicates are found
    with one 16-byte digest per distinct record and outlet, syndicated copy with one per distinct text.
    """

    def __init__(self, path: str | Path | None, *, manifest: str | Path | None,
                 column_map: Mapping[str, str] | None, chunk_size: int, follow_links: bool = False) -> None:
        root = seed_path() if path is None else Path(path)
        try:
            root.stat()
        except FileNotFoundError:
            raise InputError("path does not exist", path=root) from None
        except OSError as error:
            raise InputError(f"cannot read: {os_problem(error)}", path=root) from None
        if chunk_size < 1:
            raise InputError(f"the chunk size must be at least 1, not {chunk_size}")
        self.column_map = _check_column_map(column_map or {})
        manifest_path = Path(manifest) if manifest is not None else None
        self.files, self.notes, found_problems = _discover(root, manifest_path, follow_links=follow_links)
        self.folder = root if root.is_dir() else root.parent
        manifest_path = manifest_path or find_manifest(self.folder)
        self.manifest = Manifest(None)
        if manifest_path is not None:
            self.manifest = load_manifest(manifest_path, folder=self.folder, files=self.files)
            if root.is_file():
                self.manifest.problems.clear()  # rows about the folder's other files are no concern of a single file
        self.problems = found_problems + [Problem(str(manifest_path), message) for message in self.manifest.problems]
        # Every file read, not only the folder: a link in the folder may lead to a file outside it.
        self.sources = [root] + ([manifest_path] if manifest_path is not None else []) + self.files
        self.chunk_size = chunk_size
        self.dropped: list[tuple[str, str, str]] = []
        self.duplicates: list[tuple[str, str, str]] = []
        self.syndicated: list[tuple[str, str, str, str]] = []
        self.n_records = 0
        self.unknown_outlets = 0
        # Languages of the records so far: the fallback for a long text the model is unsure of.
        self.languages: set[str] = set()
        self._started = False

    def __iter__(self) -> Iterator[list[dict]]:
        if self._started:
            raise RuntimeError("a corpus stream is read once; call iter_corpus again to re-read")
        self._started = True
        used: set[str] = set()
        seen: dict[bytes, str] = {}
        first_outlet: dict[bytes, tuple[str, str]] = {}
        chunk: list[dict] = []
        for file in self.files:
            for articles in _file_batches(file, column_map=self.column_map, problems=self.problems, notes=self.notes):
                for article in articles:
                    article.id = _unique_id(article.id, file, self.folder, used)
                    if len(article.text) > MAX_RECORD_CHARS:
                        self.problems.append(Problem(str(file), _too_long(article)))
                        continue
                    record, lines = _finish(article, self.manifest.for_file(file) if article.primary else {},
                                            languages=self.languages, notes=self.notes)
                    self.dropped.extend((article.id, line, reason) for line, reason in lines)
                    if self._is_duplicate(record, seen, first_outlet):
                        continue
                    self.unknown_outlets += record["outlet"] == UNKNOWN_OUTLET
                    chunk.append(record)
                    if len(chunk) == self.chunk_size:
                        self.n_records += len(chunk)
                        yield chunk
                        chunk = []
        if chunk:
            self.n_records += len(chunk)
            yield chunk

    def check(self, *, strict: bool = False) -> None:
        """Raise when the stream, read to its end, gave nothing to analyse (or, when ``strict``, skipped
        anything): :class:`NothingToAnalyse`, :class:`CorpusError`."""
        if strict and self.problems:
            raise strict_error(self.problems)
        if not self.n_records:
            raise NothingToAnalyse(len(self.problems))

    def _is_duplicate(self, record: dict, seen: dict[bytes, str], first_outlet: dict[bytes, tuple[str, str]]) -> bool:
        """Keep the first of records of one outlet that are the same: headlines by canonical URL, articles by
        cleaned text. The same text under another outlet is syndicated copy: kept, and noted in ``syndicated``."""
        if record["kind"] == "headline" and record["url"]:
            key, reason = f"url\x1f{record['url']}", f"same canonical URL ({record['url']})"
            return self._seen(key, seen, record, reason)
        if record["kind"] == "headline":
            key = "headline\x1f" + comparison_key(f"{record['title']}\n{record['text']}")
            reason = "same headline and excerpt"
        else:
            key, reason = "text\x1f" + comparison_key(record["text"]), "same cleaned text"
        if key.endswith("\x1f"):
            return False
        outlet = comparison_key(record["outlet"])
        if self._seen(f"{outlet}\x1e{key}", seen, record, reason):
            return True
        text_digest = _digest(key)
        if text_digest in first_outlet:
            first_id, first = first_outlet[text_digest]
            self.syndicated.append((record["id"], record["outlet"], first_id, first))
        else:
            first_outlet[text_digest] = (record["id"], record["outlet"])
        return False

    def _seen(self, key: str, seen: dict[bytes, str], record: dict, reason: str) -> bool:
        """Return whether ``key`` was seen before (noting the duplicate); remember it otherwise."""
        digest = _digest(key)
        if digest in seen:
            self.duplicates.append((record["id"], seen[digest], reason))
            return True
        seen[digest] = record["id"]
        return False


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _check_column_map(column_map: Mapping[str, str]) -> dict[str, str]:
    known = (*RECORD_FIELDS, "excerpt")
    for name in column_map:
        if name not in FIELD_ALIASES:
            raise InputError(f"unknown field {name!r} in the column map; fields are: {', '.join(known)}")
    return dict(column_map)


def _discover(root: Path, manifest: Path | None, *,
              follow_links: bool) -> tuple[list[Path], list[Note], list[Problem]]:
    """Return the readable files under ``root`` in a stable order, a note per file without a reader, and a
    problem per entry that is skipped: a folder that cannot be opened, a dangling link, a link loop, a link
    out of ``root`` (unless ``follow_links``), something that is not a file (a FIFO, a socket, a device).
    """
    if root.is_file():
        if root.suffix.lower() not in READERS:
            readable = ", ".join(sorted(READERS))
            raise InputError(f"no reader for {root.suffix or 'files without a suffix'!r}; readable: {readable}",
                             path=root)
        return [root], [], []
    found = _Walk(root, manifest, follow_links=follow_links)
    found.folder(root)
    if not found.files:
        raise InputError(f"no corpus files ({', '.join(sorted(READERS))}) in this folder", path=root)
    return found.files, found.notes, found.problems


class _Walk:
    """The files of a corpus folder, found depth first in name order (the order of ``sorted(rglob)``)."""

    def __init__(self, root: Path, manifest: Path | None, *, follow_links: bool) -> None:
        self.root, self.top, self.follow_links = root, root.resolve(), follow_links
        self.skip = {manifest.resolve()} if manifest is not None else set()
        self.files: list[Path] = []
        self.notes: list[Note] = []
        self.problems: list[Problem] = []
        self.seen = {self.top}

    def folder(self, folder: Path) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            self.problems.append(Problem(str(folder), f"cannot open the folder: {os_problem(error)}"))
            return
        for entry in entries:
            if not entry.name.startswith((".", "__")):
                self.entry(Path(entry.path), entry)

    def entry(self, path: Path, entry: os.DirEntry) -> None:
        if entry.is_symlink() and not self.link(path):
            return
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as error:
            self.problems.append(Problem(str(path), f"cannot read: {os_problem(error)}"))
            return
        if is_dir:
            target = path.resolve()
            if target in self.seen:
                self.problems.append(Problem(str(path), "skipped: a link to a folder that is already read"))
                return
            self.seen.add(target)
            self.folder(path)
        elif not is_file:
            self.problems.append(Problem(str(path), "not a regular file (a FIFO, socket or device)"))
        # The manifest, the paper's config (framing.report.config) and the actors file (framing.portrayal.beside)
        # describe the corpus; they are not articles.
        elif path.resolve() in self.skip or (path.parent == self.root
                                             and path.name in (*MANIFEST_NAMES, "paper.yaml", "actors.yaml")):
            return
        elif path.stem.lower() in DOCUMENT_STEMS:
            return
        elif path.suffix.lower() in READERS:
            self.files.append(path)
        else:
            self.notes.append(Note(str(path), f"ignored: no reader for {path.suffix or 'files without a suffix'!r}"))

    def link(self, path: Path) -> bool:
        """Whether to follow the symbolic link ``path``; a problem says why when not."""
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            self.problems.append(Problem(str(path), f"dangling symbolic link (to {os.readlink(path)})"))
            return False
        except (OSError, RuntimeError):
            self.problems.append(Problem(str(path), "symbolic link loop"))
            return False
        if not self.follow_links and not target.is_relative_to(self.top):
            self.problems.append(Problem(str(path), f"symbolic link out of the corpus folder (to {target}): not "
                                                    "followed; --follow-links reads it"))
            return False
        return True


def os_problem(error: OSError) -> str:
    """Return an operating-system error in a few words: ``permission denied``."""
    return (error.strerror or str(error)).lower()


def _file_batches(file: Path, *, column_map: dict[str, str], problems: list[Problem],
                  notes: list[Note]) -> Iterator[list[Article]]:
    """Yield the records of one file in batches; on failure add a problem and yield no more.

    JSONL and CSV files in UTF-8 are streamed from disk; every other file is decoded whole. A file that
    cannot be read (permissions, an I/O error) or that nests too deeply for Python is one problem.
    """
    try:
        yield from _batches_of(file, column_map=column_map, problems=problems, notes=notes)
    except (DecodeError, ReadError) as error:
        problems.append(Problem(str(file), str(error)))
    except OSError as error:
        problems.append(Problem(str(file), f"cannot read: {os_problem(error)}"))
    except RecursionError:
        problems.append(Problem(str(file), "nested too deeply to read"))


def _batches_of(file: Path, *, column_map: dict[str, str], problems: list[Problem],
                notes: list[Note]) -> Iterator[list[Article]]:
    suffix = file.suffix.lower()
    encoding = _streamable(file) if suffix in STREAM_READERS else None
    if encoding is None:
        yield _read_file(file, column_map=column_map, problems=problems, notes=notes)
        return
    if encoding == "utf-8-sig":
        notes.append(Note(str(file), "decoded as UTF-8 with BOM (not UTF-8)"))
    source = Source(file, "", printable(file.stem), column_map)
    with open(file, encoding=encoding, newline=None) as handle:
        for articles in STREAM_READERS[suffix](handle, source):
            problems.extend(Problem(str(file), message) for message in source.problems)
            source.problems.clear()
            yield articles
    problems.extend(Problem(str(file), message) for message in source.problems)


def _streamable(file: Path) -> str | None:
    """Return the codec to stream ``file`` with when it is UTF-8 text (with or without BOM), else None.

    Files that are empty, binary or in another encoding go the whole-file way, which names their problem.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    has_text = False
    with open(file, "rb") as handle:
        block = handle.read(_BLOCK)
        bom = block.startswith(codecs.BOM_UTF8)
        block = block[len(codecs.BOM_UTF8):] if bom else block
        while block:
            if b"\x00" in block:
                return None
            try:
                has_text = bool(decoder.decode(block).strip()) or has_text
            except UnicodeDecodeError:
                return None
            block = handle.read(_BLOCK)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return ("utf-8-sig" if bom else "utf-8") if has_text else None


def _read_file(file: Path, *, column_map: dict[str, str], problems: list[Problem], notes: list[Note]) -> list[Article]:
    """Decode and read one whole file; raise :class:`ReadError` or :class:`DecodeError` when it cannot be."""
    data = file.read_bytes()
    if not data.strip():
        raise ReadError("empty file")
    decoded = decode(data)
    if not decoded.text.strip():
        raise ReadError("empty file")
    if not decoded.is_utf8:
        notes.append(Note(str(file), f"decoded as {decoded.label} (not UTF-8)"))
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    source = Source(file, text, printable(file.stem), column_map)
    articles = READERS[file.suffix.lower()](source)
    problems.extend(Problem(str(file), message) for message in source.problems)
    return articles


def _too_long(article: Article) -> str:
    return (f"record {article.id}: {len(article.text):,} characters of text, more than the {MAX_RECORD_CHARS:,} "
            "a record may have (is it many articles in one? split them)")


def _unique_id(record_id: str, file: Path, folder: Path, used: set[str]) -> str:
    """Keep ``record_id`` unless another file already gave it; then name the file more fully.

    ``articles:2`` from ``articles.csv`` becomes ``articles.csv:2`` when ``articles.json`` came first, and
    ``sub/articles.csv:2`` when that too is taken.
    """
    stem = printable(file.stem)
    if record_id in used and record_id.startswith(stem):
        rest = record_id[len(stem):]
        relative = printable(file.absolute().relative_to(folder.absolute()).as_posix())
        record_id = next((f"{name}{rest}" for name in (printable(file.name), relative) if f"{name}{rest}" not in used),
                         record_id)
    base, number = record_id, 2
    while record_id in used:
        record_id, number = f"{base}~{number}", number + 1
    used.add(record_id)
    return record_id


def _short_record_language(text: str, languages: set[str]) -> str:
    """Return the language of a short record among those with word lists and the corpus's, which weigh double."""
    from framing.lexicons import available_languages

    among = sorted(set(available_languages("loaded")) | languages)
    return short_text_language(text, among=among, prior={lang: 2.0 if lang in languages else 1.0 for lang in among})


def _finish(article: Article, row: Mapping[str, str], *, languages: set[str],
            notes: list[Note]) -> tuple[dict, list[tuple[str, str]]]:
    """Clean the body, fill metadata (manifest first, then the file, then cleaning), and count.

    ``languages`` (the corpus's languages so far) gains the record's; a language detected on a sample of a
    long text, or taken from ``languages`` because the sample was unclear, is noted in ``notes``. A record
    too short for the identifier (a headline) gets a language with word lists, the corpus's languages so far
    weighing double (:func:`framing.text.language.short_text_language`).
    """
    title = normalize_text(article.title).replace("\n", " ")
    lang = row.get("language") or article.language
    if not lang and is_short(f"{title}\n{article.text}") and len(f"{title}{article.text}".strip()) > 2:
        lang = _short_record_language(f"{title}\n{article.text}", languages)
    if not lang:
        found = detect(f"{title}\n{article.text}", among=languages)
        lang = found.lang
        if found.sampled:
            how = ("the model was unsure, so it is the corpus's likeliest language" if found.fallback
                   else f"detected on a sample of {SAMPLE_CHARS:,} characters")
            notes.append(Note(article.source_path, f"record {article.id}: {len(article.text):,} characters; "
                                                   f"language {lang} {how}"))
    if lang != "und":
        languages.add(lang)
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
        "outlet": row.get("outlet") or outlet or UNKNOWN_OUTLET,
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
