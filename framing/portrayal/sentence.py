"""How one sentence portrays the actors it names: the mentions, the sentiment towards each, and the words
near each that carry it. The unit both ``framing actors`` (per sentence of a corpus) and ``framing explain``
(one headline) use; it imports neither pandas nor, unless the encoder model is asked for, torch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from framing.portrayal import automatic, target, window
from framing.portrayal.catalogue import Actor
from framing.portrayal.mentions import Mention, MentionFinder


@dataclass(frozen=True)
class Portrayed:
    """One mention, how it is portrayed, and the polarity words near it (strongest first)."""

    mention: Mention
    portrayal: target.Portrayal
    cues: tuple[window.Cue, ...]


@lru_cache(maxsize=32)
def _finder(actors: tuple[Actor, ...], lang: str) -> MentionFinder:
    return MentionFinder(actors, lang=lang)


def find_mentions(text: str, *, lang: str, actors: tuple[Actor, ...] | None) -> list[Mention]:
    """Return the mentions of ``actors`` in ``text`` (the names found automatically when ``actors`` is None)."""
    return _finder(actors, lang).find(text) if actors is not None else automatic.names(text, lang=lang)


def portray_sentence(text: str, *, lang: str, actors: tuple[Actor, ...] | None, use_encoder: bool = True,
                     lexicons: str | None = None) -> list[Portrayed]:
    """Return every mention in ``text`` with how it is portrayed and the polarity words near it.

    Parameters
    ----------
    text : one sentence (or headline).
    lang : its language.
    actors : whom to follow; None follows the names found automatically (:mod:`framing.portrayal.automatic`).
    use_encoder : score English mentions with the encoder model where it is installed.
    lexicons : a folder of lexicons replacing the shipped polarity and modifier lists (as a string).
    """
    found = find_mentions(text, lang=lang, actors=actors)
    if not found:
        return []
    portrayals = target.portray(text, [(m.start, m.end) for m in found], lang=lang, use_encoder=use_encoder,
                                lexicons=lexicons)
    return [Portrayed(mention, portrayal,
                      () if math.isnan(portrayal.score)
                      else tuple(window.cues(text, mention.start, mention.end, lang=lang, lexicons=lexicons)))
            for mention, portrayal in zip(found, portrayals)]
