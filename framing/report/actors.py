"""The paper's section on actors: how each outlet portrays the actors of its stories.

The mentions are those of the compared (full-text) records, found with the actors file beside the corpus
(``actors.yaml``) or, without one, automatically; :func:`framing.actors` scores and summarises them. This
module adds them to the :class:`~framing.report.results.Results`, and turns them into the numbers, table
and figure the paper shows.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from framing.report.results import Results

#: Actors the section's text goes through one by one (the figure and ``actors.csv`` have every one).
MAX_NAMED_ACTORS = 4
#: Outlets the text cites per actor: past this many, the ones that name it most (the table has every one).
MAX_CITED_OUTLETS = 6
#: The figure's name (``figures/actor_portrayal.svg``), as ``framing actors`` names it.
FIGURE = "actor_portrayal"


def with_portrayals(results: Results, *, actors: str | Path | None, workers: int = 1) -> Results:
    """Return ``results`` with the portrayals of the actors in its compared records.

    Parameters
    ----------
    results : the analysis of the corpus.
    actors : an actors file, or None to follow the names found automatically.
    workers : local processes; the tables are the same for any number.
    """
    import framing
    from framing.portrayal import load_actors

    catalogue = load_actors(actors) if actors is not None else None
    compared = set(results.full_text.articles["article_id"])
    records = results.records[results.records["id"].isin(compared)].reset_index(drop=True)
    found = framing.actors(records, actors=catalogue, by="outlet", seed=results.seed, n_boot=results.n_boot,
                           workers=workers)
    source = {"file": Path(actors).name, "n_listed": len(catalogue)} if catalogue is not None else None
    return dataclasses.replace(results, portrayals=found, actors_source=source)


def actor_tables(results: Results) -> dict[str, pd.DataFrame]:
    """The tables of the section, by file name: ``actors`` (per outlet and actor), ``actor_tests``."""
    if results.portrayals is None:
        return {}
    return {"actors": results.portrayals.actors.drop(columns=["story"]).reset_index(drop=True),
            "actor_tests": results.portrayals.tests.drop(columns=["story"]).reset_index(drop=True)}


def actor_numbers(results: Results) -> dict:
    """Every number the section cites: what was followed and how, per method, per named actor and outlet."""
    from framing.portrayal import target
    from framing.report.numbers import ALPHA
    from framing.stats._common import MIN_ARTICLES

    found = results.portrayals
    if found is None:
        return {"supported": False}
    mentions, summary, tests = found.mentions, found.actors, found.tests
    scored = mentions[mentions["score"].notna()]
    figures = target.record()["cross_validation"]
    methods = []
    for method, rows in scored.groupby("method", sort=True):
        methods.append({"method": method, "n": len(rows), "languages": _names(rows["language"]),
                        "mean_abs_score": float(rows["score"].abs().mean()),
                        "macro_f1": figures.get(method, {}).get("macro_f1")})
    unscored = mentions[mentions["score"].isna()]
    mentioned = summary[summary["n_mentions"] > 0]
    named = []
    per_actor = mentioned.groupby("actor", sort=True).agg(n_outlets=("outlet", "nunique"),
                                                          n_mentions=("n_mentions", "sum"))
    ranked = per_actor[per_actor["n_outlets"] >= 2].sort_values(["n_outlets", "n_mentions"], ascending=False,
                                                                   kind="stable")
    for actor in ranked.index[:MAX_NAMED_ACTORS]:
        rows = mentioned[mentioned["actor"] == actor].sort_values(["n_mentions", "outlet"], ascending=[False, True],
                                                                  kind="stable")
        rows = rows.head(MAX_CITED_OUTLETS).sort_values("outlet", kind="stable")
        named.append({"actor": actor, "n_outlets": int(ranked.at[actor, "n_outlets"]), "n_cited": len(rows),
                      "rows": [{"outlet": r.outlet, "n_mentions": int(r.n_mentions), "n_articles": int(r.n_articles),
                                "mean": r.mean_score, "ci_low": r.ci_low, "ci_high": r.ci_high}
                               for r in rows.itertuples(index=False)]})
    pairs = tests[tests["test"] == "mann-whitney"] if len(tests) else tests
    records = results.records[results.records["id"].isin(set(mentions["id"]))]
    stories = records[records["story"] != ""].groupby("outlet")["story"].agg(lambda s: sorted(set(s)))
    return {
        "supported": bool(len(mentions)),
        "source": "file" if results.actors_source else "automatic",
        "file": (results.actors_source or {}).get("file"),
        "n_listed": (results.actors_source or {}).get("n_listed"),
        "n_mentions": len(mentions), "n_scored": len(scored), "n_articles": int(mentions["id"].nunique()),
        "n_outlets": int(mentions["outlet"].nunique()), "n_actors": int(mentions["actor"].nunique()),
        "methods": methods,
        "unmeasured_languages": _names(scored.loc[(scored["method"] == "lexicon")
                                                  & ~scored["language"].isin(target.ENCODER_LANGUAGES), "language"]),
        "n_unscored": len(unscored), "unscored_languages": _names(unscored["language"]),
        "named": named, "cited_fewer": any(a["n_cited"] < a["n_outlets"] for a in named),
        "max_articles": int(mentioned["n_articles"].max()) if len(mentioned) else 0,
        "min_articles": MIN_ARTICLES,
        "n_tests": len(pairs), "n_significant": int((pairs["p_holm"] < ALPHA).sum()) if len(pairs) else 0,
        "one_story_each": bool(len(stories)) and all(len(s) == 1 for s in stories)
                          and len({s[0] for s in stories}) > 1,
        "n_stories": len({story for s in stories for story in s}),
    }


def _names(codes: pd.Series) -> list[str]:
    """The languages of ``codes``, by name (English, Chinese), sorted by code."""
    from framing.languages import get_language

    return [get_language(code).name if get_language(code).name != "unknown" else code
            for code in sorted(codes.unique())]


def actor_figure(results: Results):
    """The actors × outlets heat map with its note under the panels, or None without mentions."""
    from framing.plots.actors import actor_portrayal
    from framing.report.figures import _cautions, _noted, _with_caution

    found = results.portrayals
    if found is None or found.mentions.empty:
        return None
    mentions = found.mentions
    scored = mentions[mentions["score"].notna()]
    methods = ", ".join(f"{len(rows):,} ({', '.join(sorted(rows['language'].unique()))}) by the {method} model"
                        for method, rows in scored.groupby("method", sort=True))
    note = (f"n = {len(mentions):,} mentions of {mentions['actor'].nunique()} actors in "
            f"{mentions['id'].nunique()} articles from {mentions['outlet'].nunique()} outlets, scored {methods}.")
    if scored["method"].nunique() > 1:
        note += " Scores of different models are not on one scale."
    named = found.actors[found.actors["n_mentions"] > 0]
    return _noted(actor_portrayal(found.actors, by="outlet"), _with_caution(note, _cautions(named)))
