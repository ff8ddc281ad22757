"""`framing corpus`: the table, the summary, --out, --show-dropped, --column-map, --manifest."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.corpus import seed_path

runner = CliRunner()
COLUMNS = ["id", "outlet", "title", "text", "published", "language", "url", "story", "kind", "source_path",
           "n_sentences", "n_words"]


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_the_seed_corpus_lists_four_articles_and_seventeen_headlines():
    result = invoke("corpus")
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == (
        "21 records (4 articles, 17 headlines); 1 duplicate merged; 40 lines dropped by cleaning; 0 skipped")
    for outlet in ("Breitbart", "REX Wire", "RFI Chinese", "DagligaAI", "Bloomberg", "Wall Street Journal"):
        assert outlet in result.output


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_out_writes_every_record_with_the_contract_columns(tmp_path, suffix):
    out = tmp_path / f"records{suffix}"
    result = invoke("corpus", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote 21 records to {out}" in result.output
    if suffix == ".csv":
        frame = pd.read_csv(out, keep_default_na=False)
    elif suffix == ".jsonl":
        frame = pd.DataFrame([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()])
    else:
        frame = pd.read_parquet(out)
    assert list(frame.columns) == COLUMNS
    assert frame["language"].tolist()[:5] == ["en", "en", "zh", "sv", "en"]
    wsj = frame[frame["title"] == "OpenAI CEO Calls for Collaboration With China to Counter AI Risks"]
    assert wsj["outlet"].tolist() == ["Wall Street Journal"]


def test_out_with_an_unknown_format_is_refused_before_reading(tmp_path):
    result = invoke("corpus", "--out", str(tmp_path / "records.xlsx"))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: {tmp_path / 'records.xlsx'}: unsupported table format '.xlsx'; use one of .csv, .jsonl, .parquet")
    assert not (tmp_path / "records.xlsx").exists()


def test_an_error_prints_a_bracketed_path_as_written(tmp_path):
    result = invoke("corpus", "--out", str(tmp_path / "[draft] records.xlsx"))
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"error: {tmp_path / '[draft] records.xlsx'}: unsupported table format")


def test_out_never_writes_over_an_input():
    result = invoke("corpus", "--out", str(seed_path() / "manifest.csv"))
    assert result.exit_code == 2
    assert "refusing to write" in result.output


def test_show_dropped_lists_the_lines_and_their_reasons():
    result = invoke("corpus", "--show-dropped", "000_6fbad57c96efec8a")
    assert result.exit_code == 0
    assert "lines dropped from 000_6fbad57c96efec8a" in result.output
    assert "TechCrunch/Flickr" in result.output and "photo credit" in result.output
    assert "issues with commenting" in result.output and "comment prompt" in result.output
    assert "Sam Altman, the CEO of ChatGPT developer OpenAI" not in result.output


def test_show_dropped_takes_a_unique_prefix_and_names_an_unknown_id():
    assert "lines dropped from 003_f22444b573f99c26" in invoke("corpus", "--show-dropped", "003").output
    result = invoke("corpus", "--show-dropped", "999")
    assert result.exit_code == 2
    assert result.output.strip() == "error: no record with id '999'"
    ambiguous = invoke("corpus", "--show-dropped", "00")
    assert ambiguous.exit_code == 2
    assert ambiguous.output.startswith("error: record id '00' is ambiguous: 000_6fbad57c96efec8a, ")


def test_column_map_option(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text("hed,story_body\nSenator speaks,The senator spoke on Friday. She wants rules.\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = invoke("corpus", str(feed), "--column-map", "text=story_body,title=hed", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out)[["title", "text"]].values.tolist() == [
        ["Senator speaks", "The senator spoke on Friday. She wants rules."]]
    bad = invoke("corpus", str(feed), "--column-map", "text")
    assert bad.exit_code == 2
    assert bad.output.strip() == "error: --column-map expects FIELD=COLUMN pairs, got 'text'"


def test_an_explicit_manifest_overrides_what_the_files_say(tmp_path):
    manifest = tmp_path / "other.csv"
    manifest.write_text("file,outlet,story\n001_fc926492f15d6e07.txt,Rex,geneva\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert invoke("corpus", "--manifest", str(manifest), "--out", str(out)).exit_code == 0
    frame = pd.read_csv(out, keep_default_na=False).set_index("id")
    assert frame.loc["001_fc926492f15d6e07", ["outlet", "story"]].tolist() == ["Rex", "geneva"]
    assert frame.loc["000_6fbad57c96efec8a", "outlet"] == "unknown"


def test_notes_name_the_encoding_used(tmp_path):
    (tmp_path / "a.txt").write_bytes("Talks\n\nThe senator’s remarks drew criticism from both parties.\n".encode("cp1252"))
    result = invoke("corpus", str(tmp_path))
    assert result.exit_code == 0
    assert f"note: {tmp_path / 'a.txt'}: decoded as cp1252 (not UTF-8)" in result.output
