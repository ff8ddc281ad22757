"""Writing outputs: atomically (temporary file in the same folder, then rename), never over an input."""

from __future__ import annotations

import contextlib
import glob
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from framing.errors import OutputError

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` in one rename.

    A crash or a kill before the rename leaves the previous file (or none), never a truncated one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        stale.unlink(missing_ok=True)  # left by a run that was killed before its rename
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # mkstemp creates the file readable by its owner only; give it the mode a plain open() would.
    os.fchmod(fd, 0o666 & ~_umask())
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (``\\n`` line ends on every platform)."""
    return write_bytes(path, text.encode("utf-8"))


def table_bytes(frame: pd.DataFrame, suffix: str) -> bytes:
    """Serialise ``frame`` as CSV, JSON Lines or Parquet, deterministically."""
    if suffix == ".csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if suffix == ".jsonl":
        rows = frame.to_dict(orient="records")
        return "".join(json.dumps(_plain(row), ensure_ascii=False, sort_keys=False) + "\n" for row in rows).encode()
    if suffix == ".parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    raise OutputError(f"unsupported table format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}")


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` to ``path`` atomically, in the format its suffix names."""
    path = Path(path)
    return write_bytes(path, table_bytes(frame, path.suffix.lower()))


def refuse_overwriting_inputs(out: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`OutputError` when ``out`` is an input file or lies inside an input folder."""
    target = Path(out).resolve()
    for source in inputs:
        source = Path(source).resolve()
        if target == source:
            raise OutputError("refusing to write over an input file", path=out)
        if source.is_dir() and target.is_relative_to(source):
            raise OutputError(f"refusing to write inside the corpus folder {source}", path=out)


def _plain(row: dict) -> dict:
    """Make pandas scalars JSON-serialisable: NaN and NaT become null, timestamps ISO strings."""
    clean = {}
    for key, value in row.items():
        if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
            clean[key] = None
        elif isinstance(value, pd.Timestamp):
            clean[key] = value.isoformat()
        elif hasattr(value, "item"):
            clean[key] = value.item()
        else:
            clean[key] = value
    return clean
