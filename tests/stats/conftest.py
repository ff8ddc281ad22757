"""A small synthetic FeatureTables with the documented columns, so the statistics are tested on their own."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

#: The frames of the story codebook, as the feature tables name them.
FRAMES = ("sanctions", "cooperation", "competition", "safety", "security", "regulation")

WORDS = {
    "en": ["the", "talks", "china", "cooperation", "sanctions", "safety", "devil", "deal", "risk", "ai"],
    "zh": ["中国", "合作", "安全", "风险", "人工智能"],
}


@dataclasses.dataclass
class Tables:
    """Stand-in for ``framing.features.FeatureTables``: the two documented tables."""

    sentences: pd.DataFrame
    articles: pd.DataFrame


def sentence_rows(outlet: str, story: str, n_articles: int, *, rng, language: str = "en", shift: float = 0.0):
    """Rows for ``n_articles`` articles of ``outlet`` with 3 to 6 sentences each."""
    rows = []
    for a in range(n_articles):
        article = f"{outlet}-{story}-{a}"
        for s in range(int(rng.integers(3, 7))):
            words = rng.choice(WORDS[language], size=int(rng.integers(4, 9)))
            counts = {f"frame_{name}_count": int(rng.poisson(0.8 + (shift if name == "cooperation" else 0)))
                      for name in FRAMES}
            n_words = len(words)
            coop, sanc = counts["frame_cooperation_count"], counts["frame_sanctions_count"]
            rows.append({
                "article_id": article, "sentence_index": s, "outlet": outlet, "kind": "article",
                "language": language, "story": story, "is_headline": int(s == 0),
                "text": (" " if language == "en" else "").join(words), "n_words": n_words,
                "loaded_score": float(np.clip(rng.normal(0.3 + shift / 4, 0.15), 0, 1)),
                "sent_tone": float(rng.normal(shift, 1)),
                "sent_vader_compound": float(rng.uniform(-1, 1)) if language == "en" else np.nan,
                **counts,
                **{f"frame_{name}_per_1k": 1000 * counts[f"frame_{name}_count"] / n_words for name in FRAMES},
                "frame_coop_vs_sanction": (coop - sanc) / (coop + sanc) if coop + sanc else np.nan,
            })
    return rows


def synthetic_tables(seed: int = 0) -> Tables:
    """Two stories; outlets with 6, 5, 2 and 1 articles; one Chinese outlet alone in its language."""
    rng = np.random.default_rng(seed)
    rows = []
    for story in ("geneva", "altman"):
        rows += sentence_rows("Alpha", story, 6, rng=rng, shift=1.0)
        rows += sentence_rows("Beta", story, 5, rng=rng)
        rows += sentence_rows("Gamma", story, 2 if story == "altman" else 1, rng=rng)
    rows += sentence_rows("Delta", "altman", 1, rng=rng, language="zh")
    sentences = pd.DataFrame(rows)
    articles = sentences.groupby("article_id", as_index=False).agg(
        outlet=("outlet", "first"), language=("language", "first"), story=("story", "first"))
    return Tables(sentences=sentences, articles=articles)


@pytest.fixture(scope="session")
def tables() -> Tables:
    return synthetic_tables()


@pytest.fixture(scope="session")
def comparison(tables):
    from framing.stats import compare

    return compare(tables, by="outlet", within="story", per_story=True, seed=7, n_boot=300)
