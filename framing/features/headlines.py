"""Headline alignment: pair headlines of one story across outlets, and show what one side adds.

Headlines are paired by TF-IDF cosine similarity of their stemmed words (scikit-learn), only across
different outlets, within one language, and within one story: where the corpus gives both headlines a
story key, only headlines of the same story pair; otherwise only headlines published within
``window_days`` of each other (a date known to the month only spans that month). Where neither a story nor
both dates are known, similarity alone decides; the ``paired_by`` column says which rule let each pair
through. Each pair is oriented from the less loaded headline (the base) to the more loaded one (the
variant), and diffed word by word.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

from framing.features.matching import token_keys
from framing.languages import get_language

if TYPE_CHECKING:  # pandas is imported by the pairing only: a word diff needs it not
    import pandas as pd

DEFAULT_THRESHOLD = 0.35
# A news story's headlines appear within days of each other; a week keeps late follow-ups.
DEFAULT_WINDOW_DAYS = 7
PAIRED_BY = ("story", "date window", "similarity only")
_LABEL_END = frozenset({":", "："})


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff from a base headline to a variant: equal, insert, delete or replace."""

    op: str
    base: str
    variant: str

    def as_dict(self) -> dict:
        return {"op": self.op, "base": self.base, "variant": self.variant}


def diff_tokens(text: str, *, lang: str) -> list[str]:
    """Return the tokens of a headline for diffing: words and punctuation marks, in order."""
    return get_language(lang).diff_tokens(text)


def word_diff(base: str, variant: str, *, lang: str) -> list[DiffOp]:
    """Return the word diff from ``base`` to ``variant`` (case-insensitive comparison).

    A replaced block is split so that a label the variant puts before a colon shows as an insertion,
    the words that take the place of base words show as a replacement, and extra words as an insertion.
    """
    a, b = diff_tokens(base, lang=lang), diff_tokens(variant, lang=lang)
    matcher = difflib.SequenceMatcher(a=[t.casefold() for t in a], b=[t.casefold() for t in b], autojunk=False)
    ops: list[DiffOp] = []
    joiner = get_language(lang).word_joiner
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = a[i1:i2], b[j1:j2]
        if tag != "replace":
            ops.append(DiffOp(tag, joiner.join(left), joiner.join(right)))
            continue
        ops.extend(_split_replace(left, right, joiner))
    return [op for op in ops if op.base or op.variant]


def _split_replace(left: list[str], right: list[str], joiner: str) -> list[DiffOp]:
    ops = []
    colon = next((k for k, tok in enumerate(right) if tok in _LABEL_END), None)
    if colon is not None and colon < len(right) - 1:
        ops.append(DiffOp("insert", "", _join(right[:colon + 1], joiner)))
        right = right[colon + 1:]
    n = min(len(left), len(right))
    ops.append(DiffOp("replace", joiner.join(left[:n]), joiner.join(right[:n])))
    if len(right) > n:
        ops.append(DiffOp("insert", "", joiner.join(right[n:])))
    if len(left) > n:
        ops.append(DiffOp("delete", joiner.join(left[n:]), ""))
    return ops


def _join(tokens: list[str], joiner: str) -> str:
    text = joiner.join(tokens)
    return re.sub(r"\s+([:：,.!?])", r"\1", text)


def align_headlines(sentences: pd.DataFrame, *, threshold: float = DEFAULT_THRESHOLD,
                    articles: pd.DataFrame | None = None, window_days: float = DEFAULT_WINDOW_DAYS) -> pd.DataFrame:
    """Return pairs of headlines of one story from different outlets whose TF-IDF cosine is at least ``threshold``.

    Parameters
    ----------
    sentences : a sentence table (:func:`framing.feature_tables`): ``article_id, outlet, language, story, is_headline,
        text, loaded_score, loaded_terms``, and ``published`` where known.
    threshold : the least cosine similarity of a pair.
    articles : an article table (or corpus records) whose ``published`` dates, by ``article_id`` (or
        ``id``), are used where ``sentences`` has none.
    window_days : headlines without a shared story key pair only if published at most this many days apart.

    Returns
    -------
    DataFrame
        One row per pair, oriented from the less loaded headline (``base_*``) to the more loaded
        (``variant_*``), with ``paired_by`` (:data:`PAIRED_BY`), the word diff and the loaded terms the
        variant adds, both as JSON.
    """
    heads = sentences[sentences["is_headline"] == 1].sort_values("article_id").reset_index(drop=True)
    heads = heads.assign(published=_published(heads, articles))
    rows = []
    for lang, group in heads.groupby("language", sort=True):
        rows.extend(_pairs(group.reset_index(drop=True), lang, threshold, window_days))
    columns = ["story", "language", "similarity", "paired_by", "base_id", "base_outlet", "base_headline",
               "base_loaded_score", "variant_id", "variant_outlet", "variant_headline", "variant_loaded_score",
               "loaded_difference", "diff", "added_loaded_terms"]
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["similarity", "base_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _published(heads: pd.DataFrame, articles: pd.DataFrame | None) -> list[str]:
    """Return each headline's publication date as given ("" when unknown)."""
    own = heads["published"].fillna("").astype(str).tolist() if "published" in heads else [""] * len(heads)
    if articles is None or "published" not in articles:
        return own
    ids = articles["article_id"] if "article_id" in articles else articles["id"]
    dates = dict(zip(ids, articles["published"].fillna("").astype(str)))
    return [date or dates.get(article_id, "") for date, article_id in zip(own, heads["article_id"])]


def same_story(left: pd.Series | dict, right: pd.Series | dict, *, window_days: float = DEFAULT_WINDOW_DAYS) -> str | None:
    """Return the rule by which two headlines may be of one story (:data:`PAIRED_BY`), or None when they are not.

    Two story keys decide; without them, two dates within ``window_days``; without those, similarity alone.
    """
    if left["story"] and right["story"]:
        return "story" if left["story"] == right["story"] else None
    spans = _date_span(left.get("published", "")), _date_span(right.get("published", ""))
    if spans[0] is None or spans[1] is None:
        return "similarity only"
    (low_a, high_a), (low_b, high_b) = spans
    gap = max(low_b - high_a, low_a - high_b, dt.timedelta(0))
    return "date window" if gap <= dt.timedelta(days=window_days) else None


def _date_span(published: str) -> tuple[dt.datetime, dt.datetime] | None:
    """Return the first and last moment an ISO date as precise as known (year, month, day, time) may mean."""
    text = (published or "").strip()
    if not text:
        return None
    try:
        if len(text) == 4:
            year = int(text)
            return dt.datetime(year, 1, 1), dt.datetime(year, 12, 31, 23, 59)
        if len(text) == 7:
            start = dt.datetime.strptime(text, "%Y-%m")
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(minutes=1)
            return start, end
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None
    if len(text) == 10:
        return moment, moment + dt.timedelta(days=1) - dt.timedelta(minutes=1)
    return moment, moment


def _pairs(group: pd.DataFrame, lang: str, threshold: float, window_days: float) -> list[dict]:
    if len(group) < 2:
        return []
    similarity = tfidf_cosine([token_keys(text, lang=lang)[0] for text in group["text"]])
    records = group.to_dict(orient="records")
    rows = []
    for i in range(len(group)):
        for j in range(i + 1, len(group)):
            left, right = records[i], records[j]
            if left["outlet"] == right["outlet"] or similarity[i][j] < threshold:
                continue
            rule = same_story(left, right, window_days=window_days)
            if rule is None:
                continue
            base, variant = sorted((left, right), key=lambda r: (r["loaded_score"], r["article_id"]))
            rows.append(_pair_row(base, variant, float(similarity[i][j]), lang) | {"paired_by": rule})
    return rows


def tfidf_cosine(documents: list[list[str]]) -> list[list[float]]:
    """Return the cosine similarity of every pair of ``documents`` (lists of tokens) as TF-IDF vectors.

    The weighting of scikit-learn's ``TfidfVectorizer`` defaults: raw counts times a smoothed idf,
    ``ln((1 + n) / (1 + df)) + 1``, each vector scaled to unit length. Written out because a worksheet's
    few dozen headlines do not need scikit-learn's second of imports.
    """
    from collections import Counter

    n = len(documents)
    df = Counter(token for tokens in documents for token in set(tokens))
    idf = {token: math.log((1 + n) / (1 + count)) + 1 for token, count in df.items()}
    vectors = []
    for tokens in documents:
        weights = {token: count * idf[token] for token, count in Counter(tokens).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({token: w / norm for token, w in weights.items()})
    return [[sum(w * other.get(token, 0.0) for token, w in vector.items()) for other in vectors] for vector in vectors]


def _pair_row(base: dict, variant: dict, similarity: float, lang: str) -> dict:
    ops = word_diff(base["text"], variant["text"], lang=lang)
    changed = " ".join(op.variant for op in ops if op.op in ("insert", "replace")).casefold()
    added = [t for t in json.loads(variant["loaded_terms"]) if t["term"].casefold() in changed]
    story = base["story"] if base["story"] == variant["story"] else ""
    return {"story": story, "language": lang, "similarity": round(similarity, 6),
            "base_id": base["article_id"], "base_outlet": base["outlet"], "base_headline": base["text"],
            "base_loaded_score": base["loaded_score"], "variant_id": variant["article_id"],
            "variant_outlet": variant["outlet"], "variant_headline": variant["text"],
            "variant_loaded_score": variant["loaded_score"],
            "loaded_difference": variant["loaded_score"] - base["loaded_score"],
            "diff": json.dumps([op.as_dict() for op in ops], ensure_ascii=False),
            "added_loaded_terms": json.dumps(added, ensure_ascii=False)}
