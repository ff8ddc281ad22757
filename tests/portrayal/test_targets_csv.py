"""`score --target-col` and `evaluate --target-col`: sentiment towards each row's target, bad rows named."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app

ROWS = [
    ("Critics condemned the senator for the brutal and corrupt deal.", "the senator", "negative"),
    ("The senator won praise for her generous and brilliant support of the clinic.", "The senator", "positive"),
    ("The committee met on Tuesday in the capital.", "The committee", "neutral"),
    ("Voters admired the mayor, who was praised as honest and kind.", "the mayor", "positive"),
]


def write(tmp_path, rows, name="targets.csv"):
    frame = pd.DataFrame(rows, columns=["text", "target", "sentiment"])
    frame["start"] = [text.find(t) for text, t, _ in rows]
    frame["end"] = frame["start"] + frame["target"].str.len()
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return path


def test_score_adds_the_sentiment_towards_each_target(tmp_path):
    path = write(tmp_path, ROWS)
    out = tmp_path / "scored.csv"
    result = CliRunner().invoke(app, ["score", str(path), "--target-col", "target", "--target-start-col", "start",
                                      "--target-end-col", "end", "--out", str(out)])
    assert result.exit_code == 0, result.output
    scored = pd.read_csv(out)
    assert list(scored.columns[:3]) == ["text", "target", "sentiment"]
    assert scored["target_sentiment"].iloc[0] == "negative" and scored["target_sentiment"].iloc[1] == "positive"
    assert (scored["target_score"] - (scored["target_p_positive"] - scored["target_p_negative"])).abs().max() < 1e-9


def test_evaluate_reports_macro_f1_and_each_class(tmp_path):
    path = write(tmp_path, ROWS)
    result = CliRunner().invoke(app, ["evaluate", str(path), "--target-col", "target", "--label-col", "sentiment",
                                      "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["n"] == 4 and set(report["classes"]) == {"negative", "neutral", "positive"}
    assert 0 <= report["macro_f1"] <= 1 and report["classes"]["positive"]["n"] == 2


@pytest.mark.parametrize(("start", "end", "message"), [
    (0, 500, "row 2: offsets 0-500 lie outside the text"),
    (0, 4, "row 2: offsets 0-4 give 'The ', not the target 'The senator'"),
])
def test_offsets_outside_the_text_or_not_spelling_the_target_are_named_by_row(tmp_path, start, end, message):
    path = write(tmp_path, ROWS)
    frame = pd.read_csv(path)
    frame.loc[1, ["start", "end"]] = [start, end]
    frame.to_csv(path, index=False)
    result = CliRunner().invoke(app, ["score", str(path), "--target-col", "target", "--target-start-col", "start",
                                      "--target-end-col", "end", "--out", str(tmp_path / "out.csv")])
    assert result.exit_code == 2
    assert message in result.output and str(path) in result.output
    assert not (tmp_path / "out.csv").exists()


def test_a_target_missing_from_its_text_is_named_by_row(tmp_path):
    path = write(tmp_path, [*ROWS[:2], ("Nothing here.", "Beijing", "neutral")])
    result = CliRunner().invoke(app, ["score", str(path), "--target-col", "target", "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2 and "row 3: target 'Beijing' does not occur in its text" in result.output
