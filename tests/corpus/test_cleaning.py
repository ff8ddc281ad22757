"""Line rules, dates and URLs: general enough for other sites, never dropping a real paragraph."""

from __future__ import annotations

import pytest

from framing.corpus.cleaning import LINE_RULES, UNIVERSAL_RULES, clean_body, match_rule
from framing.corpus.metadata import canonical_url, epoch_comment_date, iso_date, parse_date_line

PARAGRAPH = "The senator said the talks were useful and that both sides would meet again in the spring."


@pytest.mark.parametrize(("line", "lang", "reason"), [
    ("Photo: Reuters", "en", "photo credit"),
    ("Getty Images", "en", "photo credit"),
    ("AFP/Getty Images", "en", "photo credit"),
    ("The minister arrives in Geneva on Monday. (AP Photo/Jane Doe)", "en", "photo caption"),
    ("Protesters gather outside the venue. (Photo by John Roe/AFP via Getty Images)", "en", "photo caption"),
    ("Sign up for our weekly AI newsletter", "en", "newsletter sign-up"),
    ("Get the Morning Briefing newsletter in your inbox.", "en", "newsletter sign-up"),
    ("Welcome back! You've successfully signed in.", "en", "account notice"),
    ("Comments (12)", "en", "comment prompt"),
    ("Join the conversation", "en", "comment prompt"),
    ("Follow Jane Doe on X at @janedoe.", "en", "author promotion"),
    ("Share this article", "en", "share widget"),
    ("Advertisement", "en", "navigation"),
    ("Prenumerera nu", "sv", "subscription prompt"),
    ("Registrera dig för vårt veckovisa nyhetsbrev", "sv", "newsletter sign-up"),
    ("Skriv en kommentar", "sv", "comment prompt"),
    ("Foto: TT", "sv", "photo credit"),
    ("订阅我们的新闻简报", "zh", "subscription prompt"),
    ("图片来源：路透社", "zh", "photo credit"),
    ("责任编辑：王明", "zh", "author promotion"),
    ("•••", "en", "no words"),
])
def test_boilerplate_lines_of_other_sites_are_recognised(line, lang, reason):
    assert match_rule(line, lang=lang) == reason


@pytest.mark.parametrize(("line", "lang"), [
    (PARAGRAPH, "en"),
    ("Millions of readers subscribe to newsletters, and regulators now want to know who writes them, "
     "the commission said in a statement on Tuesday after a year-long inquiry into the industry.", "en"),
    ("Sen. Chuck Schumer said the U.S. would not follow China on AI rules.", "en"),
    ("Kina och USA har hamnat i en geopolitisk konflikt med varandra.", "sv"),
    ("美国去年10月份对中国实施制裁，阻止中国获得AI开发所需最流行的尖端芯片。", "zh"),
])
def test_real_sentences_are_kept(line, lang):
    assert match_rule(line, lang=lang) is None


def test_rules_are_typed_data_with_a_named_reason_each():
    for rule in UNIVERSAL_RULES + tuple(r for rules in LINE_RULES.values() for r in rules):
        assert rule.reason and rule.reason == rule.reason.strip().lower()
        assert rule.max_words > 0
    assert set(LINE_RULES) == {"en", "sv", "zh"}


def test_a_caption_above_its_credit_and_a_repeated_line_are_dropped():
    cleaned = clean_body(f"Headline words here\n\nThe minister in Geneva\nReuters\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
                         "\nThe senator added that nothing was agreed.", lang="en")
    assert cleaned.dropped == (
        ("Headline words here", "tag line"),
        ("The minister in Geneva", "photo caption"),
        ("Reuters", "photo credit"),
        (PARAGRAPH, "repeated line"),
    )
    assert cleaned.text == f"{PARAGRAPH}\n\nThe senator added that nothing was agreed."


def test_a_footer_after_the_last_paragraph_goes_with_its_sign_up_box():
    cleaned = clean_body(f"{PARAGRAPH}\n\nJoin thousands of readers\n\nSubscribe now\n\nThe Example Ledger team",
                         lang="en")
    assert cleaned.text == PARAGRAPH
    assert [reason for _, reason in cleaned.dropped] == ["footer text", "subscription prompt", "footer text"]


def test_an_article_without_boilerplate_loses_nothing():
    text = f"{PARAGRAPH}\n\nShort heading\n\nThe senator added that nothing was agreed."
    assert clean_body(text, lang="en") == clean_body(text, lang="en")
    assert clean_body(text, lang="en").dropped == ()
    assert clean_body(text, lang="en").text == text


def test_the_outlet_comes_from_the_sign_up_box():
    assert clean_body(f"{PARAGRAPH}\n\nYou've successfully subscribed to The Example Ledger.", lang="en").outlet == (
        "The Example Ledger")


@pytest.mark.parametrize(("line", "date"), [
    ("11 januari 2024", "2024-01-11"),
    ("June 12, 2023", "2023-06-12"),
    ("Published 12 June 2023 at 17:21", "2023-06-12"),
    ("Updated: Sat, June 10, 2023", "2023-06-10"),
    ("2023年6月12日", "2023-06-12"),
    ("2024-01-11", "2024-01-11"),
    ("25/12/2023 - 08:00", "2023-12-25"),
    ("12/06/2023 - 17:21", ""),  # a date line, but day and month could be either way round
    ("The talks began on 11 January 2024 in Geneva.", None),
])
def test_date_lines(line, date):
    assert parse_date_line(line) == date


def test_epoch_comments_and_front_matter_dates():
    assert epoch_comment_date("<!--1686586501000-->") == "2023-06-12T16:15:01Z"
    assert epoch_comment_date("<!--1686586501-->") == "2023-06-12T16:15:01Z"
    assert epoch_comment_date("<!-- a comment -->") is None
    assert iso_date("2023-06-10 03:09") == "2023-06-10T03:09"
    assert iso_date(False) == ""
    assert iso_date("June 12, 2023") == "2023-06-12"


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://www.ft.com/content/d21d2f85?sharetype=gift", "https://www.ft.com/content/d21d2f85"),
    ("HTTPS://WWW.Example.COM/News/A#comments", "https://www.example.com/News/A"),
    ("https://example.com", "https://example.com/"),
    ("https://news.example.com/story?utm_source=tw&id=42&fbclid=x", "https://news.example.com/story?id=42"),
    ("https://news.example.com/story?id=43", "https://news.example.com/story?id=43"),
    ("", ""),
])
def test_canonical_urls(url, canonical):
    assert canonical_url(url) == canonical
