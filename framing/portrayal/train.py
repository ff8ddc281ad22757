"""Rebuild the shipped target-sentiment weights from a labelled CSV (NewsMTSC's train split by default).

    python -m framing.portrayal.train target_sentiment_train.csv [--seed 0] [--cache DIR] [--out DIR]

The CSV has ``text``, ``start``, ``end`` (the mention's character offsets) and ``sentiment`` (negative /
neutral / positive). Both models are cross-validated (five folds, seeded, the targets of one sentence kept
in one fold), then fitted on every row; the weights go to ``framing/portrayal/data/target_sentiment.npz`` and
the record of how (data, licence, seed, figures) to ``target_sentiment.json``. The same file and seed give
the same weights, to the byte: the sentences are encoded and the network trained on one thread, because
the sums of a matrix product split over threads round differently.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd

from framing import io
from framing.portrayal import target, window

HIDDEN = 256
EPOCHS = 8
BATCH = 64
DROPOUT = 0.3
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 0.01
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
        import torch

        rows: dict[int, np.ndarray] = {}
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            for text, group in frame.groupby("text", sort=False):
                spans = list(zip(group["start"].astype(int), group["end"].astype(int)))
                for index, vector in zip(group.index, target.encoder_features(text, spans)):
                    rows[index] = vector
        finally:
            torch.set_num_threads(threads)
        vectors = np.stack([rows[index] for index in frame.index])
        if cached is not None:
            cache.mkdir(parents=True, exist_ok=True)
            np.save(cached, vectors)
    return {"lexicon": lexical, "encoder": np.hstack([vectors, lexical])}


def fit(name: str, x: np.ndarray, y: np.ndarray, *, seed: int) -> target.Classifier:
    """Fit model ``name``: the lexicon model's logistic regression, or the encoder model's network."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    standard = (x - mean) / scale
    if name == "lexicon":
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(standard, y)
        return target.Classifier(mean, scale, (model.coef_.T,), (model.intercept_,))
    return target.Classifier(mean, scale, *_network(standard, y, seed=seed))


def _network(x: np.ndarray, y: np.ndarray, *, seed: int) -> tuple[tuple, tuple]:
    """Train the one-hidden-layer network on one thread (the seed fixes weights, dropout and batch order)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        torch.manual_seed(seed)
        network = torch.nn.Sequential(torch.nn.Dropout(DROPOUT), torch.nn.Linear(x.shape[1], HIDDEN),
                                      torch.nn.GELU(), torch.nn.Dropout(DROPOUT), torch.nn.Linear(HIDDEN, 3))
        optimiser = torch.optim.AdamW(network.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
        balance = torch.tensor(len(y) / (3 * np.bincount(y, minlength=3)), dtype=torch.float32)
        features, labels = torch.from_numpy(x.astype(np.float32)), torch.from_numpy(y.astype(np.int64))
        order = np.random.default_rng(seed)
        network.train()
        for _ in range(EPOCHS):
            for batch in np.array_split(order.permutation(len(y)), max(1, len(y) // BATCH)):
                loss = torch.nn.functional.cross_entropy(network(features[batch]), labels[batch], weight=balance)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
    finally:
        torch.set_num_threads(threads)
    hidden, output = network[1], network[4]
    weights = (hidden.weight.detach().numpy().T.copy(), output.weight.detach().numpy().T.copy())
    return weights, (hidden.bias.detach().numpy().copy(), output.bias.detach().numpy().copy())


def cross_validate(name: str, x: np.ndarray, y: np.ndarray, groups: np.ndarray, *, seed: int) -> dict:
    """Return macro-F1 and per-class precision, recall and F1 over ``FOLDS`` seeded folds."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedGroupKFold

    predicted = np.zeros(len(y), dtype=int)
    for train, test in StratifiedGroupKFold(FOLDS, shuffle=True, random_state=seed).split(x, y, groups):
        model = fit(name, x[train], y[train], seed=seed)
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
        report[name] = cross_validate(name, x, y, groups, seed=seed)
        arrays |= fit(name, x, y, seed=seed).arrays(name)
    io.write_bytes(out / target.MODEL_FILE, _npz(arrays))
    record = {"data": SOURCE, "rows": len(frame), "sentences": int(groups.max() + 1), "seed": seed,
              "folds": FOLDS, "network": {"hidden": HIDDEN, "epochs": EPOCHS, "batch": BATCH, "dropout": DROPOUT,
                                          "learning_rate": LEARNING_RATE, "weight_decay": WEIGHT_DECAY},
              "layers": list(target.LAYERS), "encoder": "all-MiniLM-L6-v2",
              "window": window.WINDOW, "cross_validation": report}
    io.write_text(out / "target_sentiment.json", json.dumps(record, indent=1) + "\n")
    return record


def _npz(arrays: dict[str, np.ndarray]) -> bytes:
    """Return ``arrays`` as .npz bytes with fixed zip dates, so that the same weights give the same file."""
    import io as bytes_io
    import zipfile

    buffer = bytes_io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in sorted(arrays.items()):
            member = bytes_io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=None, help="folder keeping the encoder features")
    parser.add_argument("--out", type=Path, default=DATA, help="folder for the weights and their record "
                        "(default: the package's data folder, replacing the shipped ones)")
    args = parser.parse_args()
    record = build(args.csv, seed=args.seed, cache=args.cache, out=args.out)
    print(json.dumps(record["cross_validation"], indent=1))


if __name__ == "__main__":
    main()
