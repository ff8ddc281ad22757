"""Names found without an actors file, measured on short texts written for this test (gold names by hand).

The figures printed by ``python -m pytest tests/portrayal/test_automatic.py -s`` are the ones the README quotes.
"""

import pytest

from framing.portrayal import automatic

TEXTS = {
    "en": [
        ("Officials said Sam Altman of OpenAI met Xi Jinping in Beijing on Tuesday.",
         {"Sam Altman", "OpenAI", "Xi Jinping", "Beijing"}),
        ("The White House and the Bank of England declined to comment, a spokesperson for Microsoft said.",
         {"White House", "Bank of England", "Microsoft"}),
        ("Critics in Washington accused Huawei of spying, while Angela Merkel urged calm in Berlin.",
         {"Washington", "Huawei", "Angela Merkel", "Berlin"}),
        ("After the summit, Emmanuel Macron flew to Tokyo to meet executives from Sony and Toyota.",
         {"Emmanuel Macron", "Tokyo", "Sony", "Toyota"}),
    ],
    "sv": [
        ("Enligt Financial Times deltog OpenAI och Anthropic i samtalen i Genève.",
         {"Financial Times", "OpenAI", "Anthropic", "Genève"}),
        ("Statsminister Ulf Kristersson träffade Kinas utrikesminister Wang Yi i Stockholm.",
         {"Ulf Kristersson", "Kina", "Wang Yi", "Stockholm"}),
        ("Volvo och Ericsson varnade för att EU kan införa nya tullar mot Kina.",
         {"Volvo", "Ericsson", "EU", "Kina"}),
    ],
    "zh": [
        ("阿尔特曼在北京参加会议，并与清华大学的研究人员交流。", {"阿尔特曼", "北京", "清华大学"}),
        ("美国商务部对华为实施制裁，上海的企业表示担忧。", {"美国", "商务部", "华为", "上海"}),
        ("习近平在莫斯科会见了普京。", {"习近平", "莫斯科", "普京"}),
    ],
}


def scores(lang):
    true = found = right = 0
    for text, gold in TEXTS[lang]:
        names = {m.actor for m in automatic.names(text, lang=lang)}
        # A Swedish genitive stays on the name ("Kinas"): it counts as found.
        names = {n[:-1] if lang == "sv" and n.endswith("s") and n[:-1] in gold else n for n in names}
        true, found, right = true + len(gold), found + len(names), right + len(names & gold)
    return right / found, right / true


@pytest.mark.parametrize(("lang", "precision", "recall"), [("en", 0.9, 0.95), ("sv", 0.85, 0.8), ("zh", 0.7, 0.6)])
def test_automatic_names_are_mostly_right_on_hand_written_news_sentences(lang, precision, recall):
    found_precision, found_recall = scores(lang)
    print(f"{lang}: precision {found_precision:.2f}, recall {found_recall:.2f}")
    assert found_precision >= precision and found_recall >= recall


def test_a_sentence_opening_word_is_not_a_name_but_an_acronym_is():
    assert [m.actor for m in automatic.names("Officials said nothing. NATO did.", lang="en")] == ["NATO"]


def test_weekdays_and_months_are_dates_not_actors():
    text = "Workers walked out on Tuesday, and Theresa May said in March that Port Authority talks would resume."
    assert [m.actor for m in automatic.names(text, lang="en")] == ["Theresa May", "Port Authority"]
