"""The paper: figures, tables, numbers, HTML and PDF, rebuilt from a corpus with one call.

Nothing in the paper is typed by hand: the template (``templates/paper.html.j2``) reads every number
from :func:`paper_numbers` and every table from :func:`paper_tables`, and shows the figures that
:mod:`framing.report.figures` draws. The PDF is laid out by WeasyPrint from the same HTML.
"""

from __future__ import annotations

import filecmp
import json
import math
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from framing import io
from framing.errors import InputError
from framing.plots import FORMATS
from framing.report.config import PaperConfig, find_config, load_config
from framing.report.figures import FIGURE_PATTERNS, write_figures
from framing.report.results import N_BOOT, Results, analyse

#: Committed inputs that the paper reports when present, by key: `framing evaluate ... --json` output.
EVALUATIONS = {"unsupervised": "evaluation.json", "cross_validated": "evaluation-cv.json",
               "cross_validated_encoder": "evaluation-cv-encoder.json"}
#: Measures of the outlet table, with the labels the paper gives them; the codebooks' contrast indices
#: join them before the quote share (:func:`outlet_measures`).
OUTLET_MEASURES = {
    "loaded_score": "Loaded score",
    "sent_tone": "Tone",
    "sent_vader_compound": "VADER",
    "src_quote_share": "Quote share",
}
DIGITS = 6
#: Rows a table of the paper lists before it summarises (the CSV files keep every row).
MAX_LISTED = 30


def build_paper(
    corpus, *, out_dir: str | Path = ".", inputs: str | Path | None = None, seed: int = 0, n_boot: int = N_BOOT,
    workers: int = 1, config: PaperConfig | str | Path | None = None, codebooks=None,
    actors: str | Path | None = None,
) -> list[Path]:
    """Rebuild the figures, tables, numbers, HTML and PDF of the paper for ``corpus`` under ``out_dir``.

    Parameters
    ----------
    corpus : a :class:`framing.corpus.Corpus`
    out_dir : folder that receives ``figures/`` and ``paper/`` (``paper/tables/*.csv``,
        ``paper/numbers.json``, ``paper/paper.html``, ``paper/paper.pdf``).
    inputs : folder of committed inputs (evaluation JSON); default ``out_dir/paper/inputs``.
    seed, n_boot : seed and resamples of every random draw.
    workers : local processes for feature extraction; the outputs are the same for any number.
    config : a :class:`~framing.report.config.PaperConfig` or its ``paper.yaml``; default the
        ``paper.yaml`` beside the corpus (:func:`~framing.report.config.find_config`), else neutral text.
    codebooks : frame codebooks, names or folders; default those the corpus's ``paper.yaml`` names (the
        seed's: ``story``), else ``generic`` (:func:`framing.codebooks.default_codebooks`).
    actors : the actors file of the section on actors; default the ``actors.yaml`` beside the corpus
        (:func:`~framing.portrayal.beside.find_actors_file`), else names found automatically.

    Returns
    -------
    list of Path
        Every file written, in the order written.
    """
    out_dir = Path(out_dir)
    inputs = Path(inputs) if inputs is not None else out_dir / "paper" / "inputs"
    sources = [*getattr(corpus, "sources", ()), inputs]
    for folder in ("figures", "paper"):
        io.refuse_overwriting_inputs(out_dir / folder / "x", sources, folder=True)
    evaluations = read_evaluations(inputs)
    config = paper_config(corpus, config)
    results = analyse(corpus, seed=seed, n_boot=n_boot, workers=workers, codebooks=codebooks)
    results = _with_actors(results, corpus, actors=actors, workers=workers)
    # Every file is staged and the set appears at once: a failure (a full disk) leaves the previous paper.
    with io.output_set(out_dir, inputs=sources) as staging:
        paths = write_figures(results, staging / "figures")
        figures = list(dict.fromkeys(path.stem for path in paths))  # in the order the paper shows them
        paper_dir = staging / "paper"
        tables = paper_tables(results)
        for name, frame in tables.items():
            paths.append(io.write_table(_rounded(frame), paper_dir / "tables" / f"{name}.csv"))
        numbers = paper_numbers(results, evaluations=evaluations, config=config)
        text = json.dumps(numbers, ensure_ascii=False, indent=1, sort_keys=True)
        paths.append(io.write_text(paper_dir / "numbers.json", text + "\n"))
        html = render_html(numbers, tables, figures=figures)
        paths.append(io.write_text(paper_dir / "paper.html", html))
        paths.append(io.write_bytes(paper_dir / "paper.pdf", html_to_pdf(html, base_url=paper_dir)))
        paths = [out_dir / path.relative_to(staging) for path in paths]
    return paths


def _with_actors(results: Results, corpus, *, actors: str | Path | None, workers: int) -> Results:
    """``results`` with the portrayals of the actors (the file given, else the one beside the corpus)."""
    from framing.portrayal.beside import find_actors_file
    from framing.report.actors import with_portrayals

    actors = actors if actors is not None else find_actors_file(getattr(corpus, "sources", ()))
    return with_portrayals(results, actors=actors, workers=workers)


def check_paper(
    corpus, *, out_dir: str | Path = ".", inputs: str | Path | None = None, seed: int = 0, n_boot: int = N_BOOT,
    workers: int = 1, config: PaperConfig | str | Path | None = None, codebooks=None,
    actors: str | Path | None = None,
) -> list[str]:
    """Rebuild the paper in a temporary folder; return the generated files that differ from ``out_dir``'s.

    A file counts as differing when its bytes differ, when it is missing from ``out_dir``, or when
    ``out_dir`` has a generated-looking file (a figure, a table) that the build no longer makes.
    """
    out_dir = Path(out_dir)
    inputs = Path(inputs) if inputs is not None else out_dir / "paper" / "inputs"
    with tempfile.TemporaryDirectory(prefix="framing-paper-") as tmp:
        built = {path.relative_to(tmp).as_posix()
                 for path in build_paper(corpus, out_dir=tmp, inputs=inputs, seed=seed, n_boot=n_boot,
                                         workers=workers, config=config, codebooks=codebooks, actors=actors)}
        present = {path.relative_to(out_dir).as_posix() for path in generated_files(out_dir)}
        differ = [name for name in sorted(built & present)
                  if not filecmp.cmp(Path(tmp) / name, out_dir / name, shallow=False)]
    return sorted(set(differ) | (built ^ present))


def paper_config(corpus, config: PaperConfig | str | Path | None = None) -> PaperConfig | None:
    """Return ``config`` (read if it is a path), else the ``paper.yaml`` beside ``corpus``, else None."""
    if isinstance(config, PaperConfig):
        return config
    if config is not None:
        return load_config(config)
    found = find_config(getattr(corpus, "sources", []))
    return load_config(found) if found is not None else None


def generated_files(out_dir: str | Path) -> list[Path]:
    """Return the files under ``out_dir`` that a paper build writes (or once wrote), sorted."""
    out_dir = Path(out_dir)
    patterns = [f"figures/{name}.{fmt}" for name in FIGURE_PATTERNS for fmt in FORMATS]
    patterns += ["paper/tables/*.csv", "paper/numbers.json", "paper/paper.html", "paper/paper.pdf"]
    return sorted({path for pattern in patterns for path in out_dir.glob(pattern) if path.is_file()})


def read_evaluations(inputs: str | Path) -> dict[str, dict]:
    """Return the evaluation results found in ``inputs`` (see :data:`EVALUATIONS`), by key."""
    found = {}
    for key, name in EVALUATIONS.items():
        path = Path(inputs) / name
        if not path.is_file():
            continue
        try:
            found[key] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise InputError(f"not JSON from `framing evaluate --json`: {error.msg} (line {error.lineno})",
                             path=path) from None
        if "sentence" not in found[key]:
            raise InputError("no `sentence` metrics: expected the output of `framing evaluate --json`", path=path)
    return found


def outlet_measures(contrasts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The measures of the outlet table (Table 3) with their labels: :data:`OUTLET_MEASURES` and, before
    the quote share, the ``(column, label)`` of every contrast index of the codebooks."""
    *first, last = OUTLET_MEASURES.items()
    return dict([*first, *contrasts, last])


def paper_tables(results: Results) -> dict[str, pd.DataFrame]:
    """Return the tables the paper shows (and writes as CSV), by file name."""
    from framing.report.actors import actor_tables
    from framing.report.numbers import within_story_tests

    records = results.records
    corpus = records[["id", "outlet", "kind", "language", "story", "published", "n_sentences", "n_words",
                      "title"]].copy()
    groups = results.by_outlet.groups
    contrasts = [(book.column(contrast.key), contrast.label) for book, contrast in results.contrasts]
    outlet = groups[groups["feature"].isin(outlet_measures(contrasts))][
        ["outlet", "feature", "n_articles", "n_sentences", "mean", "ci_low", "ci_high", "unit", "caution"]]
    frames = results.by_outlet.frames.copy()
    frames.insert(frames.columns.get_loc("frame") + 1, "label", frames["frame"].map(results.frame_labels))
    words = results.words
    frames.insert(frames.columns.get_loc("count") + 1, "per_1k",
                  [1000 * c / words[o] if words.get(o) else np.nan for o, c in zip(frames["outlet"], frames["count"])])
    terms = results.by_outlet.terms[["outlet", "language", "rank", "term", "count", "count_rest", "log_odds", "z",
                                     "caution"]]
    return {
        "corpus": corpus.reset_index(drop=True),
        "outlet_measures": outlet.reset_index(drop=True),
        "tests_within_story": within_story_tests(results),
        "tests_pooled": _pooled_tests(results),
        "frames": frames.drop(columns=["story"]).reset_index(drop=True),
        "distinctive_terms": terms.reset_index(drop=True),
        "headline_pairs": results.pairs.reset_index(drop=True),
        "lexicons": lexicon_table(),
        **({"trends": results.trends.trends.reset_index(drop=True),
            "tests_trend": _scoped(results.trends.tests, "trend")}
           if results.trends is not None else {}),
        **actor_tables(results),
    }


def _pooled_tests(results: Results) -> pd.DataFrame:
    """The story-blocked tests of every measure (scope ``pooled``), without the constant columns."""
    return _scoped(results.by_story.tests, "pooled")


def _scoped(tests: pd.DataFrame, scope: str) -> pd.DataFrame:
    """The rows of ``tests`` of one ``scope``, without the columns that are constant there."""
    return tests[tests["scope"] == scope].drop(columns=["story", "scope"]).reset_index(drop=True)


def lexicon_table() -> pd.DataFrame:
    """Return one row per shipped word list: family, language, entries, version, title, source, license."""
    from framing.lexicons import FAMILIES, available_languages, load_lexicon

    rows = []
    for family in FAMILIES:
        for lang in available_languages(family):
            lexicon = load_lexicon(family, lang)
            header = lexicon.header
            rows.append({"family": family, "language": lang, "entries": len(lexicon), "version": lexicon.version,
                         "title": str(header["title"]), "source": _first_clause(str(header["source"])),
                         "license": _first_clause(str(header["license"]))})
    return pd.DataFrame(rows, columns=["family", "language", "entries", "version", "title", "source", "license"])


def _first_clause(text: str) -> str:
    """Return ``text`` up to its first colon or sentence end (not an initial): a provenance note's short form."""
    end = re.search(r":\s|(?<![A-Z])\.\s|, because ", text)
    return text[:end.start() if end else len(text)].strip().rstrip(".:")


def paper_numbers(results: Results, *, evaluations: Mapping[str, dict] | None = None,
                  config: PaperConfig | None = None) -> dict:
    """Return every number (and configured sentence) the paper's text cites, as JSON-ready values (NaN as None)."""
    from framing.report.actors import actor_numbers
    from framing.report.numbers import (
        build_numbers,
        contrast_numbers,
        corpus_numbers,
        frame_numbers,
        frame_score_numbers,
        headline_numbers,
        paper_text,
        pooled_numbers,
        term_numbers,
        test_numbers,
        tone_numbers,
        trend_numbers,
    )

    numbers = {
        "build": build_numbers(results),
        "corpus": corpus_numbers(results),
        "headlines": headline_numbers(results),
        "tone": tone_numbers(results),
        "frames": frame_numbers(results),
        "contrasts": contrast_numbers(results),
        "frame_scores": frame_score_numbers(results),
        "terms": term_numbers(results),
        "tests": test_numbers(results),
        "pooled": pooled_numbers(results),
        "trends": trend_numbers(results),
        "evaluation": dict(evaluations or {}),
        "actors": actor_numbers(results),
    }
    numbers["paper"] = paper_text(config, numbers["corpus"], trends=numbers["trends"]["supported"])
    return _plain(numbers)


def _plain(value):
    """Return ``value`` with NaN as None, numpy scalars as Python ones and floats to :data:`DIGITS` places."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, DIGITS)
    return value


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """Round the float columns of ``frame`` so that CSVs do not carry platform-dependent last digits."""
    floats = frame.select_dtypes("float").columns
    return frame.assign(**{column: frame[column].round(DIGITS) for column in floats})


def render_html(numbers: dict, tables: Mapping[str, pd.DataFrame], *, figures: list[str]) -> str:
    """Return the paper as one HTML page; figures are linked from ``../figures/<name>.svg``."""
    template = environment().get_template("paper.html.j2")
    numbered = {name: k for k, name in enumerate(figures, start=1)}
    return template.render(n=numbers, tables=display_tables(tables, numbers), fig=numbered)


def environment():
    """Return the Jinja environment of the paper: autoescaped, strict, with the number formats as filters."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("framing.report", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters.update(num=fmt_number, pval=fmt_p, ci=fmt_interval, count=fmt_count, andlist=and_list,
                       words=fmt_words)
    return env


def fmt_number(value, digits: int = 2, *, signed: bool = False) -> str:
    """``0.1234`` -> ``0.12``; a true minus sign; ``n/a`` for a missing value; no sign on what rounds to 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if round(value, digits) == 0:  # -0.001 is "0.00", not "−0.00" or "+0.00"
        return f"{0:.{digits}f}"
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return text.replace("-", "\u2212")


def fmt_p(value) -> str:
    """A p-value as it follows "p": ``= 0.034``, ``< 0.001``, or ``n/a``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return "< 0.001" if value < 0.001 else f"= {value:.3f}"


def fmt_interval(row: Mapping, digits: int = 2) -> str:
    """``[low, high]`` of a row with ``ci_low`` and ``ci_high``; empty when there is no interval."""
    if row.get("ci_low") is None or row.get("ci_high") is None:
        return ""
    return f"[{fmt_number(row['ci_low'], digits)}, {fmt_number(row['ci_high'], digits)}]"


#: Numbers a sentence spells out.
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")


def fmt_words(value) -> str:
    """``6`` -> ``six`` up to twelve; larger numbers as digits, with thousands separators."""
    return NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else fmt_count(value)


def fmt_count(value) -> str:
    """An integer with thousands separators."""
    return f"{int(value):,}"


def and_list(items) -> str:
    """``["a", "b", "c"]`` -> ``a, b and c``."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def display_tables(tables: Mapping[str, pd.DataFrame], numbers: dict) -> dict:
    """Return the rows of the paper's tables as formatted text, from the generated tables."""
    corpus = tables["corpus"]
    shown = {h["outlet"] for h in numbers["headlines"]["shown"]}
    listed = corpus[(corpus["kind"] == "article") | (corpus["story"] != "") | corpus["outlet"].isin(shown)]
    measures: dict[str, dict] = {}
    for row in tables["outlet_measures"].itertuples(index=False):
        cell = {"mean": fmt_number(row.mean), "ci": fmt_interval(row._asdict())}
        measures.setdefault(row.outlet, {"outlet": row.outlet, "n": 0})[row.feature] = cell
        measures[row.outlet]["n"] = max(measures[row.outlet]["n"], int(row.n_sentences))
    tests = tables["tests_within_story"]
    tests = tests[tests["table_4"] == 1]
    return {
        "corpus": [{**row, "published": str(row["published"])[:10]} for row in listed.to_dict(orient="records")]
        if len(listed) <= MAX_LISTED else [],
        "corpus_by_outlet": outlet_summary(listed) if len(listed) > MAX_LISTED else [],
        "outlet_measures": list(measures.values()),
        "measure_columns": [{"feature": feature, "label": label} for feature, label in outlet_measures(
            (c["column"], c["label"]) for c in numbers["frames"]["contrasts"]).items()],
        "tests": [{"story": r.story, "measure": OUTLET_MEASURES[r.feature], "pair": f"{r.group_a} – {r.group_b}",
                   "n": f"{r.n_a} / {r.n_b}", "estimate": fmt_number(r.estimate), "ci": fmt_interval(r._asdict()),
                   "p": fmt_p(r.p_holm_table_4)} for r in tests.itertuples(index=False)],
        "pooled": pooled_rows(tables["tests_pooled"]),
        "lexicons": lexicon_summary(tables["lexicons"]),
    }


def outlet_summary(records: pd.DataFrame) -> list[dict]:
    """Per outlet: languages, records, stories and the first and last date, for a corpus too long to list."""
    rows = []
    for outlet, group in records.groupby("outlet", sort=True):
        dates = sorted(d for d in group["published"].astype(str).str.slice(0, 10) if d)
        rows.append({"outlet": outlet, "languages": ", ".join(sorted(group["language"].unique())),
                     "n_records": len(group), "n_stories": int(group.loc[group["story"] != "", "story"].nunique()),
                     "first": dates[0] if dates else "–", "last": dates[-1] if dates else "–",
                     "n_sentences": int(group["n_sentences"].sum()), "n_words": int(group["n_words"].sum())})
    return rows


def pooled_rows(pooled: pd.DataFrame) -> list[dict]:
    """The story-blocked pairs of Table 4's measures, smallest adjusted p first, at most :data:`MAX_LISTED`."""
    from framing.report.numbers import TABLE_4

    pairs = pooled[pooled["feature"].isin(TABLE_4) & (pooled["test"] == "sign-flip")]
    pairs = pairs.sort_values(["p_holm", "feature", "group_a", "group_b"], kind="stable").head(MAX_LISTED)
    return [{"measure": OUTLET_MEASURES[r.feature], "pair": f"{r.group_a} – {r.group_b}", "n": int(r.n_stories),
             "estimate": fmt_number(r.estimate), "ci": fmt_interval(r._asdict()), "p": fmt_p(r.p_holm),
             "caution": r.caution if isinstance(r.caution, str) else ""} for r in pairs.itertuples(index=False)]


def lexicon_summary(lexicons: pd.DataFrame) -> dict:
    """Return the word lists per family: entries per language, and the sources (one per language if they differ)."""
    languages = sorted(lexicons["language"].unique())
    rows = []
    for family, group in lexicons.groupby("family", sort=False):
        sources = dict(zip(group["language"], group["source"]))
        same = len(set(sources.values())) == 1
        rows.append({"family": family, "entries": dict(zip(group["language"], group["entries"])),
                     "source": next(iter(sources.values())) if same
                     else "; ".join(f"{lang}: {text}" for lang, text in sources.items())})
    return {"languages": languages, "rows": rows}


def html_to_pdf(html: str, *, base_url: str | Path) -> bytes:
    """Return ``html`` laid out as PDF by WeasyPrint; relative links resolve against ``base_url``.

    The PDF carries no dates (the HTML declares none), so the same HTML gives the same bytes.
    """
    import logging

    import weasyprint

    # WeasyPrint logs every CSS property it ignores; the paper's stylesheet is for print and screen both.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html, base_url=str(Path(base_url).resolve()) + "/").write_pdf()
