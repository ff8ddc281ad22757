"""Actor portrayal: who is mentioned, by which outlet, and how each mention portrays them.

``framing.actors`` is :func:`actors`, this package's entry point (a plain function: the package itself
is ``framing.portrayal``).

``framing.actors(corpus, actors=...)`` finds every mention of the actors (an actors file, or names found
automatically), scores the sentiment towards each mention (:mod:`framing.portrayal.target`), and summarises
per group (outlet) and actor with bootstrap intervals over articles, plus tests between groups
(:mod:`framing.portrayal.portrayals`). One sentence alone is :func:`framing.portrayal.sentence.portray_sentence`.
"""

from __future__ import annotations

from framing.portrayal.catalogue import Actor, ActorsFileError, load_actors, parse_actors

__all__ = ["Actor", "ActorsFileError", "Portrayals", "actors", "load_actors", "parse_actors"]
_LAZY = ("FIGURE", "Portrayals", "actors")


def __getattr__(name: str):
    # Lazy: the corpus-level analysis needs pandas, which `framing explain` (one sentence) must not import.
    if name in _LAZY:
        from framing.portrayal import portrayals

        return getattr(portrayals, name)
    raise AttributeError(f"module 'framing.portrayal' has no attribute {name!r}")
