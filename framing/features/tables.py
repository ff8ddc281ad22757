"""Sentence and article tables: the sentence measures, and per-article aggregates of them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from framing.features.analyzer import FRAMES, SOURCING, LanguageAnalyzer, coop_vs_sanction, per_1k
from framing.features.sentiment import tone
from framing.text import sentences as split_sentences

ID_COLUMNS = ["article_id", "sentence_index", "outlet", "kind", "language", "story", "is_headline", "text"]
ARTICLE_ID_COLUMNS = ["article_id", "outlet", "kind", "language", "story", "published", "title"]
MEAN_COLUMNS = ["loaded_score", "sent_tb_polarity", "sent_tb_subjectivity", "sent_vader_compound"]
COUNT_COLUMNS = ([f"frame_{f}_count" for f in FRAMES] + [f"src_{s}_count" for s in SOURCING]
                 + ["sent_positive_count", "sent_negative_count"])


@dataclass
class Analyzers:
    """One :class:`LanguageAnalyzer` per language, created on first use."""

    lexicon_root: Path | None = None
    by_language: dict[str, LanguageAnalyzer] = field(default_factory=dict)

    def __call__(self, lang: str) -> LanguageAnalyzer:
        if lang not in self.by_language:
            self.by_language[lang] = LanguageAnalyzer(lang, self.lexicon_root)
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


def sentence_rows(records: Iterable[dict], analyzers: Analyzers) -> Iterator[dict]:
    """Yield one row of identifiers and measures per sentence of ``records``."""
    for record in records:
        analyzer = analyzers(record["language"])
        for index, is_headline, text in article_sentences(record):
            ids = {"article_id": record["id"], "sentence_index": index, "outlet": record["outlet"],
                   "kind": record["kind"], "language": record["language"], "story": record.get("story", ""),
                   "is_headline": int(is_headline), "text": text}
            yield ids | analyzer.analyze(text, is_headline=is_headline)


def sentence_table(articles: pd.DataFrame, analyzers: Analyzers) -> pd.DataFrame:
    """Return the sentence table for the corpus records in ``articles``."""
    rows = list(sentence_rows(articles.to_dict(orient="records"), analyzers))
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=ID_COLUMNS)
    return frame


def article_table(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Return one row per record: body means and sums of the sentence measures, headline beside body."""
    by_article = {key: group for key, group in sentences.groupby("article_id", sort=False)}
    rows = []
    for record in articles.to_dict(orient="records"):
        group = by_article.get(record["id"], sentences.iloc[0:0])
        rows.append(_article_row(record, group))
    return pd.DataFrame(rows)


def _article_row(record: dict, group: pd.DataFrame) -> dict:
    body = group[group["is_headline"] == 0]
    headline = group[group["is_headline"] == 1]
    n_body_words = int(body["n_words"].sum()) if len(body) else 0
    row = {"article_id": record["id"], **{c: record.get(c, "") for c in ARTICLE_ID_COLUMNS[1:]}}
    row |= {"n_sentences": len(group), "n_body_sentences": len(body),
            "n_words": int(group["n_words"].sum()) if len(group) else 0, "n_body_words": n_body_words}
    for column in MEAN_COLUMNS:
        row[column] = _mean(body, column)
    for column in COUNT_COLUMNS:
        row[column] = _sum(body, column)
    positive, negative = row["sent_positive_count"], row["sent_negative_count"]
    row["sent_tone"], row["sent_polarity_density"] = (
        (math.nan, math.nan) if math.isnan(positive) else tone(int(positive), int(negative), n_body_words))
    for frame in FRAMES:
        row[f"frame_{frame}_per_1k"] = per_1k(row[f"frame_{frame}_count"], n_body_words)
    row["frame_coop_vs_sanction"] = coop_vs_sanction(row["frame_cooperation_count"], row["frame_sanctions_count"])
    for name in SOURCING:
        row[f"src_{name}_per_1k"] = per_1k(row[f"src_{name}_count"], n_body_words)
    row["src_quote_share"] = _weighted_mean(body, "src_quote_share", "n_words")
    row |= _headline_beside_body(headline, row)
    return row


def _headline_beside_body(headline: pd.DataFrame, row: dict) -> dict:
    first = headline.iloc[0] if len(headline) else None
    h_loaded = float(first["loaded_score"]) if first is not None else math.nan
    h_tone = float(first["sent_tone"]) if first is not None else math.nan
    terms = first["loaded_terms"] if first is not None else "[]"
    return {"headline_loaded_score": h_loaded, "body_loaded_score": row["loaded_score"],
            "loaded_gap": h_loaded - row["loaded_score"], "headline_sent_tone": h_tone,
            "body_sent_tone": row["sent_tone"], "tone_gap": h_tone - row["sent_tone"],
            "headline_loaded_terms": terms}


def _mean(frame: pd.DataFrame, column: str) -> float:
    values = frame[column].dropna() if len(frame) else []
    return float(np.mean(values)) if len(values) else math.nan


def _sum(frame: pd.DataFrame, column: str) -> float:
    if not len(frame) or frame[column].isna().all():
        return math.nan
    return float(frame[column].sum())


def _weighted_mean(frame: pd.DataFrame, column: str, weight: str) -> float:
    valid = frame[[column, weight]].dropna() if len(frame) else frame
    if not len(valid) or valid[weight].sum() == 0:
        return math.nan
    return float(np.average(valid[column], weights=valid[weight]))

