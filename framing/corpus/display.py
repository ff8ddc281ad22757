"""What `framing corpus` shows: a records table, a one-line summary, a record's cleaning report."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.table import Table

from framing.corpus.records import Corpus
from framing.errors import InputError


TITLE_WIDTH = 60  # characters of a title shown in the records table

def parse_column_map(values: Iterable[str]) -> dict[str, str]:
    """Return ``{field: column}`` from ``["text=body,title=headline", ...]``; raise :class:`InputError` on bad pairs."""
    mapping: dict[str, str] = {}
    for value in values:
        for pair in filter(None, (part.strip() for part in value.split(","))):
            field, sep, column = (part.strip() for part in pair.partition("="))
            if not sep or not field or not column:
                raise InputError(f"--column-map expects FIELD=COLUMN pairs, got {pair!r}")
            mapping[field] = column
    return mapping


def summary(corpus: Corpus) -> str:
    """Return one line: records by kind, duplicates merged, syndicated copies kept, lines dropped, files skipped."""
    kinds = corpus.articles["kind"].value_counts()
    by_kind = ", ".join(f"{kinds.get(kind, 0)} {kind}{'s' if kinds.get(kind, 0) != 1 else ''}"
                        for kind in ("article", "headline"))
    return (
        f"{len(corpus.articles)} records ({by_kind}); {len(corpus.duplicates)} duplicate{'s' if len(corpus.duplicates) != 1 else ''} merged; "
        f"{_syndicated(corpus)}"
        f"{len(corpus.dropped)} lines dropped by cleaning; {len(corpus.problems)} skipped"
    )


def _syndicated(corpus: Corpus) -> str:
    n = len(corpus.syndicated)
    if not n:
        return ""
    return f"{n} record{'s' if n != 1 else ''} kept with the same text as another outlet's (syndicated copy); "


def syndicated_table(corpus: Corpus) -> Table:
    """Return a rich table of the records that repeat another outlet's text, beside the record they repeat."""
    table = Table(title="syndicated copy: the same text under another outlet (both kept)", box=box.SIMPLE_HEAD,
                  header_style="bold", pad_edge=False)
    for name in ("id", "outlet", "same text as", "outlet "):
        table.add_column(name, overflow="fold")
    for row in corpus.syndicated.itertuples(index=False):
        table.add_row(row.id, row.outlet, row.same_text_as, row.same_text_outlet)
    return table


def records_table(corpus: Corpus) -> Table:
    """Return a rich table with one row per record."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("id", overflow="fold", min_width=20)
    table.add_column("kind", min_width=8)
    table.add_column("outlet", overflow="fold", min_width=9, max_width=20)
    table.add_column("lang", min_width=4)
    table.add_column("published", min_width=10)
    table.add_column("sent", justify="right", min_width=4)
    table.add_column("words", justify="right", min_width=5)
    table.add_column("title", overflow="fold", min_width=20)
    for row in corpus.articles.itertuples(index=False):
        table.add_row(row.id, row.kind, row.outlet, row.language, row.published[:10], str(row.n_sentences),
                      str(row.n_words), _shorten(row.title))
    return table


def _shorten(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def resolve_record_id(corpus: Corpus, record_id: str) -> str:
    """Return the record id ``record_id`` names exactly or as a unique prefix; raise :class:`InputError` otherwise."""
    ids = list(dict.fromkeys([*corpus.articles["id"], *corpus.dropped["id"], *corpus.duplicates["id"]]))
    if record_id in ids:
        return record_id
    matches = [i for i in ids if i.startswith(record_id)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InputError(f"record id {record_id!r} is ambiguous: {', '.join(matches[:5])}")
    raise InputError(f"no record with id {record_id!r}")


def dropped_table(corpus: Corpus, record_id: str) -> Table:
    """Return a rich table of the lines cleaning removed from one record, with their reasons."""
    table = Table(title=f"lines dropped from {record_id}", header_style="bold", show_lines=True)
    table.add_column("reason", no_wrap=True)
    table.add_column("line", overflow="fold")
    for row in corpus.dropped_for(record_id).itertuples(index=False):
        table.add_row(row.reason, row.line)
    return table
