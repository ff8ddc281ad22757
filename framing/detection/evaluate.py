"""Measure loaded-language detection against a user's labelled sentences.

Sentence level: ROC AUC, average precision, and precision, recall and F1 of the loaded class at the default
threshold and at the threshold that maximises F1. Word level: precision, recall and F1 of the highlighted
words against gold words, on content words (stop words, numbers and punctuation left out, since
annotators' spans carry function words that no highlighter should be asked for).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.text import tokens

DEFAULT_THRESHOLD = 0.5


def read_labelled(path: str | Path, *, text_col: str, label_col: str, words_col: str | None = None) -> pd.DataFrame:
    """Return the rows of a labelled CSV with ``text``, integer ``label`` and, if asked, ``words`` (sets).

    Raises :class:`InputError`, one line naming the file, for a missing column, labels that are not 0/1,
    or a gold-word cell that is not a JSON list of strings.
    """
    path = Path(path)
    frame, encoding = read_table(path)
    for column in (text_col, label_col, words_col):
        if column is not None and column not in frame.columns:
            raise InputError(f"no column '{column}' (columns: {', '.join(frame.columns)})", path=path)
    data = pd.DataFrame({"text": frame[text_col], "label": _binary_labels(frame[label_col], label_col, path)})
    if words_col is not None:
        data["words"] = [_word_list(cell, row, words_col, path) for row, cell in enumerate(frame[words_col], 2)]
    data.attrs["encoding"] = encoding
    return data


def read_table(path: Path) -> tuple[pd.DataFrame, str | None]:
    """Return the CSV at ``path`` as text cells, and the encoding it was decoded from (None for UTF-8).

    Raises :class:`InputError`, one line, for a missing, unreadable, binary, empty or malformed file.
    """
    from framing.corpus.encoding import DecodeError, utf8_file

    if not path.is_file():
        raise InputError("no such file", path=path)
    try:
        handle, encoding = utf8_file(path)
        with handle:
            frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    except DecodeError as error:
        raise InputError(str(error), path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {(error.strerror or str(error)).lower()}", path=path) from None
    except pd.errors.EmptyDataError:
        raise InputError("the file is empty", path=path) from None
    except pd.errors.ParserError as error:
        raise InputError(f"not a valid CSV table: {str(error).strip().splitlines()[-1]}", path=path) from None
    if frame.empty:
        raise InputError("the file has a header but no rows", path=path)
    return frame, encoding


def _binary_labels(column: pd.Series, name: str, path: Path) -> np.ndarray:
    cleaned = column.str.strip()
    bad = sorted(set(cleaned) - {"0", "1"})
    if bad:
        shown = ", ".join(repr(value) for value in bad[:3])
        raise InputError(f"column '{name}' must hold binary labels 0 or 1; found {shown}", path=path)
    if cleaned.nunique() < 2:
        raise InputError(f"column '{name}' needs both labels, 0 and 1, to be evaluated", path=path)
    return cleaned.astype(int).to_numpy()


def _word_list(cell: str, row: int, name: str, path: Path) -> frozenset[str]:
    try:
        words = json.loads(cell) if cell.strip() else []
    except json.JSONDecodeError:
        words = None
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise InputError(f"line {row}: column '{name}' is not a JSON list of words: {cell[:40]!r}", path=path)
    return frozenset(words)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def content_words(words: Iterable[str]) -> set[str]:
    """Return the lower-cased content words of ``words``: no stop words, numbers or punctuation."""
    keep = set()
    for word in words:
        word = word.casefold().replace("’", "'")
        if word and word[0].isalpha() and word not in _stop_words():
            keep.add(word)
    return keep


def highlighted_words(loaded_terms: str, *, lang: str) -> set[str]:
    """Return the content words of the highlighted terms in a ``loaded_terms`` JSON list."""
    return content_words(word for term in json.loads(loaded_terms) for word in tokens(term["term"], lang=lang))


def sentence_metrics(labels: Sequence[int], scores: Sequence[float], *, threshold: float = DEFAULT_THRESHOLD) -> dict:
    """Return ROC AUC, average precision, and P/R/F1 of class 1 at ``threshold`` and at the best threshold."""
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

    labels = np.asarray(labels, dtype=int)
    scores = np.asarray(scores, dtype=float)
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = np.divide(2 * precision * recall, precision + recall, out=np.zeros_like(precision),
                   where=(precision + recall) > 0)
    best = int(np.argmax(f1[:-1])) if len(thresholds) else 0
    return {
        "n": int(len(labels)), "n_positive": int(labels.sum()),
        "roc_auc": float(roc_auc_score(labels, scores)),
        "average_precision": float(average_precision_score(labels, scores)),
        "default": {"threshold": threshold, **_prf(labels, scores >= threshold)},
        "best": {"threshold": float(thresholds[best]), **_prf(labels, scores >= thresholds[best])},
    }


def _prf(labels: np.ndarray, predicted: np.ndarray) -> dict:
    true_positive = int((predicted & (labels == 1)).sum())
    return _ratios(true_positive, int(predicted.sum()), int(labels.sum()))


def _ratios(true_positive: int, n_predicted: int, n_gold: int) -> dict:
    precision = true_positive / n_predicted if n_predicted else 0.0
    recall = true_positive / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def word_metrics(gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]]) -> dict:
    """Return micro precision, recall and F1 of ``predicted`` against ``gold`` content words, per sentence."""
    true_positive = n_predicted = n_gold = 0
    for gold_words, predicted_words in zip(gold, predicted, strict=True):
        gold_set, predicted_set = content_words(gold_words), content_words(predicted_words)
        true_positive += len(gold_set & predicted_set)
        n_predicted += len(predicted_set)
        n_gold += len(gold_set)
    return {"n_gold_words": n_gold, "n_predicted_words": n_predicted, **_ratios(true_positive, n_predicted, n_gold)}


def evaluate_scored(data: pd.DataFrame, scored: pd.DataFrame, *, lang: str,
                    threshold: float = DEFAULT_THRESHOLD) -> dict:
    """Return sentence metrics, and word metrics when ``data`` has gold ``words``.

    A sentence's highlighted words count as predicted only when its score reaches ``threshold``.
    """
    scores = scored["loaded_score"].fillna(0.0).to_numpy()
    result = {"sentence": sentence_metrics(data["label"], scores, threshold=threshold)}
    if "words" in data:
        predicted = [highlighted_words(terms, lang=lang) if score >= threshold else set()
                     for terms, score in zip(scored["loaded_terms"], scores)]
        result["word"] = word_metrics(list(data["words"]), predicted)
    return result


def evaluate(path: str | Path, *, text_col: str = "text", label_col: str = "label", words_col: str | None = None,
             lang: str = "en", model: str | Path | None = None, threshold: float | None = None) -> dict:
    """Score a labelled CSV (unsupervised, or with a trained ``model``) and return its metrics."""
    from framing.detection.score import Scorer

    data = read_labelled(path, text_col=text_col, label_col=label_col, words_col=words_col)
    scorer = Scorer(lang=lang, model=model)
    threshold = scorer.threshold if threshold is None else threshold
    scored = scorer.score(data["text"].tolist())
    return {"file": str(path), "method": scorer.method, **evaluate_scored(data, scored, lang=lang, threshold=threshold)}


def cross_validate(path: str | Path, *, text_col: str = "text", label_col: str = "label",
                   words_col: str | None = None, lang: str = "en", cv: int = 5, seed: int = 0,
                   encoder: str | None = None) -> dict:
    """Return metrics of training on ``cv - 1`` folds and scoring the held-out fold, pooled over folds.

    ``encoder`` adds a pretrained sentence encoder's features to the model (see :class:`LoadedModel`).
    """
    from sklearn.model_selection import StratifiedKFold

    from framing.detection.model import LoadedModel
    from framing.detection.score import Scorer

    data = read_labelled(path, text_col=text_col, label_col=label_col, words_col=words_col)
    if cv < 2 or data["label"].value_counts().min() < cv:
        raise InputError(f"--cv {cv} needs at least 2 folds and {cv} sentences of each label", path=path)
    scored = pd.DataFrame(index=data.index, columns=["loaded_score", "loaded_terms"])
    thresholds = []
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed).split(data["text"], data["label"])
    for train, test in folds:
        model = LoadedModel(lang=lang, seed=seed, encoder=encoder).fit(data["text"].iloc[train].tolist(), data["label"].iloc[train])
        fold = Scorer(lang=lang, model=model).score(data["text"].iloc[test].tolist())
        scored.iloc[test] = fold[["loaded_score", "loaded_terms"]].to_numpy()
        thresholds.append(model.threshold_)
    scored["loaded_score"] = scored["loaded_score"].astype(float)
    threshold = float(np.mean(thresholds))
    method = f"{cv}-fold cross-validation, seed {seed}" + (f", encoder {encoder}" if encoder else "")
    return {"file": str(path), "method": method,
            **evaluate_scored(data, scored, lang=lang, threshold=threshold)}
