"""The `framing` command line: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from framing import __version__
from framing.errors import FramingError

app = typer.Typer(
    name="framing",
    no_args_is_help=True,
    add_completion=False,
    help="Media-bias and framing analysis: loaded wording, sentiment and frame emphasis across outlets.",
)
lexicons_app = typer.Typer(no_args_is_help=True, help="Inspect and validate lexicon folders.")
app.add_typer(lexicons_app, name="lexicons")

# No markup: paths, headlines and messages are data and print as written ("[draft] notes.md", "framing[encoder]");
# the few styled labels are built as Text (see ``_labelled``).
console = Console(markup=False)
err_console = Console(stderr=True)


def _labelled(label: str, style: str, message: object) -> None:
    """Print ``label: message`` on stderr, the label styled, the message exactly as written."""
    err_console.print(Text.assemble((f"{label}:", style), " ", str(message)), highlight=False, soft_wrap=True)



def _read_corpus(path: Path | None, *, follow_links: bool = False, strict: bool = False, empty_ok: bool = False,
                 **options):
    """Load the corpus at ``path``, print what was skipped and noted, and stop when nothing is left."""
    import framing

    corpus = framing.load_corpus(path, follow_links=follow_links, **options)
    _report(corpus.problems, corpus.notes, unknown_outlets=corpus.unknown_outlets)
    if strict:
        corpus.raise_for_problems()
    if not empty_ok:
        corpus.raise_if_empty()
    return corpus


def _report(problems, notes, *, unknown_outlets: int = 0) -> None:
    """Print one line per skipped input and per note, and once how to name outlets that none named."""
    from framing.corpus.records import unknown_outlet_note

    for problem in problems:
        _labelled("skipped", "yellow", problem)
    for note in notes:
        _labelled("note", "dim", note)
    if unknown_outlets:
        _labelled("note", "dim", unknown_outlet_note(unknown_outlets))


def _argument_text(text: str, name: str) -> str:
    """Return a command-line text argument as text: bytes that were not UTF-8 are decoded as a corpus file's.

    Python keeps such bytes as lone surrogates, which no UTF-8 terminal can print.
    """
    if text.isprintable() or not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    from framing.corpus.encoding import DecodeError, decode

    raw = text.encode("utf-8", "surrogateescape")
    try:
        decoded = decode(raw)
    except DecodeError:
        decoded = None
    fixed = decoded.text if decoded is not None else raw.decode("utf-8", "replace")
    how = f"decoded as {decoded.label}" if decoded is not None else "bytes that are not text replaced by \ufffd"
    _labelled("note", "dim", f"{name} is not UTF-8: {how}")
    return fixed


def _note_encoding(path: Path) -> None:
    """Say when a CSV is not UTF-8 (and is decoded like a corpus file); errors are the reader's to report."""
    from framing.detection.evaluate import read_table

    try:
        _, encoding = read_table(path)
    except FramingError:
        return
    if encoding:
        _labelled("note", "dim", f"{path}: decoded as {encoding} (not UTF-8)")


CorpusPath = Annotated[
    Optional[Path],
    typer.Argument(help="A corpus file or folder. Default: the embedded seed corpus.", show_default=False),
]
StatsSeed = Annotated[int, typer.Option("--seed", min=0, help="Seed of every bootstrap, permutation and Monte Carlo draw.")]
NBoot = Annotated[int, typer.Option("--n-boot", min=1, help="Resamples for intervals and resampling tests.")]
FollowLinks = Annotated[bool, typer.Option("--follow-links", help="Follow symbolic links that lead out of the corpus folder (links inside it are always followed).")]
Strict = Annotated[bool, typer.Option("--strict", help="Fail, writing nothing, when any file or manifest row is skipped.")]
Workers = Annotated[int, typer.Option("--workers", min=1, help="Worker processes; the results are the same for any number.")]
Codebooks = Annotated[Optional[list[str]], typer.Option("--codebook", metavar="NAME|DIR", help="Frame codebook: story, generic, policy, or a folder; repeat for several. Default: the one the corpus's paper.yaml names (the seed's: story), else generic.")]
TargetCol = Annotated[Optional[str], typer.Option("--target-col", help="Column naming a target in each text: score the sentiment towards it.")]
TargetStart = Annotated[Optional[str], typer.Option("--target-start-col", help="Column of the target's first character offset in the text.")]
TargetEnd = Annotated[Optional[str], typer.Option("--target-end-col", help="Column of the offset just past the target.")]
Encoder = Annotated[Optional[str], typer.Option("--encoder", help="Add a pretrained sentence encoder's features to the model: minilm (needs framing[encoder]).")]


def user_errors(command):
    """Turn a :class:`FramingError` into a one-line message on stderr and the error's exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FramingError as error:
            _labelled("error", "bold red", error)
            raise typer.Exit(error.exit_code) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Media-bias and framing analysis."""


@app.command("features")
@user_errors
def features_command(
    path: CorpusPath = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for sentences/articles (.csv, .parquet) and codebook.md.")] = Path("features"),
    lexicons: Annotated[Optional[Path], typer.Option("--lexicons", help="Folder of lexicons that replace the shipped ones.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes (local, or a LocalCluster's with --engine dask).")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local: processes on this machine; dask: dask.distributed.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786). Default: a LocalCluster.")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Sentence cache folder. Default: $FRAMING_CACHE_DIR or ~/.cache/framing.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Compute every sentence; neither read nor write the cache.")] = False,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, help="Records per chunk of work (and Parquet row group).")] = 200,
    strict: Strict = False,
    follow_links: FollowLinks = False,
    codebook: Codebooks = None,
) -> None:
    """Compute loaded wording, sentiment, frames and sourcing per sentence and article."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from framing.corpus import iter_corpus
    from framing.features import write_features
    from framing.features.cache import default_cache_dir
    from framing.features.engine import make_engine
    from framing.features.outputs import output_names

    from framing.codebooks import load_codebooks

    load_codebooks(codebook)  # a bad codebook fails before anything is read or written
    stream = iter_corpus(path, chunk_size=chunk_size, follow_links=follow_links)
    cache = None if no_cache else (cache_dir or default_cache_dir())
    try:
        with make_engine(engine, workers=workers, scheduler=scheduler) as running, \
                Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                         console=err_console, transient=True) as bar:
            task = bar.add_task("reading the corpus")
            summary = write_features(stream, out, lexicons=lexicons, engine=running, cache=cache, strict=strict,
                                     codebooks=codebook,
                                     progress=lambda done: bar.update(task, description=f"{done.articles:,} "
                                                                      f"articles, {done.sentences:,} sentences"))
    finally:
        _report(stream.problems, stream.notes, unknown_outlets=stream.unknown_outlets)
    summary.skipped = len(stream.problems)
    for name in output_names():
        console.print(f"wrote {out / name}", highlight=False)
    console.print(str(summary), highlight=False, soft_wrap=True)


@app.command("headlines")
@user_errors
def headlines_command(
    path: CorpusPath = None,
    threshold: Annotated[float, typer.Option(help="Minimum TF-IDF cosine similarity for a pair.", min=0.0, max=1.0)] = 0.35,
    out: Annotated[Optional[Path], typer.Option("--out", help="Write the pairs to a .csv, .jsonl or .parquet file.")] = None,
    window_days: Annotated[float, typer.Option("--window-days", min=0.0,
                                               help="Headlines without a shared story key pair only if published this close.")] = 7.0,
    follow_links: FollowLinks = False,
) -> None:
    """Pair headlines of the same story across outlets and show what the more loaded one adds."""
    import framing
    from framing.features.headlines import align_headlines
    from framing.io import refuse_overwriting_inputs, write_table
    from framing.report.terminal import print_headline_pairs

    corpus = _read_corpus(path, follow_links=follow_links)
    if out is not None:
        refuse_overwriting_inputs(out, corpus.sources)  # before the work, as well as when writing
    tables = framing.feature_tables(corpus)
    pairs = align_headlines(tables.sentences, threshold=threshold, articles=tables.articles, window_days=window_days)
    print_headline_pairs(console, pairs)
    if out is not None:
        write_table(pairs, out, inputs=corpus.sources)
        console.print(f"wrote {out}", highlight=False)


@lexicons_app.command("check")
@user_errors
def lexicons_check_command(
    directory: Annotated[
        Optional[Path],
        typer.Argument(help="A lexicon folder (<family>/<lang>.yaml). Default: the shipped lexicons.", show_default=False),
    ] = None,
) -> None:
    """Validate a lexicon folder, or a codebook folder (<lang>.yaml): one line per problem and exit 1, or a
    short summary and exit 0."""
    from framing.lexicons import FAMILIES, available_languages, check, load_lexicon

    problems = check(directory)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise typer.Exit(1)
    counts = [
        len(load_lexicon(family, lang, root=directory))
        for family in FAMILIES
        for lang in available_languages(family, root=directory)
    ]
    books = _codebook_sizes(directory)
    cues = f"; {len(books)} codebooks ({', '.join(f'{n}: {k} cues' for n, k in books)})" if books else ""
    console.print(f"{len(counts)} lexicon files, {sum(counts)} entries{cues}: no problems", highlight=False)


def _codebook_sizes(directory: Optional[Path]) -> list[tuple[str, int]]:
    """``(name, cues in all languages)`` of the codebooks in a lexicon folder, or of a codebook folder."""
    from importlib import resources

    from framing.codebooks import load_codebook
    from framing.lexicons import CODEBOOKS

    root = resources.files("framing.lexicons_data") if directory is None else directory
    if directory is not None and any(item.suffix == ".yaml" for item in directory.iterdir()):
        folders = [directory]
    else:
        folders = sorted((item for item in (root / CODEBOOKS).iterdir() if item.is_dir()), key=lambda i: i.name) \
            if (root / CODEBOOKS).is_dir() else []
    return [(book.name, sum(len(book.cues(lang)) for lang in book.languages))
            for book in (load_codebook(Path(str(folder))) for folder in folders)]


@app.command("corpus")
@user_errors
def corpus_command(
    path: CorpusPath = None,
    manifest: Annotated[
        Optional[Path],
        typer.Option("--manifest", help="Manifest file (CSV or YAML). Default: manifest.csv or corpus.yaml in PATH."),
    ] = None,
    out: Annotated[
        Optional[Path], typer.Option("--out", help="Write the records to a .csv, .jsonl or .parquet file.")
    ] = None,
    show_dropped: Annotated[
        Optional[str],
        typer.Option("--show-dropped", metavar="ID", help="List the lines cleaning removed from record ID, and why."),
    ] = None,
    strict: Strict = False,
    column_map: Annotated[
        Optional[list[str]],
        typer.Option("--column-map", metavar="FIELD=COLUMN,...", help="Columns of CSV/JSON files: text=body,title=headline."),
    ] = None,
    follow_links: FollowLinks = False,
) -> None:
    """Read a corpus (file or folder) into clean records and list them."""
    from framing.corpus.display import (dropped_table, parse_column_map, records_table, resolve_record_id, summary,
                                        syndicated_table)
    from framing.io import TABLE_SUFFIXES, write_table
    from framing.errors import OutputError

    if out is not None and out.suffix.lower() not in TABLE_SUFFIXES:
        raise OutputError(f"unsupported table format {out.suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}", path=out)
    corpus = _read_corpus(path, manifest=manifest, column_map=parse_column_map(column_map or []), strict=strict,
                          follow_links=follow_links, empty_ok=out is None)
    if show_dropped is not None:
        console.print(dropped_table(corpus, resolve_record_id(corpus, show_dropped)))
        return
    console.print(records_table(corpus))
    if len(corpus.syndicated):
        console.print(syndicated_table(corpus))
    console.print(summary(corpus), highlight=False, soft_wrap=True)
    if out is not None:
        write_table(corpus.articles, out, inputs=corpus.sources)
        console.print(f"wrote {len(corpus.articles)} records to {out}", highlight=False)


@app.command("compare")
@user_errors
def compare_command(
    path: CorpusPath = None,
    by: Annotated[str, typer.Option("--by", help="Sentence-table column whose groups are compared.")] = "outlet",
    within: Annotated[Optional[str], typer.Option("--within", help="Pool outlet effects over the values of this column (story), each held fixed.")] = None,
    per_story: Annotated[bool, typer.Option("--per-story", help="With --within, also compare the outlets inside each story on its own.")] = False,
    groups: Annotated[Optional[Path], typer.Option("--groups", metavar="FILE", help="CSV of outlet,group: also compare groups of outlets, outlets as clusters.")] = None,
    over: Annotated[Optional[str], typer.Option("--over", help="date: follow each outlet (or group) over time; writes trends.csv.")] = None,
    freq: Annotated[str, typer.Option("--freq", help="Period of --over date: week, month, quarter or year.")] = "month",
    out: Annotated[Path, typer.Option("--out", help="Folder for groups, tests, frames and terms (.csv and .json), and stories, outlet_groups, trends when asked for.")] = Path("comparison"),
    seed: StatsSeed = 0,
    n_boot: NBoot = 2000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes for the features (local, or a LocalCluster's with --engine dask); the results are the same.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local: processes on this machine; dask: dask.distributed.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786). Default: a LocalCluster.")] = None,
    follow_links: FollowLinks = False,
    codebook: Codebooks = None,
) -> None:
    """Compare outlets: bootstrap intervals, rank, story-blocked and permutation tests, frames, words, trends."""
    from rich.table import Table

    import framing
    from framing.errors import InputError
    from framing.io import refuse_overwriting_inputs
    from framing.stats.clusters import read_groups
    from framing.stats.compare import output_paths
    from framing.stats.trends import check_frequency

    from framing.codebooks import load_codebooks

    load_codebooks(codebook)  # a bad codebook fails before anything is read or written
    if over is not None and over != "date":
        raise InputError(f"unknown --over {over!r}: trends are over 'date' (the articles' published dates)")
    check_frequency(freq)
    if per_story and within is None:
        raise InputError("--per-story needs --within (the column naming the stories)")
    mapping = read_groups(groups) if groups is not None else None
    corpus = _read_corpus(path, follow_links=follow_links)
    sources = [*corpus.sources, *([groups] if groups else [])]
    for target in output_paths(out):
        refuse_overwriting_inputs(target, sources)  # before the work, as well as when writing
    tables = framing.feature_tables(corpus, workers=workers, engine=engine, scheduler=scheduler, codebooks=codebook)
    result = framing.compare(tables, by=by, within=within, per_story=per_story, groups=mapping, over=over,
                             freq=freq, seed=seed, n_boot=n_boot)
    for written in result.write(out, inputs=sources):
        console.print(f"wrote {written}", highlight=False)
    for note in result.notes:
        _labelled("note", "yellow", note)
    cautions = result.cautions()
    if len(cautions):
        table = Table("table", "caution", "rows", title="Cautions: where the data cannot support a claim")
        for row in cautions.itertuples():
            table.add_row(row.table, row.caution, f"{row.rows} of {row.of}")
        console.print(table)


@app.command("actors")
@user_errors
def actors_command(
    path: CorpusPath = None,
    actors: Annotated[Optional[Path], typer.Option("--actors", help="YAML file: actor name -> list of aliases in any language. Default: actors.yaml beside the corpus (the seed corpus has one), else names found automatically.")] = None,
    by: Annotated[str, typer.Option("--by", help="Corpus column whose groups are compared.")] = "outlet",
    within: Annotated[Optional[str], typer.Option("--within", help="Summarise and test groups only inside each value of this column (story).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for mentions.csv, actors.csv, tests.csv and the figure.")] = Path("actors"),
    lexicons: Annotated[Optional[Path], typer.Option("--lexicons", help="Folder of lexicons that replace the shipped ones.")] = None,
    no_encoder: Annotated[bool, typer.Option("--no-encoder", help="Score English mentions with the lexicon model even where the encoder is installed.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes (local, or a LocalCluster's with --engine dask).")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local: processes on this machine; dask: dask.distributed.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786). Default: a LocalCluster.")] = None,
    seed: StatsSeed = 0,
    n_boot: NBoot = 2000,
) -> None:
    """How each outlet portrays each actor: mentions, sentiment towards each, intervals and tests."""
    import framing
    from framing.portrayal import load_actors
    from framing.features.engine import make_engine
    from framing.io import refuse_overwriting_inputs

    corpus = framing.load_corpus(path)
    if actors is None:
        from framing.portrayal.beside import find_actors_file

        # An actors.yaml beside the corpus (the seed corpus ships with one) says whom to follow.
        actors = find_actors_file(corpus.sources)
    catalogue = load_actors(actors) if actors is not None else None
    refuse_overwriting_inputs(out, [*corpus.sources, *([actors] if actors is not None else [])])
    with make_engine(engine, workers=workers, scheduler=scheduler) as running, err_console.status("reading mentions"):
        result = framing.actors(corpus, actors=catalogue, by=by, within=within, seed=seed, n_boot=n_boot,
                                engine=running, lexicons=lexicons, use_encoder=not no_encoder)
    for problem in corpus.problems:
        _labelled("skipped", "yellow", problem)
    for written in result.write(out):
        console.print(f"wrote {written}", highlight=False)
    mentioned = result.actors[result.actors["n_mentions"] > 0]
    console.print(f"{len(result.mentions):,} mentions of {mentioned['actor'].nunique():,} actors in "
                  f"{result.mentions['id'].nunique():,} articles; methods: "
                  f"{', '.join(f'{m} {n:,}' for m, n in result.mentions['method'].replace('', 'none').value_counts().sort_index().items()) or 'none'}",
                  highlight=False, soft_wrap=True)


@app.command("explain")
@user_errors
def explain_command(
    text: Annotated[str, typer.Argument(help="A headline or sentence to explain.", show_default=False)],
    compare: Annotated[Optional[str], typer.Option("--compare", help="Another version of the text to diff against.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="ISO 639-1 language code. Default: detected.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
    codebook: Codebooks = None,
    actors: Annotated[Optional[Path], typer.Option("--actors", help="YAML file: actor name -> list of aliases. Default: the seed corpus's actors.yaml for a text from the seed corpus, else names found automatically.")] = None,
    encoder: Annotated[bool, typer.Option("--encoder", help="Score English actors with the encoder model (reads the words around each mention; loads torch, slower to start). Default: the lexicon model.")] = False,
) -> None:
    """Highlight the loaded words and headline tricks of a headline and explain each, and how it portrays each actor; with --compare, diff two versions."""
    from framing._lean import defer_package_inits

    defer_package_inits()
    from framing.report.explain import explain, explanation_view, to_json

    text = _argument_text(text, "TEXT")
    compare = None if compare is None else _argument_text(compare, "--compare")
    data = explain(text, lang=lang, compare=compare, codebooks=codebook, actors=actors, encoder=encoder)
    if as_json:
        typer.echo(to_json(data))
    else:
        console.print(explanation_view(data), highlight=False)


@app.command("worksheet")
@user_errors
def worksheet_command(
    path: CorpusPath = None,
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("worksheet.html"),
    headlines: Annotated[Optional[Path], typer.Option("--headlines", help="A teacher's headlines: one per line, or a CSV with outlet and headline columns.")] = None,
    answers: Annotated[bool, typer.Option("--answers", help="The teacher's edition, with the answer key open and printed.")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Chooses and orders the headlines; the same seed gives the same page.")] = 0,
    count: Annotated[Optional[int], typer.Option("--count", min=1, help="How many headlines. Default: 8 from a corpus, all of a teacher's file.")] = None,
    follow_links: FollowLinks = False,
    codebook: Codebooks = None,
) -> None:
    """Write a self-contained HTML worksheet on loaded words and framing for a class."""
    from framing._lean import defer_package_inits

    defer_package_inits()
    from framing.errors import InputError
    from framing.io import refuse_overwriting_inputs, write_text
    from framing.report.worksheet import DEFAULT_COUNT, build_worksheet, corpus_headlines, read_headlines

    from framing.codebooks import default_codebooks, load_codebooks

    load_codebooks(codebook)
    if headlines is not None and path is not None:
        raise InputError("give a corpus PATH or --headlines FILE, not both")
    if headlines is not None:
        sources = [headlines]
        refuse_overwriting_inputs(out, sources)
        found = read_headlines(headlines)
    else:
        corpus = _read_corpus(path, follow_links=follow_links)
        sources = corpus.sources
        refuse_overwriting_inputs(out, sources)
        found = corpus_headlines(corpus)
        count = DEFAULT_COUNT if count is None else count
        codebook = codebook or [str(spec) for spec in default_codebooks(sources)]  # the corpus's own frames
    write_text(out, build_worksheet(found, count=count, seed=seed, answers=answers, codebooks=codebook),
               inputs=sources)
    console.print(f"wrote {out} (seed {seed})", highlight=False)


@app.command("score")
@user_errors
def score_command(
    path: Annotated[Path, typer.Argument(help="A CSV file with one sentence or headline per row.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="Scored output (.csv or .jsonl): the input columns plus the measures.")],
    text_col: Annotated[str, typer.Option("--text-col", help="Column that holds the text.")] = "text",
    model: Annotated[Optional[Path], typer.Option("--model", help="A model from `framing train`; its probability becomes loaded_score.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts (ISO 639-1).")] = "en",
    chunk_rows: Annotated[int, typer.Option("--chunk-rows", min=1, help="Rows read, scored and written at a time.")] = 2000,
    workers: Workers = 1,
    headlines: Annotated[bool, typer.Option("--headlines", help="Each row is a headline: add headline_cue_score and headline_cues (headline tricks).")] = False,
    codebook: Codebooks = None,
    target_col: TargetCol = None,
    target_start_col: TargetStart = None,
    target_end_col: TargetEnd = None,
) -> None:
    """Score every row of a CSV: loaded_score, the highlighted loaded_terms, and the other sentence measures.

    With --target-col: the sentiment towards each row's target instead (target_sentiment and probabilities).
    """
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from framing.detection.score import score_csv

    if target_col is not None:
        from framing.portrayal.targets_csv import score_targets_csv

        with err_console.status("scoring targets"):
            n_rows = score_targets_csv(path, out, text_col=text_col, target_col=target_col, start_col=target_start_col,
                                       end_col=target_end_col, lang=lang)
        console.print(f"scored {n_rows} targets; wrote {out}", highlight=False)
        return

    with Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                  console=err_console, transient=True) as bar:
        task = bar.add_task(f"scoring {path.name}", total=None)
        n_rows = score_csv(path, out, text_col=text_col, lang=lang, model=model, chunk_rows=chunk_rows, workers=workers,
                           headlines=headlines,
                           codebooks=codebook,
                           progress=lambda done, total: bar.update(task, completed=done, total=total),
                           note=lambda line: _labelled("note", "dim", line))
    console.print(f"scored {n_rows} rows; wrote {out}", highlight=False)


@app.command("evaluate")
@user_errors
def evaluate_command(
    path: Annotated[Path, typer.Argument(help="A CSV file of labelled sentences.", show_default=False)],
    label_col: Annotated[str, typer.Option("--label-col", help="Column of 0/1 labels (1 = loaded).")] = "label",
    text_col: Annotated[str, typer.Option("--text-col", help="Column that holds the text.")] = "text",
    words_col: Annotated[Optional[str], typer.Option("--words-col", help="Column of gold loaded words, a JSON list per row.")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", help="Evaluate a model from `framing train` instead of the unsupervised score.")] = None,
    cv: Annotated[Optional[int], typer.Option("--cv", min=2, help="Cross-validate training on this file with this many folds.")] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the cross-validation folds and of training.")] = 0,
    encoder: Encoder = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts (ISO 639-1).")] = "en",
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    frame_cols: Annotated[Optional[str], typer.Option("--frame-cols", metavar="A,B,C", help="Evaluate frame scores against these 0/1 columns instead of loaded language.")] = None,
    codebook: Annotated[Optional[str], typer.Option("--codebook", metavar="NAME|DIR", help="With --frame-cols: the codebook whose scores (or cue features, with --cv) are used. Default: generic.")] = None,
    target_col: TargetCol = None,
    target_start_col: TargetStart = None,
    target_end_col: TargetEnd = None,
) -> None:
    """Measure loaded-language detection against labelled sentences (and gold words), frame scores
    against labelled frames (--frame-cols), or the sentiment towards targets (--target-col) against
    --label-col (negative/neutral/positive)."""
    import json

    if target_col is not None:
        from framing.portrayal.targets_csv import evaluate_targets

        with err_console.status("scoring targets"):
            result = evaluate_targets(path, text_col=text_col, target_col=target_col, label_col=label_col,
                                      start_col=target_start_col, end_col=target_end_col, lang=lang)
        if as_json:
            typer.echo(json.dumps(result, indent=2))
            return
        console.print(f"{result['n']} targets ({', '.join(result['methods'])}): macro-F1 {result['macro_f1']:.3f}, "
                      f"accuracy {result['accuracy']:.3f}", highlight=False)
        for label, row in result["classes"].items():
            console.print(f"  {label:<9} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
                          f"F1 {row['f1']:.3f}  n {row['n']}", highlight=False)
        return

    from framing.detection.evaluate import cross_validate, evaluate
    from framing.detection.display import metrics_table

    if cv is not None and model is not None:
        raise typer.BadParameter("use either --cv or --model, not both")
    if encoder is not None and cv is None:
        raise typer.BadParameter("--encoder applies to --cv (a trained --model records its own encoder)")
    if frame_cols is not None:
        from framing.detection import frames

        keys = [key.strip() for key in frame_cols.split(",") if key.strip()]
        options = {"text_col": text_col, "frame_cols": keys, "lang": lang,
                   "codebook": codebook or frames.DEFAULT_CODEBOOK}
        with err_console.status("scoring"):
            result = (frames.cross_validate_frames(path, **options, cv=cv, seed=seed, encoder=encoder)
                      if cv is not None else frames.evaluate_frames(path, **options, model=model))
        if as_json:
            typer.echo(json.dumps(result, indent=2))
        else:
            console.print(_frame_metrics_table(result))
        return
    columns = {"text_col": text_col, "label_col": label_col, "words_col": words_col, "lang": lang}
    _note_encoding(path)
    with err_console.status("scoring"):
        result = (cross_validate(path, **columns, cv=cv, seed=seed, encoder=encoder) if cv is not None
                  else evaluate(path, **columns, model=model))
    if as_json:
        typer.echo(json.dumps(result, indent=2))
    else:
        console.print(metrics_table(result))


def _frame_metrics_table(result: dict):
    from rich.table import Table

    table = Table("frame", "n", "positive", "AUC", "AP", "precision", "recall", "F1", title=result["method"])
    cell = lambda value: "n/a" if value is None else f"{value:.3f}"  # noqa: E731
    for key, m in result["frames"].items():
        table.add_row(key, str(m["n"]), str(m["n_positive"]), cell(m["auc"]), cell(m["average_precision"]),
                      cell(m["precision"]), cell(m["recall"]), cell(m["f1"]))
    macro = result["macro"]
    table.add_row("macro", "", "", cell(macro["auc"]), cell(macro["average_precision"]), "", "", cell(macro["f1"]))
    return table


@app.command("train")
@user_errors
def train_command(
    path: Annotated[Path, typer.Argument(help="A CSV file of labelled sentences.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="Where to write the model (a skops file).")],
    label_col: Annotated[str, typer.Option("--label-col", help="Column of 0/1 labels (1 = loaded).")] = "label",
    text_col: Annotated[str, typer.Option("--text-col", help="Column that holds the text.")] = "text",
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the calibration folds and of the --encoder word network.")] = 0,
    encoder: Encoder = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts (ISO 639-1).")] = "en",
    frame_cols: Annotated[Optional[str], typer.Option("--frame-cols", metavar="A,B,C", help="Learn one frame presence model per 0/1 column instead of loaded language.")] = None,
    codebook: Annotated[Optional[str], typer.Option("--codebook", metavar="NAME|DIR", help="With --frame-cols: the codebook whose cues are features. Default: generic.")] = None,
) -> None:
    """Train a calibrated loaded-language model on your own labelled sentences, or frame models (--frame-cols)."""
    from framing.detection.evaluate import read_labelled
    from framing.detection.model import LoadedModel
    from framing.io import refuse_overwriting_inputs

    refuse_overwriting_inputs(out, [path])  # before training, as well as when writing
    if frame_cols is not None:
        from framing.detection import frames

        keys = [key.strip() for key in frame_cols.split(",") if key.strip()]
        texts, labels = frames.read_frame_labels(path, text_col=text_col, frame_cols=keys)
        with err_console.status(f"training {len(keys)} frame models on {len(texts)} texts"):
            model = frames.FrameModel(lang=lang, codebook=codebook or frames.DEFAULT_CODEBOOK, seed=seed,
                                      encoder=encoder).fit(texts, labels)
        model.save(out, inputs=[path])
        console.print(f"trained {len(keys)} frame models on {len(texts)} texts; wrote {out}", highlight=False)
        return
    data = read_labelled(path, text_col=text_col, label_col=label_col)
    if data.attrs.get("encoding"):
        _labelled("note", "dim", f"{path}: decoded as {data.attrs['encoding']} (not UTF-8)")
    with err_console.status(f"training on {len(data)} sentences"):
        model = LoadedModel(lang=lang, seed=seed, encoder=encoder).fit(data["text"].tolist(), data["label"])
    model.save(out, inputs=[path])
    console.print(f"trained on {len(data)} sentences; threshold {model.threshold_:.3f}; wrote {out}", highlight=False)


@app.command("figures")
@user_errors
def figures_command(
    path: CorpusPath = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the figure files.")] = Path("figures"),
    formats: Annotated[Optional[list[str]], typer.Option("--format", help="png, pdf or svg; repeat for several. Default: all three.")] = None,
    seed: StatsSeed = 0,
    n_boot: NBoot = 2000,
    workers: Workers = 1,
    follow_links: FollowLinks = False,
    codebook: Codebooks = None,
) -> None:
    """Draw the six figures, each with the toolkit and lexicon versions and the seed in its metadata."""
    from framing.io import refuse_overwriting_inputs
    from framing.plots import FORMATS
    from framing.report.figures import write_figures
    from framing.report.results import analyse

    from framing.codebooks import load_codebooks

    load_codebooks(codebook)  # a bad codebook fails before anything is read or written
    corpus = _read_corpus(path, follow_links=follow_links)
    refuse_overwriting_inputs(out / "x", corpus.sources, folder=True)  # before the work, as well as when writing
    results = analyse(corpus, seed=seed, n_boot=n_boot, workers=workers, codebooks=codebook)
    for written in write_figures(results, out, formats=tuple(formats or FORMATS), inputs=corpus.sources):
        console.print(f"wrote {written}", highlight=False)


@app.command("paper")
@user_errors
def paper_command(
    path: CorpusPath = None,
    out: Annotated[Path, typer.Option("--out", help="Folder that receives figures/ and paper/.")] = Path("."),
    check: Annotated[bool, typer.Option("--check", help="Rebuild in a temporary folder; fail, naming the files, if any differs from OUT's.")] = False,
    seed: StatsSeed = 0,
    n_boot: NBoot = 2000,
    workers: Workers = 1,
    follow_links: FollowLinks = False,
    codebook: Codebooks = None,
    actors: Annotated[Optional[Path], typer.Option("--actors", help="YAML file: actor name -> list of aliases, for the section on actors. Default: actors.yaml beside the corpus, else names found automatically.")] = None,
) -> None:
    """Rebuild the paper (figures, tables, numbers, HTML and PDF) from raw articles, or --check it."""
    from framing.report.paper import build_paper, check_paper

    from framing.codebooks import load_codebooks
    from framing.portrayal import load_actors

    load_codebooks(codebook)  # a bad codebook fails before anything is read or written
    if actors is not None:
        load_actors(actors)  # so does a bad actors file
    corpus = _read_corpus(path, follow_links=follow_links)
    if check:
        differ = check_paper(corpus, out_dir=out, seed=seed, n_boot=n_boot, workers=workers, codebooks=codebook,
                             actors=actors)
        for name in differ:
            err_console.print(f"differs: {out / name}", highlight=False)
        if differ:
            err_console.print(f"{len(differ)} generated files differ; rebuild with `framing paper`", highlight=False)
            raise typer.Exit(1)
        console.print("paper is up to date", highlight=False)
        return
    written = build_paper(corpus, out_dir=out, seed=seed, n_boot=n_boot, workers=workers, codebooks=codebook,
                          actors=actors)
    console.print(f"wrote {len(written)} files; the paper is {out / 'paper' / 'paper.pdf'}", highlight=False)
