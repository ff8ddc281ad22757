"""Chunked feature extraction in this process, on local worker processes, or on a Dask cluster.

Records travel in chunks; :func:`extract_chunk` turns one chunk into the rows of both tables. An engine
only maps that function over the chunks and hands the results back in input order, so one worker, many
processes and a cluster give the same rows in the same order, and the same bytes on disk.

Workers look sentences up in the cache read-only; the process that drives the run stores what they
computed, so the cache has one writer however many workers there are.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.codebooks import load_codebooks
from framing.errors import InputError
from framing.features.analyzer import MEASURE_FAMILIES
from framing.features.cache import (
    SentenceCache, decode_measures, encode_measures, family_versions, sentence_key,
)
from framing.features.tables import Analyzers, article_row, article_sentences
from framing.text import word_count

CHUNK_SIZE = 200
ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Settings:
    """What a worker needs besides the records: the lexicon folder, the codebooks (names or absolute
    folders) and the cache folder (read-only)."""

    lexicon_root: str | None = None
    cache_dir: str | None = None
    codebooks: tuple[str, ...] = ()


@dataclass
class ChunkResult:
    """The rows of one chunk, column by column, and what the chunk cost and found in the cache."""

    sentences: dict[str, list]
    articles: dict[str, list]
    n_articles: int
    n_sentences: int
    lookups: int = 0
    hits: int = 0
    fresh: list[tuple[bytes, str]] = field(default_factory=list)
    versions: dict[str, dict[str, str]] = field(default_factory=dict)


class _WorkerState(threading.local):
    """Analyzers per settings, and read-only cache connections per process, in each worker thread."""

    def __init__(self) -> None:
        self.analyzers: dict[Settings, tuple[Analyzers, dict]] = {}
        self.caches: dict[tuple[str, int], SentenceCache] = {}


_STATE = _WorkerState()


def _state(settings: Settings) -> tuple[Analyzers, SentenceCache | None, dict]:
    if settings not in _STATE.analyzers:
        root = Path(settings.lexicon_root) if settings.lexicon_root is not None else None
        _STATE.analyzers[settings] = (Analyzers(root, load_codebooks(settings.codebooks)), {})
    analyzers, versions = _STATE.analyzers[settings]
    if settings.cache_dir is None:
        return analyzers, None, versions
    # Keyed by process: a forked worker must not use a database connection its parent opened.
    key = (settings.cache_dir, os.getpid())
    if key not in _STATE.caches:
        _STATE.caches[key] = SentenceCache(settings.cache_dir, readonly=True)
    return analyzers, _STATE.caches[key], versions


def extract_chunk(records: list[dict], settings: Settings) -> ChunkResult:
    """Return the sentence and article rows of ``records``, reusing cached family measures."""
    analyzers, cache, versions_by_lang = _state(settings)
    items = []
    for position, record in enumerate(records):
        lang = record["language"]
        if lang not in versions_by_lang:
            versions_by_lang[lang] = family_versions(analyzers(lang).versions)
        ids = {"article_id": record["id"], "outlet": record["outlet"], "kind": record["kind"], "language": lang,
               "story": record.get("story", "")}
        for index, is_headline, text in article_sentences(record):
            keys = ([sentence_key(versions_by_lang[lang][family], lang=lang, is_headline=is_headline, text=text)
                     for family in MEASURE_FAMILIES] if cache is not None else None)
            items.append((position, index, is_headline, text, ids, keys))
    found = cache.get_many(key for *_, keys in items for key in keys) if cache is not None else {}
    fresh: list[tuple[bytes, str]] = []
    hits = 0
    rows_by_record: list[list[dict]] = [[] for _ in records]
    for position, index, is_headline, text, ids, keys in items:
        analyzer = analyzers(ids["language"])
        n_words = word_count(text, lang=analyzer.lang)
        row = {"article_id": ids["article_id"], "sentence_index": index, "outlet": ids["outlet"],
               "kind": ids["kind"], "language": ids["language"], "story": ids["story"],
               "is_headline": int(is_headline), "text": text, "n_words": n_words}
        reasons: list[str] = []
        for number, family in enumerate(MEASURE_FAMILIES):
            key = keys[number] if keys is not None else None
            if key in found:
                columns, why = decode_measures(found[key])
                hits += 1
            else:
                columns, why = analyzer.measure(family, text, n_words=n_words, is_headline=is_headline)
                if key is not None:
                    fresh.append((key, encode_measures(columns, why)))
            row |= columns
            reasons += why
        row["na_reason"] = "; ".join(reasons)
        rows_by_record[position].append(row)
    article_rows = [article_row(record, rows, analyzers.codebooks) for record, rows in zip(records, rows_by_record)]
    # Keys starting with "_" (the frame cue weights) serve the article rows only.
    sentence_rows = [{k: v for k, v in row.items() if not k.startswith("_")} for rows in rows_by_record for row in rows]
    languages = {record["language"] for record in records}
    return ChunkResult(
        sentences=_columns(sentence_rows), articles=_columns(article_rows), n_articles=len(records),
        n_sentences=len(sentence_rows), lookups=len(items) * len(MEASURE_FAMILIES) if cache is not None else 0,
        hits=hits, fresh=fresh,
        versions={lang: analyzers(lang).versions for lang in sorted(languages)},
    )


def _columns(rows: list[dict]) -> dict[str, list]:
    return {name: [row[name] for row in rows] for name in rows[0]} if rows else {}


class LocalEngine:
    """Map a function over chunks in this process (``workers=1``) or a pool of local processes.

    Results come back in input order; at most ``2 * workers`` chunks are in flight, so memory stays bounded.
    """

    def __init__(self, *, workers: int = 1) -> None:
        if workers < 1:
            raise InputError(f"--workers must be at least 1, not {workers}")
        self.workers = workers
        self._pool = None

    def map(self, function: Callable, items: Iterable, *args) -> Iterator:
        if self.workers == 1:
            return (function(item, *args) for item in items)
        self.start()
        return _in_order(lambda item: self._pool.submit(function, item, *args), items, window=2 * self.workers)

    def start(self) -> LocalEngine:
        """Start the worker processes now (before any thread, such as a progress bar's, starts); return ``self``."""
        if self.workers > 1 and self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # fork starts workers in milliseconds with the parent's imports; spawn where there is no fork.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method))
            self._pool.submit(os.getpid).result()
        return self

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


class DaskEngine:
    """Map a function over chunks on dask.distributed: the cluster at ``scheduler``, else a LocalCluster.

    Parameters
    ----------
    scheduler : address of a running scheduler (``tcp://host:8786``); None starts a LocalCluster.
    workers : worker processes of the LocalCluster.
    processes : run LocalCluster workers as processes (False: threads of this process).
    """

    def __init__(self, *, scheduler: str | None = None, workers: int = 1, processes: bool = True) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.processes = processes
        self._client = None
        self._cluster = None

    def _connect(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise InputError("the dask engine needs Dask: pip install 'framing[dask]'") from None
        if self.scheduler is not None:
            try:
                return Client(self.scheduler, timeout="30s")
            except (OSError, TimeoutError) as error:
                raise InputError(f"cannot reach the Dask scheduler at {self.scheduler}: {error}") from None
        self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=self.processes,
                                     host="127.0.0.1", protocol="tcp://", dashboard_address=None)
        return Client(self._cluster)

    def map(self, function: Callable, items: Iterable, *args) -> Iterator:
        if self._client is None:
            self._client = self._connect()
        window = 2 * max(self.workers, len(self._client.scheduler_info().get("workers", {})))
        return _in_order(lambda item: self._client.submit(function, item, *args, pure=False), items, window=window)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


Engine = LocalEngine | DaskEngine


def make_engine(engine: str = "local", *, workers: int = 1, scheduler: str | None = None) -> Engine:
    """Return the engine named ``engine`` (``local`` or ``dask``); close it when done (or use ``with``)."""
    if engine == "local":
        if scheduler is not None:
            raise InputError("--scheduler needs --engine dask")
        return LocalEngine(workers=workers)
    if engine == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers)
    raise InputError(f"unknown engine {engine!r}; engines are: {', '.join(ENGINES)}")


def _in_order(submit: Callable, items: Iterable, *, window: int) -> Iterator:
    """Submit ``items`` with at most ``window`` in flight; yield their results in input order."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@dataclass
class Summary:
    """What a run did: articles, sentences, seconds, cache hits, and files or rows the corpus skipped."""

    articles: int = 0
    sentences: int = 0
    seconds: float = 0.0
    lookups: int = 0
    hits: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.perf_counter, repr=False)

    def add(self, result: ChunkResult) -> None:
        self.articles += result.n_articles
        self.sentences += result.n_sentences
        self.lookups += result.lookups
        self.hits += result.hits
        self.seconds = time.perf_counter() - self.started

    def __str__(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        cache = f"cache: {self.hits:,} of {self.lookups:,} sentence measures reused" if self.lookups else "no cache"
        return (f"{self.articles:,} articles, {self.sentences:,} sentences in {self.seconds:.1f} s "
                f"({rate:,.1f} articles/s); {cache}; {self.skipped:,} files or rows skipped")


def extract(chunks: Iterable[list[dict]], *, engine: Engine, lexicons: str | Path | None = None,
            cache: SentenceCache | None = None, summary: Summary | None = None,
            progress: Callable[[Summary], None] | None = None,
            codebooks: Iterable[str | Path] | None = None) -> Iterator[ChunkResult]:
    """Yield the :class:`ChunkResult` of each chunk of records, in order, storing fresh measures in ``cache``.

    ``codebooks`` are names or folders (default: :func:`framing.codebooks.default_codebooks`); they are loaded here first, so that a bad
    codebook fails before any work.
    """
    summary = summary if summary is not None else Summary()
    settings = Settings(lexicon_root=str(Path(lexicons).resolve()) if lexicons is not None else None,
                        cache_dir=str(cache.ensure().folder) if cache is not None else None,
                        codebooks=codebook_specs(codebooks))
    for result in engine.map(extract_chunk, chunks, settings):
        if cache is not None and result.fresh:
            cache.put_many(result.fresh)
        result.fresh = []
        summary.add(result)
        if progress is not None:
            progress(summary)
        yield result


def codebook_specs(codebooks: Iterable[str | Path] | None) -> tuple[str, ...]:
    """Return the codebooks as names or absolute folders, checked by loading them once."""
    return tuple(book.source for book in load_codebooks(codebooks))


def chunked(records: Iterable[dict], size: int) -> Iterator[list[dict]]:
    """Yield lists of at most ``size`` records."""
    if size < 1:
        raise InputError(f"--chunk-size must be at least 1, not {size}")
    chunk: list[dict] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
