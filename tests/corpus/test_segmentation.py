"""Sentences and words of the cleaned seed articles in English, Swedish and Chinese."""

from __future__ import annotations

import pytest

from framing.corpus import load_corpus
from framing.text import sentences, tokens


@pytest.fixture(scope="module")
def records():
    return load_corpus().articles.set_index("id")


def test_english_abbreviations_do_not_end_sentences(records):
    text = records.loc["000_6fbad57c96efec8a", "text"]
    found = sentences(text, lang="en")
    assert ("Additionally, the U.S. imposed sanctions in China last year in an attempt to stop the hostile foreign "
            "country from accessing the most popular cutting-edge chips needed for AI development.") in found
    assert not any(sentence.endswith("U.S.") for sentence in found[:-1])
    assert sentences("Sen. Chuck Schumer met the U.S. delegation on Monday. They talked.", lang="en") == [
        "Sen. Chuck Schumer met the U.S. delegation on Monday.", "They talked."]
    assert "U.S." in tokens(text, lang="en")


def test_swedish_sentences_and_abbreviations(records):
    text = records.loc["003_f22444b573f99c26", "text"]
    found = sentences(text, lang="sv")
    assert ("I dialogerna mellan makterna ska man enligt uppgift ta upp de potentiella farorna med AI, t.ex. "
            "spridning av felaktig information och samhällsstörningar, och främja investeringar i forskning om "
            "AI-säkerhet.") in found
    assert found[-1] == ("Regleringen av AI kommer säkerligen att behöva samordnas, men i slutändan vet vi inte "
                         "mycket om resultatet av dessa samtal.")
    assert {"säkerhetsråds", "AI-säkerhet"} <= set(tokens(text, lang="sv"))


def test_chinese_sentences_and_names_stay_whole(records):
    text = records.loc["002_25b46b25cb64fa15", "text"]
    found = sentences(text, lang="zh")
    assert found[0] == ("在美国试图通过制裁来遏制中国在AI人工智能领域的发展之际，OpenAI执行长阿尔特曼（Sam Altman）"
                        "则选择与中国接触。")
    words = tokens(text, lang="zh")
    assert {"阿尔特曼", "辛顿", "科大讯飞", "华尔街日报", "英伟达"} <= set(words)
    assert "阿尔" not in words


def test_record_counts_cover_title_and_text(records):
    row = records.loc["004_cdcbff5977f3c6e3"]
    title, text = row["title"], row["text"]
    assert row["n_sentences"] == len(sentences(title, lang="en")) + len(sentences(text, lang="en")) == 2
    assert row["n_words"] == len(tokens(title, lang="en")) + len(tokens(text, lang="en"))
