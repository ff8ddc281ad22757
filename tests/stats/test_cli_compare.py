"""`framing compare` on the command line, with the corpus and features stubbed by the synthetic tables."""

from __future__ import annotations

import types

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app


@pytest.fixture
def stubbed(monkeypatch, tables):
    monkeypatch.setattr(framing, "load_corpus", lambda path=None: types.SimpleNamespace(sources=[]), raising=False)
    monkeypatch.setattr(framing, "features", lambda corpus: tables, raising=False)


def test_compare_writes_the_four_tables_and_prints_the_cautions(stubbed, tmp_path):
    result = CliRunner().invoke(app, ["compare", "--within", "story", "--out", str(tmp_path), "--n-boot", "50"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "frames.csv", "frames.json", "groups.csv", "groups.json", "terms.csv", "terms.json", "tests.csv", "tests.json",
    ]
    assert "Cautions" in result.output and "fewer than 5 articles in a group" in result.output


def test_an_unknown_column_is_a_one_line_error(stubbed, tmp_path):
    result = CliRunner().invoke(app, ["compare", "--by", "desk", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip() == "error: the sentence table has no column 'desk'"
