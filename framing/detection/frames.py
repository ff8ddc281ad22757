"""Frames learned from labels: one calibrated presence model per frame, on codebook cues and word n-grams.

A user with articles (or sentences) labelled 0/1 for some frames trains :class:`FrameModel`; each frame
gets a logistic regression on the codebook's cue measures (count, rate and untrained score, summed over
the text's sentences, of the frame's own family where the codebook defines it and of every family where it
does not) and the out-of-fold scores of one or two text models: word
1–2-gram TF-IDF and, optionally, the encoder's sentence vectors averaged over the whole text. It is
calibrated so that ``frame_<key>_score`` reads as a probability. Files are skops with a trusted-type list,
like the loaded-language model.
"""

from __future__ import annotations

import platform
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from framing.codebooks import DEFAULT
from framing.errors import InputError

MODEL_FORMAT = "framing-frame-model"
# 2: the encoder is a text model of its own, over the whole text, not a block beside the n-grams; a frame the
#    codebook defines reads its own family's cue measures only (``cue_columns``).
MODEL_FORMAT_VERSION = 2
# The encoder model's inverse penalty: strong, as several hundred standardised columns meet a few hundred texts.
ENCODER_C = 0.01
DEFAULT_CODEBOOK = DEFAULT


@lru_cache(maxsize=50_000)
def _text_features(text: str, lang: str, codebook: str) -> tuple[float, ...]:
    """Per family of ``codebook``: cue count, cues per 1,000 words, and the untrained score, over ``text``."""
    from framing.codebooks import load_codebooks
    from framing.features import frames
    from framing.text import sentences

    analyzer = _analyzers(codebook)(lang)
    (book,) = load_codebooks([codebook])
    counts = dict.fromkeys(book.keys, 0.0)
    weights = dict.fromkeys(book.keys, 0.0)
    n_words = 0
    for sentence in sentences(text, lang=lang) or [text]:
        row = analyzer.measure("frames", sentence, n_words=0, is_headline=False)[0]
        n_words += _words(sentence, lang)
        for key in book.keys:
            counts[key] += _zero(row[book.column(key, "count")])
            weights[key] += _zero(row[frames.weight_key(book, key)])
    return tuple(value for key in book.keys for value in (
        counts[key], frames.per_1k(counts[key], n_words) if n_words else 0.0, frames.score(weights[key], n_words)))


def _zero(value: float) -> float:
    return 0.0 if value != value else float(value)


def _words(text: str, lang: str) -> int:
    from framing.text import word_count

    return word_count(text, lang=lang)


@lru_cache(maxsize=8)
def _analyzers(codebook: str):
    from framing.codebooks import load_codebooks
    from framing.features.tables import Analyzers

    return Analyzers(codebooks=load_codebooks([codebook]))


class CodebookFeatures(TransformerMixin, BaseEstimator):
    """Turn texts into a codebook's cue measures (stateless).

    Parameters
    ----------
    lang : language of the texts.
    codebook : a shipped codebook's name or a codebook folder.
    """

    def __init__(self, lang: str = "en", codebook: str = DEFAULT_CODEBOOK) -> None:
        self.lang = lang
        self.codebook = codebook

    def fit(self, texts, y=None) -> CodebookFeatures:
        """Return ``self``; there is nothing to learn."""
        return self

    def transform(self, texts) -> np.ndarray:
        """Return one row of cue measures per text."""
        return np.array([_text_features(str(text), self.lang, self.codebook) for text in texts], dtype=float)


class FrameModel:
    """One calibrated logistic regression per labelled frame.

    Parameters
    ----------
    lang : language of the texts.
    codebook : the codebook whose cues are features (name or folder); default ``generic``.
    seed : seed of the calibration folds.
    c : inverse regularisation strength.
    encoder : None, or ``"minilm"`` (needs ``framing[encoder]``): a model on the encoder's sentence vectors,
        averaged over each text, joins the word model.
    """

    def __init__(self, *, lang: str = "en", codebook: str = DEFAULT_CODEBOOK, seed: int = 0, c: float = 1.0,
                 encoder: str | None = None) -> None:
        self.lang = lang
        self.codebook = codebook
        self.seed = seed
        self.c = c
        self.encoder = encoder

    def _text_models(self) -> list:
        """The text models whose out-of-fold scores join the cues: word n-grams, and the encoder if any.

        Each is a logistic regression of its own. Word 1–2-gram TF-IDF; the encoder's vectors, averaged over
        the text's sentences (:class:`~framing.detection.encoder.TextEncoder`), standardised, and held to a
        strong penalty (``ENCODER_C``): several hundred columns against a few hundred labelled texts.
        """
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        # liblinear: fast and exact on a few hundred texts with tens of thousands of n-grams.
        models = [make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True),
                                LogisticRegression(C=self.c, class_weight="balanced", solver="liblinear"))]
        if self.encoder is not None:
            from framing.detection.encoder import TextEncoder

            models.append(make_pipeline(TextEncoder(self.encoder, lang=self.lang), StandardScaler(),
                                        LogisticRegression(C=ENCODER_C, class_weight="balanced", solver="liblinear")))
        return models

    def _stacker(self):
        """The frame's cue measures and the text models' scores, standardised, under a logistic regression."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        return make_pipeline(StandardScaler(), LogisticRegression(C=self.c, class_weight="balanced",
                                                                  solver="liblinear"))

    def fit(self, texts: list[str], labels: pd.DataFrame) -> FrameModel:
        """Fit one model per column of ``labels`` (0/1).

        Two parts, stacked: text models (word n-grams, and the encoder if any) whose out-of-fold scores join
        cue measures in a small logistic regression; that regression's out-of-fold decision values (three
        folds) calibrate it by Platt scaling and give the F1-best threshold. Each text model is one feature
        among the cues, so a few hundred labelled texts do not drown the codebook in n-grams or encoder
        columns. A column named like a family of the codebook reads that family's three cue measures
        (:meth:`cue_columns`); any other column reads every family's.
        """
        from threadpoolctl import threadpool_limits

        if self.encoder is not None:
            from framing.detection.encoder import require

            require(self.encoder, lang=self.lang)
        texts = list(texts)
        self.frames_ = list(labels.columns)
        self.text_models_, self.stackers_, self.calibrators_, self.thresholds_ = {}, {}, {}, {}
        self.cue_columns_ = {key: self.cue_columns(key) for key in self.frames_}
        # One BLAS thread: on a busy machine, threaded BLAS calls on these small matrices wait far longer
        # than they compute (a fit took 40 times longer).
        with threadpool_limits(limits=1):
            cues = CodebookFeatures(lang=self.lang, codebook=self.codebook).transform(texts)
            for key in self.frames_:
                self._fit_frame(key, texts, cues[:, self.cue_columns_[key]], labels[key].to_numpy(dtype=int))
        return self

    def cue_columns(self, key: str) -> list[int]:
        """Return the columns of :class:`CodebookFeatures` that the model of frame ``key`` reads.

        A frame the codebook defines is read by its own cues (count, rate and untrained score): the
        codebook already says which words evoke it, and three measures leave a few dozen positive texts
        little to overfit. A frame it does not define may draw on any family.
        """
        from framing.codebooks import load_codebook

        keys = list(load_codebook(self.codebook).keys)
        if key in keys:
            return [3 * keys.index(key) + measure for measure in range(3)]
        return list(range(3 * len(keys)))

    def _fit_frame(self, key: str, texts: list[str], cues: np.ndarray, y: np.ndarray) -> None:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        from framing.detection.model import _best_f1_threshold

        if y.min() == y.max() or min(np.bincount(y)) < 3:
            raise InputError(f"frame column '{key}' needs at least 3 texts with and 3 without the frame")
        folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=self.seed)
        models = self._text_models()
        stacked = np.column_stack([cues, *(cross_val_predict(model, texts, y, cv=folds, method="decision_function")
                                           for model in models)])
        held_out = cross_val_predict(self._stacker(), stacked, y, cv=folds, method="decision_function")
        calibrator = LogisticRegression().fit(held_out.reshape(-1, 1), y)
        self.calibrators_[key] = calibrator
        self.thresholds_[key] = _best_f1_threshold(y, calibrator.predict_proba(held_out.reshape(-1, 1))[:, 1])
        self.text_models_[key] = [model.fit(texts, y) for model in models]
        self.stackers_[key] = self._stacker().fit(stacked, y)

    def predict_frames(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Return ``{frame: calibrated probability per text}``."""
        from threadpoolctl import threadpool_limits

        texts = list(texts)
        with threadpool_limits(limits=1):
            cues = CodebookFeatures(lang=self.lang, codebook=self.codebook).transform(texts)
            out = {}
            for key in self.frames_:
                stacked = np.column_stack([cues[:, self.cue_columns_[key]], *(model.decision_function(texts)
                                                   for model in self.text_models_[key])])
                decision = self.stackers_[key].decision_function(stacked)
                out[key] = self.calibrators_[key].predict_proba(decision.reshape(-1, 1))[:, 1]
        return out

    def save(self, path: str | Path, *, inputs=()) -> Path:
        """Write the model with skops, atomically, with the versions it was trained with; ``inputs`` are files
        that must not be written over (the training data)."""
        import sklearn
        import skops.io

        from framing import __version__
        from framing.io import write_bytes

        versions = {"framing": __version__, "sklearn": sklearn.__version__, "python": platform.python_version()}
        payload = {"format": MODEL_FORMAT, "format_version": MODEL_FORMAT_VERSION, "lang": self.lang,
                   "codebook": self.codebook, "seed": self.seed, "c": self.c, "encoder": self.encoder,
                   "frames": list(self.frames_), "versions": versions,
                   "cue_columns": [list(self.cue_columns_[key]) for key in self.frames_],
                   "text_models": [self.text_models_[key] for key in self.frames_],
                   "stackers": [self.stackers_[key] for key in self.frames_],
                   "calibrators": [self.calibrators_[key] for key in self.frames_],
                   "thresholds": [float(self.thresholds_[key]) for key in self.frames_]}
        return write_bytes(path, skops.io.dumps(payload), inputs=inputs)

    @classmethod
    def from_payload(cls, payload: dict, *, path: Path) -> FrameModel:
        """Return the model of a loaded skops ``payload`` (see :func:`framing.detection.model.load_model`)."""
        if payload.get("format_version") != MODEL_FORMAT_VERSION:
            raise InputError(f"frame model format version {payload.get('format_version')} is not supported "
                             f"(this framing writes {MODEL_FORMAT_VERSION}); retrain it with "
                             "`framing train --frame-cols`", path=path)
        from framing.codebooks import load_codebook

        try:
            load_codebook(payload["codebook"])
            model = cls(lang=payload["lang"], codebook=payload["codebook"], seed=payload["seed"], c=payload["c"],
                        encoder=payload["encoder"])
            model.frames_ = list(payload["frames"])
            model.cue_columns_ = {key: [int(column) for column in columns]
                                  for key, columns in zip(model.frames_, payload["cue_columns"])}
            model.text_models_ = dict(zip(model.frames_, payload["text_models"]))
            model.stackers_ = dict(zip(model.frames_, payload["stackers"]))
            model.calibrators_ = dict(zip(model.frames_, payload["calibrators"]))
            model.thresholds_ = dict(zip(model.frames_, payload["thresholds"]))
            model.versions_ = payload["versions"]
        except KeyError as error:
            raise InputError(f"a frame model without its {error.args[0]!r} part; retrain it", path=path) from None
        return model


def read_frame_labels(path: str | Path, *, text_col: str, frame_cols: list[str]) -> tuple[list[str], pd.DataFrame]:
    """Return the texts and the 0/1 frame labels of a CSV; a missing column or a non-0/1 cell is an error."""
    from framing.detection.evaluate import _binary_labels

    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path=path)
    if not frame_cols:
        raise InputError("--frame-cols names no column")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in (text_col, *frame_cols):
        if column not in frame.columns:
            raise InputError(f"no column '{column}' (columns: {', '.join(frame.columns)})", path=path)
    labels = pd.DataFrame({key: _binary_labels(frame[key], key, path) for key in frame_cols})
    return frame[text_col].tolist(), labels


def frame_metrics(labels: pd.DataFrame, scores: dict[str, np.ndarray], thresholds: dict[str, float]) -> dict:
    """Return per-frame AUC, average precision, precision, recall and F1 at ``thresholds``, and macro means."""
    from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score

    per_frame = {}
    for key in labels.columns:
        y = labels[key].to_numpy(dtype=int)
        s = np.asarray(scores[key], dtype=float)
        predicted = (s >= thresholds[key]).astype(int)
        both = y.min() != y.max()
        per_frame[key] = {
            "n": int(len(y)), "n_positive": int(y.sum()),
            "auc": float(roc_auc_score(y, s)) if both else None,
            "average_precision": float(average_precision_score(y, s)) if both else None,
            "precision": float(precision_score(y, predicted, zero_division=0)),
            "recall": float(recall_score(y, predicted, zero_division=0)),
            "f1": float(f1_score(y, predicted, zero_division=0)), "threshold": float(thresholds[key])}
    macro = {name: _mean([m[name] for m in per_frame.values()]) for name in ("auc", "average_precision", "f1")}
    return {"frames": per_frame, "macro": macro}


def _mean(values: list) -> float | None:
    present = [v for v in values if v is not None]
    return float(np.mean(present)) if present else None


def evaluate_frames(path: str | Path, *, text_col: str = "text", frame_cols: list[str], lang: str = "en",
                    codebook: str = DEFAULT_CODEBOOK, model=None) -> dict:
    """Measure frame scores against labels: the untrained codebook scores (threshold 0.5), or a frame model's."""
    from framing.detection.model import load_model

    texts, labels = read_frame_labels(path, text_col=text_col, frame_cols=frame_cols)
    if model is not None:
        model = load_model(model) if isinstance(model, (str, Path)) else model
        if not isinstance(model, FrameModel):
            raise InputError("not a frame model (train one with `framing train --frame-cols`)", path=model)
        missing = [key for key in frame_cols if key not in model.frames_]
        if missing:
            raise InputError(f"the model has no frame '{missing[0]}' (it has: {', '.join(model.frames_)})")
        scores = model.predict_frames(texts)
        result = frame_metrics(labels, scores, {key: model.thresholds_[key] for key in frame_cols})
        return {"method": "trained frame model", **result}
    scores = untrained_scores(texts, lang=lang, codebook=codebook)
    missing = [key for key in frame_cols if key not in scores]
    if missing:
        raise InputError(f"codebook '{codebook}' has no family '{missing[0]}' (it has: {', '.join(scores)})")
    result = frame_metrics(labels, scores, dict.fromkeys(frame_cols, 0.5))
    return {"method": f"untrained codebook scores ({codebook})", **result}


def untrained_scores(texts: list[str], *, lang: str, codebook: str) -> dict[str, np.ndarray]:
    """Return ``{family: frame_<key>_score per text}`` of the codebook's untrained scores."""
    from framing.codebooks import load_codebooks

    (book,) = load_codebooks([codebook])
    rows = np.array([_text_features(str(text), lang, codebook) for text in texts], dtype=float).reshape(len(texts), -1)
    return {key: rows[:, 3 * i + 2] for i, key in enumerate(book.keys)}


def cross_validate_frames(path: str | Path, *, text_col: str = "text", frame_cols: list[str], lang: str = "en",
                          codebook: str = DEFAULT_CODEBOOK, cv: int = 5, seed: int = 0,
                          encoder: str | None = None) -> dict:
    """Train on ``cv - 1`` folds and score the rest, ``cv`` times; return :func:`frame_metrics` out of fold.

    F1 is at each fold model's own threshold (chosen inside its training folds).
    """
    from sklearn.model_selection import KFold

    texts, labels = read_frame_labels(path, text_col=text_col, frame_cols=frame_cols)
    scores = {key: np.zeros(len(texts)) for key in frame_cols}
    predicted = {key: np.zeros(len(texts), dtype=int) for key in frame_cols}
    for train, test in KFold(n_splits=cv, shuffle=True, random_state=seed).split(texts):
        model = FrameModel(lang=lang, codebook=codebook, seed=seed, encoder=encoder).fit(
            [texts[i] for i in train], labels.iloc[train].reset_index(drop=True))
        fold = model.predict_frames([texts[i] for i in test])
        for key in frame_cols:
            scores[key][test] = fold[key]
            predicted[key][test] = (fold[key] >= model.thresholds_[key]).astype(int)
    # The predictions already carry each fold's threshold: score them as 0/1 at 0.5, AUC and AP on the scores.
    result = frame_metrics(labels, scores, dict.fromkeys(frame_cols, 0.5))
    from sklearn.metrics import f1_score, precision_score, recall_score

    for key in frame_cols:
        y = labels[key].to_numpy(dtype=int)
        result["frames"][key] |= {"precision": float(precision_score(y, predicted[key], zero_division=0)),
                                  "recall": float(recall_score(y, predicted[key], zero_division=0)),
                                  "f1": float(f1_score(y, predicted[key], zero_division=0)), "threshold": None}
    result["macro"]["f1"] = _mean([result["frames"][key]["f1"] for key in frame_cols])
    return {"method": f"cross-validated frame models ({cv} folds, codebook {codebook})", "cv": cv, "seed": seed,
            **result}
