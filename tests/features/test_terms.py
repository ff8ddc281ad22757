"""A highlighted term keeps the character span it was found at, from matching to every output."""

from __future__ import annotations

import json

from framing.features.analyzer import LanguageAnalyzer
from framing.features.loaded import Term, decode_terms
from framing.report.explain import explain

# "evil" stands twice: inside "Non-evil", which is one word and no match, and on its own at the end.
TEXT = "Non-evil robots fight evil"


def test_the_sentence_table_keeps_each_terms_span():
    row = LanguageAnalyzer("en").analyze(TEXT, is_headline=False)
    (term,) = decode_terms(row["loaded_terms"])
    assert isinstance(term, Term)
    assert (term.term, term.start, term.end) == ("evil", 22, 26) == (TEXT[22:26], 22, 26)
    assert json.loads(row["loaded_terms"])[0]["start"] == 22


def test_explain_shows_the_term_where_it_was_found_not_where_its_letters_first_appear():
    (term,) = explain(TEXT, lang="en")["terms"]
    assert (term["start"], term["end"]) == (22, 26)


def test_a_term_round_trips_through_its_json():
    row = LanguageAnalyzer("sv").analyze("Den korrupta regimen ljuger", is_headline=True)
    terms = decode_terms(row["loaded_terms"])
    assert terms and json.dumps([t.as_dict() for t in terms], ensure_ascii=False) == row["loaded_terms"]
    for term in terms:
        assert "Den korrupta regimen ljuger"[term.start:term.end] == term.term
