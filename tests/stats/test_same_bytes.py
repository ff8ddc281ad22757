"""`framing compare` with stories, outlet groups and trends gives the same bytes from every corpus format,
with one process, two worker processes, and Dask."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from framing.cli import app

OUTLETS = {"Alpha": "left", "Beta": "left", "Gamma": "right", "Delta": "right"}
SENTENCES = (
    "The council voted on the plan on Monday.",
    "Critics called the deal a reckless cash grab.",
    "Officials said talks would resume next week.",
    "Residents protested outside city hall in anger.",
    "The mayor welcomed the agreement as a fair compromise.",
)


def records() -> list[dict]:
    """Ten stories over seven months, each covered by three or four of the outlets; two articles undated."""
    rows = []
    for story in range(10):
        for k, outlet in enumerate(OUTLETS):
            if (story + k) % 5 == 4:
                continue
            sentences = [SENTENCES[(story * 3 + k * 2 + j) % len(SENTENCES)] for j in range(2 + (story + k) % 3)]
            published = "" if (story, k) in {(2, 0), (7, 3)} else f"2024-{1 + story * 2 // 3:02d}-{10 + k:02d}"
            rows.append({"id": f"s{story:02d}-{outlet.lower()}", "outlet": outlet, "story": f"story-{story:02d}",
                         "published": published, "title": f"{outlet} on story {story}", "language": "en",
                         "text": " ".join(sentences)})
    return rows


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """The same records as CSV, as JSON Lines and as a folder of Markdown files with front matter."""
    root = tmp_path_factory.mktemp("formats")
    rows = records()
    with open(root / "news.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (root / "news.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    folder = root / "folder"
    folder.mkdir()
    for row in rows:
        meta = "".join(f"{key}: {json.dumps(row[key])}\n" for key in row if key != "text")
        (folder / f"{row['id']}.md").write_text(f"---\n{meta}---\n{row['text']}\n", encoding="utf-8")
    groups = root / "lean.csv"
    groups.write_text("outlet,group\n" + "".join(f"{o},{g}\n" for o, g in OUTLETS.items()), encoding="utf-8")
    return {"csv": root / "news.csv", "jsonl": root / "news.jsonl", "folder": folder, "groups": groups}


def compared(corpora, tmp_path, source: str, *options: str) -> dict[str, bytes]:
    out = tmp_path / f"{source}{''.join(options)}".replace("-", "")
    result = CliRunner().invoke(app, [
        "compare", str(corpora[source]), "--by", "outlet", "--within", "story", "--groups", str(corpora["groups"]),
        "--over", "date", "--freq", "month", "--n-boot", "40", "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    assert "2 articles have no date: left out of the trends" in " ".join(result.output.split())
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.mark.slow
def test_every_format_and_worker_count_gives_the_same_bytes(corpora, tmp_path):
    reference = compared(corpora, tmp_path, "csv")
    assert {"trends.csv", "outlet_groups.csv", "stories.csv"} <= set(reference)
    for source, options in (("jsonl", ()), ("folder", ()), ("jsonl", ("--workers", "2"))):
        assert compared(corpora, tmp_path, source, *options) == reference, (source, options)


@pytest.mark.slow
def test_dask_gives_the_same_bytes(corpora, tmp_path):
    pytest.importorskip("dask.distributed")
    reference = compared(corpora, tmp_path, "folder")
    assert compared(corpora, tmp_path, "csv", "--engine", "dask", "--workers", "2") == reference
