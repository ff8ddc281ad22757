"""Frame cues count only in the sense their codebook means (issue 15's "frame cues without sense")."""

import pytest

from framing.codebooks import load_codebooks
from framing.features import LanguageAnalyzer

BREITBART = ("Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China to Counter AI Risks")


@pytest.fixture(scope="module")
def english():
    return LanguageAnalyzer("en", codebooks=load_codebooks(["story"]))


def cues(analyzer, text):
    return [(m.surface, m.category) for m in analyzer.frame_matchers["story"].find(text)]


def test_deal_inside_an_idiom_is_not_cooperation(english):
    found = cues(english, BREITBART)
    assert ("Collaboration", "cooperation") in found
    assert not any(surface.lower() == "deal" for surface, _ in found)


def test_deal_with_as_a_verb_is_not_cooperation(english):
    assert cues(english, "Officials must deal with the backlog of applications.") == []


def test_labour_talks_and_deals_are_not_diplomatic_cooperation(english):
    row = english.analyze("Union leaders resumed talks with the employer and reached a wage deal.", is_headline=False)
    assert row["frame_cooperation_count"] == 0


def test_talks_and_deals_between_governments_still_count(english):
    row = english.analyze("The two governments resumed talks and reached a deal on chip exports.", is_headline=False)
    assert row["frame_cooperation_count"] == 2


def test_swedish_and_chinese_labour_talks_are_not_cooperation():
    sv = LanguageAnalyzer("sv", codebooks=load_codebooks(["story"]))
    zh = LanguageAnalyzer("zh", codebooks=load_codebooks(["story"]))
    assert sv.analyze("Facket och arbetsgivarna återupptog samtalen om lönen.", is_headline=False)[
        "frame_cooperation_count"] == 0
    assert zh.analyze("工会与雇主就工资问题重新开始谈判。", is_headline=False)["frame_cooperation_count"] == 0
    assert zh.analyze("中美两国重新开始谈判。", is_headline=False)["frame_cooperation_count"] == 1
