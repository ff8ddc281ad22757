"""framing: media-bias and framing analysis for news from many outlets and languages.

The Python API mirrors the command line::

    import framing
    corpus = framing.load_corpus()          # the embedded seed corpus
    tables = framing.feature_tables(corpus) # sentence and article tables
    result = framing.compare(tables, by="outlet")
    portrayals = framing.actors(corpus, actors="actors.yaml")   # how each outlet portrays each actor
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__", "actors", "compare", "feature_tables", "load_corpus"]


def __getattr__(name: str):
    # Lazy: `framing --help` and `import framing` stay fast; heavy analyzers load on first use.
    if name == "load_corpus":
        from framing.corpus import load_corpus

        return load_corpus
    if name == "feature_tables":
        # A plain function: framing.features is the package of feature modules, and a name cannot be both.
        from framing.features import feature_tables

        return feature_tables
    if name == "actors":
        # A plain function, as feature_tables: the package of the actor modules is framing.portrayal.
        from framing.portrayal import actors

        return actors
    if name == "compare":
        from framing.stats import compare

        return compare
    raise AttributeError(f"module 'framing' has no attribute {name!r}")
