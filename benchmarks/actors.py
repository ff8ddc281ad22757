"""Throughput and memory of actor portrayal: mentions scored per second, by the lexicon and encoder models.

    python benchmarks/actors.py [--articles N] [--workers W] [--memory-articles N N ...] [--seed N]

Prints one JSON object. ``speed``: for each method (``lexicon``, and ``encoder`` where ``framing[encoder]``
is installed), the ``mentions``, ``seconds`` and ``mentions_per_s`` of ``framing.actors`` with ``--workers``
processes over a synthetic corpus (``synthetic.py``) with an actors file naming its recurring actors, and
``ratio``: the encoder model's throughput over the lexicon model's, the price of reading the context.
``mentions_per_cpu_s`` divides by the CPU seconds of the process and its workers instead of the wall
clock, which a busy machine moves less (start-up and imports are in both).
``memory``: the peak resident memory of one worker process scoring with the encoder, for each corpus size
of ``--memory-articles``; it should not grow with the corpus. Each measurement runs in a fresh process,
so one does not warm or fill the other. Run it alone on the machine for figures to quote.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import synthetic

ACTORS = {"China": ["Beijing", "中国", "北京", "Kina"], "United States": ["US", "Washington", "美国", "USA"],
          "European Union": ["EU", "Brussels", "欧盟"], "Japan": ["Tokyo"], "India": ["New Delhi"]}


def measure(method: str, *, articles: int, workers: int, seed: int) -> dict:
    """Run ``framing.actors`` once in this process; return mentions, seconds and peak memory (MiB)."""
    import pandas as pd

    import framing

    records = pd.DataFrame(list(synthetic.articles(articles, seed=seed)))
    cpu_before = sum(getattr(resource.getrusage(k), f) for k in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                     for f in ("ru_utime", "ru_stime"))
    started = time.perf_counter()
    result = framing.actors(records, actors=ACTORS, use_encoder=method == "encoder", n_boot=200, workers=workers)
    seconds = time.perf_counter() - started
    methods = sorted(set(result.mentions["method"]))
    if methods != [method]:
        raise SystemExit(f"expected every mention scored by {method}, got {methods}")
    # ru_maxrss is in KiB on Linux. With workers, the largest worker process (the pool is shut down, so
    # its processes count as waited-for children); with one, this process.
    who = resource.RUSAGE_CHILDREN if workers > 1 else resource.RUSAGE_SELF
    # CPU seconds of this process and its workers since before the run: a figure a busy machine moves less.
    cpu = sum(getattr(resource.getrusage(k), f) for k in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime")) - cpu_before
    return {"articles": articles, "workers": workers, "mentions": len(result.mentions),
            "seconds": round(seconds, 2), "mentions_per_s": round(len(result.mentions) / seconds, 1),
            "cpu_seconds": round(cpu, 2), "mentions_per_cpu_s": round(len(result.mentions) / cpu, 1),
            "peak_rss_mib_per_process": round(resource.getrusage(who).ru_maxrss / 1024, 1)}


def in_fresh_process(method: str, *, articles: int, workers: int, seed: int) -> dict:
    command = [sys.executable, __file__, "--child", method, "--articles", str(articles), "--workers", str(workers),
               "--seed", str(seed)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-articles", type=int, nargs="*", default=[100, 400],
                        help="corpus sizes whose per-worker memory (two workers, encoder) is measured")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", choices=("lexicon", "encoder"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, articles=args.articles, workers=args.workers, seed=args.seed)))
        return
    from framing.portrayal.target import encoder_available

    methods = ["lexicon", *(["encoder"] if encoder_available() else [])]
    speed = {m: in_fresh_process(m, articles=args.articles, workers=args.workers, seed=args.seed) for m in methods}
    found: dict = {"speed": speed}
    if "encoder" in speed:
        found["ratio"] = round(speed["encoder"]["mentions_per_s"] / speed["lexicon"]["mentions_per_s"], 3)
        # Per worker of two; the speed run counts as one size when it ran with two workers.
        known = {args.articles: speed["encoder"]} if args.workers == 2 else {}
        found["memory"] = [known.get(n) or in_fresh_process("encoder", articles=n, workers=2, seed=args.seed)
                           for n in args.memory_articles]
    print(json.dumps(found, indent=1))


if __name__ == "__main__":
    main()
