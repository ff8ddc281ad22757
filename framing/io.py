"""Writing outputs: atomically, as whole sets, one run at a time per folder, never over an input.

- A file is written to a temporary file beside it and renamed into place (:func:`atomic_path`), so a
  crash or a kill leaves the previous file or none, never a truncated one.
- A set of files (the tables of ``features``, the paper's figures and tables) is written into a staging
  folder inside the output folder, then renamed into place file by file after a commit list is written
  (:func:`output_set`). A run killed before the commit list leaves the previous set; one killed during
  the renames (milliseconds) leaves the list, and the next run on the folder finishes the renames before
  anything else: either way the set that a finished run sees is one run's whole set.
- One run at a time writes into a folder: a run takes the folder's lock (an advisory ``flock`` on a
  ``.framing-lock`` file, released when the run ends or dies) and another run is refused with
  "another run is writing DIR".
- Every file to be written is checked against every input file (paths resolved, symbolic and hard links
  followed) and input folder: :func:`refuse_overwriting_inputs`, called by the writers themselves.
- A full disk (or a read-only one) is an :class:`OutputError` of one line, and nothing is replaced.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from framing.errors import OutputError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; concurrent runs are not detected there.
    fcntl = None

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
LOCK_NAME = ".framing-lock"
STAGING_PREFIX = ".framing-staging-"
COMMIT_NAME = ".commit.json"
# Errors of the disk rather than of the program: a full disk, a quota, a file too large, a read-only disk.
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})
_HELD: dict[Path, int] = {}


def disk_error(error: OSError, path: str | Path) -> OutputError | None:
    """Return ``error`` as a one-line :class:`OutputError` when the disk is full or read-only, else None."""
    if error.errno not in DISK_ERRORS:
        return None
    return OutputError(f"cannot write: {os.strerror(error.errno).lower()}; no output was replaced", path=path)


@contextlib.contextmanager
def folder_lock(folder: str | Path) -> Iterator[Path]:
    """Hold the write lock of ``folder`` (created when missing) for the block; yield the folder.

    Raises :class:`OutputError` when another process holds it. A process may take it again while it
    holds it. On taking it, what a killed run left there is tidied (see :func:`finish_interrupted`).
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise disk_error(error, folder) or OutputError(f"cannot create the folder: {error.strerror}",
                                                       path=folder) from None
    key = folder.resolve()
    if key in _HELD or fcntl is None:
        _HELD[key] = _HELD.get(key, 0) + 1
        try:
            yield folder
        finally:
            _HELD[key] -= 1
            if not _HELD[key]:
                del _HELD[key]
        return
    handle = _take_lock(key, folder)
    _HELD[key] = 1
    try:
        finish_interrupted(key)
        yield folder
    finally:
        del _HELD[key]
        # Unlink while holding the lock, so no lock file is left; a run that opened it meanwhile sees it
        # was replaced and tries again (see _take_lock).
        Path(key / LOCK_NAME).unlink(missing_ok=True)
        handle.close()


def _take_lock(key: Path, folder: Path):
    lock = key / LOCK_NAME
    while True:
        try:
            handle = open(lock, "a+b")
        except OSError as error:
            raise disk_error(error, folder) or OutputError(f"cannot write into the folder: {error.strerror}",
                                                           path=folder) from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise OutputError(f"another run is writing {folder}; wait for it to finish") from None
        try:
            same = os.path.samestat(os.fstat(handle.fileno()), os.stat(lock))
        except FileNotFoundError:
            same = False
        if same:
            return handle
        handle.close()


def finish_interrupted(folder: str | Path) -> None:
    """Tidy what a killed run left in ``folder`` (call with its lock held).

    A staging folder with a commit list was killed during its renames: they are finished. One without
    was killed before: it is removed, and the previous outputs stay.
    """
    folder = Path(folder)
    for staging in sorted(folder.glob(f"{STAGING_PREFIX}*")):
        commit = staging / COMMIT_NAME
        if commit.is_file():
            with contextlib.suppress(ValueError):
                _rename_all(staging, folder, json.loads(commit.read_text(encoding="utf-8")))
        shutil.rmtree(staging, ignore_errors=True)


_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.tmp$")


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` in one rename.

    A crash or a kill before the rename leaves the previous file (or none), never a truncated one. The
    folder is locked meanwhile, so the temporaries a killed run left beside ``path`` can be removed.
    """
    path = Path(path)
    with folder_lock(path.parent):
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
        except OSError as error:
            raise disk_error(error, path) or error
        finally:
            tmp_path.unlink(missing_ok=True)


@contextlib.contextmanager
def output_set(folder: str | Path, *, inputs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Yield a staging folder; what the block writes there appears in ``folder`` as one set.

    Parameters
    ----------
    folder : the output folder (created when missing; locked for the block).
    inputs : the files and folders the outputs were made from; a set that would write over one of them,
        or into an input folder, raises :class:`OutputError` and nothing is written.

    The files are renamed into place after a commit list is written (see the module's docstring). A block
    that raises leaves the previous outputs; a full disk is an :class:`OutputError`.
    """
    folder = Path(folder)
    inputs = list(inputs)
    refuse_overwriting_inputs(folder / "x", inputs, folder=True)
    with folder_lock(folder):
        try:
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        except OSError as error:
            raise disk_error(error, folder) or error
        try:
            yield staging
            names = sorted(path.relative_to(staging).as_posix() for path in staging.rglob("*")
                           if path.is_file() and not any(part.startswith(".")
                                                         for part in path.relative_to(staging).parts))
            for name in names:
                refuse_overwriting_inputs(folder / name, inputs)
            _write_durably(staging / COMMIT_NAME, json.dumps(names).encode())
            _rename_all(staging, folder, names)
        except OSError as error:
            raise disk_error(error, folder) or error
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _rename_all(staging: Path, folder: Path, names: list[str]) -> None:
    for name in names:
        source = staging / name
        if source.is_file():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(path: str | Path, data: bytes, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write ``data`` to ``path`` atomically and return the path; refuse when ``path`` is one of ``inputs``."""
    refuse_overwriting_inputs(path, inputs)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (``\\n`` line ends on every platform)."""
    return write_bytes(path, text.encode("utf-8"), inputs=inputs)


def table_bytes(frame: pd.DataFrame, suffix: str) -> bytes:
    """Serialise ``frame`` as CSV, JSON Lines or Parquet, deterministically.

    CSV cells that a spreadsheet would run as a formula are neutralised (:func:`spreadsheet_safe`);
    JSON Lines and Parquet keep the exact text.
    """
    if suffix == ".csv":
        return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")
    if suffix == ".jsonl":
        rows = frame.to_dict(orient="records")
        return "".join(json.dumps(_plain(row), ensure_ascii=False, sort_keys=False) + "\n" for row in rows).encode()
    if suffix == ".parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    raise OutputError(f"unsupported table format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with every text cell that starts like a formula prefixed by an apostrophe.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return runs as a formula when the
    CSV is opened in a spreadsheet (OWASP's "CSV injection"); ``'`` in front makes it text, and
    spreadsheets hide the apostrophe. Numbers written as text ("-3.5") are left alone. Only text columns
    change, and only in CSV: Parquet and JSON keep the exact text.
    """
    columns = [name for name in frame.columns
               if frame[name].dtype == object or isinstance(frame[name].dtype, pd.StringDtype)]
    if not columns:
        return frame
    safe = frame.copy(deep=False)
    for name in columns:
        safe[name] = frame[name].map(_safe_cell)
    return safe


def _safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.match(value):
        return "'" + value
    return value


def write_table(frame: pd.DataFrame, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write ``frame`` to ``path`` atomically, in the format its suffix names."""
    path = Path(path)
    return write_bytes(path, table_bytes(frame, path.suffix.lower()), inputs=inputs)


def refuse_overwriting_inputs(out: str | Path, inputs: Iterable[str | Path], *, folder: bool = False) -> None:
    """Raise :class:`OutputError` when writing ``out`` could change an input.

    ``out`` is refused when it is an input file (after following symbolic links on either side, or as a
    hard link to the same file) or lies inside an input folder. With ``folder``, ``out`` stands for a file
    in an output folder, and only the folder is checked (an input folder inside it is fine).
    """
    out = Path(out)
    target = out.resolve()
    place = target.parent if folder else target
    try:
        target_stat = None if folder else os.stat(target)
    except OSError:
        target_stat = None
    for source in inputs:
        source = Path(source).resolve()
        if source.is_dir():
            if place.is_relative_to(source):
                raise OutputError(f"refusing to write inside the corpus folder {source}",
                                  path=out.parent if folder else out)
        elif not folder and (target == source or (target_stat is not None and _same_file(target_stat, source))):
            shown = "" if target == out.absolute() else f" ({target})"
            raise OutputError(f"refusing to write over an input file{shown}", path=out)


def _same_file(target_stat: os.stat_result, source: Path) -> bool:
    try:
        return os.path.samestat(target_stat, os.stat(source))
    except OSError:
        return False


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
