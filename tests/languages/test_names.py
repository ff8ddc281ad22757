"""How each language matches the words of a name (an actor's alias) in running text."""

from framing.languages import get_language


def test_english_possessive_but_not_plural():
    en = get_language("en")
    assert en.name_word_matches("China", "China’s", last=True, capitals=False)
    assert not en.name_word_matches("China", "Chinas", last=True, capitals=False)
    assert not en.name_word_matches("Sam", "Sam's", last=False, capitals=False)


def test_swedish_genitive_and_compounds_from_four_letters():
    sv = get_language("sv")
    assert sv.name_word_matches("Kina", "Kinas", last=True, capitals=False)
    assert sv.name_word_matches("Kina", "Kinabesöket", last=True, capitals=False)
    assert not sv.name_word_matches("EU", "EUropa", last=True, capitals=True)
    assert not sv.name_word_matches("Ryd", "Rydberg", last=True, capitals=False)
    assert "kina" in sv.name_keys("Kinabesöket") and "kina" in sv.name_keys("Kinas")


def test_a_name_in_capitals_matches_only_in_capitals():
    for code in ("en", "sv", "fr"):
        language = get_language(code)
        assert language.name_word_matches("US", "US", last=True, capitals=True)
        assert not language.name_word_matches("US", "us", last=True, capitals=True)


def test_an_unknown_language_takes_no_endings():
    assert not get_language("fr").name_word_matches("Chine", "Chines", last=True, capitals=False)
