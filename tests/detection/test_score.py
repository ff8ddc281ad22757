"""Scoring a CSV: input columns kept, measures added, the same bytes whatever the chunk size."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.detection.score import score_csv
from framing.errors import InputError, OutputError


def test_score_keeps_the_input_columns_and_adds_the_measures(labelled, tmp_path):
    out = tmp_path / "scored.csv"
    assert score_csv(labelled, out) == 57
    source, scored = pd.read_csv(labelled, dtype=str), pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(scored.columns[:4]) == list(source.columns)
    assert scored[list(source.columns)].equals(source)
    assert {"loaded_score", "loaded_terms", "sent_vader_compound", "n_words"} <= set(scored.columns)
    loaded = scored[scored["label"] == "1"]
    assert all(json.loads(terms) for terms in loaded["loaded_terms"])
    assert loaded["loaded_score"].astype(float).min() > scored[scored["label"] == "0"]["loaded_score"].astype(float).max()


def test_chunked_output_equals_unchunked_output(labelled, tmp_path):
    whole, chunked = tmp_path / "whole.csv", tmp_path / "chunked.csv"
    score_csv(labelled, whole, chunk_rows=10_000)
    score_csv(labelled, chunked, chunk_rows=4)
    assert chunked.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_two_workers_write_the_same_bytes_as_one(labelled, tmp_path, suffix):
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    score_csv(labelled, one, chunk_rows=5)
    assert score_csv(labelled, two, chunk_rows=5, workers=2) == 57
    assert two.read_bytes() == one.read_bytes()


def test_a_missing_text_column_leaves_no_output(labelled, tmp_path):
    out = tmp_path / "scored.csv"
    with pytest.raises(InputError, match="no column 'body'"):
        score_csv(labelled, out, text_col="body")
    assert not out.exists() and list(tmp_path.iterdir()) == [labelled]


def test_score_refuses_to_write_over_its_input(labelled):
    with pytest.raises(OutputError, match="refusing to write over an input file"):
        score_csv(labelled, labelled)


def test_score_command_writes_the_file(labelled, tmp_path):
    out = tmp_path / "scored.jsonl"
    result = CliRunner().invoke(app, ["score", str(labelled), "--text-col", "text", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 57
