"""What a new user meets: one line for each unusable input or option, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app

runner = CliRunner()
GOOD = "Geneva talks\n\nNegotiators from both countries met in Geneva on Monday. They discussed AI safety.\n"
LABELLED = ("text,label\n"
            "\"The senator’s “bold” and reckless remarks in Genève — a disgrace.\",1\n"
            "\"The committee published the report on Monday.\",0\n"
            "\"=HYPERLINK(\"\"http://example.com\"\")\",0\n")


def one_line(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.output.strip().splitlines()[-1]


@pytest.mark.parametrize("encoding", ["cp1252", "gb18030"])
def test_score_and_evaluate_decode_a_csv_as_the_corpus_reader_does_and_say_so(tmp_path, encoding):
    text = LABELLED if encoding == "cp1252" else LABELLED.replace("The committee", "委员会")
    path = tmp_path / "labelled.csv"
    path.write_bytes(text.encode(encoding))
    result = runner.invoke(app, ["score", str(path), "--out", str(tmp_path / "scored.csv")])
    assert result.exit_code == 0, result.output
    label = "cp1252" if encoding == "cp1252" else "GB18030"
    assert f"note: {path}: decoded as {label} (not UTF-8)" in result.output
    scored = pd.read_csv(tmp_path / "scored.csv", dtype=str, keep_default_na=False)
    assert scored["text"].iloc[0].startswith("The senator’s “bold” and reckless remarks in Genève —")
    assert scored["text"].iloc[2] == "'=HYPERLINK(\"http://example.com\")"  # neutralised in CSV
    result = runner.invoke(app, ["evaluate", str(path), "--json"])
    assert result.exit_code == 0 and f"decoded as {label}" in result.output


@pytest.mark.parametrize(("content", "message"), [
    (bytes(range(256)) * 8, "binary file (contains NUL bytes), not text"),
    (b"", "the file is empty"),
    (b"text,label\n", "the file has a header but no rows"),
])
@pytest.mark.parametrize("command", ["score", "evaluate", "train"])
def test_binary_and_empty_csvs_are_one_line(tmp_path, command, content, message):
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    args = {"score": ["--out", str(tmp_path / "o.csv")], "evaluate": [], "train": ["--out", str(tmp_path / "m.skops")]}
    result = runner.invoke(app, [command, str(path), *args[command]])
    if command == "score" and message.startswith("the file has a header"):
        message = "the file has no rows to score"
    assert result.exit_code == 2
    assert one_line(result) == f"error: {path}: {message}"


@pytest.mark.parametrize("command", ["figures", "paper", "features", "compare", "headlines", "worksheet"])
def test_a_run_whose_every_input_was_skipped_says_nothing_to_analyse(tmp_path, command):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / ("out.html" if command == "worksheet" else "out")
    result = runner.invoke(app, [command, str(empty), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert f"skipped: {empty}: empty file" in result.output
    assert one_line(result) == "error: nothing to analyse: no record was read (1 input skipped)"
    assert not out.exists() or not list(out.iterdir())


def test_features_strict_fails_writing_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["features", str(corpus), "--out", str(out), "--no-cache", "--strict"])
    assert result.exit_code == 1
    assert one_line(result) == f"error: strict mode: 1 skipped; first: {corpus / 'empty.txt'}: empty file"
    assert not out.exists() or not list(out.iterdir())
    assert runner.invoke(app, ["features", str(corpus), "--out", str(out), "--no-cache"]).exit_code == 0


def test_records_without_an_outlet_are_named_once_with_how_to_set_it(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD.replace("Monday", name), encoding="utf-8")
    result = runner.invoke(app, ["corpus", str(tmp_path)])
    notes = [line for line in result.output.splitlines() if "no outlet" in line]
    assert notes == ['note: 2 records have no outlet and are grouped as "unknown": name the outlet of each file '
                     "in a manifest.csv in the corpus folder (columns file,outlet), in front matter (outlet: NAME) "
                     "or in an outlet column"]


def test_explain_with_bytes_that_are_not_utf8_on_a_strict_utf8_terminal(tmp_path):
    argument = "The na\xefve senator\x92s reckless plan".encode("latin-1")
    result = subprocess.run([os.fsencode(sys.executable), b"-m", b"framing", b"explain", argument],
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr.decode()
    assert "The naïve senator’s reckless plan" in result.stdout.decode()
    assert result.stderr.decode().strip() == "note: TEXT is not UTF-8: decoded as cp1252"


def test_a_worksheet_csv_with_a_field_over_the_csv_limit_is_one_line(tmp_path):
    path = tmp_path / "headlines.csv"
    path.write_text('outlet,headline\nA,"' + "x" * 140_000 + '"\nB,A fine headline\n', encoding="utf-8")
    result = runner.invoke(app, ["worksheet", "--headlines", str(path), "--out", str(tmp_path / "w.html")])
    assert result.exit_code == 2
    assert one_line(result) == f"error: {path}: not a valid CSV file: field larger than field limit (131072)"


def test_compare_by_a_missing_column_lists_the_columns_there_are(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["compare", str(tmp_path / "corpus"), "--by", "published", "--out", str(tmp_path / "c"),
                                 "--n-boot", "10"])
    assert result.exit_code == 2
    line = one_line(result)
    assert line.startswith("error: the sentence table has no column 'published'; groups can be: ")
    assert {"outlet", "story", "language"} <= set(line.split("groups can be: ")[1].split(", "))
