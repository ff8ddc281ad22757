"""Framing features per sentence and article: loaded wording, sentiment and tone, frames, sourcing."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.features.analyzer import FRAMES, SOURCING, LanguageAnalyzer
from framing.features.tables import Analyzers, article_table, sentence_table

__all__ = ["FRAMES", "SOURCING", "FeatureTables", "LanguageAnalyzer", "features"]


@dataclass
class FeatureTables:
    """The sentence table, the article table, and the versions of the lexicons that made them."""

    sentences: pd.DataFrame
    articles: pd.DataFrame
    lexicon_versions: dict[str, dict[str, str]] = field(default_factory=dict)

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write both tables as CSV and Parquet, and the codebook, atomically; return the paths."""
        from framing.features.codebook import render_codebook
        from framing.io import write_table, write_text

        out_dir = Path(out_dir)
        paths = []
        for name, frame in (("sentences", self.sentences), ("articles", self.articles)):
            for suffix in (".csv", ".parquet"):
                paths.append(write_table(frame, out_dir / f"{name}{suffix}"))
        paths.append(write_text(out_dir / "codebook.md", render_codebook(self.lexicon_versions)))
        return paths


def features(corpus, *, lexicons: str | Path | None = None) -> FeatureTables:
    """Compute the sentence and article tables of ``corpus``.

    Parameters
    ----------
    corpus : a :class:`framing.corpus.Corpus`, or a DataFrame with the corpus columns
        (``id, outlet, title, text, language, kind, story``; ``published`` optional).
    lexicons : a folder of lexicons (``<family>/<lang>.yaml``) that replace the shipped ones
        for the families and languages it has.

    Returns
    -------
    FeatureTables
    """
    records = corpus.articles if hasattr(corpus, "articles") else corpus
    analyzers = Analyzers(Path(lexicons) if lexicons is not None else None)
    sentences = sentence_table(records, analyzers)
    articles = article_table(records, sentences)
    return FeatureTables(sentences=sentences, articles=articles, lexicon_versions=analyzers.versions())


class _CallableModule(types.ModuleType):
    """``framing.features`` is both this package and the function :func:`features`.

    Importing a submodule such as ``framing.features.headlines`` binds the package to the name
    ``framing.features``, so the package itself must answer ``framing.features(corpus)``.
    """

    def __call__(self, corpus, *, lexicons: str | Path | None = None) -> FeatureTables:
        return features(corpus, lexicons=lexicons)


sys.modules[__name__].__class__ = _CallableModule

