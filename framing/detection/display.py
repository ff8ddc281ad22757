"""Terminal view of evaluation metrics (rich)."""

from __future__ import annotations

from rich.table import Table


def metrics_table(result: dict) -> Table:
    """Return a table of the sentence-level and, when present, word-level metrics of ``result``."""
    sentence = result["sentence"]
    table = Table("level", "threshold", "precision", "recall", "F1", "ROC AUC", "avg. precision",
                  title=f"{result['file']}: {result['method']}, {sentence['n']} sentences, "
                        f"{sentence['n_positive']} loaded")
    for name in ("default", "best"):
        row = sentence[name]
        table.add_row(f"sentence ({name} threshold)", f"{row['threshold']:.3f}", *_prf(row),
                      f"{sentence['roc_auc']:.3f}", f"{sentence['average_precision']:.3f}")
    if "word" in result:
        word = result["word"]
        table.add_row("words (content words)", f"{sentence['default']['threshold']:.3f}", *_prf(word), "", "")
    return table


def _prf(row: dict) -> list[str]:
    return [f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}"]
