"""Metrics against hand-computed values, and the one-line errors for bad labelled files."""

import json

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.detection.evaluate import evaluate, read_labelled, sentence_metrics, word_metrics
from framing.errors import InputError


def test_sentence_metrics_match_hand_computed_values():
    result = sentence_metrics([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], threshold=0.5)
    assert result["roc_auc"] == pytest.approx(0.75)  # 3 of 4 positive-negative pairs in order
    assert result["average_precision"] == pytest.approx(0.5 * 1 + 0.5 * 2 / 3)
    assert result["default"] == pytest.approx({"threshold": 0.5, "precision": 1.0, "recall": 0.5, "f1": 2 / 3})
    assert result["best"] == pytest.approx({"threshold": 0.35, "precision": 2 / 3, "recall": 1.0, "f1": 0.8})


def test_sentence_metrics_do_not_depend_on_row_order():
    labels, scores = [0, 1, 0, 1, 1, 0], [0.2, 0.9, 0.6, 0.4, 0.7, 0.1]
    order = [3, 0, 5, 1, 4, 2]
    shuffled = sentence_metrics([labels[i] for i in order], [scores[i] for i in order])
    assert shuffled == sentence_metrics(labels, scores)


def test_word_metrics_count_content_words_only():
    result = word_metrics([["the", "evil", "regime"], []], [["evil", "plan", "of"], ["great"]])
    assert (result["n_gold_words"], result["n_predicted_words"]) == (2, 3)
    assert result["precision"] == pytest.approx(1 / 3)
    assert result["recall"] == pytest.approx(1 / 2)
    assert result["f1"] == pytest.approx(0.4)


def test_unsupervised_evaluation_separates_the_test_sentences(labelled):
    result = evaluate(labelled, words_col="words")
    assert result["sentence"]["roc_auc"] == 1.0
    assert result["word"]["recall"] > 0


def _write(tmp_path, text):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_column_is_one_line_naming_the_file(tmp_path):
    path = _write(tmp_path, "text,label\nA calm sentence.,0\n")
    with pytest.raises(InputError) as error:
        read_labelled(path, text_col="text", label_col="loaded")
    assert str(error.value) == f"{path}: no column 'loaded' (columns: text, label)"


def test_labels_that_are_not_binary_are_refused(tmp_path):
    path = _write(tmp_path, "text,label\nA calm sentence.,0\nA wild one.,yes\nAnother.,2\n")
    with pytest.raises(InputError) as error:
        read_labelled(path, text_col="text", label_col="label")
    assert str(error.value) == f"{path}: column 'label' must hold binary labels 0 or 1; found '2', 'yes'"


def test_unparseable_word_lists_are_refused_with_their_line(tmp_path):
    path = _write(tmp_path, 'text,label,words\nA calm sentence.,0,[]\nA wild one.,1,"[wild"\n')
    with pytest.raises(InputError) as error:
        read_labelled(path, text_col="text", label_col="label", words_col="words")
    assert str(error.value) == f"{path}: line 3: column 'words' is not a JSON list of words: '[wild'"


def test_evaluate_command_prints_json_and_exits_nonzero_on_errors(labelled, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(labelled), "--words-col", "words", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sentence"]["n"] == 57
    bad = runner.invoke(app, ["evaluate", str(labelled), "--label-col", "missing"])
    assert bad.exit_code == 2
    assert "no column 'missing'" in bad.output and "Traceback" not in bad.output
