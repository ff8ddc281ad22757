"""Mentions: the language rules of the lexicons (possessives, Swedish genitive and compounds, Chinese words)."""

from framing.portrayal import parse_actors
from framing.portrayal.mentions import MentionFinder

ACTORS = parse_actors({
    "China": ["Beijing", "中国", "北京", "Kina"], "United States": ["US", "USA", "美国"],
    "BAAI": ["Beijing Academy of Artificial Intelligence"], "Sam Altman": ["Altman", "阿尔特曼"],
})


def found(text, lang):
    return [(m.actor, m.surface, text[m.start:m.end] == m.surface) for m in MentionFinder(ACTORS, lang=lang).find(text)]


def test_english_possessives_match_and_capitalised_aliases_need_capitals():
    assert found("China’s envoy told us the US and Altman's firm agreed.", "en") == [
        ("China", "China’s", True), ("United States", "US", True), ("Sam Altman", "Altman's", True)]


def test_the_longer_alias_wins_where_two_overlap():
    assert found("Researchers at the Beijing Academy of Artificial Intelligence met in Beijing.", "en") == [
        ("BAAI", "Beijing Academy of Artificial Intelligence", True), ("China", "Beijing", True)]


def test_swedish_genitive_and_compounds_match_but_not_inside_other_words():
    assert found("Kinas regering, USA:s svar och Kinabesöket; kinesiska experter.", "sv") == [
        ("China", "Kinas", True), ("United States", "USA", True), ("China", "Kinabesöket", True)]


def test_chinese_aliases_match_from_a_word_boundary_without_spaces():
    assert found("中国政府和美国官员在北京会面，阿尔特曼呼吁中美合作", "zh") == [
        ("China", "中国", True), ("United States", "美国", True), ("China", "北京", True),
        ("Sam Altman", "阿尔特曼", True)]
