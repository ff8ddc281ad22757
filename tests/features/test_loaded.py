"""Loaded-wording cues and the noisy-or score."""

import json

import pytest

from framing.features import loaded
from framing.features.analyzer import quote_share
from framing.features.frames import contrast_index as coop_vs_sanction
from framing.features.matching import Match


def cue_names(text, *, is_headline=True):
    return [c.name for c in loaded.cues(text, is_headline=is_headline)]


def test_label_before_colon_is_a_headline_cue():
    (cue,) = loaded.cues("Deal with the Devil: ChatGPT Boss Calls for Collaboration", is_headline=True)
    assert (cue.name, cue.surface) == ("headline_label", "Deal with the Devil:")


def test_genre_labels_before_colon_are_not_cues():
    assert cue_names("Exclusive: OpenAI CEO Calls for Collaboration") == []
    assert cue_names("Analysis: what the talks mean") == []


def test_colon_label_counts_only_in_headlines():
    assert cue_names("Deal with the Devil: a body sentence", is_headline=False) == []


def test_exclamation_and_shouting_are_headline_tricks_not_loaded_cues():
    assert cue_names("China WINS THE RACE!") == []


def test_short_quoted_words_without_a_speaker_are_scare_quotes():
    assert cue_names('The "experts" met in Geneva.', is_headline=False) == ["scare_quotes"]
    assert cue_names('"We will cooperate," she said.', is_headline=False) == []


def _match(weight):
    return Match(term="t", surface="t", start=0, end=1, category="evaluative", weight=weight, explanation="e")


def test_score_is_noisy_or_of_weights():
    assert loaded.loaded_score([], []) == 0.0
    assert loaded.loaded_score([_match(0.5), _match(0.5)], []) == pytest.approx(0.75)
    assert loaded.loaded_score([_match(0.9)], []) > loaded.loaded_score([_match(0.5)], [])


def test_coop_vs_sanction_index():
    assert coop_vs_sanction(3, 1) == pytest.approx(0.5)
    assert coop_vs_sanction(0, 2) == -1.0
    assert coop_vs_sanction(0, 0) != coop_vs_sanction(0, 0)  # NaN when both are zero


def test_quote_share_counts_characters_inside_quotes():
    assert quote_share("“ab” cd") == pytest.approx(4 / 6)
    assert quote_share("no quotes here") == 0.0
    assert quote_share("“an open quote runs to the end") == 1.0
    assert quote_share("  ") != quote_share("  ")  # NaN for empty text


def _terms(text, *, is_headline=False):
    from framing.features.tables import Analyzers

    row = Analyzers()("en").analyze(text, is_headline=is_headline)
    return row["loaded_score"], {t.get("lemma", t["term"]): t["term"] for t in json.loads(row["loaded_terms"])}


def test_weak_signals_raise_the_score_without_being_highlighted():
    score, terms = _terms("OpenAI's CEO Calls on China to Help Shape AI Safety Guidelines", is_headline=True)
    assert terms == {} and 0 < score < 0.5
    score, terms = _terms("The criminal threat grew.")
    assert terms == {} and score > 0


def test_every_highlight_weighs_at_least_the_highlight_minimum():
    _, terms = _terms("The evil regime sent its thugs, a terrorist threat, to the sacred site.")
    assert set(terms) == {"evil", "thug"}


def test_a_highlight_covers_its_loaded_phrase():
    _, terms = _terms("Critics said the disgusting tax plan would pass.")
    assert terms["disgusting"] == "disgusting tax plan"
    _, terms = _terms("Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration", is_headline=True)
    assert terms["deal with the devil"] == "Deal with the Devil" and terms["boss"] == "ChatGPT Boss"


def test_a_phrase_is_its_whole_chunk_without_leading_function_words_or_what_follows_a_colon():
    spans = loaded.phrase_spans("Their truly disgusting tax plan: officials", [(12, 22)], lang="en")
    assert spans == [(6, 31)]  # "truly disgusting tax plan": not "Their", not past the colon
    _, terms = _terms("The ChatGPT boss Sam Altman spoke.")
    assert terms["boss"] == "ChatGPT boss"


def test_phrases_stop_at_the_next_highlight():
    spans = loaded.phrase_spans("utterly vile thugs", [(0, 12), (13, 18)], lang="en")
    assert spans[0][1] <= spans[1][0]
    assert loaded.phrase_spans("en ond regim", [(3, 6)], lang="sv") == [(3, 6)]
