"""Right answers on headlines: the regression set in tests/data/headlines, each headline with its source.

Plain news headlines whose words share a stem with a judgement ("explosion", "apologizes", "AWS") or
whose names look like idioms ("Big Brother") must not be called loaded; loaded ones must still be found
with the words that load them; headline tricks must be found as tricks.
"""

import csv
from pathlib import Path

import pytest

from framing.report.explain import explain

DATA = Path(__file__).parent.parent / "data" / "headlines"
ROWS = list(csv.DictReader((DATA / "regression.csv").open(encoding="utf-8")))


def _cases(expected):
    return [pytest.param(row["headline"], id=row["headline"][:40]) for row in ROWS if row["expected"] == expected]


def test_every_headline_names_its_source():
    assert ROWS and all(row["source"].strip() and row["why"].strip() for row in ROWS)


@pytest.mark.parametrize("headline", _cases("plain"))
def test_plain_news_is_not_called_loaded(headline):
    data = explain(headline)
    assert data["language"] == "en"
    assert data["terms"] == [] and data["loaded_score"] < 0.5
    assert data["headline_cue_score"] < 0.5


@pytest.mark.parametrize("headline", _cases("loaded"))
def test_loaded_headlines_are_found_with_their_words(headline):
    data = explain(headline)
    assert data["loaded_score"] >= 0.5 and data["terms"]


@pytest.mark.parametrize("headline", _cases("tricks"))
def test_headline_tricks_are_found_as_tricks(headline):
    data = explain(headline)
    assert data["headline_cues"] and data["headline_cue_score"] >= 0.35


def test_nothing_is_negated_where_no_negation_stands():
    data = explain("Exploited Dockworkers Stand Up to Greedy Port Bosses")
    assert [t["negated"] for t in data["terms"]] == [False, False]


def test_plain_news_headlines_are_rarely_called_loaded():
    """At most 2% of 200 plain news headlines written in wire-service style (plain_news.txt) score >= 0.5."""
    headlines = [line.strip() for line in (DATA / "plain_news.txt").open(encoding="utf-8")
                 if line.strip() and not line.startswith("#")]
    loaded = [h for h in headlines if explain(h)["loaded_score"] >= 0.5]
    assert len(headlines) >= 200
    assert len(loaded) / len(headlines) <= 0.02, loaded
