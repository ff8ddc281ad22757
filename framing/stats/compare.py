"""`compare`: every comparison of groups (outlets) in one call, as four tidy tables."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd

from framing import io
from framing.errors import InputError
from framing.stats._common import frame_contrasts, in_order, join_cautions, measures, rng_for
from framing.stats.bootstrap import group_summaries
from framing.stats.contingency import frame_table
from framing.stats.logodds import distinctive_terms
from framing.stats.permutation import permutation_tests
from framing.stats.ranktests import rank_tests

TABLES = ("groups", "tests", "frames", "terms")
ALL = "all"
REQUIRED = ("article_id", "sentence_index", "language", "text")


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The tables of a comparison; each has ``n`` columns and a ``caution`` column ("" when none).

    Attributes
    ----------
    groups : pandas.DataFrame
        Per stratum, group and measure: articles, sentences, mean and 95% bootstrap interval.
    tests : pandas.DataFrame
        Kruskal–Wallis, pairwise Mann–Whitney U with Cliff's delta, permutation tests.
    frames : pandas.DataFrame
        Group × frame counts with the independence test, Cramér's V and adjusted residuals.
    terms : pandas.DataFrame
        Distinctive words per group and language by log-odds with an informative Dirichlet prior.
    """

    groups: pd.DataFrame
    tests: pd.DataFrame
    frames: pd.DataFrame
    terms: pd.DataFrame

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write ``<table>.csv`` and ``<table>.json`` (records) for each table into ``out_dir``, atomically."""
        paths = output_paths(out_dir)
        for name, csv_path, json_path in zip(TABLES, paths[::2], paths[1::2]):
            io.write_table(getattr(self, name), csv_path)
            io.write_text(json_path, _json_records(getattr(self, name)))
        return paths

    def cautions(self) -> pd.DataFrame:
        """Return how many rows of each table carry each caution: columns ``table, caution, rows, of``."""
        rows = []
        for name in TABLES:
            frame = getattr(self, name)
            notes = frame["caution"].str.split("; ").explode()
            for note, count in notes[notes.fillna("") != ""].value_counts(sort=False).sort_index().items():
                rows.append({"table": name, "caution": note, "rows": int(count), "of": len(frame)})
        return pd.DataFrame(rows, columns=["table", "caution", "rows", "of"])


def output_paths(out_dir: str | Path) -> list[Path]:
    """Return the files :meth:`Comparison.write` writes into ``out_dir``, CSV then JSON for each table."""
    return [Path(out_dir) / f"{name}.{suffix}" for name in TABLES for suffix in ("csv", "json")]


def compare(tables, *, by: str = "outlet", within: str | None = None, seed: int = 0, n_boot: int = 2000) -> Comparison:
    """Compare groups of articles (outlets) on every measure of ``tables``.

    Parameters
    ----------
    tables : FeatureTables
        Output of :func:`framing.features`; only its ``sentences`` table is read.
    by : str
        Sentence-table column naming the groups compared.
    within : str or None
        Column naming strata (``"story"``): groups are compared inside each stratum only, so an outlet
        is not credited with framing that belongs to the event. None compares across the whole corpus.
    seed : int
        Seed of every bootstrap, permutation and Monte Carlo draw; the same seed gives identical tables.
    n_boot : int
        Resamples for bootstrap intervals, permutation and Monte Carlo tests.

    Returns
    -------
    Comparison
        Four tables, each with a ``story`` column (named after ``within``; ``"all"`` when None).
    """
    sentences, column = _checked(tables, by=by, within=within, seed=seed, n_boot=n_boot)
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    strata = [(ALL, sentences)] if within is None else sentences.groupby(within, sort=True)
    for stratum, rows in strata:
        found = _compare_stratum(rows, by=by, seed=seed, n_boot=n_boot, stratum=str(stratum))
        unknown = f"unknown {within}: rows grouped only because the {within} is missing" if stratum == "" else ""
        for name, frame in found.items():
            cautions = [join_cautions(unknown, note) for note in frame["caution"]]
            parts[name].append(frame.assign(**{column: str(stratum), "caution": cautions}))
    return Comparison(**{
        name: _first(_stack(frames), column) for name, frames in parts.items()
    })


def _compare_stratum(rows: pd.DataFrame, *, by: str, seed: int, n_boot: int, stratum: str) -> dict:
    """The four tables for one stratum."""
    features = measures(rows)
    tests = [rank_tests(rows, by=by, feature=f, seed=seed, n_boot=n_boot, stratum=stratum) for f in features]
    tests += [permutation_tests(rows, by=by, seed=seed, n_boot=n_boot, feature=contrast, stratum=stratum)
              for contrast in frame_contrasts(rows)]
    return {
        "groups": group_summaries(rows, by=by, features=features, seed=seed, n_boot=n_boot, stratum=stratum),
        "tests": _stack(tests),
        "frames": frame_table(rows, by=by, rng=rng_for(seed, "frames", stratum), n_resamples=n_boot),
        "terms": distinctive_terms(rows, by=by),
    }


def _checked(tables, *, by: str, within: str | None, seed: int, n_boot: int) -> tuple[pd.DataFrame, str]:
    """Validate the arguments; return the sentence table (groups as text, sorted) and the stratum column."""
    sentences = getattr(tables, "sentences", None)
    if not isinstance(sentences, pd.DataFrame):
        raise InputError("compare needs feature tables with a `sentences` DataFrame (see framing.features)")
    for column in (*REQUIRED, by, *([within] if within else [])):
        if column not in sentences.columns:
            raise InputError(f"the sentence table has no column {column!r}")
    if by == within:
        raise InputError(f"cannot compare {by!r} groups within {within!r} strata: choose two columns")
    if n_boot < 1 or seed < 0:
        raise InputError(f"n_boot must be at least 1 and seed at least 0 (got n_boot={n_boot}, seed={seed})")
    if sentences.empty:
        raise InputError("no sentences to compare")
    sentences = in_order(sentences)
    sentences[by] = sentences[by].fillna("").astype(str)
    column = within or "story"
    return sentences, "stratum" if column == by else column


def _first(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Move ``column`` to the front of ``frame``."""
    return frame[[column, *(c for c in frame.columns if c != column)]]


def _json_records(frame: pd.DataFrame) -> str:
    """Return ``frame`` as a JSON array of records: floats at full precision, missing values as null."""
    records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    return json.dumps(records, ensure_ascii=False, indent=1, default=lambda value: value.item()) + "\n"


def _stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate ``frames``, skipping empty ones (whose all-NA columns would blur the dtypes)."""
    full = [frame for frame in frames if len(frame)]
    return pd.concat(full, ignore_index=True) if full else frames[0]
