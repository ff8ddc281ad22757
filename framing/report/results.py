"""The computed results a report draws on: feature tables, outlet comparisons, aligned headlines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from framing.plots.save import Provenance
from framing.plots.theme import group_colours

#: Bootstrap, permutation and Monte Carlo resamples used by the figures and the paper.
N_BOOT = 2000
#: Stories compared one by one (and drawn one panel each); with more, only the pooled comparison is made.
MAX_STORY_PANELS = 8
#: Trends are reported when the dated articles fall in at least this many periods.
MIN_PERIODS = 3


@dataclass(frozen=True)
class Results:
    """Everything a figure or the paper shows, computed once from one corpus and one seed.

    Attributes
    ----------
    records : pandas.DataFrame
        The corpus records (``Corpus.articles``).
    tables : FeatureTables
        Features of every record, headline-only records included.
    full_text : FeatureTables
        Features of the records with body text (``kind == "article"``), the ones whose outlets are
        compared; every record when there are none.
    by_outlet, by_story : Comparison
        ``framing.compare`` of ``full_text`` by outlet, across the corpus, and within stories (pooled over
        the stories with each held fixed, and inside each story: :attr:`per_story`).
    pairs : pandas.DataFrame
        Headline pairs from :func:`framing.features.headlines.align_headlines` on every record.
    trends, freq : Comparison or None, str
        ``framing.compare`` over time (``over="date"``) at period ``freq``, when the full-text articles
        fall in at least :data:`MIN_PERIODS` periods (then ``by_outlet`` itself, whose ``trends`` table and
        tests of scope ``trend`` are the trends); else None and "".
    seed, n_boot : int
        The seed and resamples of every random draw.
    portrayals, actors_source : Portrayals or None, dict or None
        How the outlets portray the actors in the compared records (:func:`framing.actors`), added by
        :func:`framing.report.actors.with_portrayals` for the paper; the actors file followed (``file``,
        ``n_listed``), None when the names were found automatically.
    """

    records: pd.DataFrame
    tables: object
    full_text: object
    by_outlet: object
    by_story: object
    pairs: pd.DataFrame
    seed: int
    n_boot: int
    trends: object = None
    freq: str = ""
    portrayals: object = None
    actors_source: dict | None = None

    @property
    def per_story(self) -> SimpleNamespace:
        """The rows of ``by_story`` that compare outlets inside one story (scope ``story``), table by table."""
        return SimpleNamespace(**{name: frame[frame["scope"] == "story"].reset_index(drop=True)
                                  for name in ("groups", "tests", "frames", "terms")
                                  for frame in [getattr(self.by_story, name)]})

    @property
    def provenance(self) -> Provenance:
        """The toolkit version, lexicon versions and seed, as written into every output."""
        return Provenance(seed=self.seed, lexicon_versions=self.tables.lexicon_versions)

    @property
    def headlines(self) -> pd.DataFrame:
        """Headlines of the full-text records and of records assigned to a story, with the headline-only
        records that the aligner pairs with one of them."""
        sentences = self.tables.sentences
        heads = sentences[sentences["is_headline"] == 1]
        keep = set(self.full_text.sentences["article_id"]) | set(heads.loc[heads["story"] != "", "article_id"])
        if len(self.pairs):
            paired = self.pairs[self.pairs["base_id"].isin(keep) | self.pairs["variant_id"].isin(keep)]
            keep |= set(paired["base_id"]) | set(paired["variant_id"])
        return heads[heads["article_id"].isin(keep)].reset_index(drop=True)

    @property
    def featured_pair(self) -> pd.Series | None:
        """The headline pair with the largest gap in loaded score (most similar first on ties), or None."""
        if self.pairs.empty:
            return None
        ranked = self.pairs.sort_values(["loaded_difference", "similarity", "base_id"],
                                        ascending=[False, False, True], kind="stable")
        return ranked.iloc[0]

    @property
    def words(self) -> dict[str, int]:
        """Word tokens per outlet in the compared records (headlines included, as in the frame counts)."""
        sentences = self.full_text.sentences
        return {str(k): int(v) for k, v in sentences.groupby("outlet", sort=True)["n_words"].sum().items()}

    @property
    def contrasts(self) -> tuple[tuple, ...]:
        """Every contrast index the measured codebooks declare, as ``(codebook, contrast)``, in codebook order."""
        return tuple((book, c) for book in self.tables.codebooks for c in book.contrasts)

    @property
    def frame_labels(self) -> dict[str, str]:
        """The label of every frame, by its name in the comparison tables (``key``, or ``<codebook>_<key>``
        with several codebooks); with several codebooks the codebook's name follows the label."""
        books = self.tables.codebooks
        return {book.column(f.key).removeprefix("frame_"): f.label + (f" ({book.name})" if len(books) > 1 else "")
                for book in books for f in book.families}

    @property
    def colours(self) -> dict[str, str]:
        """One colour per outlet for every figure: compared outlets first, then headline-only ones."""
        compared = sorted(self.full_text.sentences["outlet"].unique())
        others = sorted(set(self.headlines["outlet"]) - set(compared))
        return group_colours([*compared, *others])


def trend_frequency(articles: pd.DataFrame) -> str:
    """Return the period for trends over the articles' dates, or "" when they fall in fewer than :data:`MIN_PERIODS`.

    ``articles`` has ``published`` and ``outlet`` columns. Months up to three years of dates, quarters up to
    ten, years beyond; then coarser periods while an outlet's typical period (the median over outlets and
    periods with articles) holds fewer than :data:`~framing.stats._common.MIN_ARTICLES` articles and the
    coarser period still gives :data:`MIN_PERIODS`: thirty outlets with one article a month each draw noise
    by month, and a line by quarter or year. Each article counts only when dated at least to the period.
    """
    from framing.stats._common import MIN_ARTICLES
    from framing.stats.trends import periods

    published = articles["published"]
    months, _ = periods(published, freq="month")
    starts = months["start"].dropna()
    if starts.empty:
        return ""
    span = (starts.max().year - starts.min().year) * 12 + starts.max().month - starts.min().month + 1
    choices = ("month", "quarter", "year")
    chosen = ""
    for freq in choices[choices.index("month" if span <= 36 else "quarter" if span <= 120 else "year"):]:
        found, _ = periods(published, freq=freq)
        dated = found["period"] != ""
        if found.loc[dated, "period"].nunique() < MIN_PERIODS:
            break
        chosen = freq
        cells = articles.loc[dated.to_numpy(), "outlet"].groupby(found.loc[dated, "period"].to_numpy()).value_counts()
        if cells.median() >= MIN_ARTICLES:
            break
    return chosen


def analyse(corpus, *, seed: int = 0, n_boot: int = N_BOOT, lexicons: str | Path | None = None,
            workers: int = 1, codebooks=None) -> Results:
    """Compute the :class:`Results` of ``corpus`` (a :class:`framing.corpus.Corpus` or its records).

    ``workers`` local processes extract the features; the results are the same for any number.
    ``codebooks`` are the frame codebooks (names or folders); default: those the corpus's ``paper.yaml``
    names, else ``generic`` (:func:`framing.codebooks.default_codebooks`).
    """
    import framing
    from framing.codebooks import load_codebooks
    from framing.features import FeatureTables
    from framing.features.headlines import align_headlines

    codebooks = load_codebooks(codebooks, sources=getattr(corpus, "sources", ()))
    records = corpus.articles if hasattr(corpus, "articles") else corpus
    tables = framing.feature_tables(records, lexicons=lexicons, workers=workers, codebooks=codebooks)
    full = set(records.loc[records["kind"] == "article", "id"]) or set(records["id"])
    full_text = FeatureTables(
        sentences=tables.sentences[tables.sentences["article_id"].isin(full)].reset_index(drop=True),
        articles=tables.articles[tables.articles["article_id"].isin(full)].reset_index(drop=True),
        lexicon_versions=tables.lexicon_versions, codebooks=tables.codebooks,
    )
    freq = trend_frequency(full_text.articles) if "published" in full_text.articles else ""
    # The trends ride on the corpus comparison: one pass over the groups' bootstraps, rank tests and words.
    by_outlet = framing.compare(full_text, by="outlet", over="date" if freq else None, freq=freq or "month",
                                seed=seed, n_boot=n_boot)
    return Results(
        records=records, tables=tables, full_text=full_text, freq=freq, trends=by_outlet if freq else None,
        by_outlet=by_outlet,
        by_story=framing.compare(full_text, by="outlet", within="story", seed=seed, n_boot=n_boot,
                                 per_story=full_text.sentences["story"].nunique() <= MAX_STORY_PANELS),
        pairs=align_headlines(tables.sentences, articles=tables.articles), seed=seed, n_boot=n_boot,
    )
