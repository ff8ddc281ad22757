"""Frames learned from labels: train, score and evaluate with --frame-cols; untrained codebook scores."""

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app

runner = CliRunner()
ECONOMIC = ["The plan will cost taxpayers two billion dollars and shrink the budget.",
            "Prices rose and investors fear a recession as profits fall.",
            "Jobs were lost when the factory closed, and wages fell across the industry.",
            "The tax on fuel will raise revenue but hurt consumers' incomes.",
            "Insurers expect losses of a billion dollars from the floods.",
            "Economists say the subsidy will cost more than it saves."]
CONFLICT = ["Critics accused the minister of lying, and the opposition condemned the decision.",
            "Protesters clashed with police as the dispute over the pipeline deepened.",
            "The two parties traded accusations in a bitter feud over the vote.",
            "Rivals attacked the plan, and the row split the coalition.",
            "The union rejected the offer and denounced the company's stance.",
            "Opponents sued to block the law, deepening the controversy."]
PLAIN = ["The museum opened a new wing on Sunday.", "Rain is expected in the north later this week.",
         "The train leaves at nine from the central station.", "A new bridge was opened over the river.",
         "The library extended its opening hours.", "The festival returns to the park next month."]


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    rows = ([{"text": t, "economic": 1, "conflict": 0} for t in ECONOMIC]
            + [{"text": t, "economic": 0, "conflict": 1} for t in CONFLICT]
            + [{"text": t, "economic": 0, "conflict": 0} for t in PLAIN])
    path = tmp_path_factory.mktemp("frames") / "labelled.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_untrained_generic_scores_rank_the_labelled_frames(labelled, tmp_path):
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["score", str(labelled), "--codebook", "generic", "--out", str(out)])
    assert result.exit_code == 0, result.output
    scored = pd.read_csv(out)
    assert len(scored) == len(pd.read_csv(labelled))
    assert scored["frame_economic_score"].between(0, 1).all()
    economic = scored[scored["economic"] == 1]["frame_economic_score"]
    assert economic.min() > scored[scored["economic"] == 0]["frame_economic_score"].median()
    assert (scored.loc[scored["conflict"] == 1, "frame_primary"] == "conflict").mean() >= 0.5
    metrics = json.loads(runner.invoke(app, ["evaluate", str(labelled), "--frame-cols", "economic,conflict",
                                             "--codebook", "generic", "--json"]).output)
    assert metrics["frames"]["economic"]["auc"] > 0.9
    assert set(metrics["macro"]) == {"auc", "average_precision", "f1"}


def test_trained_frame_model_scores_calibrated_probabilities(labelled, tmp_path):
    model = tmp_path / "frames.skops"
    result = runner.invoke(app, ["train", str(labelled), "--frame-cols", "economic,conflict", "--out", str(model)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["score", str(labelled), "--model", str(model), "--out", str(out)])
    assert result.exit_code == 0, result.output
    scored = pd.read_csv(out)
    assert scored["frame_economic_score"].between(0, 1).all()
    assert scored.loc[scored["economic"] == 1, "frame_economic_score"].mean() > \
        scored.loc[scored["economic"] == 0, "frame_economic_score"].mean()
    # The primary frame is the most probable learned frame, not the top untrained score beside them.
    learned = scored[["frame_economic_score", "frame_conflict_score"]]
    assert (scored["frame_primary"] == learned.idxmax(axis=1).str.split("_").str[1]).all()
    evaluated = json.loads(runner.invoke(app, ["evaluate", str(labelled), "--frame-cols", "economic",
                                               "--model", str(model), "--json"]).output)
    assert evaluated["method"] == "trained frame model"


def test_cross_validation_reports_every_frame(labelled):
    result = runner.invoke(app, ["evaluate", str(labelled), "--frame-cols", "economic,conflict", "--cv", "2",
                                 "--seed", "0", "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)
    assert set(metrics["frames"]) == {"economic", "conflict"}
    assert all(0 <= metrics["frames"][k]["f1"] <= 1 for k in metrics["frames"])


def test_a_frame_column_that_does_not_exist_is_one_line_and_writes_nothing(labelled, tmp_path):
    model = tmp_path / "m.skops"
    result = runner.invoke(app, ["train", str(labelled), "--frame-cols", "economic,nosuch", "--out", str(model)])
    assert result.exit_code == 2
    assert "no column 'nosuch'" in result.output and len(result.output.strip().splitlines()) == 1
    assert not model.exists()


def test_a_frame_the_codebook_defines_reads_its_own_cues_and_another_reads_them_all(labelled, tmp_path):
    from framing.codebooks import load_codebook
    from framing.detection.frames import FrameModel, read_frame_labels
    from framing.detection.model import load_model

    texts, labels = read_frame_labels(labelled, text_col="text", frame_cols=["economic", "conflict"])
    labels["newsworthy"] = labels["economic"] | labels["conflict"]  # a column no generic family is named after
    model = FrameModel(codebook="generic").fit(texts, labels)
    keys = list(load_codebook("generic").keys)
    assert model.cue_columns_["economic"] == [3 * keys.index("economic") + m for m in range(3)]
    assert model.cue_columns_["newsworthy"] == list(range(3 * len(keys)))
    assert model.stackers_["newsworthy"][-1].coef_.shape == (1, 3 * len(keys) + 1)  # every cue and the n-grams
    loaded = load_model(model.save(tmp_path / "frames.skops"))
    assert loaded.cue_columns_ == model.cue_columns_
    for key, values in loaded.predict_frames(texts).items():
        np.testing.assert_array_equal(values, model.predict_frames(texts)[key])


def test_with_several_codebooks_a_frame_model_fills_its_own_codebooks_columns(labelled, tmp_path):
    model = tmp_path / "frames.skops"
    assert runner.invoke(app, ["train", str(labelled), "--frame-cols", "economic,conflict",
                               "--out", str(model)]).exit_code == 0
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["score", str(labelled), "--model", str(model), "--codebook", "generic",
                                 "--codebook", "story", "--out", str(out)])
    assert result.exit_code == 0, result.output
    scored = pd.read_csv(out)
    result = runner.invoke(app, ["score", str(labelled), "--model", str(model), "--out", str(tmp_path / "alone.csv")])
    assert result.exit_code == 0, result.output
    alone = pd.read_csv(tmp_path / "alone.csv")
    np.testing.assert_allclose(scored["frame_generic_economic_score"], alone["frame_economic_score"])
    assert (scored["frame_generic_primary"] == alone["frame_primary"]).all()
    assert "frame_economic_score" not in scored.columns  # no stray unprefixed column
    assert "frame_story_primary" in scored.columns
