"""Mentions of actors in a corpus, chunk by chunk, with how each is portrayed; then the tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from framing.features.tables import article_sentences
from framing.portrayal import tables
from framing.portrayal.catalogue import Actor
from framing.portrayal.sentence import portray_sentence

MENTION_COLUMNS = [
    "id", "outlet", "story", "language", "sentence_index", "is_headline", "mention_index", "actor", "surface",
    "sentence", "start", "end", "sentiment", "score", "p_negative", "p_neutral", "p_positive", "method",
    "cues", "na_reason",
]
#: Polarity words shown as the evidence of a mention (the strongest first).
TOP_CUES = 3


@dataclass(frozen=True)
class Settings:
    """What a worker needs besides the records: the actors (None: found automatically) and the options."""

    actors: tuple[Actor, ...] | None = None
    lexicon_root: str | None = None
    use_encoder: bool = True


def mention_chunk(records: list[dict], settings: Settings) -> dict[str, list]:
    """Return the mention rows of ``records`` column by column (the unit of work of every engine)."""
    rows: list[dict] = []
    for record in records:
        lang = record["language"]
        count = 0
        for index, is_headline, text in article_sentences(record):
            for portrayed in portray_sentence(text, lang=lang, actors=settings.actors,
                                              use_encoder=settings.use_encoder, lexicons=settings.lexicon_root):
                mention, portrayal = portrayed.mention, portrayed.portrayal
                rows.append({
                    "id": record["id"], "outlet": record["outlet"], "story": record.get("story", "") or "",
                    "language": lang, "sentence_index": index, "is_headline": int(is_headline),
                    "mention_index": count, "actor": mention.actor, "surface": mention.surface, "sentence": text,
                    "start": mention.start, "end": mention.end, "sentiment": portrayal.sentiment,
                    "score": portrayal.score, "p_negative": portrayal.p_negative,
                    "p_neutral": portrayal.p_neutral, "p_positive": portrayal.p_positive,
                    "method": portrayal.method, "cues": _cues(portrayed.cues),
                    "na_reason": portrayal.na_reason,
                })
                count += 1
    return {name: [row[name] for row in rows] for name in MENTION_COLUMNS}


def _cues(cues) -> str:
    """The strongest polarity words near the mention: ``+praised; -attacking``."""
    return "; ".join(("+" if cue.polarity == "positive" else "-") + cue.surface for cue in cues[:TOP_CUES])


def summarise(mentions: pd.DataFrame, records: pd.DataFrame, *, actors: list[str], by: str,
              within: str | None, seed: int, n_boot: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the actor table and the tests table, per stratum (``within``) when given."""
    column = within or "story"
    strata = [("all", records)] if within is None else list(records.groupby(within, sort=True))
    summaries, tests = [], []
    for stratum, rows in strata:
        stratum = str(stratum)
        inside = mentions if within is None else mentions[mentions[within] == stratum]
        groups = sorted(rows[by].fillna("").astype(str).unique())
        names = actors if actors else sorted(inside["actor"].unique())
        summary = tables.summaries(inside, by=by, groups=groups, actors=names, seed=seed, n_boot=n_boot,
                                   stratum=stratum)
        if not actors:
            # Names found automatically: an absent name says nothing, so only those mentioned are listed.
            summary = summary[summary["n_mentions"] > 0]
        summaries.append(summary.assign(**{column: stratum}))
        tests.append(tables.tests(inside, by=by, actors=names, seed=seed, n_boot=n_boot,
                                  stratum=stratum).assign(**{column: stratum}))
    return _first(pd.concat(summaries, ignore_index=True), column), _first(pd.concat(tests, ignore_index=True),
                                                                         column)


def _first(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    return frame[[column, *(c for c in frame.columns if c != column)]]
