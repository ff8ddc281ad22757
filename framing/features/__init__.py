"""Framing features per sentence and article: loaded wording, sentiment and tone, frames, sourcing."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from framing.codebooks import Codebook, load_codebooks
from framing.features.analyzer import SOURCING, LanguageAnalyzer
from framing.features.cache import SentenceCache
from framing.features.engine import CHUNK_SIZE, Engine, Summary, chunked, extract, make_engine
from framing.features.tables import ID_COLUMNS

if TYPE_CHECKING:  # pandas is imported where tables are built: `framing explain` never needs it
    import pandas as pd

__all__ = ["SOURCING", "FeatureTables", "LanguageAnalyzer", "feature_tables", "write_features"]


@dataclass
class FeatureTables:
    """The sentence table, the article table, the frame codebooks measured, and the lexicon versions."""

    sentences: pd.DataFrame
    articles: pd.DataFrame
    lexicon_versions: dict[str, dict[str, str]] = field(default_factory=dict)
    summary: Summary | None = field(default=None, compare=False)
    codebooks: tuple[Codebook, ...] = field(default_factory=load_codebooks, compare=False)

    def write(self, out_dir: str | Path, *, inputs: Iterable[str | Path] = ()) -> list[Path]:
        """Write both tables as CSV and Parquet, and the codebook, as one set; return the paths.

        ``inputs``: files and folders that must not be written over (the corpus's ``sources``).
        """
        from framing.features.codebook import render_codebook
        from framing.features.outputs import write_frames

        return write_frames((("sentences", self.sentences), ("articles", self.articles)), out_dir,
                            codebook=render_codebook(self.lexicon_versions, codebooks=self.codebooks),
                            inputs=inputs, codebooks=self.codebooks)


def feature_tables(corpus, *, lexicons: str | Path | None = None, workers: int = 1, engine: str | Engine = "local",
             scheduler: str | None = None, cache: SentenceCache | str | Path | None = None,
             chunk_size: int = CHUNK_SIZE, progress: Callable[[Summary], None] | None = None,
             codebooks: Iterable[str | Path] | None = None) -> FeatureTables:
    """Compute the sentence and article tables of ``corpus``.

    Parameters
    ----------
    corpus : a :class:`framing.corpus.Corpus`, or a DataFrame with the corpus columns
        (``id, outlet, title, text, language, kind, story``; ``published`` optional).
    lexicons : a folder of lexicons (``<family>/<lang>.yaml``) that replace the shipped ones
        for the families and languages it has.
    workers : local worker processes (or LocalCluster workers with ``engine="dask"``).
    engine : ``"local"``, ``"dask"``, or an engine from :func:`framing.features.engine.make_engine`
        (left open, so that one pool serves many calls).
    scheduler : address of a Dask scheduler, with ``engine="dask"``.
    cache : a :class:`~framing.features.cache.SentenceCache` or a cache folder; None computes everything.
    chunk_size : records per chunk of work.
    progress : called with the running :class:`~framing.features.engine.Summary` after each chunk.
    codebooks : frame codebooks, by shipped name (``story``, ``generic``, ``policy``) or folder; default
        those the corpus's ``paper.yaml`` names, else ``generic`` (:func:`framing.codebooks.default_codebooks`).
        With several, the codebook's name joins each frame column (``frame_policy_economic_count``).

    Returns
    -------
    FeatureTables
        The same tables, to the byte, for any ``workers``, ``engine`` and ``cache``.
    """
    import pandas as pd

    records = corpus.articles if hasattr(corpus, "articles") else corpus
    codebooks = load_codebooks(codebooks, sources=getattr(corpus, "sources", ()))
    sentences: dict[str, list] = {}
    articles: dict[str, list] = {}
    versions: dict[str, dict[str, str]] = {}
    summary = Summary()
    with _engine(engine, workers=workers, scheduler=scheduler) as running:
        chunks = chunked(records.to_dict(orient="records"), chunk_size)
        for result in extract(chunks, engine=running, lexicons=lexicons, cache=_cache(cache), summary=summary,
                              progress=progress, codebooks=codebooks):
            _extend(sentences, result.sentences)
            _extend(articles, result.articles)
            versions |= result.versions
    return FeatureTables(
        sentences=pd.DataFrame(sentences) if sentences else pd.DataFrame(columns=ID_COLUMNS),
        articles=pd.DataFrame(articles), lexicon_versions=dict(sorted(versions.items())), summary=summary,
        codebooks=codebooks,
    )


def write_features(chunks: Iterable[list[dict]], out_dir: str | Path, *, lexicons: str | Path | None = None,
                   workers: int = 1, engine: str | Engine = "local", scheduler: str | None = None,
                   cache: SentenceCache | str | Path | None = None,
                   progress: Callable[[Summary], None] | None = None,
                   inputs: Iterable[str | Path] | None = None, strict: bool = False,
                   codebooks: Iterable[str | Path] | None = None) -> Summary:
    """Compute the feature tables chunk by chunk and write them to ``out_dir`` as they go.

    ``chunks`` are lists of corpus records (dicts), as :func:`framing.corpus.iter_corpus` yields them;
    memory holds a few chunks at a time however large the corpus. The files appear, all at once, only
    when the last chunk is written. No file is written over one of ``inputs`` (default: the ``sources``
    of ``chunks`` when it is a corpus stream), nor into an input folder. A corpus stream that yields no
    record raises :class:`~framing.corpus.NothingToAnalyse`; with ``strict``, one that skipped anything
    raises :class:`~framing.corpus.CorpusError`; either way no output is replaced.

    Returns
    -------
    Summary
        Articles, sentences, seconds and cache hits.
    """
    from framing.features.codebook import render_codebook
    from framing.features.outputs import feature_sinks

    versions: dict[str, dict[str, str]] = {}
    summary = Summary()
    books = codebooks = load_codebooks(codebooks, sources=getattr(chunks, "sources", ()))
    with feature_sinks(out_dir, codebook=lambda: render_codebook(dict(sorted(versions.items())), codebooks=books),
                       inputs=getattr(chunks, "sources", ()) if inputs is None else inputs, codebooks=books) as sinks, \
            _engine(engine, workers=workers, scheduler=scheduler) as running:
        for result in extract(chunks, engine=running, lexicons=lexicons, cache=_cache(cache), summary=summary,
                              progress=progress, codebooks=codebooks):
            sinks["sentences"].write(result.sentences)
            sinks["articles"].write(result.articles)
            versions |= result.versions
        if hasattr(chunks, "check"):
            chunks.check(strict=strict)  # before the files appear: a failed check replaces no output
    return summary


@contextlib.contextmanager
def _engine(engine: str | Engine, *, workers: int, scheduler: str | None) -> Iterator[Engine]:
    """Yield ``engine``, made from its name (and closed at the end) when it is a name."""
    if not isinstance(engine, str):
        yield engine
        return
    with make_engine(engine, workers=workers, scheduler=scheduler) as made:
        yield made


def _cache(cache: SentenceCache | str | Path | None) -> SentenceCache | None:
    return SentenceCache(cache) if isinstance(cache, (str, Path)) else cache


def _extend(table: dict[str, list], chunk: dict[str, list]) -> None:
    for name, values in chunk.items():
        table.setdefault(name, []).extend(values)
