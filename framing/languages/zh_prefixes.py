"""jieba's prefix dictionary, read from SQLite as segmentation asks for it instead of all at start.

jieba looks up every fragment of a sentence in a dictionary of 500,000 words and word prefixes with their
frequencies, which it unmarshals whole before the first word: most of a second, while a headline or an
article asks for a few thousand fragments. :class:`Prefixes` answers the same lookups from a table in the
cache folder (``<cache>/jieba/<digest>.sqlite``, the digest of jieba's dictionary and of the code that
builds the prefixes from it), built once from what jieba itself computes; each answer is kept in memory,
and after :data:`FILL_AFTER` reads from the table the whole table is read, so that a large corpus costs no
more than jieba's own start. Words added afterwards (the user dictionary) live in memory only. The same
lookups give the same answers, so the words are the same.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

# Reads from the table after which the whole table is read into memory.
FILL_AFTER = 50_000
_ABSENT = object()


class Prefixes(dict):
    """jieba's ``FREQ``: ``fragment -> frequency`` (0 for a prefix that is no word), read on demand."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self._lock = threading.Lock()
        self._reads = 0
        self._full = False
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self.total = int(self._query("SELECT value FROM meta WHERE key = 'total'", ())[0])

    def __contains__(self, key) -> bool:
        return self._value(key) is not _ABSENT

    def __getitem__(self, key):
        value = self._value(key)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def get(self, key, default=None):
        value = self._value(key)
        return default if value is _ABSENT else value

    def _value(self, key):
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            pass
        if self._full:
            return _ABSENT
        row = self._query("SELECT freq FROM prefixes WHERE word = ?", (key,))
        value = _ABSENT if row is None else row[0]
        dict.__setitem__(self, key, value)
        self._reads += 1
        if self._reads >= FILL_AFTER:
            self._fill()
        return value

    def _fill(self) -> None:
        with self._lock:
            rows = self._connection().execute("SELECT word, freq FROM prefixes").fetchall()
        for word, freq in rows:
            if dict.get(self, word, _ABSENT) is _ABSENT:  # words added since keep their frequency
                dict.__setitem__(self, word, freq)
        self._full = True

    def _query(self, sql: str, parameters: tuple):
        with self._lock:
            return self._connection().execute(sql, parameters).fetchone()

    def _connection(self) -> sqlite3.Connection:
        # A connection does not survive a fork: a worker process opens its own.
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"{self._path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db


def prefixes(jieba) -> Prefixes | None:
    """Return jieba's prefix dictionary from the cache folder, building it there first if need be; None
    where it can be neither read nor written (jieba then loads its own)."""
    from framing.cachedir import default_cache_dir

    dictionary = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    digest = hashlib.sha256(dictionary.read_bytes() + Path(jieba.__file__).read_bytes()).hexdigest()[:24]
    path = (default_cache_dir() / "jieba" / f"{digest}.sqlite").absolute()  # a file: URI needs it absolute
    try:
        return Prefixes(path)
    except (sqlite3.Error, TypeError):
        pass
    try:
        _build(jieba, dictionary, path)
        return Prefixes(path)
    except (OSError, sqlite3.Error):
        return None


def _build(jieba, dictionary: Path, path: Path) -> None:
    """Write the prefixes jieba computes from ``dictionary`` to ``path``, aside first and renamed into place."""
    with dictionary.open("rb") as file:
        freq, total = jieba.Tokenizer.gen_pfdict(file)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    try:
        with sqlite3.connect(partial) as db:
            db.execute("CREATE TABLE prefixes (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany("INSERT INTO prefixes VALUES (?, ?)", freq.items())
            db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        db.close()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
