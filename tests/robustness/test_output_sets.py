"""Outputs appear whole or not at all: one run at a time per folder, sets renamed together, a full disk
refused in one line, and no input written over, through the CLI and through the Python API alike."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing import io
from framing.cli import app
from framing.errors import OutputError

runner = CliRunner()
GOOD = "Geneva talks\n\nNegotiators from both countries met in Geneva on Monday. They discussed AI safety.\n"
HOLD = """
import sys, time
from pathlib import Path
from framing.io import output_set
with output_set(sys.argv[1]) as staging:
    (staging / "a.csv").write_text("theirs\\n")
    Path(sys.argv[2]).write_text("inside")
    while not Path(sys.argv[3]).exists():
        time.sleep(0.05)
"""


def holding(folder: Path, tmp_path: Path) -> subprocess.Popen:
    """Start a process that writes an output set into ``folder`` and waits inside it for ``tmp_path/go``."""
    ready = tmp_path / "ready"
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), str(ready), str(tmp_path / "go")])
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    return process


def test_a_second_writer_on_the_same_folder_is_refused_and_the_first_finishes(tmp_path):
    out = tmp_path / "out"
    first = holding(out, tmp_path)
    try:
        with pytest.raises(OutputError, match=f"^another run is writing {out}; wait for it to finish$"):
            io.write_text(out / "b.csv", "mine\n")
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
        result = runner.invoke(app, ["features", str(corpus), "--out", str(out), "--no-cache"])
        assert result.exit_code == 2
        assert result.output.strip().splitlines()[-1] == f"error: another run is writing {out}; wait for it to finish"
    finally:
        (tmp_path / "go").touch()
        assert first.wait(60) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.csv"]  # the first run's output, whole; no lock left
    io.write_text(out / "b.csv", "mine\n")  # and the folder is free again


def test_two_features_runs_on_one_output_and_cache_never_mix(tmp_path):
    corpus, out, cache = tmp_path / "corpus", tmp_path / "out", tmp_path / "cache"
    corpus.mkdir()
    for i in range(30):
        (corpus / f"a{i}.txt").write_text(GOOD.replace("Monday", f"day {i}"), encoding="utf-8")
    command = [sys.executable, "-m", "framing", "features", str(corpus), "--out", str(out), "--cache-dir", str(cache),
               "--chunk-size", "2"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(300), run.stderr.read()) for run in runs]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 2]), results
    for code, stderr in results:
        assert "Traceback" not in stderr
        if code == 2:
            assert stderr.strip().splitlines()[-1] == f"error: another run is writing {out}; wait for it to finish"
    articles = pd.read_csv(out / "articles.csv")
    assert len(articles) == 30 and len(pd.read_parquet(out / "articles.parquet")) == 30
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


KILLED_DURING_RENAMES = """
import os, sys
from framing import io
renames = 0
real = os.replace
def replace(source, target):
    global renames
    if str(source).count(io.STAGING_PREFIX) and renames == 2:
        os._exit(9)  # as a kill -9 would, between two renames
    renames += 1
    real(source, target)
os.replace = replace
with io.output_set(sys.argv[1]) as staging:
    for name in ("a.csv", "b.csv", "c.csv", "sub/d.csv"):
        (staging / name).parent.mkdir(exist_ok=True)
        (staging / name).write_text("new\\n")
"""


def test_a_run_killed_between_renames_is_finished_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    for name in ("a.csv", "b.csv", "c.csv", "sub/d.csv"):
        io.write_text(out / name, "old\n")
    killed = subprocess.run([sys.executable, "-c", KILLED_DURING_RENAMES, str(out)])
    assert killed.returncode == 9
    contents = {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.csv")
                if not p.relative_to(out).parts[0].startswith(".")}
    assert sorted(contents.values()) == ["new\n", "new\n", "old\n", "old\n"]  # a mixed set, for now
    with io.folder_lock(out):  # the next run on the folder finishes the renames first
        pass
    assert {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*") if p.is_file()} == {
        "a.csv": "new\n", "b.csv": "new\n", "c.csv": "new\n", "sub/d.csv": "new\n"}


def test_a_run_killed_before_the_commit_leaves_the_previous_set(tmp_path):
    out = tmp_path / "out"
    io.write_text(out / "a.csv", "old\n")
    script = textwrap.dedent("""
        import os, sys
        from framing import io
        with io.output_set(sys.argv[1]) as staging:
            (staging / "a.csv").write_text("new")
            os._exit(9)
    """)
    assert subprocess.run([sys.executable, "-c", script, str(out)]).returncode == 9
    io.write_text(out / "b.csv", "other\n")
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "b.csv"]
    assert (out / "a.csv").read_text() == "old\n"


def test_a_full_disk_is_one_line_and_replaces_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    io.write_text(out / "a.csv", "old\n")
    with pytest.raises(OutputError) as raised:
        with io.output_set(out) as staging:
            (staging / "a.csv").write_text("new\n")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert str(raised.value) == f"{out}: cannot write: no space left on device; no output was replaced"
    assert [p.name for p in out.iterdir()] == ["a.csv"] and (out / "a.csv").read_text() == "old\n"


@pytest.fixture
def tiny_disk(tmp_path):
    """A 300 kB tmpfs (needs root to mount; skipped elsewhere)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def big_corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(40):
        body = " ".join(f"Sentence {i}-{k} says officials met in Geneva about sanctions." for k in range(30))
        (folder / f"a{i}.txt").write_text(f"Talks {i}\n\n{body}\n", encoding="utf-8")
    return folder


def test_features_on_a_really_full_disk_fail_in_one_line_and_leave_no_partial_set(tmp_path, tiny_disk):
    corpus = big_corpus(tmp_path / "corpus")
    out = tiny_disk / "out"
    (tiny_disk / "filler").write_bytes(b"x" * 240_000)
    result = subprocess.run([sys.executable, "-m", "framing", "features", str(corpus), "--out", str(out),
                             "--no-cache"], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {out}: cannot write: no space left on device; no output was replaced")
    assert list(out.iterdir()) == []


def test_a_full_cache_disk_fails_in_one_line(tmp_path, tiny_disk):
    corpus = big_corpus(tmp_path / "corpus")
    filler = tiny_disk / "filler"
    filler.write_bytes(b"x" * 200_000)
    result = subprocess.run([sys.executable, "-m", "framing", "features", str(corpus), "--out",
                             str(tmp_path / "out"), "--cache-dir", str(tiny_disk / "cache")],
                            capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {tiny_disk / 'cache'}: cannot ") and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_the_library_refuses_to_write_over_inputs_whatever_the_path_says(tmp_path):
    from framing.corpus import iter_corpus, load_corpus
    from framing.features import feature_tables, write_features

    data = tmp_path / "data"
    data.mkdir()
    (data / "articles.csv").write_text("text,outlet\nTalks in Geneva went on.,A\n", encoding="utf-8")
    before = (data / "articles.csv").read_bytes()
    with pytest.raises(OutputError, match="refusing to write"):
        write_features(iter_corpus(data / "articles.csv"), data)
    corpus = load_corpus(data / "articles.csv")
    with pytest.raises(OutputError, match="refusing to write over an input file"):
        feature_tables(corpus).write(data, inputs=corpus.sources)
    alias = tmp_path / "alias.csv"
    alias.symlink_to(data / "articles.csv")
    with pytest.raises(OutputError, match="refusing to write over an input file"):
        io.write_table(corpus.articles, alias, inputs=corpus.sources)
    hard = tmp_path / "hard.csv"
    os.link(data / "articles.csv", hard)
    with pytest.raises(OutputError, match="refusing to write over an input file"):
        io.write_table(corpus.articles, hard, inputs=corpus.sources)
    assert (data / "articles.csv").read_bytes() == before


def test_a_linked_input_is_protected_when_links_are_followed(tmp_path):
    corpus, target = tmp_path / "corpus", tmp_path / "target.csv"
    corpus.mkdir()
    target.write_text("text\nTalks in Geneva went on.\n", encoding="utf-8")
    (corpus / "link.csv").symlink_to(target)
    before = target.read_bytes()
    result = runner.invoke(app, ["corpus", str(corpus), "--out", str(target), "--follow-links"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == f"error: {target}: refusing to write over an input file"
    assert target.read_bytes() == before


def test_paper_and_figures_refuse_an_input_before_any_work(tmp_path):
    from framing.corpus import load_corpus
    from framing.report.paper import build_paper

    folder = tmp_path / "x" / "paper" / "tables"
    folder.mkdir(parents=True)
    (folder / "corpus.csv").write_text("text,outlet\nTalks in Geneva went on.,A\n", encoding="utf-8")
    corpus = load_corpus(folder / "corpus.csv")
    with pytest.raises(OutputError, match="refusing to write over an input file"):
        build_paper(corpus, out_dir=tmp_path / "x", n_boot=10)
