"""English: what the English module reads of TextBlob is what TextBlob reads itself."""

from textblob._text import Lexicon

from framing.languages import get_language
from framing.languages.en import pattern_parser


def test_the_lexicon_read_at_once_is_textblob_s_own():
    lexicon = pattern_parser().lexicon
    own = Lexicon(path=lexicon.path)
    own.load()
    assert len(own) > 90_000
    assert list(dict.items(lexicon)) == list(dict.items(own))


def test_shouted_words_are_told_from_names_in_capitals():
    english = get_language("en")
    assert english.capitals_are_word("EXPOSED")
    assert not english.capitals_are_word("NASA")
