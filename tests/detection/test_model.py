"""Training, saving and loading a model; files that are not models, or would run code, are refused."""

from pathlib import Path

import pandas as pd
import pytest
import skops.io
from typer.testing import CliRunner

from framing.cli import app
from framing.detection.evaluate import read_labelled
from framing.detection.model import MODEL_FORMAT, LoadedModel, load_model
from framing.detection.score import score_csv
from framing.errors import InputError


class Payload:
    """A type no framing model contains: loading it would run this module's code."""


@pytest.fixture()
def trained(labelled):
    data = read_labelled(labelled, text_col="text", label_col="label")
    return LoadedModel(seed=3).fit(data["text"].tolist(), data["label"])


def test_model_round_trip_gives_the_same_probabilities(trained, tmp_path):
    path = trained.save(tmp_path / "model.skops")
    loaded = load_model(path)
    texts = ["The corrupt regime fooled the public.", "The council received the report on Monday."]
    assert loaded.predict_proba(texts).tolist() == trained.predict_proba(texts).tolist()
    assert loaded.threshold_ == trained.threshold_
    assert set(loaded.versions_) == {"framing", "sklearn", "python"}
    assert loaded.predict_proba(texts)[0] > loaded.predict_proba(texts)[1]


def test_the_same_seed_gives_the_same_model(labelled):
    data = read_labelled(labelled, text_col="text", label_col="label")
    texts, labels = data["text"].tolist(), data["label"]
    first, second = LoadedModel(seed=3).fit(texts, labels), LoadedModel(seed=3).fit(texts, labels)
    assert first.threshold_ == second.threshold_
    assert first.predict_proba(texts).tolist() == second.predict_proba(texts).tolist()


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    text = tmp_path / "notes.skops"
    text.write_text("not a model", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_model(text)
    assert str(error.value) == f"{text}: not a framing model (train one with `framing train`)"
    plain = tmp_path / "plain.skops"
    skops.io.dump({"format": "something else"}, plain)
    with pytest.raises(InputError, match="not a framing model"):
        load_model(plain)


def test_a_model_file_that_would_run_code_is_refused(tmp_path):
    path = tmp_path / "model.skops"
    skops.io.dump({"format": MODEL_FORMAT, "pipeline": Payload()}, path)
    with pytest.raises(InputError) as error:
        load_model(path)
    assert str(error.value) == (f"{path}: refusing a model file that would load types a framing model never "
                                "holds: tests.detection.test_model.Payload")


@pytest.fixture(scope="module")
def saved_model(tmp_path_factory):
    from tests.detection.conftest import LOADED, NEUTRAL

    model = LoadedModel(lang="en", seed=0).fit(LOADED + NEUTRAL, [1] * len(LOADED) + [0] * len(NEUTRAL))
    path = tmp_path_factory.mktemp("model") / "model.skops"
    model.save(path)
    return path


def edited(saved_model, tmp_path, change) -> Path:
    payload = skops.io.load(saved_model, trusted=skops.io.get_untrusted_types(file=saved_model))
    change(payload)
    path = tmp_path / "edited.skops"
    skops.io.dump(payload, path)
    return path


def test_a_type_skops_trusts_but_a_model_never_holds_is_refused(saved_model, tmp_path):
    from sklearn.svm import SVC

    path = edited(saved_model, tmp_path, lambda payload: payload.update(blend=SVC()))
    with pytest.raises(InputError) as error:
        load_model(path)
    assert str(error.value) == (f"{path}: refusing a model file that would load types a framing model never "
                                "holds: sklearn.svm._classes.SVC")
    assert "sklearn.svm._classes.SVC" not in skops.io.get_untrusted_types(file=path)  # skops alone would load it


def test_missing_parts_and_wrong_shapes_are_one_line(saved_model, tmp_path):
    path = edited(saved_model, tmp_path, lambda payload: payload.pop("pipeline"))
    with pytest.raises(InputError) as error:
        load_model(path)
    assert str(error.value) == f"{path}: a framing model without its 'pipeline' part; retrain it"

    def squash(payload):
        for calibrated in payload["pipeline"].steps[-1][1].calibrated_classifiers_:
            calibrated.estimator.coef_ = calibrated.estimator.coef_[:, :3]

    path = edited(saved_model, tmp_path, squash)
    with pytest.raises(InputError) as error:
        load_model(path)
    assert str(error.value).startswith(f"{path}: a framing model with a malformed part (ValueError: ")
    assert str(error.value).endswith("; retrain it") and "\n" not in str(error.value)
    assert load_model(saved_model).predict_proba(["The corrupt regime betrayed the public again."])[0] > 0.5


def test_train_then_score_with_the_model_still_highlights_terms(labelled, tmp_path):
    model, out = tmp_path / "model.skops", tmp_path / "scored.csv"
    runner = CliRunner()
    result = runner.invoke(app, ["train", str(labelled), "--label-col", "label", "--out", str(model)])
    assert result.exit_code == 0, result.output
    score_csv(labelled, out, model=model)
    scored = pd.read_csv(out)
    loaded = scored[scored["label"] == 1]
    assert loaded["loaded_score"].min() > scored[scored["label"] == 0]["loaded_score"].max()
    assert (loaded["loaded_terms"] != "[]").all()
    refused = runner.invoke(app, ["score", str(labelled), "--out", str(out), "--model", str(labelled)])
    assert refused.exit_code == 2 and "not a framing model" in refused.output
