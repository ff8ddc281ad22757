"""The report's figures, drawn from :class:`~framing.report.results.Results` and written to files.

Every figure states, under its panels, what it rests on (n) and the caution its tables carry, so that an
image copied out of the paper still says how far it can be trusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from framing import plots
from framing.plots._text import wrap
from framing.plots.theme import SMALL_SIZE
from framing.stats._common import MIN_ARTICLES
from framing.report.results import Results

#: File names of the figures, in the order the paper shows them (``trends`` only when dates allow).
#: ``frame_contrasts`` stands for one figure per contrast index of the codebooks, named by its column
#: (``frame_coop_vs_sanction``), or ``frame_scores`` when no codebook declares a contrast.
FIGURES = (
    "headline_loadedness", "headline_diff", "sentiment_tone", "frame_heatmap", "frame_contrasts",
    "distinctive_terms", "trends", "actor_portrayal",
)
#: File-name patterns of every figure a build may write, for finding generated files.
FIGURE_PATTERNS = tuple(name for name in FIGURES if name != "frame_contrasts") + ("frame_*",)
#: Most headlines drawn in Figure 1, and most outlets given a panel of distinctive words.
MAX_HEADLINES = 30
MAX_TERM_PANELS = 12


def draw_figures(results: Results) -> dict[str, Figure]:
    """Return the figures of ``results`` by file name; ``headline_diff`` is left out when no pair was found,
    ``trends`` when the dates fall in fewer than three periods, ``actor_portrayal`` without portrayals
    (see :mod:`framing.report.actors`) or mentions."""
    colours = results.colours
    overall = results.by_outlet
    headlines = _capped_headlines(results.headlines)
    terms, term_note = _capped_terms(overall.terms, results)
    figures = {
        "headline_loadedness": _noted(plots.headline_loadedness(headlines, colours=colours),
                                      _headline_note(results.headlines, shown=len(headlines))),
        "sentiment_tone": _noted(plots.sentiment_tone(overall.groups, colours=colours),
                                 _group_note(overall.groups, results)),
        "frame_heatmap": _noted(plots.frame_heatmap(overall.frames, words=results.words,
                                                    labels=results.frame_labels),
                                _frame_note(overall.frames)),
        "frame_contrasts": _contrast_figures(results, colours),
        "distinctive_terms": _noted(plots.distinctive_terms(terms, colours=colours), term_note),
    }
    if results.featured_pair is not None:
        pair = results.featured_pair
        figures["headline_diff"] = _noted(plots.headline_diff(pair), (
            f"n = 2 headlines of one event (TF-IDF cosine similarity {pair['similarity']:.2f}), paired by the "
            "aligner. Caution: one pair shows what wording can do, not what an outlet usually does."))
    if results.trends is not None:
        figures["trends"] = _noted(plots.trends(results.trends.trends, colours=colours),
                                   _trend_note(results))
    if results.portrayals is not None:
        from framing.report.actors import actor_figure

        figures["actor_portrayal"] = actor_figure(results)
    ordered = {}
    for name in FIGURES:
        found = figures.get(name)
        ordered |= found if isinstance(found, dict) else {name: found} if found is not None else {}
    return ordered


def write_figures(results: Results, out_dir: str | Path, *, formats: tuple[str, ...] = plots.FORMATS,
                  inputs: Iterable[str | Path] = ()) -> list[Path]:
    """Draw every figure of ``results`` and write each in ``formats`` into ``out_dir``; return the paths.

    The figures appear together (:func:`framing.io.output_set`); none is written over one of ``inputs``
    (the corpus's ``sources``) or into an input folder.
    """
    from framing.io import output_set

    out_dir = Path(out_dir)
    with output_set(out_dir, inputs=inputs) as staging:
        paths = []
        for name, figure in draw_figures(results).items():
            paths += plots.save_figure(figure, staging, name=name, provenance=results.provenance, formats=formats)
    return [out_dir / path.name for path in paths]


def _noted(figure: Figure, note: str) -> Figure:
    """Add ``note`` under the figure's panels (after any note the figure already has)."""
    before = figure.get_supxlabel()
    text = "\n".join(part for part in (before, wrap(note, 120)) if part)
    figure.supxlabel(text, fontsize=SMALL_SIZE, color="#333333", x=0.01, ha="left")
    return figure


def _cautions(frame: pd.DataFrame) -> str:
    """The distinct cautions of ``frame``'s rows, most frequent first."""
    notes = frame["caution"].fillna("").str.split("; ").explode()
    notes = notes[notes != ""]
    return "; ".join(notes.value_counts(sort=True).index[:2]) if len(notes) else ""


def _with_caution(text: str, caution: str) -> str:
    return f"{text} Caution: {caution}." if caution else text


def _capped_headlines(headlines: pd.DataFrame) -> pd.DataFrame:
    """The most loaded headlines, at most :data:`MAX_HEADLINES` (all of them in a small corpus)."""
    ranked = headlines.sort_values(["loaded_score", "outlet", "text"], ascending=[False, True, True],
                                   kind="stable", na_position="last")
    return ranked.head(MAX_HEADLINES) if len(ranked) > MAX_HEADLINES else headlines


def _headline_note(headlines: pd.DataFrame, *, shown: int) -> str:
    outlets = headlines["outlet"].nunique()
    head = f"n = {len(headlines)} headlines from {outlets} outlets"
    if shown < len(headlines):
        head += f"; the {shown} most loaded are shown"
    per_outlet = headlines.groupby("outlet").size().max() if len(headlines) else 0
    caution = "one headline per outlet: these headlines, not the outlets' habits" if per_outlet == 1 else ""
    return _with_caution(head + ". A score sums word-list signals; words below 0.5 add to it unlisted.", caution)


def _group_note(groups: pd.DataFrame, results: Results) -> str:
    sentences = results.full_text.sentences
    return _with_caution(f"n = {len(sentences):,} sentences in {sentences['article_id'].nunique():,} articles from "
                         f"{sentences['outlet'].nunique()} outlets; 95% bootstrap intervals.", _cautions(groups))


def _frame_note(frames: pd.DataFrame) -> str:
    total = int(frames["count"].sum()) if len(frames) else 0
    return _with_caution(f"n = {total:,} frame words.", _cautions(frames))


def _contrast_figures(results: Results, colours) -> dict[str, Figure]:
    """One figure per contrast index of the codebooks, named by its column (``frame_coop_vs_sanction``);
    without any, ``frame_scores``: each outlet's mean article score of every frame."""
    if not results.contrasts:
        return {"frame_scores": _frame_score_figure(results)}
    return {book.column(contrast.key): _contrast_figure(results, book, contrast, colours)
            for book, contrast in results.contrasts}


def _contrast_figure(results: Results, book, contrast, colours) -> Figure:
    """A contrast index of two frames: per story when stories are compared one by one; else the
    story-adjusted means of the pooled comparison."""
    feature = book.column(contrast.key)
    sides = tuple(book.family(key).label.lower() for key in (contrast.negative, contrast.positive))
    per_story = results.per_story.groups
    if len(per_story):
        figure = plots.contrast_index(per_story, colours=colours, feature=feature, sides=sides)
        rows = per_story[per_story["feature"] == feature]
        return _noted(figure, _with_caution(f"n = {int(rows['n_sentences'].sum()):,} sentences with "
                                            f"{sides[1]} or {sides[0]} words.", _cautions(rows)))
    pooled = results.by_story.groups
    rows = pooled[pooled["feature"] == feature]
    adjusted = rows.assign(story="all stories (story-adjusted means)", mean=rows["adjusted_mean"],
                           ci_low=rows["adjusted_ci_low"], ci_high=rows["adjusted_ci_high"])
    figure = plots.contrast_index(adjusted, colours=colours, feature=feature, sides=sides)
    n_stories = int(rows["n_stories"].max()) if len(rows) and rows["n_stories"].notna().any() else 0
    n_articles = int(rows["n_articles"].sum()) if "n_articles" in rows else 0
    return _noted(figure, _with_caution(
        f"n = {n_articles:,} articles in {n_stories} stories with two outlets or more. Each outlet's mean in an "
        "average story (additive story + outlet model), with 95% bootstrap intervals over stories.", _cautions(rows)))


def _frame_score_figure(results: Results) -> Figure | None:
    """Each outlet's mean article score of every frame; None when no article has a score."""
    articles = results.full_text.articles
    columns = {f"frame_{name}_score": label for name, label in results.frame_labels.items()
               if f"frame_{name}_score" in articles}
    if not columns or articles[list(columns)].isna().all().all():
        return None
    scored = articles.dropna(subset=list(columns), how="all")
    per_outlet = scored.groupby("outlet").size()
    caution = (f"fewer than {MIN_ARTICLES} articles for {int((per_outlet < MIN_ARTICLES).sum())} of "
               f"{len(per_outlet)} outlets" if (per_outlet < MIN_ARTICLES).any() else "")
    return _noted(plots.frame_scores(scored, labels=columns),
                  _with_caution(f"n = {len(scored):,} articles (body text). A score grows with the weighted rate "
                                "of a frame's cues; it is not a probability.", caution))


def _capped_terms(terms: pd.DataFrame, results: Results) -> tuple[pd.DataFrame, str]:
    """At most :data:`MAX_TERM_PANELS` outlets (most words first), and the figure's note."""
    compared = terms[terms["z"].notna()]
    words = results.words
    outlets = sorted(compared["outlet"].unique(), key=lambda o: (-words.get(o, 0), o))
    kept = set(outlets[:MAX_TERM_PANELS])
    capped = terms[terms["outlet"].isin(kept) | terms["z"].isna()]
    shown = compared[compared["outlet"].isin(kept)].drop_duplicates(["outlet", "language"])
    note = (f"n = {int(shown['n_words'].sum()):,} content words of {len(kept)} outlets (English function words "
            "left out). z ranks words; it is not a test.")
    if len(outlets) > len(kept):
        note += f" The {len(kept)} of {len(outlets)} outlets with most words are shown; all are in terms.csv."
    stories = results.full_text.sentences.groupby("outlet")["story"].agg(lambda s: frozenset(s))
    compared_stories = {story for o in kept for story in stories.get(o, frozenset())}
    if len(kept) > 1 and len(compared_stories) > 1:
        note += " Outlets that reported different stories are compared, so the words reflect the events too."
    return capped, _with_caution(note, _cautions(compared[compared["outlet"].isin(kept)]))


def _trend_note(results: Results) -> str:
    table = results.trends.trends
    dated = int(table[table["feature"] == table["feature"].iloc[0]]["n_articles"].sum()) if len(table) else 0
    notes = "; ".join(results.trends.notes)
    return _with_caution(f"n = {dated:,} dated articles, by {results.freq}.", notes)
