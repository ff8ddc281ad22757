"""Loaded-language detection: score any CSV of sentences, measure it against labels, train a model.

    from framing.detection import evaluate, score_csv
    evaluate("labelled.csv", label_col="label", words_col="words")
"""

from __future__ import annotations

from framing.detection.evaluate import cross_validate, evaluate, sentence_metrics, word_metrics
from framing.detection.score import Scorer, score_csv

__all__ = ["Scorer", "cross_validate", "evaluate", "score_csv", "sentence_metrics", "word_metrics"]
