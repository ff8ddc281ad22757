"""The codebook: every column of the sentence and article tables, defined once."""

from __future__ import annotations

from dataclasses import dataclass

from framing import __version__
from framing.codebooks import Codebook, load_codebooks, shipped_codebooks
from framing.features.analyzer import SOURCING
from framing.languages import known_languages

ALL = f"all with a lexicon (shipped: {', '.join(known_languages())})"
ENGLISH = "en only; NaN elsewhere: TextBlob and VADER are English analyzers"


@dataclass(frozen=True)
class Column:
    """One column: its name, the tables it is in, what it measures, its unit, languages and source."""

    name: str
    tables: str
    meaning: str
    unit: str = ""
    languages: str = "all"
    source: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("article_id", "both", "Record id from the corpus reader (file stem, or `<stem>#related-NN`)."),
    Column("sentence_index", "sentences", "Position in the record: 0 is the headline when there is one.", "index"),
    Column("outlet", "both", "Outlet that published the record (manifest, else what the file says)."),
    Column("kind", "both", "`article` (headline and body) or `headline` (headline and excerpt only)."),
    Column("language", "both", "ISO 639-1 language code (manifest, else detected)."),
    Column("story", "both", "Story key from the manifest; empty when unknown."),
    Column("published", "articles", "Publication date or time, ISO 8601, as precise as the source says."),
    Column("title", "articles", "The headline."),
    Column("is_headline", "sentences", "1 for the headline, 0 for body sentences.", "0/1"),
    Column("text", "sentences", "The sentence as segmented (Punkt for en/sv, Chinese punctuation rules for zh)."),
    Column("n_words", "both", "Word tokens (regex words for en/sv, jieba words for zh).", "words"),
    Column("n_sentences", "articles", "Sentences including the headline.", "sentences"),
    Column("n_body_sentences", "articles", "Body sentences (headline excluded).", "sentences"),
    Column("n_body_words", "articles", "Word tokens of the body (headline excluded).", "words"),
    Column("na_reason", "sentences", "Why measures of this row are NaN (missing analyzer or lexicon); empty when none."),
    Column("loaded_score", "both",
           "Loaded wording: noisy-or of the weights of every signal, `1 - prod(1 - w)`: matched loaded terms, "
           "cues and (English) words VADER or TextBlob rate as emotional or subjective, including weak ones "
           "that are not highlighted; for articles the mean over body sentences.", "0-1, higher = more loaded", ALL,
           "`lexicons/loaded/<lang>.yaml`; cues and word ratings in `framing/features/loaded.py`"),
    Column("loaded_terms", "sentences",
           "JSON list of the highlights: the signals weighing at least 0.5 (`HIGHLIGHT_MIN`), each with category, "
           "weight, a one-sentence explanation and, for zh/sv, an English gloss. `term` is the loaded phrase as "
           "written (in English a loaded modifier takes in its noun phrase, a loaded noun its modifiers); "
           "`lemma` is the word-list entry; `start` and `end` are its character offsets in the sentence "
           "(`text[start:end] == term`). Weaker signals raise `loaded_score` but are not listed.",
           "JSON", ALL, "`lexicons/loaded/<lang>.yaml`"),
    Column("headline_cue_score", "both",
           "Headline tricks, apart from loaded words: noisy-or of the weights of the headline's capitals, "
           "exclamation mark, unanswered question, curiosity gap (you won't believe, this is why), number "
           "opening a list, second person and superlatives; articles: the headline's. NaN for body sentences.",
           "0-1, higher = more tricks", ALL, "`lexicons/headlines/<lang>.yaml`; forms in "
           "`framing/features/headline_cues.py`"),
    Column("headline_cues", "both", "JSON list of the headline tricks found, each with category, weight, "
           "span (`start`, `end`), a one-sentence explanation and, for zh/sv, an English gloss.", "JSON", ALL,
           "`lexicons/headlines/<lang>.yaml`"),
    Column("sent_tb_polarity", "both", "TextBlob (PatternAnalyzer) polarity; articles: mean over body.",
           "-1 to 1", ENGLISH, "textblob"),
    Column("sent_tb_subjectivity", "both", "TextBlob (PatternAnalyzer) subjectivity; articles: mean over body.",
           "0 to 1", ENGLISH, "textblob"),
    Column("sent_vader_compound", "both", "VADER compound score (NLTK's analyzer, lexicon from vaderSentiment); "
           "articles: mean over body.", "-1 to 1", ENGLISH, "nltk, vaderSentiment"),
    Column("sent_positive_count", "both", "Positive polarity words (a negated negative word counts here).",
           "words", ALL, "`lexicons/polarity/<lang>.yaml`"),
    Column("sent_negative_count", "both", "Negative polarity words (a negated positive word counts here).",
           "words", ALL, "`lexicons/polarity/<lang>.yaml`"),
    Column("sent_tone", "both", "GDELT-style tone: positive% minus negative% of words; articles: over body words.",
           "percentage points", ALL, "`lexicons/polarity/<lang>.yaml`"),
    Column("sent_polarity_density", "both", "Positive% plus negative% of words; articles: over body words.",
           "percent", ALL, "`lexicons/polarity/<lang>.yaml`"),
    *(Column(f"src_{s}_count", "both", f"{s.capitalize()} phrases ({_s}); articles: body sum.", "phrases", ALL,
             "`lexicons/sourcing/<lang>.yaml`")
      for s, _s in zip(SOURCING, ("according to, said, 据…报道, enligt", "reportedly, allegedly, 据称, enligt uppgift"))),
    *(Column(f"src_{s}_per_1k", "both", f"{s.capitalize()} phrases per 1,000 words.", "per 1,000 words", ALL,
             "`lexicons/sourcing/<lang>.yaml`") for s in SOURCING),
    Column("src_quote_share", "both", "Share of non-space characters inside quotation marks; articles: "
           "word-weighted mean over body.", "0 to 1"),
    Column("headline_loaded_score", "articles", "`loaded_score` of the headline.", "0-1", ALL),
    Column("body_loaded_score", "articles", "Mean `loaded_score` of the body sentences.", "0-1", ALL),
    Column("loaded_gap", "articles", "headline_loaded_score - body_loaded_score.", "-1 to 1", ALL),
    Column("headline_sent_tone", "articles", "`sent_tone` of the headline.", "percentage points", ALL),
    Column("body_sent_tone", "articles", "`sent_tone` over the body words.", "percentage points", ALL),
    Column("tone_gap", "articles", "headline_sent_tone - body_sent_tone.", "percentage points", ALL),
    Column("headline_loaded_terms", "articles", "`loaded_terms` of the headline.", "JSON", ALL),
)

#: The frame columns stand after the polarity columns.
_FRAMES_AFTER = "sent_polarity_density"


def frame_columns(book: Codebook) -> list[Column]:
    """Return the columns of one frame codebook: per family count, rate and score, contrasts, primary frame."""
    where = f"codebook `{book.name}` (`lexicons/codebooks/{book.name}/<lang>.yaml`)" if book.source == book.name \
        else f"codebook `{book.name}` (a folder)"
    languages = ", ".join(book.languages)
    columns = []
    for family in book.families:
        columns.append(Column(book.column(family.key, "count"), "both",
                              f"Cues of the frame {family.label!r} (sentences: in the sentence; articles: body sum, "
                              "headline excluded).", "cues", languages, where))
    for family in book.families:
        columns.append(Column(book.column(family.key, "per_1k"), "both",
                              f"Cues of the frame {family.label!r} per 1,000 words.", "per 1,000 words", languages,
                              where))
    for contrast in book.contrasts:
        columns.append(Column(book.column(contrast.key), "both", f"{contrast.label}: {contrast.definition}",
                              f"-1 ({contrast.negative}) to 1 ({contrast.positive})", languages, where))
    for family in book.families:
        columns.append(Column(book.column(family.key, "score"), "articles",
                              f"How present the frame {family.label!r} is in the body: `1 - exp(-rate / 10)` of its "
                              "cue weights per 1,000 words (100 words added to the length).",
                              "0-1, higher = more present", languages, where))
    columns.append(Column(book.column("primary"), "articles",
                          f"The {book.name} family with the highest score; empty when no cue occurs.", "key",
                          languages, where))
    return columns


def all_columns(codebooks: tuple[Codebook, ...] | None = None) -> tuple[Column, ...]:
    """Return every column of the tables measured with ``codebooks`` (default: ``generic``), in order."""
    at = next(i for i, column in enumerate(COLUMNS) if column.name == _FRAMES_AFTER) + 1
    frames = [column for book in codebooks or load_codebooks() for column in frame_columns(book)]
    return (*COLUMNS[:at], *frames, *COLUMNS[at:])


def by_name(codebooks: tuple[Codebook, ...] | None = None) -> dict[str, Column]:
    """Return ``{name: column}`` of :func:`all_columns`."""
    return {column.name: column for column in all_columns(codebooks)}


def render_codebook(lexicon_versions: dict[str, dict[str, str]] | None = None, *,
                    codebooks: tuple[Codebook, ...] | None = None) -> str:
    """Return the codebook as Markdown; with ``lexicon_versions``, a section naming the lexicons used."""
    lines = [
        "# Codebook",
        "",
        f"Columns of `sentences.csv` and `articles.csv` written by `framing features` (framing {__version__}).",
        "Article values aggregate the body sentences; the headline is kept separate (`headline_*`).",
        "A measure with no analyzer or lexicon for a language is NaN there, never a score borrowed from "
        "another language; `na_reason` says which.",
        "In the CSV files a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (and is "
        "not a number) begins with an apostrophe, so that a spreadsheet shows it as text instead of running it "
        "as a formula; the Parquet files hold the exact text.",
        "",
        "| column | table | meaning | unit | languages | source |",
        "|---|---|---|---|---|---|",
    ]
    lines += [f"| `{c.name}` | {c.tables} | {c.meaning} | {c.unit} | {c.languages} | {c.source} |"
              for c in all_columns(codebooks)]
    if lexicon_versions:
        lines += ["", "## Lexicon versions", "", "| language | family | version |", "|---|---|---|"]
        lines += [f"| {lang} | {family} | {version} |" for lang, families in lexicon_versions.items()
                  for family, version in sorted(families.items())]
    return "\n".join(lines) + "\n"


def render_frame_codebooks(names: tuple[str, ...] | None = None) -> str:
    """Return the shipped frame codebooks (default: all) as Markdown, read from their files: per codebook
    its families (label, definition, cues per language, provenance) and contrasts."""
    from framing.codebooks import load_codebook

    lines = ["## Frame codebooks", "",
             "Generated from `lexicons/codebooks/<name>/<lang>.yaml`; choose one with `--codebook NAME` or give a "
             "folder of your own; without one, a corpus is read with the codebook its `paper.yaml` names (the "
             "seed corpus: `story`), else `generic`. Each family `<key>` gives the columns `frame_<key>_count`, "
             "`frame_<key>_per_1k` and (articles) `frame_<key>_score`; with several codebooks the codebook's name "
             "joins the key (`frame_policy_economic_score`).", ""]
    for name in names or shipped_codebooks():
        book = load_codebook(name)
        lines += [f"### `{book.name}`", "", dict(book.titles).get("en", book.name) + ".", "",
                  "| key | label | definition | cues per language |", "|---|---|---|---|"]
        for family in book.families:
            sizes = ", ".join(f"{lang} {sum(c.category == family.key for c in book.cues(lang))}"
                              for lang in book.languages)
            lines.append(f"| `{family.key}` | {family.label} | {family.definition} | {sizes} |")
        for contrast in book.contrasts:
            lines += ["", f"Contrast `{book.column(contrast.key)}` ({contrast.label}): {contrast.definition}"]
        provenance = dict.fromkeys(family.provenance for family in book.families)
        lines += ["", "Provenance: " + " ".join(provenance), ""]
    return "\n".join(lines)


def render_docs() -> str:
    """Return ``docs/codebook.md``: the columns (with the default codebook, ``generic``) and every shipped
    frame codebook."""
    return render_codebook() + "\n" + render_frame_codebooks()


if __name__ == "__main__":
    print(render_docs(), end="")
