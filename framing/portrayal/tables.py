"""Per group and actor: how often and how an actor is portrayed, with intervals, and tests between groups."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.stats._common import FEW_ARTICLES, MIN_ARTICLES, join_cautions, rng_for
from framing.stats.bootstrap import bootstrap_mean
from framing.stats.ranktests import TEST_COLUMNS, rank_tests

LABELS = ("negative", "neutral", "positive")
SUMMARY_COLUMNS = [
    "actor", "n_mentions", "n_articles", "n_scored", "share_negative", "share_neutral", "share_positive",
    "mean_score", "ci_low", "ci_high", "unit", "n_boot", "caution",
]
NOT_MENTIONED = "not mentioned"
#: An interval wider than this (on a score from -1 to 1) marks a cell of the figure as uncertain.
WIDE_INTERVAL = 0.5


def summaries(mentions: pd.DataFrame, *, by: str, groups: list[str], actors: list[str], seed: int,
              n_boot: int, stratum: str) -> pd.DataFrame:
    """Return one row per group and actor (every pair, so an actor never mentioned has ``n_mentions`` 0)."""
    rows = []
    for group in groups:
        of_group = mentions[mentions[by] == group]
        for actor in actors:
            found = of_group[of_group["actor"] == actor]
            rng = rng_for(seed, "actors", stratum, group, actor)
            rows.append({by: group, **_summary(found, actor, rng=rng, n_boot=n_boot)})
    return pd.DataFrame(rows, columns=[by, *SUMMARY_COLUMNS])


def _summary(found: pd.DataFrame, actor: str, *, rng: np.random.Generator, n_boot: int) -> dict:
    scored = found[found["score"].notna()]
    values = scored["score"].to_numpy(dtype=float)
    mean, low, high, unit = bootstrap_mean(values, scored["id"].to_numpy(), n_boot=n_boot, rng=rng)
    n_articles = found["id"].nunique()
    shares = {f"share_{label}": (float((scored["sentiment"] == label).mean()) if len(scored) else np.nan)
              for label in LABELS}
    caution = join_cautions(
        NOT_MENTIONED if found.empty else "",
        "no mention could be scored (see na_reason in mentions.csv)" if len(found) and scored.empty else "",
        FEW_ARTICLES if 0 < n_articles < MIN_ARTICLES else "",
        "one mention: no interval" if len(values) == 1 else "",
    )
    return {"actor": actor, "n_mentions": len(found), "n_articles": n_articles, "n_scored": len(values),
            **shares, "mean_score": mean, "ci_low": low, "ci_high": high, "unit": unit,
            "n_boot": n_boot if unit else 0, "caution": caution}


def tests(mentions: pd.DataFrame, *, by: str, actors: list[str], seed: int, n_boot: int,
          stratum: str) -> pd.DataFrame:
    """Return, per actor, Kruskal–Wallis and pairwise Mann–Whitney tests of the mention scores between groups.

    The machinery is ``compare``'s (:func:`framing.stats.ranktests.rank_tests`): article means are compared
    when every group has two articles or more, else mentions, with a caution.
    """
    frames = []
    for actor in actors:
        rows = mentions[(mentions["actor"] == actor) & mentions["score"].notna()]
        if rows.empty:
            continue
        # Mentions stand in the place of sentences: rank_tests orders rows by article and index.
        table = rows[["id", "sentence_index", "mention_index", by, "score"]].rename(columns={"id": "article_id"})
        table["sentence_index"] = table["sentence_index"] * 10_000 + table["mention_index"]
        found = rank_tests(table[["article_id", "sentence_index", by, "score"]], by=by, feature="score",
                           seed=seed, n_boot=n_boot, stratum=f"{stratum}/{actor}")
        frames.append(found.assign(feature=actor).rename(columns={"feature": "actor"}))
    if not frames:
        return pd.DataFrame(columns=["actor", *TEST_COLUMNS[1:]])
    return pd.concat(frames, ignore_index=True)
