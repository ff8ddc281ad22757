"""``framing score --target-col`` and ``framing evaluate --target-col``: target sentiment on a user's CSV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from framing import io
from framing.portrayal import target
from framing.errors import InputError

COLUMNS = ["target_sentiment", "target_score", "target_p_negative", "target_p_neutral", "target_p_positive",
           "target_method", "target_na_reason"]


def read_targets(path: str | Path, *, text_col: str, target_col: str, start_col: str | None = None,
                 end_col: str | None = None) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """Return the rows of the CSV at ``path`` and each target's character span in its text.

    Without offset columns, a target is its first occurrence in the text. Raises :class:`InputError`,
    naming the file and the row (1 = the first data row), for a missing column, a target not in its text,
    or offsets outside the text or not spelling the target.
    """
    if (start_col is None) != (end_col is None):
        raise InputError("give both --target-start-col and --target-end-col, or neither", path=path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(f"cannot read the CSV: {error}", path=path) from None
    for column in (text_col, target_col, *(c for c in (start_col, end_col) if c)):
        if column not in frame.columns:
            raise InputError(f"no column {column!r} (columns: {', '.join(frame.columns)})", path=path)
    spans = []
    for row, (text, mention) in enumerate(zip(frame[text_col], frame[target_col]), start=1):
        if not mention.strip():
            raise InputError(f"row {row}: empty target", path=path)
        if start_col is None:
            start = text.find(mention)
            if start < 0:
                raise InputError(f"row {row}: target {mention!r} does not occur in its text", path=path)
            spans.append((start, start + len(mention)))
            continue
        try:
            start, end = int(frame.at[row - 1, start_col]), int(frame.at[row - 1, end_col])
        except ValueError:
            raise InputError(f"row {row}: offsets {frame.at[row - 1, start_col]!r}, {frame.at[row - 1, end_col]!r} "
                             "are not whole numbers", path=path) from None
        if not 0 <= start < end <= len(text):
            raise InputError(f"row {row}: offsets {start}-{end} lie outside the text ({len(text)} characters)",
                             path=path)
        if text[start:end] != mention:
            raise InputError(f"row {row}: offsets {start}-{end} give {text[start:end]!r}, not the target "
                             f"{mention!r}", path=path)
        spans.append((start, end))
    return frame, spans


def score_targets(frame: pd.DataFrame, spans: list[tuple[int, int]], *, text_col: str, lang: str = "en",
                  use_encoder: bool = True) -> pd.DataFrame:
    """Return ``frame`` with the target sentiment columns (:data:`COLUMNS`) added."""
    rows = []
    for text, span in zip(frame[text_col], spans):
        p = target.portray(text, [span], lang=lang, use_encoder=use_encoder)[0]
        rows.append([p.sentiment, p.score, p.p_negative, p.p_neutral, p.p_positive, p.method, p.na_reason])
    return pd.concat([frame, pd.DataFrame(rows, columns=COLUMNS, index=frame.index)], axis=1)


def score_targets_csv(path: str | Path, out: str | Path, *, text_col: str, target_col: str,
                      start_col: str | None = None, end_col: str | None = None, lang: str = "en",
                      use_encoder: bool = True) -> int:
    """Score every row of the CSV at ``path``; write it with the target columns to ``out``; return the rows."""
    io.refuse_overwriting_inputs(out, [path])
    frame, spans = read_targets(path, text_col=text_col, target_col=target_col, start_col=start_col,
                                end_col=end_col)
    io.write_table(score_targets(frame, spans, text_col=text_col, lang=lang, use_encoder=use_encoder), out)
    return len(frame)


def evaluate_targets(path: str | Path, *, text_col: str, target_col: str, label_col: str,
                     start_col: str | None = None, end_col: str | None = None, lang: str = "en",
                     use_encoder: bool = True) -> dict:
    """Return macro-F1, accuracy and per-class precision, recall and F1 of the target sentiment on labelled rows."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    frame, spans = read_targets(path, text_col=text_col, target_col=target_col, start_col=start_col,
                                end_col=end_col)
    if label_col not in frame.columns:
        raise InputError(f"no column {label_col!r} (columns: {', '.join(frame.columns)})", path=path)
    labels = frame[label_col].str.strip().str.lower()
    unknown = sorted(set(labels) - set(target.LABELS))
    if unknown:
        row = int(np.flatnonzero(~labels.isin(target.LABELS))[0]) + 1
        raise InputError(f"row {row}: label {unknown[0]!r} is not one of {', '.join(target.LABELS)}", path=path)
    scored = score_targets(frame, spans, text_col=text_col, lang=lang, use_encoder=use_encoder)
    keep = scored["target_sentiment"] != ""
    truth, predicted = labels[keep], scored.loc[keep, "target_sentiment"]
    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=list(target.LABELS),
                                                                     zero_division=0)
    return {
        "n": int(keep.sum()), "n_unscored": int((~keep).sum()),
        "methods": sorted(set(scored.loc[keep, "target_method"])),
        "macro_f1": float(f1_score(truth, predicted, labels=list(target.LABELS), average="macro", zero_division=0)),
        "accuracy": float((truth == predicted).mean()) if keep.any() else float("nan"),
        "classes": {label: {"precision": float(p), "recall": float(r), "f1": float(f), "n": int(n)}
                    for label, p, r, f, n in zip(target.LABELS, precision, recall, f1, support)},
    }
