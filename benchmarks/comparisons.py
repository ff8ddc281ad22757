"""Run time of the comparison, figures and paper on a matched corpus of thirty outlets over three years.

    python benchmarks/comparisons.py [--n-boot 300] [--outlets 30] [--stories 45] [--profile DIR]

Writes the corpus of ``benchmarks/matched.py`` (865 articles, 9,486 sentences with the defaults) to a temporary
folder and prints one JSON object of seconds, each as ``cpu`` (this process's CPU time, which other work on a
shared machine barely changes) and ``wall``:

- ``features``: ``framing.feature_tables`` of the corpus, one worker;
- ``compare_within_story``: ``framing.compare(tables, by="outlet", within="story")``, as
  ``framing compare --by outlet --within story`` runs it after the features;
- ``compare_groups_over_date``: the same with ``groups`` (lean.csv) and ``over="date"``;
- ``figures``: ``framing figures`` (features, the report's comparisons, seven figures in three formats);
- ``paper``: ``framing paper`` (all of the above, the tables, numbers, HTML and PDF).

``--profile DIR`` also writes a cProfile file per stage. Measured with ``--n-boot 300`` on two CPU cores shared
with three other engineers' work (load 8 to 15, so wall times were 5 to 9 times the CPU times and are not
comparable), before (commit 1d9a1df) and after the changes of issue 18, in CPU seconds:

==============================  ==========  =========  =====
stage                           before      after      ratio
==============================  ==========  =========  =====
features (unchanged code)       16.1        12.9       --
compare_within_story            43.7        8.9        4.9
compare_groups_over_date        43.5        15.8       2.8
==============================  ==========  =========  =====

``framing paper /tmp/m18/news.jsonl --n-boot 300`` (``/usr/bin/time``): before, 226 s of CPU (33 minutes of
wall time on the shared machine; a cProfile of the same run: 46% in three comparisons, 29% of it pairwise
rank tests whose rows the story-blocked comparison then discarded, 28% drawing 21 figure files, 14% laying out
the PDF's SVG figures). See the issue 18 report for the "after" paper run, which also includes the actor
section that landed meanwhile.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import matched


def timed(name: str, action, *, profile: Path | None, seconds: dict):
    """Run ``action``, store its wall time under ``name`` in ``seconds`` (and its profile); return its result."""
    profiler = cProfile.Profile() if profile else None
    start, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    try:
        return action()
    finally:
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile / f"{name}.prof")
        seconds[name] = {"cpu": round(time.process_time() - cpu, 1), "wall": round(time.perf_counter() - start, 1)}
        print(f"{name}: {seconds[name]}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-boot", type=int, default=300)
    parser.add_argument("--outlets", type=int, default=30)
    parser.add_argument("--stories", type=int, default=45)
    parser.add_argument("--stages", default="features,compare,figures,paper")
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)

    import framing
    from framing.report.figures import write_figures
    from framing.report.paper import build_paper
    from framing.report.results import analyse
    from framing.stats.clusters import read_groups

    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        path, groups = matched.write_corpus(Path(tmp) / "corpus", outlets=args.outlets, n_stories=args.stories)
        corpus = framing.load_corpus(path)
        run = {"profile": args.profile, "seconds": seconds}
        if stages & {"features", "compare"}:
            tables = timed("features", lambda: framing.feature_tables(corpus), **run)
        if "compare" in stages:
            timed("compare_within_story", lambda: framing.compare(
                tables, by="outlet", within="story", n_boot=args.n_boot), **run)
            timed("compare_groups_over_date", lambda: framing.compare(
                tables, by="outlet", groups=read_groups(groups), over="date", n_boot=args.n_boot), **run)
        if "figures" in stages:
            timed("figures", lambda: write_figures(analyse(corpus, n_boot=args.n_boot), Path(tmp) / "figures"),
                  **run)
        if "paper" in stages:
            timed("paper", lambda: build_paper(corpus, out_dir=Path(tmp) / "out", n_boot=args.n_boot), **run)
        print(json.dumps({"articles": len(corpus.articles), "outlets": args.outlets, "stories": args.stories,
                          "n_boot": args.n_boot, "seconds": seconds}))


if __name__ == "__main__":
    main()
