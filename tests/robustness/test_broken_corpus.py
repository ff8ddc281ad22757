"""A scraped folder of 1,000 files, 50 of them broken: the good ones are read, the broken ones listed, and
no input file changes."""

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.corpus import load_corpus

TOPICS = ("chip export rules", "AI safety talks", "a cloud contract", "model audits", "a data-privacy law")
PLACES = ("Geneva", "Beijing", "Washington", "London", "Stockholm", "Seoul", "Brussels")


def _story(i: int) -> tuple[str, str]:
    topic, place = TOPICS[i % len(TOPICS)], PLACES[i % len(PLACES)]
    title = f"Report {i}: officials discuss {topic} in {place}"
    body = (f"Officials met in {place} on day {i} to discuss {topic}. "
            f"Item {i} on the agenda was cooperation between research groups.\n\n"
            f"A spokesperson said talks number {i} would continue next month.")
    return title, body


def _good_file(folder: Path, i: int) -> Path:
    title, body = _story(i)
    kind = i % 8
    if kind == 0:
        path = folder / f"plain-{i:04d}.txt"
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    elif kind == 1:
        path = folder / f"cp1252-{i:04d}.txt"
        path.write_bytes(f"{title} – café\n\n{body}\n".encode("cp1252"))
    elif kind == 2:
        path = folder / f"bom-{i:04d}.txt"
        path.write_bytes(f"{title}\n\n{body}\n".encode("utf-8-sig"))
    elif kind == 3:
        path = folder / f"front-{i:04d}.md"
        path.write_text(f"---\ntitle: \"{title}\"\noutlet: Wire {i % 5}\ndate: 2024-01-{1 + i % 28:02d}\n---\n\n{body}\n",
                        encoding="utf-8")
    elif kind == 4:
        path = folder / f"page-{i:04d}.html"
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        path.write_text(f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                        f"{paragraphs}</article></body></html>", encoding="utf-8")
    elif kind == 5:
        path = folder / f"item-{i:04d}.json"
        path.write_text(json.dumps({"title": title, "text": body, "outlet": "Json Wire"}), encoding="utf-8")
    elif kind == 6:
        path = folder / f"feed-{i:04d}.jsonl"
        path.write_text(json.dumps({"title": title, "text": body}) + "\n", encoding="utf-8")
    else:
        path = folder / f"rows-{i:04d}.csv"
        path.write_text(f"outlet,title,text\nCsv Wire,\"{title}\",\"{body}\"\n", encoding="utf-8")
    return path


BROKEN = {
    "binary": lambda i: (f"image-{i}.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    "zero bytes": lambda i: (f"empty-{i}.md", b""),
    "truncated JSON": lambda i: (f"cut-{i}.json", b'{"title": "Cut off", "text": "The file ends in the mid'),
    "bad front matter": lambda i: (f"front-bad-{i}.md", b'---\ntitle: "never closed\ndate: [2024\n---\nBody text here.\n'),
    "CSV without text": lambda i: (f"table-{i}.csv", b"outlet,headline_id,views\nWire,1,30\n"),
    "bad UTF-16": lambda i: (f"utf16-{i}.txt", b"\xff\xfe" + "Headline".encode("utf-16-le") + b"\x00"),
    "whitespace only": lambda i: (f"blank-{i}.txt", b"  \n\t\n   \n"),
    "truncated gzip": lambda i: (f"archive-{i}.html", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x00\xff"),
}


@pytest.fixture(scope="module")
def scraped(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scraped")
    good = [_good_file(folder, i) for i in range(950)]
    broken = []
    kinds = list(BROKEN.items())
    for i in range(50):
        _, make = kinds[i % len(kinds)]
        name, data = make(i)
        (folder / name).write_bytes(data)
        broken.append(folder / name)
    hashes = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}
    return folder, good, broken, hashes


def test_good_files_are_read_and_broken_ones_listed(scraped):
    folder, good, broken, _ = scraped
    corpus = load_corpus(folder)
    problem_files = {Path(p.path).name for p in corpus.problems}
    assert problem_files == {p.name for p in broken}
    assert all(p.message and "\n" not in p.message for p in corpus.problems)
    read = {Path(s).name for s in corpus.articles["source_path"]}
    assert read == {p.name for p in good}
    assert len(corpus.articles) == 950 and corpus.duplicates.empty


def test_the_cli_summary_counts_skipped_files_and_strict_fails(scraped):
    folder, *_ = scraped
    runner = CliRunner()
    result = runner.invoke(app, ["corpus", str(folder)])
    assert result.exit_code == 0, result.output
    assert "50 skipped" in result.output
    strict = runner.invoke(app, ["corpus", str(folder), "--strict"])
    assert strict.exit_code != 0
    assert "Traceback" not in strict.output


def test_features_run_over_the_good_files(scraped, tmp_path):
    folder, *_ = scraped
    result = CliRunner().invoke(app, ["features", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert len(articles) == 950 and articles["article_id"].is_unique


def test_no_input_file_changed(scraped):
    folder, *_, hashes = scraped
    load_corpus(folder)
    CliRunner().invoke(app, ["corpus", str(folder), "--strict"])
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}
    assert after == hashes
