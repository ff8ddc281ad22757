"""``framing.actors``: every mention of the actors in a corpus, scored, and summarised per group and actor."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing import io
from framing.portrayal.analysis import MENTION_COLUMNS, Settings, mention_chunk, summarise
from framing.portrayal.catalogue import Actor, load_actors, parse_actors
from framing.errors import InputError

FIGURE = "actor_portrayal"


@dataclass(frozen=True)
class Portrayals:
    """The mentions, the per-group actor table and the tests between groups.

    Attributes
    ----------
    mentions : one row per mention (:data:`~framing.portrayal.analysis.MENTION_COLUMNS`).
    actors : per stratum, group and actor: mentions, articles, label shares, mean score and its interval.
    tests : per stratum and actor: Kruskal–Wallis and pairwise Mann–Whitney tests of the scores.
    by : the column naming the groups.
    """

    mentions: pd.DataFrame
    actors: pd.DataFrame
    tests: pd.DataFrame
    by: str = "outlet"
    seed: int = 0

    def write(self, out_dir: str | Path, *, figure: bool = True) -> list[Path]:
        """Write ``mentions.csv``, ``actors.csv``, ``tests.csv`` and the figure into ``out_dir``, atomically."""
        out_dir = Path(out_dir)
        paths = [io.write_table(self.mentions, out_dir / "mentions.csv"),
                 io.write_table(self.actors, out_dir / "actors.csv"),
                 io.write_table(self.tests, out_dir / "tests.csv")]
        if figure:
            from framing import plots
            from framing.plots.actors import actor_portrayal

            stratum = self.actors.columns[0]
            for name, rows in self.actors.groupby(stratum, sort=True):
                suffix = "" if self.actors[stratum].nunique() == 1 else f"_{_slug(str(name))}"
                paths += plots.save_figure(actor_portrayal(rows, by=self.by), out_dir, name=FIGURE + suffix,
                                           provenance=plots.Provenance(seed=self.seed), formats=("png", "svg"))
        return paths


def actors(corpus, *, actors=None, by: str = "outlet", within: str | None = None, seed: int = 0,
           n_boot: int = 2000, workers: int = 1, engine="local", scheduler: str | None = None,
           lexicons: str | Path | None = None, use_encoder: bool = True, chunk_size: int = 50) -> Portrayals:
    """Find and score every mention of ``actors`` in ``corpus``; summarise per group and actor.

    Parameters
    ----------
    corpus : a :class:`framing.corpus.Corpus`, or a DataFrame with the corpus columns.
    actors : an actors file (path), a mapping of actor name to aliases, a tuple of :class:`Actor`, or None to
        follow the names found automatically (:mod:`framing.portrayal.automatic`).
    by, within : the column naming the groups (``outlet``) and, optionally, the strata (``story``).
    seed, n_boot : seed and resamples of the bootstrap intervals and tests.
    workers, engine, scheduler : as for :func:`framing.features`; every engine gives the same tables.
    lexicons : a folder of lexicons replacing the shipped polarity and modifier lists.
    use_encoder : score English mentions with the encoder model when it is installed (else the lexicon model).
    chunk_size : records per chunk of work.

    Returns
    -------
    Portrayals
        Every actor of an actors file appears for every group, with ``n_mentions`` 0 where not mentioned.
    """
    from framing.features import _engine
    from framing.features.engine import chunked

    records = corpus.articles if hasattr(corpus, "articles") else corpus
    for column in ("id", "outlet", "language", "text", by, *([within] if within else [])):
        if column not in records.columns:
            raise InputError(f"the corpus has no column {column!r}")
    catalogue = _catalogue(actors)
    settings = Settings(actors=catalogue, lexicon_root=str(Path(lexicons).resolve()) if lexicons else None,
                        use_encoder=use_encoder)
    columns: dict[str, list] = {name: [] for name in MENTION_COLUMNS}
    with _engine(engine, workers=workers, scheduler=scheduler) as running:
        for chunk in running.map(mention_chunk, chunked(records.to_dict(orient="records"), chunk_size), settings):
            for name, values in chunk.items():
                columns[name].extend(values)
    mentions = pd.DataFrame(columns).astype({"sentence_index": "int64", "is_headline": "int64",
                                             "mention_index": "int64", "start": "int64", "end": "int64",
                                             "score": "float64", "p_negative": "float64",
                                             "p_neutral": "float64", "p_positive": "float64"})
    if by not in mentions.columns:
        mentions[by] = mentions["id"].map(records.set_index("id")[by])
    names = [actor.name for actor in catalogue] if catalogue is not None else []
    summary, tests = summarise(mentions, records, actors=names, by=by, within=within, seed=seed, n_boot=n_boot)
    return Portrayals(mentions=mentions, actors=summary, tests=tests, by=by, seed=seed)


def _catalogue(actors) -> tuple[Actor, ...] | None:
    if actors is None:
        return None
    if isinstance(actors, str | Path):
        return load_actors(actors)
    if isinstance(actors, dict):
        return parse_actors(actors)
    return tuple(actors)


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in name) or "unknown"

