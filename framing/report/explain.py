"""Explain one headline or sentence to a student: which words carry a judgement, and why.

:func:`explain` returns plain data (the same as ``framing explain --json``); :func:`explanation_view`
turns it into a rich renderable for the terminal. Both reuse the sentence measures of
:class:`framing.features.LanguageAnalyzer`, so the numbers are those of the feature tables.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text

from framing.errors import InputError

# Noisy-or score bands, worded for students; one strong term (weight >= 0.5) lands in the top band. Below
# 0.2 only weak signals are present (a plain word VADER rates), which is no reason to call a text loaded.
LOADED_LEVELS = ((0.5, "strongly loaded"), (0.2, "somewhat loaded"), (0.0, "nearly neutral"))
HEADLINE_LEVELS = ((0.5, "many headline tricks"), (0.0, "some headline tricks"))
# VADER's own thresholds for calling a text positive or negative.
VADER_NEUTRAL = 0.05
_SHOWN_REASONS = ("loaded_", "sent_", "frame_")


def explain(text: str, *, lang: str | None = None, compare: str | None = None, is_headline: bool = True,
            lexicons: str | Path | None = None, codebooks=None, actors=None, encoder: bool = False) -> dict:
    """Return what the toolkit sees in ``text``, as plain JSON-ready data.

    Parameters
    ----------
    text : a headline or a sentence.
    lang : ISO 639-1 code; detected from the text when omitted.
    compare : another version of the text (another outlet's headline); adds a ``compare`` entry with the
        word diff from ``compare`` to ``text`` and the differences in scores.
    is_headline : whether headline cues (a label before a colon) count.
    lexicons : a folder of lexicons that replace the shipped ones.
    codebooks : frame codebooks, names or folders (default ``generic``, :data:`framing.codebooks.DEFAULT`); ``frames`` lists, per family whose
        cues occur, the words that evoked it.
    actors : whom ``actors`` follows: an actors file (path), a mapping of actor name to aliases, or None for
        the seed corpus's actors when ``text`` stands in the seed corpus, else the names found automatically.
    encoder : score English mentions with the encoder model (``framing[encoder]``; loads torch, about a
        second more) instead of the lexicon model.

    Returns
    -------
    dict with ``text, language, language_source, loaded_score, loaded_level, terms`` (each with its
    character span ``start, end``, ``category``, ``category_label``, ``explanation`` and, for zh/sv, an
    English ``gloss``), ``weak_signals`` (what raises the score below the highlight weight, in the same
    shape), ``headline_cue_score, headline_level, headline_cues`` (the headline tricks, in the same shape),
    ``sentiment, tone, frames, actors`` (see :func:`framing.report.explain_actors.portrayals`), ``notes``
    and, with ``compare``, ``compare``. Missing numbers are ``None``.
    """
    text = text.strip()
    if not text:
        raise InputError("nothing to explain: the text is empty")
    from framing.codebooks import load_codebooks

    from framing.report.explain_actors import ActorChoice

    books = tuple(book.source for book in load_codebooks(codebooks))
    root = _root(lexicons)
    choice = ActorChoice.of(actors, encoder=encoder)
    data = _explain_one(text, lang=lang, is_headline=is_headline, root=root, books=books, actors=choice)
    if compare is not None:
        data["compare"] = _comparison(data, compare.strip(), lang=lang, is_headline=is_headline, root=root,
                                      books=books, actors=choice)
    return data


def _root(lexicons: str | Path | None) -> Path | None:
    return None if lexicons is None else Path(lexicons)


def text_language(text: str, *, root: Path | None = None, prior: dict[str, float] | None = None) -> tuple[str, str]:
    """Return the language of ``text`` and how it was found (``detected``, or ``guessed`` among the
    languages with word lists, for a short text; see :func:`framing.text.language.short_text_language`)."""
    from framing.lexicons import available_languages
    from framing.text.language import detect_language, is_short, short_text_language

    if is_short(text):
        among = sorted(set(available_languages("loaded")) | set(available_languages("loaded", root=root)
                                                              if root is not None else ()))
        return short_text_language(text, among=among, prior=prior), "guessed"
    lang = detect_language(text)
    if lang == "und":
        raise InputError(f"cannot tell the language of {text!r}; give it with --lang")
    return lang, "detected"


@lru_cache(maxsize=32)
def _analyzer(lang: str, root: Path | None, books: tuple[str, ...] = ()):
    from framing.codebooks import load_codebooks
    from framing.features import LanguageAnalyzer

    return LanguageAnalyzer(lang, root, load_codebooks(books))


def _explain_one(text: str, *, lang: str | None, is_headline: bool, root: Path | None,
                 books: tuple[str, ...] = (), actors=None) -> dict:
    from framing.report.explain_actors import ActorChoice, portrayals

    lang, source = (lang, "given") if lang else text_language(text, root=root)
    analyzer = _analyzer(lang, root, books)
    row = analyzer.analyze(text, is_headline=is_headline)
    score = _number(row["loaded_score"])
    cue_score = _number(row["headline_cue_score"])
    notes = [reason for reason in row["na_reason"].split("; ") if reason.startswith(_SHOWN_REASONS)]
    return {
        "text": text,
        "language": lang,
        "language_source": source,
        "loaded_score": score,
        "loaded_level": loaded_level(score),
        "terms": _terms(row["loaded_terms"]),
        "weak_signals": _weak_signals(analyzer, text, is_headline=is_headline) if score else [],
        "headline_cue_score": cue_score,
        "headline_level": headline_level(cue_score),
        "headline_cues": [_labelled(cue) | {"source": "headline"} for cue in json.loads(row["headline_cues"])],
        "sentiment": {key: _number(row[key]) for key in ("sent_vader_compound", "sent_tb_polarity",
                                                         "sent_tb_subjectivity")}
                     | {"label": _vader_label(row["sent_vader_compound"])},
        "tone": {"sent_tone": _number(row["sent_tone"]), "sent_positive_count": _count(row["sent_positive_count"]),
                 "sent_negative_count": _count(row["sent_negative_count"]), "label": _tone_label(row["sent_tone"])},
        "frames": _frames(analyzer, text),
        "actors": portrayals(text, lang=lang, root=root, choice=actors or ActorChoice.of(None)),
        "notes": notes,
    }


def _labelled(term: dict) -> dict:
    from framing.features.loaded import category_label

    return term | {"gloss": term.get("gloss"), "category_label": category_label(term["category"])}


def _weak_signals(analyzer, text: str, *, is_headline: bool) -> list[dict]:
    """Return the signals below the highlight weight that make up a score without highlights."""
    from framing.features.loaded import weak_signals

    matcher = analyzer.matchers["loaded"]
    if matcher is None:
        return []
    return [_labelled(signal) for signal in weak_signals(text, matcher.find(text), lang=analyzer.lang,
                                                          is_headline=is_headline)]


def _terms(loaded_terms: str) -> list[dict]:
    """Return the loaded terms of an analysed text (its ``loaded_terms``) with the character spans they were
    found at, in reading order."""
    from framing.features.loaded import category_label, decode_terms

    terms = []
    for term in decode_terms(loaded_terms):
        data = term.as_dict()
        terms.append(data | {"lemma": data.get("lemma"), "gloss": data.get("gloss"),
                             "negated": data.get("negated", False), "category_label": category_label(term.category),
                             "source": term.source})
    return sorted(terms, key=lambda t: (t["start"], -t["end"], t["category"]))


def _frames(analyzer, text: str) -> list[dict]:
    """Return, for each frame whose cues occur in ``text`` (in codebook order), the words that evoked it:
    ``{"frame", "codebook", "label", "terms", "cues"}``; ``cues`` have their character spans and weights."""
    frames = []
    for book in analyzer.codebooks:
        matcher = analyzer.frame_matchers[book.name]
        found: dict[str, list] = {}
        for match in matcher.find(text) if matcher is not None else ():
            found.setdefault(match.category, []).append(match)
        frames += [{"frame": family.key, "codebook": book.name, "label": family.label,
                    "terms": [m.surface for m in found[family.key]],
                    "cues": [{"term": m.surface, "lemma": m.term, "start": m.start, "end": m.end, "weight": m.weight,
                              "gloss": m.gloss} for m in found[family.key]]}
                   for family in book.families if family.key in found]
    return frames


def _comparison(data: dict, other_text: str, *, lang: str | None, is_headline: bool, root: Path | None,
                books: tuple[str, ...] = (), actors=None) -> dict:
    from framing.features.headlines import word_diff

    if not other_text:
        raise InputError("nothing to compare with: the other text is empty")
    other = _explain_one(other_text, lang=lang, is_headline=is_headline, root=root, books=books, actors=actors)
    same_language = other["language"] == data["language"]
    diff = ([op.as_dict() for op in word_diff(other_text, data["text"], lang=data["language"])]
            if same_language else None)
    keys = {_term_key(t) for t in other["terms"]}
    own = {_term_key(t) for t in data["terms"]}
    return {
        "other": other,
        "diff": diff,
        "differences": {
            "loaded_score": _difference(data["loaded_score"], other["loaded_score"]),
            "headline_cue_score": _difference(data["headline_cue_score"], other["headline_cue_score"]),
            "sent_tone": _difference(data["tone"]["sent_tone"], other["tone"]["sent_tone"]),
            "sent_vader_compound": _difference(data["sentiment"]["sent_vader_compound"],
                                               other["sentiment"]["sent_vader_compound"]),
        },
        "added_terms": [t for t in data["terms"] if _term_key(t) not in keys],
        "dropped_terms": [t for t in other["terms"] if _term_key(t) not in own],
        "notes": [] if same_language else
                 [f"the texts are in different languages ({data['language']}, {other['language']}): no word diff"],
    }


def _term_key(term: dict) -> tuple[str, str]:
    return (term["lemma"] or term["term"]).casefold(), term["category"]


def _number(value) -> float | None:
    """Return ``value`` as a float rounded for reading, or ``None`` for NaN."""
    value = float(value)
    return None if math.isnan(value) else round(value, 4)


def _count(value) -> int | None:
    value = float(value)
    return None if math.isnan(value) else int(value)


def _difference(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(a - b, 4)


def loaded_level(score: float | None) -> str:
    """Return a word for a loaded score: ``neutral``, ``nearly neutral``, ``somewhat``/``strongly loaded``."""
    if score is None:
        return "not measured"
    if score == 0:
        return "neutral"
    return next(label for floor, label in LOADED_LEVELS if score >= floor)


def headline_level(score: float | None) -> str:
    """Return a word for a headline-cue score: ``no headline tricks``, ``some``/``many headline tricks``."""
    if score is None:
        return "not measured"
    if score == 0:
        return "no headline tricks"
    return next(label for floor, label in HEADLINE_LEVELS if score >= floor)


def _vader_label(value: float) -> str | None:
    if math.isnan(value):
        return None
    return "positive" if value >= VADER_NEUTRAL else "negative" if value <= -VADER_NEUTRAL else "neutral"


def _tone_label(value: float) -> str | None:
    if math.isnan(value):
        return None
    return "more positive than negative words" if value > 0 else \
        "more negative than positive words" if value < 0 else "balanced"


def highlight_spans(text: str, terms: list[dict]) -> list[tuple[str, list[int]]]:
    """Split ``text`` into pieces, each with the indices of the ``terms`` that cover it (``[]``: plain).

    Overlapping terms ("Deal with the Devil" and the label "Deal with the Devil:") split the text at
    every boundary, so each piece knows all the terms it belongs to.
    """
    cuts = sorted({0, len(text)} | {t["start"] for t in terms} | {t["end"] for t in terms})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [i for i, t in enumerate(terms) if t["start"] <= start and end <= t["end"]]
        if pieces and pieces[-1][1] == covering:
            pieces[-1] = (pieces[-1][0] + text[start:end], covering)
        else:
            pieces.append((text[start:end], covering))
    return pieces


def to_json(data: dict) -> str:
    """Return ``data`` as indented JSON, non-ASCII text kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2)


# Terminal view ---------------------------------------------------------------------------------------

TERM_STYLE = "bold black on yellow"
CUE_STYLE = "bold black on cyan"
HEADLINE_STYLE = "bold white on magenta"


def highlighted_text(text: str, terms: list[dict]) -> Text:
    """Return ``text`` with its loaded words on yellow, its loaded cues (a label, scare quotes) on cyan and
    its headline tricks on magenta; a piece that is a loaded word and a trick shows as the loaded word.
    Actors it names (``source`` ``actor``) are underlined."""
    out = Text()
    for piece, covering in highlight_spans(text, terms):
        sources = {terms[i]["source"] for i in covering}
        underline = " underline" if "actor" in sources else ""
        sources.discard("actor")
        if not sources:
            out.append(piece, style=underline.strip() or None)
        elif sources - {"cue", "headline"}:
            out.append(piece, style=TERM_STYLE + underline)
        else:
            out.append(piece, style=(CUE_STYLE if "cue" in sources else HEADLINE_STYLE) + underline)
    return out


def _actor_spans(data: dict) -> list[dict]:
    return [{"start": m["start"], "end": m["end"], "source": "actor"} for m in data.get("actors", {}).get("mentions", [])]


def explanation_view(data: dict) -> Group:
    """Return a rich renderable of an :func:`explain` result: the highlighted text, one line per loaded term
    and headline trick, the weak signals behind a score without highlights, sentiment, tone, frames and,
    when present, the comparison."""
    parts = [highlighted_text(data["text"], data["terms"] + data["headline_cues"] + _actor_spans(data)),
             _summary_line(data)]
    if data["terms"]:
        parts.append(_terms_table(data["terms"]))
    elif data["loaded_score"] is not None:
        parts.append(Text("No loaded words or cues found.", style="dim"))
    if data["weak_signals"] and not data["terms"]:
        parts.append(Text("Weak signals, none strong enough to highlight: " + "; ".join(
            f"{s['term']} ({s['category_label']}, {s['weight']:.2f})" for s in data["weak_signals"]), style="dim"))
    if data["headline_cues"]:
        parts.append(_terms_table(data["headline_cues"], style=HEADLINE_STYLE))
    parts.extend(_measures_lines(data))
    if "actors" in data:
        from framing.report.explain_actors import actors_view

        parts.extend(actors_view(data))
    parts.extend(Text(f"note: {note}", style="dim") for note in data["notes"])
    if "compare" in data:
        parts.extend(_comparison_view(data))
    return Group(*parts)


def _summary_line(data: dict) -> Text:
    score = "n/a" if data["loaded_score"] is None else f"{data['loaded_score']:.2f}"
    cues = "n/a" if data["headline_cue_score"] is None else f"{data['headline_cue_score']:.2f}"
    language = data["language"] + (" (guessed)" if data.get("language_source") == "guessed" else "")
    return Text.assemble(("language ", "dim"), language, ("  ·  loaded score ", "dim"),
                         (score, "bold"), f" ({data['loaded_level']})", ("  ·  headline tricks ", "dim"),
                         (cues, "bold"), f" ({data['headline_level']})")


def _terms_table(terms: list[dict], *, style: str = TERM_STYLE) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=False)
    table.add_column("term", style=style.split(" on ")[0], no_wrap=True)
    table.add_column("category", style="magenta", no_wrap=True)
    table.add_column("explanation", ratio=1)
    for term in terms:
        label = term["term"] + (f" ({term['gloss']})" if term.get("gloss") else "")
        explanation = term["explanation"] + (" (negated here)" if term.get("negated") else "")
        table.add_row(label, term["category_label"], explanation)
    return table


def _measures_lines(data: dict) -> list[Text]:
    sentiment, tone = data["sentiment"], data["tone"]
    lines = []
    if sentiment["sent_vader_compound"] is not None:
        lines.append(Text.assemble(("sentiment  ", "bold"),
                                   f"{sentiment['sent_vader_compound']:+.2f} ({sentiment['label']}, VADER -1 to +1)"))
    if tone["sent_tone"] is not None:
        lines.append(Text.assemble(("tone       ", "bold"), f"{tone['sent_tone']:+.1f} ({tone['label']}: "
                                   f"{tone['sent_positive_count']} positive, {tone['sent_negative_count']} negative)"))
    frames = ", ".join(f"{frame_label(f, data['frames'])} ({', '.join(f['terms'])})" for f in data["frames"]) or "none"
    lines.append(Text.assemble(("frames     ", "bold"), frames))
    return lines


def frame_label(frame: dict, frames: list[dict]) -> str:
    """The codebook's label of one of ``frames`` (as :func:`explain` lists them), with the codebook's name
    when frames of several codebooks are listed, since two codebooks may both have a "Morality" frame."""
    several = len({f["codebook"] for f in frames}) > 1
    return f"{frame['label']} ({frame['codebook']})" if several else frame["label"]


def _comparison_view(data: dict) -> list:
    from framing.report.terminal import diff_text

    comparison, other = data["compare"], data["compare"]["other"]
    parts = [Text(""), Text("compared with: ", style="bold")
             + highlighted_text(other["text"], other["terms"] + _actor_spans(other)), _summary_line(other)]
    if comparison["diff"] is not None:
        parts.append(Text("word diff: ", style="bold") + diff_text(comparison["diff"]))
    for term in comparison["added_terms"]:
        parts.append(Text.assemble("  + ", (term["term"], "bold"), f" ({term['category_label']})"))
    for term in comparison["dropped_terms"]:
        parts.append(Text.assemble("  - ", (term["term"], "bold"), f" ({term['category_label']})"))
    differences = comparison["differences"]
    change = ", ".join(f"{name} {value:+.2f}" for name, value in differences.items() if value is not None)
    parts.append(Text(f"difference (this minus the other): {change or 'n/a'}"))
    if "actors" in other:
        from framing.report.explain_actors import actors_view

        parts.extend(actors_view(other, notes=False))
    parts.extend(Text(f"note: {note}", style="dim") for note in comparison["notes"])
    return parts
