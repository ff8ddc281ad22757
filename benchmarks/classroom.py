"""How fast the classroom commands answer, as ratios to `framing --version` (the cost of starting at all).

Each command runs as a teacher runs it, in a fresh process, ``--repeat`` times; the median wall-clock time
is reported in seconds and as a ratio to the median of ``framing --version``. The goals: ``explain``
under 2 s and ``worksheet`` under 4 s on two cores. Ratios travel between machines better than seconds;
on a shared machine both move with the load, so run it alone for figures to quote.

    python benchmarks/classroom.py --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXPLAIN = ("Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China to Counter AI Risks")
COMPARE = "OpenAI CEO Calls for Collaboration With China to Counter AI Risks"


def median_seconds(command: list[str], *, repeat: int) -> float:
    """Return the median wall-clock seconds of ``repeat`` runs of ``command``; a failing run is an error."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="Runs of each command (the median is reported).")
    args = parser.parse_args()
    framing = [sys.executable, "-m", "framing"]
    with tempfile.TemporaryDirectory() as folder:
        commands = {
            "framing --version": [*framing, "--version"],
            "framing explain TEXT": [*framing, "explain", EXPLAIN],
            "framing explain TEXT --compare OTHER": [*framing, "explain", EXPLAIN, "--compare", COMPARE],
            "framing worksheet": [*framing, "worksheet", "--out", str(Path(folder) / "worksheet.html")],
            "framing worksheet --answers": [*framing, "worksheet", "--answers", "--out",
                                            str(Path(folder) / "answers.html")],
        }
        # One untimed run of each warms the file cache and the cache of checked lexicons.
        for command in commands.values():
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = {name: median_seconds(command, repeat=args.repeat) for name, command in commands.items()}
    base = seconds["framing --version"]
    print(f"{'command':40} {'seconds':>8} {'ratio to --version':>20}")
    for name, value in seconds.items():
        print(f"{name:40} {value:8.2f} {value / base:20.1f}")


if __name__ == "__main__":
    main()
