"""Throughput of the English feature set against the straightforward implementation, on one synthetic corpus.

    python benchmarks/throughput.py [--articles N] [--workers N] [--seed N] [--stream-articles N] [--codebook NAME ...]

Prints one JSON object:

- ``articles_per_s``: ``framing.feature_tables`` (every sentence and article measure), one worker, no cache;
- ``baseline_articles_per_s``: what a user would write instead, with pandas ``apply`` per sentence:
  ``TextBlob(s).sentiment``, NLTK's VADER, and ``s.count(term)`` for every term of every lexicon;
- ``ratio``, and the same with a warm cache (``articles_per_s_warm_cache``, ``ratio_warm_cache``): a
  re-run on unchanged articles, where every sentence measure comes from the cache;
- ``workers`` and ``speedup`` (one worker's time over ``--workers`` workers' time), when ``--workers`` > 1;
- ``peak_rss_mb``: the peak resident memory of a fresh process that streams ``--stream-articles`` articles
  from a JSONL file to CSV and Parquet (``iter_corpus`` and ``write_features``, one worker).

Both sides segment the same articles into the same sentences; the benchmark fails unless they agree on
the measures they share (TextBlob polarity and subjectivity, VADER compound), exactly. The timed runs take
turns on slices of 100 articles, so that other work on the machine slows each of them alike.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
import synthetic

LEXICON_FAMILIES = ("loaded", "polarity", "sourcing")
SHARED = ("sent_tb_polarity", "sent_tb_subjectivity", "sent_vader_compound")
SLICE = 100  # articles per turn when the runs take turns


def nltk_vader():
    """NLTK's VADER exactly as shipped (``SentimentIntensityAnalyzer``), with the lexicon read from a file.

    ``SentimentIntensityAnalyzer()`` would read the lexicon from ``nltk_data`` after ``nltk.download``;
    this reads the same lexicon from the ``vaderSentiment`` package instead and changes nothing else.
    """
    from importlib import resources

    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    analyzer = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    analyzer.lexicon_file = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    analyzer.lexicon = analyzer.make_lex_dict()
    analyzer.constants = VaderConstants()
    return analyzer


def baseline(records: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The straightforward implementation: per-sentence apply of TextBlob, VADER and ``str.count``."""
    from textblob import TextBlob

    from framing.codebooks import load_codebook
    from framing.lexicons import load_lexicon
    from framing.text import sentences as split_sentences

    vader = nltk_vader()
    terms = {(family, category): [] for family in LEXICON_FAMILIES
             for category in sorted({e.category for e in load_lexicon(family, "en").entries})}
    for family in LEXICON_FAMILIES:
        for entry in load_lexicon(family, "en").entries:
            terms[(family, entry.category)].append(entry.term.lower())
    # The frames: the cues of the default codebook.
    for cue in load_codebook().cues("en"):
        terms.setdefault(("frames", cue.category), []).append(cue.term.lower())
    frame = records.assign(sentence=records.apply(
        lambda r: ([r["title"]] if r["title"].strip() else []) + split_sentences(r["text"], lang="en"), axis=1))
    frame = frame.explode("sentence").dropna(subset=["sentence"])[["id", "outlet", "sentence"]]
    tb = frame["sentence"].apply(lambda s: TextBlob(s).sentiment)
    frame["sent_tb_polarity"] = tb.apply(lambda s: s.polarity)
    frame["sent_tb_subjectivity"] = tb.apply(lambda s: s.subjectivity)
    frame["sent_vader_compound"] = frame["sentence"].apply(lambda s: vader.polarity_scores(s)["compound"])
    lower = frame["sentence"].str.lower()
    for (family, category), words in terms.items():
        frame[f"{family}_{category}_count"] = lower.apply(lambda s, words=words: sum(s.count(term) for term in words))
    articles = frame.drop(columns=["sentence", "outlet"]).groupby("id", sort=False).mean()
    return frame.reset_index(drop=True), articles


def interleaved(runs: dict, slices: list[pd.DataFrame]) -> tuple[dict[str, float], dict[str, list]]:
    """Time each run on each slice, taking turns (in rotating order), so that a change in the machine's
    load during the benchmark weighs on every run alike; return total seconds and outputs per run."""
    seconds = dict.fromkeys(runs, 0.0)
    outputs: dict[str, list] = {name: [] for name in runs}
    names = list(runs)
    for number, part in enumerate(slices):
        for name in names[number % len(names):] + names[:number % len(names)]:
            output, elapsed = timed(runs[name], part)
            seconds[name] += elapsed
            outputs[name].append(output)
    return seconds, outputs


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def check_shared(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    """Fail unless both sides have the same sentences and the same shared measures, to the last digit."""
    if len(ours) != len(theirs) or list(ours["text"]) != list(theirs["sentence"]):
        raise SystemExit("the two sides segmented the articles differently")
    for column in SHARED:
        if not (ours[column].to_numpy() == theirs[column].astype(float).to_numpy()).all():
            raise SystemExit(f"{column} differs between framing and the baseline")


def stream_peak_rss(path: str, out: str, queue) -> None:
    """Stream ``path`` to ``out`` in this (fresh) process and report its peak resident memory in MB."""
    from framing.corpus import iter_corpus
    from framing.features import write_features

    summary = write_features(iter_corpus(path), out)
    queue.put((summary.articles, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def measure_streaming(n_articles: int, seed: int, folder: Path) -> tuple[int, float]:
    """Write ``n_articles`` to JSONL and stream them in a fresh process; return (articles, peak MB)."""
    path = synthetic.write_jsonl(folder / "stream.jsonl", n_articles, seed=seed)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=stream_peak_rss, args=(str(path), str(folder / "stream-out"), queue))
    process.start()
    articles, peak = queue.get()
    process.join()
    return articles, peak


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the timed corpus")
    parser.add_argument("--workers", type=int, default=1, help="also time this many worker processes")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    parser.add_argument("--codebook", action="append", default=None,
                        help="codebook whose frames are measured (repeat for several); default: the default codebook")
    parser.add_argument("--stream-articles", type=int, default=None,
                        help="articles streamed for peak_rss_mb (default: --articles)")
    args = parser.parse_args(argv)

    import framing
    from framing.corpus import iter_corpus
    from framing.features.engine import LocalEngine

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        streamed, peak = measure_streaming(args.stream_articles or args.articles, args.seed, folder)
        path = synthetic.write_jsonl(folder / "corpus.jsonl", args.articles, seed=args.seed)
        records = pd.DataFrame([r for chunk in iter_corpus(path) for r in chunk])
        books = args.codebook
        framing.feature_tables(records.head(3), codebooks=books)  # load lexicons and models before timing
        baseline(records.head(3))
        slices = [records.iloc[start:start + SLICE] for start in range(0, len(records), SLICE)]
        # Each slice is cut into chunks the workers share; one worker reads the same chunks in turn.
        chunk_size = max(1, SLICE // (4 * args.workers))
        with LocalEngine(workers=args.workers) as pool:
            runs = {"ours": lambda part: framing.feature_tables(part, chunk_size=chunk_size, codebooks=books),
                    "baseline": baseline,
                    "workers": lambda part: framing.feature_tables(part, engine=pool, chunk_size=chunk_size,
                                                                   codebooks=books)}
            if args.workers == 1:
                del runs["workers"]
            seconds, outputs = interleaved(runs, slices)
        ours, theirs = outputs["ours"], outputs["baseline"]
        check_shared(pd.concat([t.sentences for t in ours]), pd.concat([b[0] for b in theirs]))
        framing.feature_tables(records, cache=folder / "cache", codebooks=books)
        warm, warm_seconds = timed(framing.feature_tables, records, cache=folder / "cache", codebooks=books)
        if warm.summary.hits != warm.summary.lookups:
            raise SystemExit("the warm run recomputed sentences")
        result = {
            "articles": len(records), "sentences": sum(len(t.sentences) for t in ours),
            "codebooks": ",".join(books) if books else "default",
            "articles_per_s": round(len(records) / seconds["ours"], 1),
            "baseline_articles_per_s": round(len(records) / seconds["baseline"], 1),
            "ratio": round(seconds["baseline"] / seconds["ours"], 2),
            "articles_per_s_warm_cache": round(len(records) / warm_seconds, 1),
            "ratio_warm_cache": round(seconds["baseline"] / warm_seconds, 2),
        }
        if args.workers > 1:
            for mine, parallel in zip(ours, outputs["workers"]):
                if not (mine.sentences.equals(parallel.sentences) and mine.articles.equals(parallel.articles)):
                    raise SystemExit("the workers' tables differ from one worker's")
            result |= {"workers": args.workers,
                       "articles_per_s_workers": round(len(records) / seconds["workers"], 1),
                       "speedup": round(seconds["ours"] / seconds["workers"], 2)}
        result |= {"streamed_articles": streamed, "peak_rss_mb": round(peak, 1)}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
