"""Statistics on the feature tables: bootstrap intervals, rank and permutation tests, contingency
tables, log-odds of words; :func:`compare` runs them all for groups of articles (outlets)."""

from framing.stats.compare import Comparison, compare

__all__ = ["Comparison", "compare"]
