"""How fast the classroom commands answer, as ratios to `framing --version` (the cost of starting at all).

Each command runs as a teacher runs it, in a fresh process, ``--repeat`` times after one untimed run (which
fills the file cache and framing's cache folder, as a teacher's first run does). For each, the least and
the median wall-clock seconds, the least CPU seconds (user + system, of the process and its children), and
the least wall-clock time as a ratio to that of ``framing --version``. The goals: ``explain`` under 2 s and
``worksheet`` under 4 s on two cores.

On a shared machine wall-clock times grow with the load (the one-minute load average is printed before and
after): the least of several runs is the figure closest to an idle machine, and CPU seconds move less
with the load than wall-clock seconds do. Ratios travel between machines better than seconds.

    python benchmarks/classroom.py --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXPLAIN = "Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China to Counter AI Risks"
COMPARE = "OpenAI CEO Calls for Collaboration With China to Counter AI Risks"


def timed(command: list[str]) -> tuple[float, float]:
    """Return the wall-clock and CPU seconds of one run of ``command``; a failing run is an error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(folder: Path) -> dict[str, list[str]]:
    """Return the commands to time, by name, writing their files into ``folder``."""
    framing = [sys.executable, "-m", "framing"]
    return {
        "framing --version": [*framing, "--version"],
        "framing explain TEXT": [*framing, "explain", EXPLAIN],
        "framing explain TEXT --compare OTHER": [*framing, "explain", EXPLAIN, "--compare", COMPARE],
        "framing worksheet": [*framing, "worksheet", "--out", str(folder / "worksheet.html")],
        "framing worksheet --answers": [*framing, "worksheet", "--answers", "--out", str(folder / "answers.html")],
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs of each command.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    runs: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, command in commands(Path(folder)).items():
            timed(command)
            runs[name] = [timed(command) for _ in range(args.repeat)]
    base = min(wall for wall, _ in runs["framing --version"])
    result = {
        "cores": os.cpu_count(), "repeat": args.repeat,
        "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
        "commands": {name: {"min_s": round(min(w for w, _ in found), 3),
                            "median_s": round(statistics.median(w for w, _ in found), 3),
                            "min_cpu_s": round(min(c for _, c in found), 3),
                            "ratio_to_version": round(min(w for w, _ in found) / base, 2)}
                     for name, found in runs.items()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['cores']} cores; load average {result['load_before']} before, {result['load_after']} after; "
              f"{args.repeat} timed runs each")
        print(f"{'command':40} {'least s':>8} {'median s':>9} {'least CPU s':>12} {'ratio to --version':>19}")
        for name, found in result["commands"].items():
            print(f"{name:40} {found['min_s']:8.2f} {found['median_s']:9.2f} {found['min_cpu_s']:12.2f} "
                  f"{found['ratio_to_version']:19.1f}")
    return result


if __name__ == "__main__":
    main()
