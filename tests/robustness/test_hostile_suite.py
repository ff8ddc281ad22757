"""The bad-input promise, under attack: a corpus folder of good and hostile files, generated here, run through
every command. No traceback; every good file read; every bad one reported once, with its reason; inputs
byte-identical afterwards; file names printed escaped; formulas neutralised in CSV, exact in Parquet."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import framing.corpus
from framing.cli import app

runner = CliRunner()
FORMULA = '=HYPERLINK("http://example.com/x","click")'


def body(topic: str) -> str:
    return (f"Negotiators met in Geneva on Monday to discuss {topic}. Officials said the talks were "
            f"constructive, and both sides agreed to meet again about {topic} next month.")


# name -> content; each is read (and gives the record ids listed in GOOD_IDS).
GOOD_FILES: dict[str, bytes] = {
    "plain.txt": f"Talks on chips resume\n\n{body('chip exports')}\n".encode(),
    "front.md": f"---\ntitle: Safety talks\noutlet: Daily\n---\n{body('AI safety')}\n".encode(),
    "one.json": json.dumps({"title": "Audit rules", "text": body("model audits"), "outlet": "Wire"}).encode(),
    "rows.jsonl": (json.dumps({"id": "j1", "title": "Privacy", "text": body("data privacy")}) + "\n"
                   + json.dumps({"id": "j2", "title": "Sanctions", "text": body("sanctions")}) + "\n").encode(),
    "table.csv": ("title,text,outlet\n"
                  f"\"{FORMULA.replace(chr(34), chr(34) * 2)}\",\"{body('spreadsheets')}\",Post\n"
                  f"Energy,\"{body('energy')}\",Post\n"
                  "Ragged,row,with,too,many\n"
                  f"Grain,\"{body('grain')}\",Post\n").encode(),
    "page.html": f"<html><head><title>Climate</title></head><body><h1>Climate</h1><p>{body('climate')}</p>"
                 f"</body></html>".encode(),
    "old.txt": f"Café talks\n\nThe senator’s “naïve” remarks in Genève. {body('tariffs')}\n".encode("cp1252"),
    "caf\udce9.txt": f"Fishing\n\n{body('fishing rights')}\n".encode(),
    "evil\n\x1b[31mred.txt": f"Shipping\n\n{body('shipping lanes')}\n".encode(),
}
GOOD_IDS = {"plain", "front", "one", "j1", "j2", "table:2", "table:3", "table:5", "page", "old", "caf\\xe9",
            "evil\\n\\x1b[31mred"}
# name -> content and the reason it must be reported with (a fragment of the one line).
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 4, "binary file (contains NUL bytes), not text"),
    "bignum.json": (b'{"text": "x", "n": ' + b"9" * 5000 + b"}", "a number has more digits than Python reads"),
    "deep.json": (b"[" * 100_000, "nested more than"),
    "deep.jsonl": (b"[" * 100_000 + b"\n", "no records: its one line is broken"),
    "broken.jsonl": (b"{oops\n{also bad\n", "no records: all 2 lines are broken"),
    "badyaml.md": (b"---\ntitle: [unclosed\n---\nBody text here.\n", "malformed YAML front matter"),
    "nocolumn.csv": (b"headline_only_col,other\nx,y\n", "no text column"),
    "huge.txt": (f"Huge\n\n{body('everything') * 60}\n".encode(), "characters of text, more than the 5,000"),
    "esc\x1b]0;pwned\x07.txt": (b"   \n", "empty file"),
}
BAD_SHOWN = {"esc\x1b]0;pwned\x07.txt": "esc\\x1b]0;pwned\\x07.txt"}
ROW_PROBLEMS = {"table.csv": "line 4: 5 fields where the header has 3; row skipped"}
LINKS = {"outside.txt": "symbolic link out of the corpus folder", "dangling.txt": "dangling symbolic link",
         "loop.txt": "symbolic link loop", "pipe.txt": "not a regular file (a FIFO, socket or device)"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "corpus"
    folder.mkdir()
    for name, content in {**GOOD_FILES, **{name: data for name, (data, _) in BAD_FILES.items()}}.items():
        (folder / name).write_bytes(content)
    (root / "secret.txt").write_text(f"Secret\n\n{body('secrets')}\n", encoding="utf-8")
    (folder / "outside.txt").symlink_to(root / "secret.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    return folder


@pytest.fixture(autouse=True)
def small_records(monkeypatch):
    monkeypatch.setattr(framing.corpus, "MAX_RECORD_CHARS", 5_000)


def digests(folder: Path) -> dict[str, str]:
    """Hash every regular file under ``folder`` and the file a link out of it leads to."""
    found = {}
    for path in sorted(folder.parent.rglob("*")):
        if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
            found[os.fsdecode(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def expected_reasons(folder: Path) -> dict[str, str]:
    shown = {str(folder / BAD_SHOWN.get(name, name)): reason for name, (_, reason) in BAD_FILES.items()}
    shown |= {str(folder / name): reason for name, reason in {**ROW_PROBLEMS, **LINKS}.items()}
    return shown


def test_the_library_reads_every_good_file_and_reports_every_bad_one_once(hostile):
    before = digests(hostile)
    corpus = framing.corpus.load_corpus(hostile)
    assert set(corpus.articles["id"]) == GOOD_IDS
    reported: dict[str, list[str]] = {}
    for problem in corpus.problems:
        reported.setdefault(str(problem).split(": ", 1)[0], []).append(problem.message)
    expected = expected_reasons(hostile)
    assert sorted(reported) == sorted(expected)
    for path, reason in expected.items():
        assert len(reported[path]) == 1 and reason in reported[path][0], (path, reported[path])
    assert digests(hostile) == before


COMMANDS = {
    "corpus": lambda out: ["corpus", "--out", str(out / "records.csv")],
    "features": lambda out: ["features", "--out", str(out / "features"), "--no-cache"],
    "headlines": lambda out: ["headlines", "--out", str(out / "pairs.csv")],
    "compare": lambda out: ["compare", "--out", str(out / "comparison"), "--n-boot", "20"],
    "worksheet": lambda out: ["worksheet", "--out", str(out / "sheet.html")],
    "figures": lambda out: ["figures", "--out", str(out / "figures"), "--n-boot", "20", "--format", "svg"],
    "paper": lambda out: ["paper", "--out", str(out / "paper"), "--n-boot", "20"],
}


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_reads_the_good_reports_the_bad_and_changes_no_input(hostile, tmp_path, command):
    before = digests(hostile)
    args = COMMANDS[command](tmp_path)
    result = runner.invoke(app, [args[0], str(hostile), *args[1:]])
    assert result.exit_code == 0, result.output
    assert result.exception is None and "Traceback" not in result.output
    # Names are printed escaped: no raw escape, bell or newline from a file name reaches the terminal.
    assert "\x1b]0;" not in result.output and "\x07" not in result.output and "\x1b[31m" not in result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped: ")]
    for path, reason in expected_reasons(hostile).items():
        lines = [line for line in skipped if line.startswith(f"skipped: {path}: ")]
        assert len(lines) == 1 and reason in lines[0], (path, lines)
    assert len(skipped) == len(expected_reasons(hostile))
    assert digests(hostile) == before
    assert not [p for p in tmp_path.rglob(".*")]  # no lock, staging folder or temporary left


def test_records_are_whole_in_parquet_and_formula_safe_in_csv(hostile, tmp_path):
    for suffix in (".csv", ".parquet"):
        result = runner.invoke(app, ["corpus", str(hostile), "--out", str(tmp_path / f"records{suffix}")])
        assert result.exit_code == 0, result.output
    as_csv = pd.read_csv(tmp_path / "records.csv", dtype=str, keep_default_na=False)
    as_parquet = pd.read_parquet(tmp_path / "records.parquet")
    assert set(as_csv["id"]) == GOOD_IDS == set(as_parquet["id"])
    assert as_csv.set_index("id").loc["table:2", "title"] == "'" + FORMULA
    assert as_parquet.set_index("id").loc["table:2", "title"] == FORMULA
    assert not any(str(cell).startswith(("=", "+", "@")) for cell in as_csv.to_numpy().ravel())


def test_features_keep_the_formula_text_exact_in_parquet_only(hostile, tmp_path):
    result = runner.invoke(app, ["features", str(hostile), "--out", str(tmp_path), "--no-cache"])
    assert result.exit_code == 0, result.output
    csv_titles = pd.read_csv(tmp_path / "articles.csv", dtype=str, keep_default_na=False)
    parquet = pd.read_parquet(tmp_path / "articles.parquet")
    assert set(parquet["article_id"]) == GOOD_IDS
    assert "'" + FORMULA in set(csv_titles["title"]) and FORMULA in set(parquet["title"])
    sentences = pd.read_csv(tmp_path / "sentences.csv", dtype=str, keep_default_na=False)
    assert not sentences["text"].str.startswith("=").any()
