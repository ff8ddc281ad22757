"""Feature tables on disk: CSV and Parquet written chunk by chunk, with a fixed schema, renamed at the end.

The five files are written into a staging folder and appear together only when the last chunk is
written (:func:`framing.io.output_set`), so a run that fails or is killed leaves the previous outputs (or
none), never a table that stops halfway or a new table beside an old one. Text cells that start like a
spreadsheet formula get an apostrophe in the CSV files only (:func:`framing.io.spreadsheet_safe`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.features.tables import article_columns, sentence_columns
from framing.io import output_set, refuse_overwriting_inputs, spreadsheet_safe

TABLES = ("sentences", "articles")
_ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
# Counts stay integers in CSV, with an empty cell where a language lacks the lexicon.
_PANDAS = {"str": object, "int": "Int64", "float": "float64"}


def table_columns(name: str, codebooks=None) -> dict[str, str]:
    """Return ``{column: type}`` of the table called ``name``, with the frame columns of ``codebooks``."""
    return sentence_columns(codebooks) if name == "sentences" else article_columns(codebooks)


class TableSink:
    """Append chunks of one table to a CSV file and a Parquet file (one row group per chunk).

    Parameters
    ----------
    csv_path, parquet_path : where to write (temporary paths; the caller renames them).
    columns : ``{column: type}``, the fixed schema of every chunk.
    """

    def __init__(self, csv_path: Path, parquet_path: Path, columns: dict[str, str]) -> None:
        self.columns = columns
        self.schema = pa.schema([(name, _ARROW[kind]) for name, kind in columns.items()])
        self._csv = open(csv_path, "wb")
        self._parquet = pq.ParquetWriter(parquet_path, self.schema)
        self._header = True

    def write(self, chunk: dict[str, list]) -> None:
        """Append the rows of ``chunk`` (``{column: values}``)."""
        n_rows = len(next(iter(chunk.values()))) if chunk else 0
        frame = pd.DataFrame({name: pd.Series(chunk.get(name, [None] * n_rows), dtype=_PANDAS[kind])
                              for name, kind in self.columns.items()})
        self._csv.write(spreadsheet_safe(frame).to_csv(index=False, header=self._header, lineterminator="\n")
                        .encode("utf-8"))
        self._header = False
        if n_rows:
            self._parquet.write_table(pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False))

    def close(self) -> None:
        try:
            if self._header:
                self.write({})
            self._parquet.close()
        except OSError:
            # A full disk: pyarrow would try to close again, and fail again, when the writer is collected.
            self._parquet.is_open = False
            raise
        finally:
            self._csv.close()


@contextlib.contextmanager
def feature_sinks(out_dir: str | Path, *, codebook: Callable[[], str], inputs: Iterable[str | Path] = (),
                  codebooks=None):
    """Yield ``{table: TableSink}`` writing into ``out_dir``; on success the files appear there as one set.

    ``codebook()`` is called after the last chunk, for ``codebook.md``. ``out_dir`` is locked meanwhile;
    a file that is one of ``inputs``, or an ``out_dir`` inside an input folder, is refused before any
    work is done. ``codebooks`` (loaded frame codebooks, default ``story``) set the frame columns.
    """
    out_dir = Path(out_dir)
    inputs = list(inputs)
    for name in output_names():
        refuse_overwriting_inputs(out_dir / name, inputs)
    with output_set(out_dir, inputs=inputs) as staging:
        sinks = {table: TableSink(staging / f"{table}.csv", staging / f"{table}.parquet", table_columns(table, codebooks))
                 for table in TABLES}
        try:
            yield sinks
        finally:
            errors = []
            for sink in sinks.values():
                try:
                    sink.close()
                except OSError as error:
                    errors.append(error)
            if errors:
                raise errors[0]
        (staging / "codebook.md").write_text(codebook(), encoding="utf-8")


def output_names() -> list[str]:
    """Return the file names ``framing features --out`` writes."""
    return [f"{table}{suffix}" for table in TABLES for suffix in (".csv", ".parquet")] + ["codebook.md"]


def write_frames(frames: Iterable[tuple[str, pd.DataFrame]], out_dir: str | Path, *, codebook: str,
                 inputs: Iterable[str | Path] = (), codebooks=None) -> list[Path]:
    """Write whole tables (``(name, frame)``) in the chunked format, as one set; return the paths."""
    with feature_sinks(out_dir, codebook=lambda: codebook, inputs=inputs, codebooks=codebooks) as sinks:
        for name, frame in frames:
            sinks[name].write({column: frame[column].tolist() for column in frame.columns})
    return [Path(out_dir) / name for name in output_names()]
