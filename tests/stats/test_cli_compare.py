"""`framing compare` on the command line, with the corpus and features stubbed by the synthetic tables."""

from __future__ import annotations

import types

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app


@pytest.fixture
def stubbed(monkeypatch, tables):
    corpus = types.SimpleNamespace(sources=[], problems=[], notes=[], unknown_outlets=0, raise_if_empty=lambda: None)
    monkeypatch.setattr(framing, "load_corpus", lambda path=None, **options: corpus, raising=False)
    monkeypatch.setattr(framing, "feature_tables", lambda corpus, **options: tables, raising=False)


def test_compare_writes_the_four_tables_and_prints_the_cautions(stubbed, tmp_path):
    result = CliRunner().invoke(app, ["compare", "--within", "story", "--out", str(tmp_path), "--n-boot", "50"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "frames.csv", "frames.json", "groups.csv", "groups.json", "stories.csv", "stories.json", "terms.csv",
        "terms.json", "tests.csv", "tests.json",
    ]
    assert "Cautions" in result.output and "fewer than 5 articles in a group" in result.output


def test_an_unknown_column_is_a_one_line_error(stubbed, tmp_path):
    result = CliRunner().invoke(app, ["compare", "--by", "desk", "--out", str(tmp_path)])
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and line.startswith("error: the sentence table has no column 'desk'; groups can be: ")
    assert "outlet" in line.split("groups can be: ")[1].split(", ")


@pytest.mark.parametrize(("options", "message"), [
    (["--over", "date", "--freq", "fortnight"], "error: unknown --freq 'fortnight'; choose one of: week, month, quarter, year"),
    (["--over", "words"], "error: unknown --over 'words': trends are over 'date' (the articles' published dates)"),
    (["--per-story"], "error: --per-story needs --within (the column naming the stories)"),
])
def test_unusable_options_are_one_line_errors_with_exit_code_2(stubbed, tmp_path, options, message):
    result = CliRunner().invoke(app, ["compare", *options, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.strip() == message


@pytest.mark.parametrize(("content", "problem"), [
    ("outlet,lean\nAlpha,left\n", "the groups file needs columns outlet and group (missing: group)"),
    ("outlet,group\nAlpha,left\nAlpha,right\n", "outlet 'Alpha' is given two groups"),
    ("outlet,group\nAlpha,\n", "row 2 has an empty outlet or group"),
])
def test_a_bad_groups_file_is_named_in_a_one_line_error(stubbed, tmp_path, content, problem):
    path = tmp_path / "groups.csv"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", "--groups", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {path}: {problem}"


def test_groups_report_outlets_missing_from_either_side(stubbed, tmp_path):
    path = tmp_path / "groups.csv"
    path.write_text("outlet,group\nAlpha,left\nBeta,right\nGamma,right\nOmega,left\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", "--groups", str(path), "--out", str(tmp_path / "out"),
                                      "--n-boot", "20"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "note: 1 outlet in the groups file is not in the corpus (ignored): 'Omega'" in output
    assert "note: 1 outlet of the corpus is in no group (compared as 'ungrouped'): 'Delta'" in output
    assert (tmp_path / "out" / "outlet_groups.csv").is_file()
