"""`compare`: every comparison of groups (outlets) in one call, as four tidy tables."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from framing import io
from framing.errors import InputError
from framing.stats._common import frame_contrasts, in_order, join_cautions, measures, rng_for
from framing.stats.blocked import BLOCKED_COLUMNS, adjusted_summaries, paired_rows
from framing.stats.bootstrap import group_summaries
from framing.stats.clusters import assign_groups, group_comparison
from framing.stats.contingency import frame_table
from framing.stats.logodds import distinctive_terms
from framing.stats.permutation import permutation_tests
from framing.stats.ranktests import TEST_COLUMNS, rank_tests
from framing.stats.trends import check_frequency, periods, trends

TABLES = ("groups", "tests", "frames", "terms")
#: Tables written only when asked for: stories (with ``within``), outlet groups, trends.
EXTRA_TABLES = ("stories", "outlet_groups", "trends")
ALL = "all"
REQUIRED = ("article_id", "sentence_index", "language", "text")
#: What a row's numbers cover: the corpus as one stratum, stories pooled with each held fixed, one story,
#: groups of outlets, or change over time.
SCOPES = ("corpus", "pooled", "story", "groups", "trend")
STORY_COLUMNS = ["n_groups", "groups", "n_articles", "used", "caution"]


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The tables of a comparison; each has ``n`` columns and a ``caution`` column ("" when none).

    Attributes
    ----------
    groups : pandas.DataFrame
        Per scope, stratum, group and measure: articles, sentences, mean and 95% bootstrap interval; with
        ``within``, the pooled rows add the story-adjusted mean and its interval over stories.
    tests : pandas.DataFrame
        Kruskal–Wallis, pairwise Mann–Whitney U with Cliff's delta, permutation tests; with ``within``
        the story-blocked tests (Friedman or block permutation, sign-flip tests of paired differences);
        with outlet groups, permutation tests of whole outlets; over time, Spearman trend tests.
    frames : pandas.DataFrame
        Group × frame counts with the independence test, Cramér's V and adjusted residuals.
    terms : pandas.DataFrame
        Distinctive words per group and language by log-odds with an informative Dirichlet prior.
    stories : pandas.DataFrame or None
        With ``within``: per stratum, the groups covering it and whether the paired tests use it.
    outlet_groups : pandas.DataFrame or None
        With outlet groups: per group and measure, the mean with a cluster-bootstrap interval.
    trends : pandas.DataFrame or None
        Over time: per group, period and measure, the mean with its interval.
    notes : tuple of str
        What was left out and why (stories with one group, outlets in no group, undated articles).
    """

    groups: pd.DataFrame
    tests: pd.DataFrame
    frames: pd.DataFrame
    terms: pd.DataFrame
    stories: pd.DataFrame | None = None
    outlet_groups: pd.DataFrame | None = None
    trends: pd.DataFrame | None = None
    notes: tuple[str, ...] = ()

    @property
    def table_names(self) -> list[str]:
        """The tables this comparison has, in the order they are written."""
        return [*TABLES, *(name for name in EXTRA_TABLES if getattr(self, name) is not None)]

    def write(self, out_dir: str | Path, *, inputs: Iterable[str | Path] = ()) -> list[Path]:
        """Write ``<table>.csv`` and ``<table>.json`` (records) for each table into ``out_dir``, as one set.

        No file is written over one of ``inputs`` (the corpus's ``sources``) or into an input folder.
        """
        out_dir = Path(out_dir)
        for path in output_paths(out_dir, names=self.table_names):
            io.refuse_overwriting_inputs(path, inputs)
        with io.output_set(out_dir, inputs=inputs) as staging:
            paths = output_paths(staging, names=self.table_names)
            for name, csv_path, json_path in zip(self.table_names, paths[::2], paths[1::2]):
                io.write_table(getattr(self, name), csv_path)
                io.write_text(json_path, _json_records(getattr(self, name)))
        return output_paths(out_dir, names=self.table_names)

    def cautions(self) -> pd.DataFrame:
        """Return how many rows of each table carry each caution: columns ``table, caution, rows, of``."""
        rows = []
        for name in self.table_names:
            frame = getattr(self, name)
            notes = frame["caution"].str.split("; ").explode()
            for note, count in notes[notes.fillna("") != ""].value_counts(sort=False).sort_index().items():
                rows.append({"table": name, "caution": note, "rows": int(count), "of": len(frame)})
        return pd.DataFrame(rows, columns=["table", "caution", "rows", "of"])


def output_paths(out_dir: str | Path, *, names: tuple[str, ...] | list[str] = TABLES + EXTRA_TABLES) -> list[Path]:
    """Return the files :meth:`Comparison.write` writes into ``out_dir`` for ``names``, CSV then JSON for each."""
    return [Path(out_dir) / f"{name}.{suffix}" for name in names for suffix in ("csv", "json")]


def compare(tables, *, by: str = "outlet", within: str | None = None, per_story: bool = False,
            groups: Mapping[str, str] | None = None, over: str | None = None, freq: str = "month",
            seed: int = 0, n_boot: int = 2000) -> Comparison:
    """Compare groups of articles (outlets) on every measure of ``tables``.

    Parameters
    ----------
    tables : FeatureTables
        Output of :func:`framing.feature_tables`: its ``sentences`` table, and its ``articles`` table's
        ``published`` column when ``over`` is given.
    by : str
        Sentence-table column naming the groups compared.
    within : str or None
        Column naming strata (``"story"``): outlet effects are pooled over the strata with each held
        fixed (story-blocked tests, story-adjusted means). None compares across the whole corpus.
    per_story : bool
        With ``within``, also compare the groups inside each stratum on its own (scope ``story``).
    groups : mapping of outlet to group, optional
        Also compare these groups of outlets, with outlets as clusters (``outlet_groups`` and tests
        of scope ``groups``); outlets missing from it form the group ``"ungrouped"``.
    over : ``"date"`` or None
        Also follow each group (each outlet group when ``groups`` is given) over time: ``trends`` and
        tests of scope ``trend``.
    freq : str
        Period of the trends: ``week``, ``month``, ``quarter`` or ``year``.
    seed : int
        Seed of every bootstrap, permutation and Monte Carlo draw; the same seed gives identical tables.
    n_boot : int
        Resamples for bootstrap intervals, permutation and Monte Carlo tests.

    Returns
    -------
    Comparison
        Tables with a ``story`` column (named after ``within``; ``"all"`` for rows that cover the
        corpus) and a ``scope`` column (one of :data:`SCOPES`).
    """
    sentences, column = _checked(tables, by=by, within=within, seed=seed, n_boot=n_boot)
    dates, notes = _dates(tables, over=over, freq=freq)
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    scope = "corpus" if within is None else "pooled"
    # With strata, the story-blocked tests replace the corpus's unpaired ones, which are not computed.
    whole = _compare_stratum(sentences, by=by, seed=seed, n_boot=n_boot, stratum=ALL, tests=within is None)
    for name, frame in whole.items():
        parts[name].append(frame.assign(**{column: ALL, "scope": "corpus" if name in ("frames", "terms") else scope}))
    stories = None
    if within is not None:
        blocked, stories, story_notes = _blocked(sentences, by=by, within=within, seed=seed, n_boot=n_boot)
        notes = [*story_notes, *notes]
        merged = parts["groups"][0].merge(blocked["adjusted"], on=[by, "feature"], how="left",
                                          suffixes=("", "_adjusted"))
        merged["caution"] = [join_cautions(a, b if isinstance(b, str) else "")
                             for a, b in zip(merged["caution"], merged.pop("caution_adjusted"))]
        parts["groups"][0] = merged[[*(c for c in merged.columns if c != "caution"), "caution"]]
        parts["tests"] = [blocked["tests"].assign(**{column: ALL, "scope": "pooled"})]
        stories = _first(stories.rename(columns={"stratum": column}), column)
    if within is not None and per_story:
        for stratum, rows in sentences.groupby(within, sort=True):
            found = _compare_stratum(rows, by=by, seed=seed, n_boot=n_boot, stratum=str(stratum))
            unknown = f"unknown {within}: rows grouped only because the {within} is missing" if stratum == "" else ""
            for name, frame in found.items():
                cautions = [join_cautions(unknown, note) for note in frame["caution"]]
                parts[name].append(frame.assign(**{column: str(stratum), "scope": "story", "caution": cautions}))
    outlet_groups = None
    if groups is not None:
        outlet_groups, group_tests, group_notes = group_comparison(
            sentences, mapping=groups, features=measures(sentences), seed=seed, n_boot=n_boot)
        notes += group_notes
        parts["tests"].append(group_tests.assign(**{column: ALL, "scope": "groups"}))
    trend_table = None
    if dates is not None:
        trend_table, trend_tests = _trends(sentences, dates, by=by, groups=groups, seed=seed, n_boot=n_boot)
        parts["tests"].append(trend_tests.assign(**{column: ALL, "scope": "trend"}))
    found = {name: _first(_first(_stack(frames), "scope"), column) for name, frames in parts.items()}
    found["tests"] = _test_columns(found["tests"])
    return Comparison(**found, stories=stories, outlet_groups=outlet_groups, trends=trend_table,
                      notes=tuple(notes))


def _compare_stratum(rows: pd.DataFrame, *, by: str, seed: int, n_boot: int, stratum: str,
                     tests: bool = True) -> dict:
    """The four tables for one stratum; ``tests`` False leaves the tests table empty."""
    features = measures(rows)
    found = []
    if tests:
        found = [rank_tests(rows, by=by, feature=f, seed=seed, n_boot=n_boot, stratum=stratum) for f in features]
        found += [permutation_tests(rows, by=by, seed=seed, n_boot=n_boot, feature=contrast, stratum=stratum)
                  for contrast in frame_contrasts(rows)]
    return {
        "groups": group_summaries(rows, by=by, features=features, seed=seed, n_boot=n_boot, stratum=stratum),
        "tests": _stack(found) if found else pd.DataFrame(columns=TEST_COLUMNS),
        "frames": frame_table(rows, by=by, rng=rng_for(seed, "frames", stratum), n_resamples=n_boot),
        "terms": distinctive_terms(rows, by=by),
    }


def _blocked(sentences: pd.DataFrame, *, by: str, within: str, seed: int,
             n_boot: int) -> tuple[dict, pd.DataFrame, list[str]]:
    """The story-blocked tests and adjusted means, the table of strata, and notes on what was left out."""
    known = sentences[sentences[within] != ""]
    table = known.groupby(within, sort=True).agg(n_groups=(by, "nunique"), n_articles=("article_id", "nunique"))
    table["groups"] = known.groupby(within, sort=True)[by].agg(lambda names: "; ".join(sorted(set(names))))
    table["used"] = np.where(table["n_groups"] >= 2, "yes", "no")
    table["caution"] = np.where(table["n_groups"] >= 2, "", f"one {by} only: left out of the paired tests")
    table = table.rename_axis("stratum").reset_index()
    notes = []
    single = int((table["used"] == "no").sum())
    if single:
        plural = "stories" if within == "story" else f"{within} values"
        notes.append(f"{single} of {len(table)} {plural} have one {by} only: left out of the paired tests")
    missing = sentences.loc[sentences[within] == "", "article_id"].nunique()
    if missing:
        notes.append(f"{missing} articles have no {within}: left out of the story-blocked tests")
        table = pd.concat([table, pd.DataFrame([{
            "stratum": "", "n_groups": sentences.loc[sentences[within] == "", by].nunique(), "n_articles": missing,
            "groups": "", "used": "no", "caution": f"unknown {within}: left out of the paired tests"}])],
            ignore_index=True)
    features = measures(known)
    tests = [paired_rows(known, by=by, within=within, feature=f, seed=seed, n_boot=n_boot) for f in features]
    adjusted = adjusted_summaries(known, by=by, within=within, features=features, seed=seed, n_boot=n_boot)
    return ({"tests": _stack(tests) if tests else pd.DataFrame(columns=BLOCKED_COLUMNS), "adjusted": adjusted},
            table[["stratum", *STORY_COLUMNS]], notes)


def _dates(tables, *, over: str | None, freq: str) -> tuple[pd.DataFrame | None, list[str]]:
    """The period of every article (indexed by ``article_id``) when ``over`` is given, and notes."""
    if over is None:
        return None, []
    if over != "date":
        raise InputError(f"unknown --over {over!r}: trends are over 'date' (the articles' published dates)")
    check_frequency(freq)
    articles = getattr(tables, "articles", None)
    if not isinstance(articles, pd.DataFrame) or "published" not in articles.columns:
        raise InputError("trends need the article table's `published` column")
    articles = articles.drop_duplicates("article_id").set_index("article_id")
    return periods(articles["published"], freq=freq)


def _trends(sentences: pd.DataFrame, dates: pd.DataFrame, *, by: str, groups: Mapping[str, str] | None,
            seed: int, n_boot: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Trends of each outlet, or of each group of outlets (resampling outlets) when groups are given."""
    features = measures(sentences)
    if groups is None:
        return trends(sentences, dates, by=by, features=features, seed=seed, n_boot=n_boot)
    grouped = sentences.assign(group=assign_groups(sentences["outlet"].astype(str), groups)[0])
    return trends(grouped, dates, by="group", features=features, seed=seed, n_boot=n_boot, cluster="outlet")


def _test_columns(tests: pd.DataFrame) -> pd.DataFrame:
    """Every test row with the same columns, ``n_stories`` empty where stories play no part."""
    front = [c for c in tests.columns if c not in BLOCKED_COLUMNS]
    return tests.reindex(columns=[*front, *BLOCKED_COLUMNS]).astype({"n_stories": "Int64", "n_a": "Int64",
                                                                     "n_b": "Int64"})


def _checked(tables, *, by: str, within: str | None, seed: int, n_boot: int) -> tuple[pd.DataFrame, str]:
    """Validate the arguments; return the sentence table (groups as text, sorted) and the stratum column."""
    sentences = getattr(tables, "sentences", None)
    if not isinstance(sentences, pd.DataFrame):
        raise InputError("compare needs feature tables with a `sentences` DataFrame (see framing.feature_tables)")
    for column in (*REQUIRED, by, *([within] if within else [])):
        if column not in sentences.columns:
            # The identifier columns are the ones worth grouping by; measures follow them.
            labels = [name for name in sentences.columns if not pd.api.types.is_numeric_dtype(sentences[name])
                      and name not in ("text", "loaded_terms")]
            raise InputError(f"the sentence table has no column {column!r}; groups can be: {', '.join(labels)}")
    if by == within:
        raise InputError(f"cannot compare {by!r} groups within {within!r} strata: choose two columns")
    if n_boot < 1 or seed < 0:
        raise InputError(f"n_boot must be at least 1 and seed at least 0 (got n_boot={n_boot}, seed={seed})")
    if sentences.empty:
        raise InputError("no sentences to compare")
    sentences = in_order(sentences)
    for name in (by, *([within] if within else [])):
        sentences[name] = sentences[name].fillna("").astype(str)
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
