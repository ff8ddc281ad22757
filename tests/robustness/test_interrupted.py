"""Runs killed mid-way leave the previous outputs, never a truncated table; the next run completes and
reuses the sentences the killed run had cached."""

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOPICS = ("export controls", "AI safety", "chip supply", "model audits", "data privacy")


def write_articles(path: Path, start: int, count: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(start, start + count):
            topic = TOPICS[i % len(TOPICS)]
            body = " ".join(f"Officials said in statement {i}-{k} that talks on {topic} would continue, "
                            f"despite a reckless row over sanctions." for k in range(12))
            handle.write(json.dumps({"id": f"a{i}", "outlet": f"Outlet {i % 4}", "language": "en",
                                     "title": f"Talks {i} on {topic} resume", "text": body}) + "\n")


def features(corpus: Path, out: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "framing", "features", str(corpus), "--out", str(out),
            "--cache-dir", str(cache), "--chunk-size", "5"]


def reused(output: str) -> tuple[int, int]:
    hits, lookups = re.search(r"cache: ([\d,]+) of ([\d,]+) sentence measures reused", output).groups()
    return int(hits.replace(",", "")), int(lookups.replace(",", ""))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def kill_when(process: subprocess.Popen, ready, *, timeout: float = 120) -> None:
    """SIGKILL ``process`` as soon as ``ready()`` holds; fail if it ended on its own first."""
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, "the run finished before it could be interrupted"
        assert time.monotonic() < deadline, "the run never reached the point to interrupt it"
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.slow
def test_killed_features_run_keeps_previous_outputs_and_the_next_run_reuses_the_cache(tmp_path):
    corpus, out, cache = tmp_path / "corpus", tmp_path / "out", tmp_path / "cache"
    corpus.mkdir()
    write_articles(corpus / "first.jsonl", 0, 20)
    first = subprocess.run(features(corpus, out, cache), capture_output=True, text=True, check=True)
    before = snapshot(out)
    _, first_lookups = reused(first.stdout)

    write_articles(corpus / "second.jsonl", 20, 400)
    database = cache / "sentences.sqlite"
    size = database.stat().st_size
    process = subprocess.Popen(features(corpus, out, cache), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when(process, lambda: database.stat().st_size > size + 200_000)
    assert snapshot(out) == before

    last = subprocess.run(features(corpus, out, cache), capture_output=True, text=True, check=True)
    hits, lookups = reused(last.stdout)
    assert hits > first_lookups  # more than the first run cached: the killed run's work was kept
    assert lookups > hits
    assert sorted(snapshot(out)) == sorted(before) and snapshot(out) != before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.slow
def test_killed_paper_build_leaves_whole_files(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    write_articles(corpus / "news.jsonl", 0, 12)
    command = [sys.executable, "-m", "framing", "paper", str(corpus), "--out", str(out), "--n-boot", "200"]
    subprocess.run(command, capture_output=True, text=True, check=True)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures = out / "figures"
    stamp = max(p.stat().st_mtime_ns for p in figures.iterdir())
    kill_when(process, lambda: max(p.stat().st_mtime_ns for p in figures.iterdir()) > stamp)
    # The same input gives the same bytes, so every file is either untouched or rewritten whole.
    assert {p: p.read_bytes() for p in files} == before
