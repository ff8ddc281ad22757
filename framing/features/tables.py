"""Sentence and article tables: the sentence measures, and per-article aggregates of them."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.codebooks import Codebook, load_codebooks
from framing.features import frames
from framing.features.analyzer import SOURCING, LanguageAnalyzer
from framing.features.frames import per_1k
from framing.features.sentiment import tone
from framing.text import sentences as split_sentences

ID_COLUMNS = ["article_id", "sentence_index", "outlet", "kind", "language", "story", "is_headline", "text"]
ARTICLE_ID_COLUMNS = ["article_id", "outlet", "kind", "language", "story", "published", "title"]
MEAN_COLUMNS = ["loaded_score", "sent_tb_polarity", "sent_tb_subjectivity", "sent_vader_compound"]
COUNT_COLUMNS = [f"src_{s}_count" for s in SOURCING] + ["sent_positive_count", "sent_negative_count"]


@dataclass
class Analyzers:
    """One :class:`LanguageAnalyzer` per language, created on first use, all reading the same codebooks."""

    lexicon_root: Path | None = None
    codebooks: tuple[Codebook, ...] = field(default_factory=load_codebooks)
    by_language: dict[str, LanguageAnalyzer] = field(default_factory=dict)

    def __call__(self, lang: str) -> LanguageAnalyzer:
        if lang not in self.by_language:
            self.by_language[lang] = LanguageAnalyzer(lang, self.lexicon_root, self.codebooks)
        return self.by_language[lang]

    def versions(self) -> dict[str, dict[str, str]]:
        """Return ``{language: {family: version}}`` of every lexicon used so far."""
        return {lang: analyzer.versions for lang, analyzer in sorted(self.by_language.items())}


def article_sentences(record: dict) -> Iterator[tuple[int, bool, str]]:
    """Yield ``(sentence_index, is_headline, text)`` for one corpus record: its headline, then its body."""
    index = 0
    title = (record.get("title") or "").strip()
    if title:
        yield index, True, title
        index += 1
    for sentence in split_sentences(record.get("text") or "", lang=record["language"]):
        yield index, False, sentence
        index += 1


def sentence_columns(codebooks: tuple[Codebook, ...] | None = None) -> dict[str, str]:
    """Return ``{column: type}`` of the sentence table, in order; types are ``str``, ``int`` and ``float``.

    Counts are ``int`` with nulls where a language lacks the lexicon. ``codebooks`` default to ``story``.
    """
    columns = dict.fromkeys(ID_COLUMNS, "str") | {"sentence_index": "int", "is_headline": "int", "n_words": "int"}
    columns |= {"loaded_score": "float", "loaded_terms": "str", "headline_cue_score": "float",
                "headline_cues": "str", "sent_tb_polarity": "float",
                "sent_tb_subjectivity": "float", "sent_vader_compound": "float", "sent_positive_count": "int",
                "sent_negative_count": "int", "sent_tone": "float", "sent_polarity_density": "float"}
    for book in codebooks or load_codebooks():
        columns |= frames.sentence_columns(book)
    for name in SOURCING:
        columns |= {f"src_{name}_count": "int", f"src_{name}_per_1k": "float"}
    return columns | {"src_quote_share": "float", "na_reason": "str"}


def article_columns(codebooks: tuple[Codebook, ...] | None = None) -> dict[str, str]:
    """Return ``{column: type}`` of the article table, in order (see :func:`sentence_columns`)."""
    columns = dict.fromkeys(ARTICLE_ID_COLUMNS, "str")
    columns |= dict.fromkeys(["n_sentences", "n_body_sentences", "n_words", "n_body_words"], "int")
    columns |= dict.fromkeys(MEAN_COLUMNS + COUNT_COLUMNS + ["sent_tone", "sent_polarity_density"], "float")
    for book in codebooks or load_codebooks():
        columns |= frames.article_columns(book)
    columns |= {f"src_{name}_per_1k": "float" for name in SOURCING}
    columns |= dict.fromkeys(["src_quote_share", "headline_loaded_score", "body_loaded_score", "loaded_gap",
                              "headline_sent_tone", "body_sent_tone", "tone_gap"], "float")
    return columns | {"headline_loaded_terms": "str", "headline_cue_score": "float", "headline_cues": "str"}


def article_row(record: dict, rows: list[dict], codebooks: tuple[Codebook, ...]) -> dict:
    """Return the article-table row of one record from its sentence rows (headline first, then body).

    Frame counts, rates, contrasts and scores are the body's: the headline is kept apart.
    """
    import numpy as np  # here, not at the top: `framing explain` imports this module and needs no NumPy

    body = [r for r in rows if not r["is_headline"]]
    headline = next((r for r in rows if r["is_headline"]), None)
    n_body_words = sum(r["n_words"] for r in body)
    row = {"article_id": record["id"], **{c: record.get(c, "") for c in ARTICLE_ID_COLUMNS[1:]}}
    row |= {"n_sentences": len(rows), "n_body_sentences": len(body),
            "n_words": sum(r["n_words"] for r in rows), "n_body_words": n_body_words}
    for column in MEAN_COLUMNS:
        values = [r[column] for r in body if r[column] == r[column]]
        row[column] = float(np.mean(values)) if values else math.nan
    for column in COUNT_COLUMNS:
        values = [r[column] for r in body if r[column] == r[column]]
        row[column] = float(sum(values)) if values else math.nan
    positive, negative = row["sent_positive_count"], row["sent_negative_count"]
    row["sent_tone"], row["sent_polarity_density"] = (
        (math.nan, math.nan) if math.isnan(positive) else tone(int(positive), int(negative), n_body_words))
    for book in codebooks:
        row |= frames.article_columns_of(book, body, n_body_words)
    for name in SOURCING:
        row[f"src_{name}_per_1k"] = per_1k(row[f"src_{name}_count"], n_body_words)
    shares = [(r["src_quote_share"], r["n_words"]) for r in body if r["src_quote_share"] == r["src_quote_share"]]
    weights = [w for _, w in shares]
    row["src_quote_share"] = (float(np.average([s for s, _ in shares], weights=weights))
                              if shares and sum(weights) else math.nan)
    h_loaded = float(headline["loaded_score"]) if headline is not None else math.nan
    h_tone = float(headline["sent_tone"]) if headline is not None else math.nan
    return row | {"headline_loaded_score": h_loaded, "body_loaded_score": row["loaded_score"],
                  "loaded_gap": h_loaded - row["loaded_score"], "headline_sent_tone": h_tone,
                  "body_sent_tone": row["sent_tone"], "tone_gap": h_tone - row["sent_tone"],
                  "headline_loaded_terms": headline["loaded_terms"] if headline is not None else "[]",
                  "headline_cue_score": float(headline["headline_cue_score"]) if headline is not None else math.nan,
                  "headline_cues": headline["headline_cues"] if headline is not None else "[]"}
