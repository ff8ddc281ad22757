"""One contract for every language module (and the fallback): each honours the Language interface."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from framing.corpus import cleaning
from framing.languages import CAPABILITIES, Language, get_language, known_languages
from framing.lexicons import available_languages

SAMPLES = {
    "en": "The U.S. imposed new sanctions on Monday. Officials said talks would resume.",
    "sv": "Regeringen införde nya sanktioner i går. Tjänstemän sade att samtalen fortsätter.",
    "zh": "美国周一宣布新的制裁措施。官员表示会谈将继续。",
}
GENERIC = "Die Regierung verhängte neue Sanktionen. Die Gespräche gehen weiter."
LANGUAGES = [*known_languages(), "xx"]  # "xx": a code no module knows, served by the fallback
CLEANING_REASONS = {value for name, value in vars(cleaning).items() if name.isupper() and isinstance(value, str)}


@pytest.fixture(params=LANGUAGES)
def language(request) -> Language:
    return get_language(request.param)


def test_code_and_type(language):
    assert isinstance(language, Language)
    assert language.code in LANGUAGES
    assert get_language(language.code) is language


def test_sentences_are_stripped_pieces_of_the_paragraph(language):
    text = SAMPLES.get(language.code, GENERIC)
    parts = language.split_sentences(text)
    assert len(parts) == 2
    for part in parts:
        assert part == part.strip() and part in text


def test_token_spans_point_into_the_text(language):
    text = SAMPLES.get(language.code, GENERIC)
    spans = language.token_spans(text)
    assert spans
    for token, start, end in spans:
        assert text[start:end] == token and token.strip() == token
    assert [start for _, start, _ in spans] == sorted(start for _, start, _ in spans)


def test_keys_are_case_blind_and_stable(language):
    for token, _, _ in language.token_spans(SAMPLES.get(language.code, GENERIC)):
        key = language.key(token)
        assert isinstance(key, str) and key
        assert language.key(token.upper()) == key == language.key(token.lower()) or not token.isascii()


def test_negation_reaches_forward_and_stops_at_a_clause_mark(language):
    """A negator reaches at most ``negation_window`` words after it, none before it, none past a comma."""
    negator = "qqq" if language.spaced else "不"
    words = [token for token, _, _ in language.token_spans(SAMPLES.get(language.code, GENERIC))][:6]
    comma = ", " if language.spaced else "，"
    text = language.word_joiner.join([words[0], negator, *words[1:3]]) + comma + language.word_joiner.join(words[3:])
    spans = language.token_spans(text)
    keys = [language.key(token) for token, _, _ in spans]
    at = keys.index(language.key(negator))
    reached = language.negators([negator]).scope(text, [(s, e) for _, s, e in spans], keys)
    before_comma = [k for k, (_, s, _) in enumerate(spans) if s < text.index(comma)]
    assert reached == set(range(at + 1, min(at + 1 + language.negation_window, before_comma[-1] + 1)))


def test_word_lists_are_typed_and_compile(language):
    assert language.capabilities <= CAPABILITIES
    assert all(1 <= month <= 12 for month in language.months.values())
    assert all(name == name.lower() for name in language.months)
    for rule in language.line_rules:
        assert rule.reason in CLEANING_REASONS
        re.compile(rule.pattern)
    for pattern in language.outlet_patterns:
        assert "outlet" in re.compile(pattern).groupindex
    if language.weekday_pattern:
        re.compile(language.weekday_pattern)
    assert language.fonts and language.negation_window >= 1
    assert all(label == label.casefold() for label in language.genre_labels)


def test_headline_forms(language):
    """A digit opens a list in every language, a sample sentence does not; Latin letters are no language's
    own script; a word in capitals is told from an acronym, or the language says it cannot tell (None)."""
    text = SAMPLES.get(language.code, GENERIC)
    assert language.opening_number(" 7 " + text) == (1, 2)
    assert language.opening_number(text) is None
    assert all(word == word.casefold() for word in language.number_words)
    assert not language.writes(list("Sanctions"))
    assert language.capitals_are_word("EXPOSED") in (True, None)
    assert language.capitals_are_word("NASA") in (False, None)


def test_a_text_in_a_language_s_own_script_is_that_language():
    from framing.text.language import short_text_language

    scripts = [code for code in known_languages() if get_language(code).script is not None]
    for code in scripts:
        letters = [token for token, _, _ in get_language(code).token_spans(SAMPLES[code])]
        assert get_language(code).writes(list("".join(letters)))
        assert short_text_language(SAMPLES[code] + " OpenAI Sam Altman", among=known_languages()) == code


def test_every_negator_in_the_lexicons_has_keys(language):
    from framing.features.analyzer import LanguageAnalyzer

    for negator in LanguageAnalyzer(language.code).negators:
        assert language.phrase_keys(negator), negator


def test_every_language_with_word_lists_has_a_module():
    """Adding a language is one module plus its word lists: lists without a module are a mistake."""
    from framing.lexicons import FAMILIES

    with_lists = {lang for family in FAMILIES for lang in available_languages(family)}
    assert with_lists <= set(known_languages())


def test_language_data_ships_in_the_package():
    assert (resources.files("framing.languages") / "data" / "zh_userdict.txt").is_file()


def test_word_lists_are_lower_case_words(language):
    # The lists are looked up with case-folded words: an entry in capitals (or a YAML boolean turned "True")
    # would never match.
    for name in ("function_words", "not_names", "number_words", "weekdays"):
        for word in getattr(language, name):
            assert isinstance(word, str) and word == word.casefold() and word.strip() == word, (name, word)
