"""Readers, one per format, in a registry keyed by file suffix.

A reader takes a decoded :class:`Source` and returns :class:`Article` records with raw body text; cleaning
and the manifest come later. A file a reader cannot use raises :class:`ReadError` (one line, no path: the
caller adds it); a bad row of a table is appended to ``source.problems`` and the other rows are kept.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TextIO

import pandas as pd
import yaml

from framing.corpus.html import HtmlText, html_text, looks_like_html
from framing.corpus.metadata import epoch_comment_date, iso_date
from framing.corpus.records import KINDS, Article
from framing.errors import printable
from framing.text.normalize import unicode_nfc


class ReadError(ValueError):
    """A file that a reader cannot turn into records; the message says what is wrong with it."""


@dataclass
class Source:
    """A decoded input file and what a reader needs to know about it."""

    path: Path
    text: str
    stem: str
    column_map: Mapping[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def display_path(self) -> str:
        """The path as records carry it: printable, with bytes that are not UTF-8 escaped (``caf\\xe9.txt``)."""
        return printable(str(self.path))


Reader = Callable[[Source], list[Article]]
READERS: dict[str, Reader] = {}
# Lines (JSONL) or rows (CSV) read, cleaned and handed on at a time from a streamed file.
READ_BATCH = 2_000

RECORD_FIELDS: Final = ("id", "outlet", "title", "text", "published", "language", "url", "story", "kind")
# Names under which files and tables carry each record field, most specific first.
FIELD_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "id": ("id", "article_id", "doc_id", "uid"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "article", "article_text", "full_text", "fulltext", "maintext"),
    "excerpt": ("excerpt", "summary", "description", "standfirst", "lede"),
    "published": ("publisheddatetime", "published_at", "publishedat", "datepublished", "date_published",
                  "published", "date", "pubdate", "datetime", "created_at"),
    "url": ("canonical_url", "canonical", "url", "originalurl", "weburl", "link", "source_url"),
    "outlet": ("outlet", "publisher", "source", "provider", "site_name", "sitename", "site", "media",
               "provider.name", "source.name", "publisher.name"),
    "language": ("language", "lang", "locale"),
    "story": ("story", "story_id", "event"),
    "kind": ("kind",),
}
_FM_START = re.compile(r"\A\ufeff?-{3,}[ \t]*\r?\n")
_FM_END = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)
_ATX = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)$")
_SETEXT = re.compile(r"^(?:=+|-+)\s*$")
_COMMENT = re.compile(r"^\s*<!--.*?-->\s*$")
_TERMINAL_PERIOD = re.compile(r"[.。;:,][\"'”’»)]*$")
# Deeper JSON is refused before parsing: Python's parser recurses once per level and would overflow the stack.
MAX_JSON_DEPTH = 200
_RAGGED = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")
_BRACKETS = re.compile(r"[\[\]{}]")


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of files with ``suffixes``."""

    def register(function: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = function
        return function

    return register


class _TextDatesLoader(yaml.SafeLoader):
    """PyYAML's safe loader (no Python objects), with dates left as the strings the file wrote."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return the YAML front matter of ``text`` (``{}`` when there is none) and the body after it.

    Raises :class:`ReadError` for front matter that does not parse or is not a mapping.
    """
    start = _FM_START.match(text)
    if start is None:
        return {}, text
    import frontmatter

    handler = frontmatter.YAMLHandler()
    end = _FM_END.search(text, start.end())
    if end is None:
        raise ReadError("malformed YAML front matter: no closing '---' line")
    try:
        fm, body = handler.split(text.lstrip("\ufeff"))
        data = handler.load(fm, Loader=_TextDatesLoader)
    except yaml.YAMLError as error:
        raise ReadError(f"malformed YAML front matter: {_yaml_problem(error)}") from None
    if data is None:
        return {}, body
    if not isinstance(data, dict):
        raise ReadError(f"malformed YAML front matter: expected a mapping, found a {type(data).__name__}")
    return data, body


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Return what is wrong and where, on one line; lines count from the file's first line (the ``---``)."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return _one_line(error)
    mark = error.problem_mark or error.context_mark
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return f"{error.problem or error.context}{where}"


def _one_line(error: Exception) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    mark = next((line for line in lines if line.startswith("in ") and "line" in line), "")
    return f"{lines[0]} ({mark.split(',', 1)[-1].strip()})" if mark else lines[0]


def _field(data: Mapping, name: str) -> str:
    """Return the first non-empty value of record field ``name`` under any of its aliases in ``data``."""
    lowered = {str(key).lower(): value for key, value in data.items()}
    for alias in FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if isinstance(value, Mapping):
            value = value.get("name") or value.get("title") or ""
        if value is None or isinstance(value, (list, bool)) or (isinstance(value, float) and value != value):
            continue
        value = iso_date(value) if name == "published" else str(value).strip()
        if value:
            return value
    return ""


def _from_mapping(data: Mapping, *, record_id: str, source: Source, primary: bool = True) -> Article:
    return Article(
        id=_field(data, "id") or record_id, source_path=source.display_path, title=_field(data, "title"),
        outlet=_field(data, "outlet"), published=_field(data, "published"), url=_field(data, "url"),
        language=_field(data, "language").split("-")[0].split("_")[0].lower(), story=_field(data, "story"),
        primary=primary,
    )


def _split_head(text: str, *, markdown: bool) -> tuple[dict[str, str], str, list[tuple[str, str]]]:
    """Take a title (first line, ``# heading``, ``[title](url)``, setext heading) and comment dates off ``text``."""
    lines = text.split("\n")
    found: dict[str, str] = {}
    dropped: list[tuple[str, str]] = []
    i = 0
    while i < len(lines) and (not lines[i].strip() or _COMMENT.match(lines[i])):
        if lines[i].strip():
            date = epoch_comment_date(lines[i])
            if date:
                found["published"] = date
            dropped.append((lines[i].strip(), "html comment"))
        i += 1
    if i == len(lines):
        return found, "", dropped
    first = lines[i].strip()
    underlined = i + 1 < len(lines) and _SETEXT.match(lines[i + 1].strip()) is not None
    atx, link = _ATX.match(first), _LINK.match(first)
    if atx:
        first = atx.group(1)
    if link:
        found["url"] = link.group("url")
        first = link.group("title")
    rest = lines[i + (2 if underlined else 1):]
    if atx or link or underlined or (not markdown and _is_headline(first, rest)):
        found["title"] = first
        return found, "\n".join(rest), dropped
    return found, "\n".join(lines[i:]), dropped


def _is_headline(line: str, rest: list[str]) -> bool:
    """A plain-text first line is the headline when it is short, unpunctuated, and set off by a blank line."""
    return len(line.split()) <= 30 and not _TERMINAL_PERIOD.search(line) and (not rest or not rest[0].strip())


def _body_paragraphs(body: str, *, markdown: bool) -> HtmlText | None:
    """Return the HTML extraction of ``body`` when it is HTML or Markdown, None when it is plain text."""
    if looks_like_html(body):
        return html_text(body)
    if markdown:
        from markdown_it import MarkdownIt

        return html_text(MarkdownIt("commonmark", {"html": True}).render(body), structured=True)
    return None


def _document(source: Source, *, markdown: bool) -> list[Article]:
    """Read a text or Markdown document: front matter, then head (title, dates), then the body."""
    data, body = split_front_matter(source.text)
    article = _from_mapping(data, record_id=source.stem, source=source)
    head, body, dropped = _split_head(body, markdown=markdown)
    article.title = article.title or head.get("title", "")
    article.url = article.url or head.get("url", "")
    article.published = article.published or head.get("published", "")
    article.dropped = dropped
    extracted = _body_paragraphs(body, markdown=markdown) if body.strip() else None
    if extracted is not None:
        article.dropped.extend(extracted.dropped)
        body = "\n\n".join(extracted.paragraphs)
        article.title = article.title or extracted.title
    article.text = body.strip()
    records = [article]
    if not article.text:
        article.kind = "headline"
        article.text = _field(data, "excerpt")
    related = data.get("related")
    if isinstance(related, list):
        entries = [entry for entry in related if isinstance(entry, Mapping) and _field(entry, "title")]
        for number, entry in enumerate(entries, start=1):
            record = _from_mapping(entry, record_id=f"{source.stem}#related-{number:02d}", source=source,
                                   primary=False)
            record.kind, record.text = "headline", _field(entry, "excerpt")
            records.append(record)
    if not article.text and not article.title:
        if len(records) == 1:
            raise ReadError("no text: the file has neither a body nor a title")
        records.pop(0)
    return records


@reader(".txt")
def read_text(source: Source) -> list[Article]:
    """Plain text (headline on the first line), with optional YAML front matter; HTML bodies are extracted."""
    return _document(source, markdown=False)


@reader(".md", ".markdown")
def read_markdown(source: Source) -> list[Article]:
    """Markdown with optional YAML front matter; the title is the first heading or linked first line."""
    return _document(source, markdown=True)


@reader(".html", ".htm")
def read_html(source: Source) -> list[Article]:
    """A full HTML page (metadata from its ``<head>``) or a fragment (title from its ``<h1>``)."""
    extracted = html_text(source.text)
    if not extracted.paragraphs and not extracted.title:
        raise ReadError("no text: the HTML has no paragraphs")
    return [Article(
        id=source.stem, source_path=source.display_path, title=extracted.title, text="\n\n".join(extracted.paragraphs),
        outlet=extracted.outlet, published=iso_date(extracted.published), url=extracted.url,
        language=extracted.language, dropped=list(extracted.dropped),
    )]


@reader(".json")
def read_json(source: Source) -> list[Article]:
    """One article object, a list of them, or an object with an ``articles`` (``items``, ``data``) list."""
    try:
        data = _parse_json(source.text)
    except ValueError as error:
        raise ReadError(f"not valid JSON: {json_problem(error)}") from None
    if isinstance(data, Mapping):
        items = next((data[key] for key in ("articles", "items", "data", "records") if isinstance(data.get(key), list)),
                     None)
        if items is None:
            return _table(pd.json_normalize([data]), source, ids=[source.stem], where=["object"])
        data = items
    if not isinstance(data, list):
        raise ReadError(f"expected a JSON object or a list of objects, found {type(data).__name__}")
    rows, where = [], []
    for number, item in enumerate(data, start=1):
        if isinstance(item, Mapping):
            rows.append(item)
            where.append(f"item {number}")
        else:
            source.problems.append(f"item {number}: expected an object, found {type(item).__name__}")
    return _table(pd.json_normalize(rows), source, ids=[f"{source.stem}:{w.split()[1]}" for w in where], where=where)


def _parse_json(text: str):
    """Parse JSON, replacing lone surrogates (legal as escapes, "\\ud800", but not as text) with U+FFFD.

    Raises ``ValueError`` for text that is not JSON, or JSON Python will not hold: a number of more than
    4,300 digits, or nesting deeper than :data:`MAX_JSON_DEPTH`.
    """
    if _too_deep(text):
        raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels deep")
    return json.loads(text, object_hook=_repair_object)


def _too_deep(text: str) -> bool:
    """Whether brackets open more than :data:`MAX_JSON_DEPTH` deep (brackets inside strings count too:
    an over-count only ever refuses a file that nests close to the limit)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return False
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            return True
    return False


def json_problem(error: ValueError) -> str:
    """Return what is wrong with a JSON text in a few words."""
    if isinstance(error, json.JSONDecodeError):
        return str(error)
    message = str(error).splitlines()[0]
    if "digits" in message:
        return "a number has more digits than Python reads (4,300)"
    return message


def _repair_object(obj: dict) -> dict:
    return {_repair(key): _repair(value) for key, value in obj.items()}


def _repair(value):
    if isinstance(value, str):
        return unicode_nfc(value)
    if isinstance(value, list):
        return [_repair(item) for item in value]
    return value


@reader(".jsonl", ".ndjson")
def read_jsonl(source: Source) -> list[Article]:
    """One JSON object per line; a line that is not an object is reported and skipped."""
    return [article for batch in jsonl_batches(source.text.split("\n"), source) for article in batch]


@reader(".csv", ".tsv")
def read_csv(source: Source) -> list[Article]:
    """A table with a header row; columns are found by name or given by the column map."""
    return [article for batch in csv_batches(io.StringIO(source.text), source) for article in batch]


def jsonl_batches(lines: Iterable[str], source: Source, *, batch: int | None = None) -> Iterator[list[Article]]:
    """Yield the articles of JSON ``lines`` (a file handle streams), ``batch`` lines at a time.

    A batch that cannot be read after earlier ones were is reported in ``source.problems``.
    """
    batch = batch or READ_BATCH
    rows, ids, where = [], [], []
    found = False
    for number, line in enumerate(lines, start=1):
        if line.strip():
            _jsonl_line(line, number, source, rows, ids, where)
        if len(rows) == batch:
            yield _batch(pd.json_normalize(rows), source, ids=ids, where=where, first=not found)
            found, rows, ids, where = True, [], [], []
    if rows:
        yield _batch(pd.json_normalize(rows), source, ids=ids, where=where, first=not found)
    elif not found and source.problems:
        # A file of broken lines only is one bad file: one line, with its first problem.
        first, count = source.problems[0], len(source.problems)
        source.problems.clear()
        raise ReadError(f"no records: {'its one line is' if count == 1 else f'all {count} lines are'} broken "
                        f"({first})")
    elif not found:
        raise ReadError("no records: the file has no JSON lines")


def _jsonl_line(line: str, number: int, source: Source, rows: list, ids: list, where: list) -> None:
    try:
        item = _parse_json(line)
    except ValueError as error:
        message = error.msg if isinstance(error, json.JSONDecodeError) else json_problem(error)
        source.problems.append(f"line {number}: not valid JSON: {message}")
        return
    if not isinstance(item, Mapping):
        source.problems.append(f"line {number}: expected an object, found {type(item).__name__}")
        return
    rows.append(item)
    ids.append(f"{source.stem}:{number}")
    where.append(f"line {number}")


def csv_batches(handle: TextIO, source: Source, *, batch: int | None = None) -> Iterator[list[Article]]:
    """Yield the articles of the CSV table in ``handle``, ``batch`` rows at a time (pandas ``chunksize``)."""
    batch = batch or READ_BATCH
    try:
        frames = pd.read_csv(handle, dtype=str, keep_default_na=False, chunksize=batch, on_bad_lines="warn",
                             sep="\t" if source.path.suffix.lower() == ".tsv" else ",")
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise ReadError(f"not a valid CSV table: {_one_line(error)}") from None
    # Rows start on line 2 (after the header) and skip the ragged rows; a row with quoted line breaks
    # shifts later numbers.
    done, line, skipped = 0, 2, set()
    while True:
        with warnings.catch_warnings(record=True) as ragged:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            try:
                frame = next(frames)
            except StopIteration:
                frame = None
            except pd.errors.ParserError as error:
                frame = error
        problems, skipped_lines = _ragged_rows(ragged)
        source.problems.extend(problems)
        skipped.update(skipped_lines)
        if frame is None:
            break
        if isinstance(frame, pd.errors.ParserError):
            error = frame
            if not done:
                raise ReadError(f"not a valid CSV table: {_one_line(error)}") from None
            source.problems.append(f"rows from line {done + 2} on: not a valid CSV table: {_one_line(error)}")
            break
        lines = []
        for _ in range(len(frame)):
            while line in skipped:
                line += 1
            lines.append(line)
            line += 1
        yield _batch(frame, source, ids=[f"{source.stem}:{n}" for n in lines], where=[f"line {n}" for n in lines],
                     first=not done)
        done += len(frame)


def _ragged_rows(caught: list) -> tuple[list[str], set[int]]:
    """Return a problem per row that had more fields than the header (pandas skipped it with a warning),
    and the line numbers of those rows."""
    problems, lines = [], set()
    for warning in caught:
        for match in _RAGGED.finditer(str(warning.message)):
            line, expected, saw = match.groups()
            problems.append(f"line {line}: {saw} fields where the header has {expected}; row skipped")
            lines.add(int(line))
    return problems, lines


def _batch(frame: pd.DataFrame, source: Source, *, ids: list[str], where: list[str], first: bool) -> list[Article]:
    """Return the articles of one batch; a batch after the first that cannot be read becomes a problem."""
    try:
        return _table(frame, source, ids=ids, where=where)
    except ReadError as error:
        if first:
            raise
        source.problems.append(f"{where[0]} to {where[-1]}: {error}")
        return []


def resolve_columns(columns: list[str], column_map: Mapping[str, str]) -> dict[str, list[str]]:
    """Return ``{record field: [columns]}`` from ``column_map``, else every column under a usual name of the field.

    A row takes the first non-empty of its field's columns (``source`` as text in one row, ``source.name`` in
    the next). Raises :class:`ReadError` when the map names a missing column or no column holds the text.
    """
    available = ", ".join(columns) or "(none)"
    by_lower = {column.lower(): column for column in columns}
    resolved: dict[str, list[str]] = {}
    for name, column in column_map.items():
        if column not in columns:
            raise ReadError(f"column map {name}={column}: no column {column!r}; columns are: {available}")
        resolved[name] = [column]
    for name, aliases in FIELD_ALIASES.items():
        found = [by_lower[alias] for alias in aliases if alias in by_lower]
        if name not in resolved and found:
            resolved[name] = found
    if "text" not in resolved:
        looked = ", ".join(FIELD_ALIASES["text"][:4])
        raise ReadError(f"no text column (looked for {looked}); columns are: {available}; "
                        f"name it with --column-map text=COLUMN")
    return resolved


def _table(frame: pd.DataFrame, source: Source, *, ids: list[str], where: list[str]) -> list[Article]:
    """Turn table rows into articles; a row without text or title is reported and skipped."""
    columns = resolve_columns([str(c) for c in frame.columns], source.column_map)
    records = []
    for row, record_id, place in zip(frame.to_dict(orient="records"), ids, where):
        data = {name: next((_cell(row[c]) for c in names if _cell(row[c])), "") for name, names in columns.items()}
        article = _from_mapping(data, record_id=record_id, source=source)
        body = data.get("text", "")
        if looks_like_html(body):
            extracted = html_text(body)
            article.dropped = list(extracted.dropped)
            body = "\n\n".join(extracted.paragraphs)
        article.text = body
        if not body and not article.title:
            source.problems.append(f"{place}: no text")
            continue
        kind = data.get("kind", "").lower()
        article.kind = kind if kind in KINDS else ("article" if body else "headline")
        if not body:
            article.text = data.get("excerpt", "")
        records.append(article)
    return records


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()
