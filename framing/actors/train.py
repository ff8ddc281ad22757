"""Rebuild the shipped target-sentiment weights from a labelled CSV (NewsMTSC's train split by default).

    python -m framing.actors.train target_sentiment_train.csv [--seed 0] [--cache DIR]

The CSV has ``text``, ``start``, ``end`` (the mention's character offsets) and ``sentiment`` (negative /
neutral / positive). Both models are cross-validated (five folds, seeded, the targets of one sentence kept
in one fold), then fitted on every row; the weights go to ``framing/actors/data/target_sentiment.npz`` and
the record of how (data, licence, seed, figures) to ``target_sentiment.json``. The same file and seed give
the same weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd

from framing import io
from framing.actors import target, window

C = {"encoder": 0.05, "lexicon": 1.0}
FOLDS = 5
DATA = Path(__file__).parent / "data"
SOURCE = ("NewsMTSC train split (Hamborg & Donnay 2021, 'NewsMTSC: A Dataset for (Multi-)Target-dependent "
          "Sentiment Classification in Political News Articles'), MIT licence")


def features(frame: pd.DataFrame, *, cache: Path | None = None) -> dict[str, np.ndarray]:
    """Return the lexicon and encoder feature matrices of every row (encoder vectors cached in ``cache``)."""
    lexical = np.stack([window.features(r.text, int(r.start), int(r.end), lang="en") for r in frame.itertuples()])
    key = hashlib.sha256(pd.util.hash_pandas_object(frame[["text", "start", "end"]]).values.tobytes()).hexdigest()
    cached = cache / f"target_encoder_{key[:16]}.npy" if cache is not None else None
    if cached is not None and cached.exists():
        vectors = np.load(cached)
    else:
        rows: dict[int, np.ndarray] = {}
        for text, group in frame.groupby("text", sort=False):
            spans = list(zip(group["start"].astype(int), group["end"].astype(int)))
            for index, vector in zip(group.index, target.encoder_features(text, spans)):
                rows[index] = vector
        vectors = np.stack([rows[index] for index in frame.index])
        if cached is not None:
            cache.mkdir(parents=True, exist_ok=True)
            np.save(cached, vectors)
    return {"lexicon": lexical, "encoder": np.hstack([vectors, lexical])}


def fit(x: np.ndarray, y: np.ndarray, *, c: float) -> target.Linear:
    """Fit a class-balanced multinomial logistic regression on standardised ``x``."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit((x - mean) / scale, y)
    return target.Linear(mean, scale, model.coef_, model.intercept_)


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray, *, c: float, seed: int) -> dict:
    """Return macro-F1 and per-class precision, recall and F1 over ``FOLDS`` seeded folds."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedGroupKFold

    predicted = np.zeros(len(y), dtype=int)
    for train, test in StratifiedGroupKFold(FOLDS, shuffle=True, random_state=seed).split(x, y, groups):
        model = fit(x[train], y[train], c=c)
        predicted[test] = [int(np.argmax(model.probabilities(row))) for row in x[test]]
    precision, recall, f1, support = precision_recall_fscore_support(y, predicted, labels=[0, 1, 2])
    return {"macro_f1": round(float(f1_score(y, predicted, average="macro")), 4),
            "classes": {label: {"precision": round(float(p), 4), "recall": round(float(r), 4),
                                "f1": round(float(f), 4), "n": int(n)}
                        for label, p, r, f, n in zip(target.LABELS, precision, recall, f1, support)}}


def build(path: str | Path, *, seed: int = 0, cache: Path | None = None, out: Path = DATA) -> dict:
    """Cross-validate and fit both models on the CSV at ``path``; write the weights and record into ``out``."""
    frame = pd.read_csv(path)
    y = frame["sentiment"].map({label: i for i, label in enumerate(target.LABELS)}).to_numpy()
    groups = pd.factorize(frame["text"])[0]
    matrices = features(frame, cache=cache)
    arrays, report = {}, {}
    for name, x in matrices.items():
        report[name] = cross_validate(x, y, groups, c=C[name], seed=seed)
        model = fit(x, y, c=C[name])
        arrays |= {f"{name}_{part}": getattr(model, part).astype(np.float32)
                   for part in ("mean", "scale", "coef", "intercept")}
    buffer = __import__("io").BytesIO()
    np.savez_compressed(buffer, **arrays)
    io.write_bytes(out / target.MODEL_FILE, buffer.getvalue())
    record = {"data": SOURCE, "rows": len(frame), "sentences": int(groups.max() + 1), "seed": seed,
              "folds": FOLDS, "c": C, "layers": list(target.LAYERS), "encoder": "all-MiniLM-L6-v2",
              "window": window.WINDOW, "cross_validation": report}
    io.write_text(out / "target_sentiment.json", json.dumps(record, indent=1) + "\n")
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=None, help="folder keeping the encoder features")
    args = parser.parse_args()
    print(json.dumps(build(args.csv, seed=args.seed, cache=args.cache)["cross_validation"], indent=1))


if __name__ == "__main__":
    main()
