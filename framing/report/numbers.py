"""The numbers the paper cites, one function per section, each from :class:`~framing.report.results.Results`."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
from scipy import stats

from framing.features.loaded import category_label
from framing.plots._text import loaded_terms
from framing.report.results import Results

ALPHA = 0.05


def build_numbers(results: Results) -> dict:
    """Versions, seed and resamples: what a reader needs to rebuild the paper."""
    from framing.stats._common import LEVEL, MIN_ARTICLES, MIN_EXPECTED

    provenance = results.provenance
    return {"version": provenance.version, "seed": results.seed, "n_boot": results.n_boot,
            "lexicons": provenance.lexicons(), "level": LEVEL, "min_articles": MIN_ARTICLES,
            "min_expected": MIN_EXPECTED, "alpha": ALPHA}


def corpus_numbers(results: Results) -> dict:
    """Size and make-up of the corpus: records, outlets, languages, stories, sentences and words."""
    records = results.records
    full = results.full_text.articles
    headline_only = records[records["kind"] != "article"]
    shown = set(results.headlines["article_id"])
    per_outlet = full.groupby("outlet")["article_id"].nunique()
    unused = set(headline_only["id"]) - shown
    stories = []
    for story, rows in records[records["story"] != ""].groupby("story", sort=True):
        stories.append({"story": story, "outlets": sorted(rows["outlet"].unique()),
                        "languages": sorted(rows["language"].unique()), "n_records": len(rows)})
    return {
        "n_records": len(records), "n_full_text": len(full), "n_headline_only": len(headline_only),
        "n_outlets": records["outlet"].nunique(), "outlets_full_text": sorted(full["outlet"].unique()),
        "n_outlets_full_text": full["outlet"].nunique(),
        "languages_full_text": sorted(full["language"].unique()),
        "n_sentences_full_text": len(results.full_text.sentences),
        "n_words_full_text": int(results.full_text.sentences["n_words"].sum()),
        "articles_per_outlet_min": int(per_outlet.min()) if len(per_outlet) else 0,
        "articles_per_outlet_max": int(per_outlet.max()) if len(per_outlet) else 0,
        "stories": stories, "n_stories": len(stories),
        "n_stories_matched": sum(1 for story in stories if len(story["outlets"]) > 1),
        **_date_range(full["published"] if "published" in full else pd.Series([], dtype=str)),
        "n_headlines_shown": len(shown), "n_headlines_unused": len(unused),
        # Table 1 lists a headline-only record beside a shown headline of its outlet.
        "n_headlines_unused_listed": int(headline_only.loc[headline_only["id"].isin(unused), "outlet"]
                                         .isin(set(results.headlines["outlet"])).sum()),
    }


def _date_range(published: pd.Series) -> dict:
    """The first and last publication dates (as precise as known) and how many articles have none."""
    dates = published.fillna("").astype(str).str.slice(0, 10)
    known = sorted(d for d in dates if d)
    return {"first_date": known[0] if known else "", "last_date": known[-1] if known else "",
            "n_undated": int((dates == "").sum())}


def paper_text(config, corpus: dict, *, trends: bool) -> dict:
    """The paper's own words: the config's where it gives them, else neutral text about the data.

    Parameters
    ----------
    config : PaperConfig or None
    corpus : dict
        :func:`corpus_numbers` of the same results.
    trends : bool
        Whether the paper reports trends over time (adds a research question when there is no config).
    """
    from framing.report.config import PaperConfig

    config = config or PaperConfig()
    years = sorted({corpus["first_date"][:4], corpus["last_date"][:4]} - {""})
    span = f", {'–'.join(years)}" if years else ""
    outlets = corpus["n_outlets_full_text"]
    title = (f"Loaded wording, tone and frames in {corpus['n_full_text']:,} "
             f"{'article' if corpus['n_full_text'] == 1 else 'articles'} from {outlets} "
             f"{'outlet' if outlets == 1 else 'outlets'}{span}")
    matched = corpus["n_stories_matched"] > 0
    questions = [
        "How loaded is the wording of each outlet’s headlines and text, and which words make it so?",
        "Do the outlets differ in tone and in the frames they emphasise"
        + (", when each story is held fixed?" if matched else "?"),
        *(["How did the wording and framing change over time?"] if trends else []),
        "How far can measurements of this kind be trusted across outlets and languages?",
    ]
    return {
        # The codebook choice alone gives the paper none of its words.
        "configured": dataclasses.replace(config, codebook=()) != PaperConfig(),
        "title": config.title or title,
        "subtitle": config.subtitle or "A corpus report written by the framing toolkit from the data alone",
        "question": config.question or "how the outlets in this corpus worded and framed what they reported",
        "background": list(config.background),
        "questions": list(config.questions) or questions,
        "collection": config.collection,
    }


def headline_numbers(results: Results) -> dict:
    """Loaded scores and terms of the headlines shown, and the featured headline pair."""
    heads = results.headlines.sort_values(["loaded_score", "outlet"], ascending=[False, True], kind="stable")
    shown = [{"outlet": row.outlet, "language": row.language, "text": row.text, "score": row.loaded_score,
              "terms": [{"term": t["term"], "category": category_label(t["category"])}
                        for t in loaded_terms(row.loaded_terms)]}
             for row in heads.itertuples(index=False)]
    scored = [h for h in shown if pd.notna(h["score"])]
    return {"shown": shown, "most": scored[0] if scored else None,
            "n_with_terms": sum(1 for h in shown if h["terms"]), "pair": _pair(results.featured_pair)}


def _pair(pair: pd.Series | None) -> dict | None:
    """The featured headline pair: outlets, scores, similarity, what the variant inserts and swaps."""
    if pair is None:
        return None
    ops = json.loads(pair["diff"])
    return {
        "base_outlet": pair["base_outlet"], "variant_outlet": pair["variant_outlet"],
        "base_headline": pair["base_headline"], "variant_headline": pair["variant_headline"],
        "similarity": pair["similarity"], "base_score": pair["base_loaded_score"],
        "variant_score": pair["variant_loaded_score"], "difference": pair["loaded_difference"],
        "inserted": [op["variant"] for op in ops if op["op"] == "insert"],
        "swapped": [{"base": op["base"], "variant": op["variant"]} for op in ops if op["op"] == "replace"],
        "added_terms": [{"term": t["term"], "category": category_label(t["category"]),
                         "explanation": t["explanation"]} for t in json.loads(pair["added_loaded_terms"])],
    }


def _by_outlet(groups: pd.DataFrame, feature: str) -> dict:
    """``{outlet: {mean, ci_low, ci_high, n_sentences, n_articles}}`` of one measure."""
    rows = groups[groups["feature"] == feature]
    return {row.outlet: {"mean": row.mean, "ci_low": row.ci_low, "ci_high": row.ci_high,
                         "n_sentences": int(row.n_sentences), "n_articles": int(row.n_articles)}
            for row in rows.itertuples(index=False)}


def _extremes(values: dict) -> dict:
    """The outlets with the highest and lowest mean among ``values`` that have one."""
    present = sorted(((v["mean"], k) for k, v in values.items() if pd.notna(v["mean"])), reverse=True)
    if not present:
        return {"highest": None, "lowest": None}
    return {"highest": present[0][1], "lowest": present[-1][1]}


def tone_numbers(results: Results) -> dict:
    """Per-outlet means and intervals of loaded wording, tone and sentiment, with Kruskal–Wallis tests."""
    groups, tests = results.by_outlet.groups, results.by_outlet.tests
    out = {}
    for feature in ("loaded_score", "sent_tone", "sent_vader_compound", "sent_tb_subjectivity"):
        values = _by_outlet(groups, feature)
        kw = tests[(tests["feature"] == feature) & (tests["test"] == "kruskal-wallis")]
        row = kw.iloc[0] if len(kw) else None
        out[feature] = {
            "outlets": values, **_extremes(values),
            "kruskal": None if row is None else {"H": row["statistic"], "p": row["p_value"],
                                                 "n_groups": int(row["n_groups"]), "n": int(row["n"]),
                                                 "unit": row["unit"]},
        }
    return out


def frame_numbers(results: Results) -> dict:
    """The outlet × frame table: its test, strongest frame per outlet, and cells beyond ±z(α/2).

    Frames are named by their codebook labels (``label``); ``frame`` keeps the key of the tables.
    """
    frames = results.by_outlet.frames
    words = results.words
    cutoff = float(stats.norm.ppf(1 - ALPHA / 2))
    sentences = results.full_text.sentences
    books = results.tables.codebooks
    labels = results.frame_labels
    described = {
        "codebook": ", ".join(book.name for book in books), "codebooks": [book.name for book in books],
        "n_codebooks": len(books),
        "families": [{"key": f.key, "label": f.label} for book in books for f in book.families],
        "contrasts": [{"key": c.key, "column": book.column(c.key), "label": c.label,
                       "positive": book.family(c.positive).label,
                       "negative": book.family(c.negative).label} for book, c in results.contrasts],
        # The outlet × frame table sums every sentence row it is given, headlines among them.
        "headlines_included": bool((sentences["is_headline"] == 1).any()) if len(sentences) else False,
    }
    if frames.empty:
        return described | {"n": 0, "test": "", "cutoff": cutoff, "top_by_outlet": {}, "significant": [],
                            "most_common": None}
    first = frames.iloc[0]  # the table's test is repeated on every row
    top = {}
    for outlet, rows in frames.groupby("outlet", sort=True):
        best = rows.sort_values(["count", "frame"], ascending=[False, True], kind="stable").iloc[0]
        top[outlet] = {"frame": labels.get(best["frame"], best["frame"]) if best["count"] > 0 else None,
                       "count": int(best["count"]),
                       "per_1k": 1000 * best["count"] / words[outlet] if words.get(outlet) else None}
    totals = frames.groupby("frame", sort=False)["count"].sum()
    cells = frames[frames["residual"].abs() > cutoff]
    return described | {
        "n": int(first["n"]), "test": first["test"], "statistic": first["statistic"], "dof": int(first["dof"]),
        "p": first["p_value"], "cramers_v": first["cramers_v"], "n_resamples": int(first["n_resamples"]),
        "cutoff": cutoff, "most_common": labels.get(totals.idxmax(), totals.idxmax()) if totals.max() > 0 else None,
        "top_by_outlet": top,
        "significant": [{"outlet": r.outlet, "frame": labels.get(r.frame, r.frame), "residual": r.residual,
                         "direction": "more" if r.residual > 0 else "fewer"}
                        for r in cells.itertuples(index=False)],
    }


def contrast_numbers(results: Results) -> list[dict]:
    """Every contrast index the codebooks declare (cooperation versus sanctions in ``story``): per outlet
    within each story, per article, and its tests; empty when no codebook declares one.

    Each contrast's figure is named by its column (``frame_coop_vs_sanction``).
    """
    return [_contrast(results, book, contrast) for book, contrast in results.contrasts]


def _contrast(results: Results, book, contrast) -> dict:
    feature = book.column(contrast.key)
    groups = results.per_story.groups
    stories = {}
    for story, rows in groups.groupby("story", sort=True):
        stories[story] = _by_outlet(rows, feature)
    # Counted over every sentence, headline included, as in the outlet × frame table (frames.csv).
    sentences = results.full_text.sentences
    summed = sentences.groupby("article_id", sort=True).agg(
        outlet=("outlet", "first"), story=("story", "first"),
        positive=(book.column(contrast.positive, "count"), "sum"),
        negative=(book.column(contrast.negative, "count"), "sum"))
    articles = [{"outlet": row.outlet, "story": row.story, "positive": int(row.positive),
                 "negative": int(row.negative),
                 "index": (row.positive - row.negative) / (row.positive + row.negative)
                 if row.positive + row.negative else None}
                for row in summed.sort_values("outlet", kind="stable").itertuples(index=False)]
    tests = results.per_story.tests
    perm = tests[(tests["feature"] == feature) & (tests["test"] == "permutation")]
    side = lambda key: {"key": key, "label": book.family(key).label}  # noqa: E731
    return {"key": contrast.key, "label": contrast.label, "figure": feature, "positive": side(contrast.positive),
            "negative": side(contrast.negative), "stories": stories, "articles": articles,
            "tests": [{"story": r.story, "a": r.group_a, "b": r.group_b, "difference": r.estimate,
                       "ci_low": r.ci_low, "ci_high": r.ci_high, "p": r.p_value}
                      for r in perm.itertuples(index=False)]}


def frame_score_numbers(results: Results) -> dict:
    """Per outlet, the mean article score of every frame (body text, 0 to 1) and the frame scored highest.

    Frames are in codebook order and named by their labels; an outlet whose language no codebook has
    cues for has no scores (NaN), and is left out.
    """
    articles = results.full_text.articles
    labels = results.frame_labels
    columns = {f"frame_{name}_score": label for name, label in labels.items()}
    columns = {column: label for column, label in columns.items() if column in articles}
    outlets = {}
    for outlet, rows in articles.groupby("outlet", sort=True):
        means = rows[list(columns)].mean()
        if means.isna().all():
            continue
        best = max(columns, key=lambda column: (means[column] if pd.notna(means[column]) else -1.0,
                                                -list(columns).index(column)))
        outlets[outlet] = {"n_articles": int(rows[list(columns)].notna().all(axis=1).sum()),
                           "top": {"label": columns[best], "mean": means[best]},
                           "scores": {columns[column]: means[column] for column in columns}}
    return {"outlets": outlets, "labels": list(columns.values())}


def term_numbers(results: Results, *, top: int = 5) -> dict:
    """Each compared outlet's most distinctive words, and the outlets alone in their language."""
    terms = results.by_outlet.terms
    compared = terms[terms["z"].notna()]
    out = {}
    for outlet, rows in compared.groupby("outlet", sort=True):
        best = rows.sort_values("rank").head(top)
        out[outlet] = {"terms": [{"term": r.term, "z": r.z} for r in best.itertuples(index=False)],
                       "n_beyond": int((rows["z"] > stats.norm.ppf(1 - ALPHA / 2)).sum())}
    alone = terms[terms["z"].isna()][["outlet", "language"]].drop_duplicates().sort_values("outlet")
    sentences = results.full_text.sentences
    stories = sentences[sentences["outlet"].isin(out)]["story"].nunique()
    return {"by_outlet": out, "mixed_stories": len(out) > 1 and stories > 1,
            "alone": [{"outlet": r.outlet, "language": r.language} for r in alone.itertuples(index=False)]}


#: Measures of Table 4 (outlets compared within each story), and the tests the paper's tables draw on (with
#: the codebooks' contrast indices, :func:`tested`).
TABLE_4 = ("loaded_score", "sent_tone")
TESTED = ("loaded_score", "sent_tone", "sent_vader_compound")


def tested(results: Results) -> tuple[str, ...]:
    """The measures whose within-story tests the paper's tables keep: :data:`TESTED` and every contrast index."""
    return TESTED + tuple(book.column(contrast.key) for book, contrast in results.contrasts)


def within_story_tests(results: Results) -> pd.DataFrame:
    """The per-story pairwise tests of :func:`tested`, with Table 4's rows marked and Holm-adjusted together.

    ``p_holm`` adjusts the pairs of one measure in one story (as ``framing compare`` does); the paper
    cites ``p_holm_table_4``, which adjusts every test shown in Table 4 as one family.
    """
    from framing.stats.ranktests import holm

    tests = results.per_story.tests
    rows = tests[tests["feature"].isin(tested(results)) & tests["test"].isin(["mann-whitney", "permutation"])][
        ["story", "feature", "test", "group_a", "group_b", "n_a", "n_b", "unit", "effect", "estimate", "ci_low",
         "ci_high", "p_value", "p_holm", "caution"]].reset_index(drop=True)
    shown = rows["feature"].isin(TABLE_4) & (rows["test"] == "mann-whitney")
    rows.insert(rows.columns.get_loc("caution"), "table_4", shown.astype(int))
    adjusted = pd.Series(float("nan"), index=rows.index)
    adjusted[shown] = holm(rows.loc[shown, "p_value"].to_numpy(dtype=float))
    rows.insert(rows.columns.get_loc("caution"), "p_holm_table_4", adjusted)
    return rows


def test_numbers(results: Results) -> dict:
    """Table 4's tests of outlets within each story, and how many reach p < alpha adjusted over the table."""
    table = within_story_tests(results)
    shown = table[table["table_4"] == 1]
    rows = [{"story": r.story, "feature": r.feature, "a": r.group_a, "b": r.group_b, "delta": r.estimate,
             "ci_low": r.ci_low, "ci_high": r.ci_high, "p_holm": r.p_holm_table_4, "unit": r.unit}
            for r in shown.itertuples(index=False)]
    return {"n_pairwise": len(rows), "n_significant": int((shown["p_holm_table_4"] < ALPHA).sum()),
            "units": sorted(shown["unit"].dropna().unique()), "alpha": ALPHA,
            "loaded": [r for r in rows if r["feature"] == "loaded_score"],
            "tone": [r for r in rows if r["feature"] == "sent_tone"]}


def pooled_numbers(results: Results) -> dict:
    """The story-blocked tests of loaded score and tone: per pair, the mean within-story difference."""
    from framing.stats.blocked import MIN_STORIES

    tests = results.by_story.tests
    pooled = tests[(tests["scope"] == "pooled") & tests["feature"].isin(TABLE_4)]
    pairs = pooled[pooled["test"] == "sign-flip"]
    rows = [{"feature": r.feature, "a": r.group_a, "b": r.group_b, "estimate": r.estimate, "ci_low": r.ci_low,
             "ci_high": r.ci_high, "n_stories": int(r.n_stories), "p_holm": r.p_holm, "caution": r.caution}
            for r in pairs.itertuples(index=False)]
    most = int(pairs["n_stories"].max()) if len(pairs) else 0
    return {"pairs": rows, "max_n_stories": most, "min_stories": MIN_STORIES, "supported": most >= MIN_STORIES,
            "n_pairs": len(rows), "n_significant": int((pairs["p_holm"] < ALPHA).sum())}


def trend_numbers(results: Results) -> dict:
    """Change over time of loaded score and tone per outlet (Spearman's rho), when the dates allow it."""
    if results.trends is None:
        return {"supported": False, "freq": "", "tests": [], "n_periods": 0}
    from framing.plots.trends import MAX_LINES
    from framing.stats._common import MIN_ARTICLES

    tests = results.trends.tests
    trend = tests[(tests["scope"] == "trend") & tests["feature"].isin(TABLE_4)]
    table = results.trends.trends
    points = table[table["feature"] == "loaded_score"] if (table["feature"] == "loaded_score").any() else table
    return {
        "supported": True, "freq": results.freq, "n_periods": int(table["period"].nunique()),
        "n_cells": len(points), "n_cells_few": int((points["n_articles"] < MIN_ARTICLES).sum()),
        "n_outlets": int(table["outlet"].nunique()), "max_lines": MAX_LINES,
        "first": str(table["period"].min()), "last": str(table["period"].max()),
        "n_significant": int((trend["p_holm"] < ALPHA).sum()), "n_tests": len(trend),
        "notes": list(results.trends.notes),
        "tests": [{"feature": r.feature, "outlet": r.group_a, "rho": r.estimate, "p_holm": r.p_holm,
                   "n_articles": int(r.n_articles), "n_periods": int(r.n_a), "caution": r.caution}
                  for r in trend.itertuples(index=False)],
    }
