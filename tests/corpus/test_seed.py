"""The embedded seed corpus: records, manifest metadata, the aggregator record, and cleaning per file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from framing.corpus import ARTICLE_COLUMNS, load_corpus, seed_path

BREITBART, REX, RFI, DAGLIGA, BLOOMBERG = (
    "000_6fbad57c96efec8a", "001_fc926492f15d6e07", "002_25b46b25cb64fa15", "003_f22444b573f99c26",
    "004_cdcbff5977f3c6e3",
)
BOILERPLATE = (
    "<svg", "svg", "Getty Images", "Photo by", "TechCrunch/Flickr", "Subscribe", "newsletter", "signed up",
    "magic link", "billing", "COMMENTS", "commenting", "follow Alana", "PRENUMERERA", "nyhetsbrev", "Sam Jeans",
    "×", "share", "whatsapp", "facebook",
)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def records(corpus):
    return corpus.articles.set_index("id")


def dropped(corpus, record_id: str) -> list[tuple[str, str]]:
    return list(corpus.dropped_for(record_id).itertuples(index=False, name=None))


def test_the_seed_corpus_has_four_articles_and_seventeen_headlines(corpus):
    assert list(corpus.articles.columns) == list(ARTICLE_COLUMNS)
    assert len(corpus.articles) == 21
    assert corpus.articles["kind"].value_counts().to_dict() == {"headline": 17, "article": 4}
    assert corpus.problems == []
    assert corpus.notes == []


def test_the_five_documents_carry_the_manifest_outlets_and_languages(records):
    five = records.loc[[BREITBART, REX, RFI, DAGLIGA, BLOOMBERG]]
    assert five["outlet"].tolist() == ["Breitbart", "REX Wire", "RFI Chinese", "DagligaAI", "Bloomberg"]
    assert five["language"].tolist() == ["en", "en", "zh", "sv", "en"]
    assert five["kind"].tolist() == ["article"] * 4 + ["headline"]
    assert five["story"].tolist() == ["altman-baai-2023-06", "geneva-talks-2024-01", "altman-baai-2023-06",
                                      "geneva-talks-2024-01", "altman-baai-2023-06"]
    assert five["published"].tolist() == ["2023-06", "2024-01", "2023-06-12T16:15:01Z", "2024-01-11",
                                          "2023-06-10T03:09:00Z"]


def test_titles_come_from_the_first_line_or_the_markdown_link(records):
    assert records.loc[BREITBART, "title"] == (
        "Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China to Counter AI Risks")
    assert records.loc[REX, "title"] == "US And Chinese Experts Collaborate On AI Safety"
    assert records.loc[RFI, "title"] == "应对AI风险 OpenAI执行长指出与中国合作的重要性"
    assert records.loc[DAGLIGA, "title"] == "Amerikanska och kinesiska AI-företag har haft hemliga säkerhetssamtal"


def test_the_bloomberg_record_is_a_headline_whose_text_is_its_excerpt(records):
    bloomberg = records.loc[BLOOMBERG]
    assert bloomberg["title"] == "OpenAI’s CEO Calls on China to Help Shape AI Safety Guidelines"
    assert bloomberg["text"] == (
        "China should play a key role in shaping the artificial intelligence guardrails needed to ensure the safety "
        "of transformative new systems, OpenAI Inc.’s Chief Executive Officer Sam Altman said.")
    assert bloomberg["url"] == ("https://www.bloomberg.com/news/articles/2023-06-10/"
                                "openai-s-ceo-altman-calls-on-china-to-help-shape-ai-safety-guidelines")


def test_related_entries_are_headlines_of_their_own_outlets(records):
    related = records[records.index.str.startswith(f"{BLOOMBERG}#related-")]
    assert len(related) == 16
    assert (related["kind"] == "headline").all()
    assert (related["language"] == "en").all()
    assert related["outlet"].tolist()[:7] == [
        "VentureBeat", "CNN", "Wired", "TechRadar", "Android", "Politico Europe", "Wall Street Journal"]
    wsj = related[related["title"] == "OpenAI CEO Calls for Collaboration With China to Counter AI Risks"]
    assert wsj.index.tolist() == [f"{BLOOMBERG}#related-07"]
    assert wsj.iloc[0]["outlet"] == "Wall Street Journal"
    assert wsj.iloc[0]["published"] == "2023-06-10T05:19:00Z"
    assert wsj.iloc[0]["url"] == ("https://www.wsj.com/articles/"
                                  "openai-ceo-calls-for-collaboration-with-china-to-counter-ai-risks-eda903fe")
    assert wsj.iloc[0]["text"].startswith("As the U.S. seeks to contain China’s progress")
    # The manifest row describes Bloomberg's record, not the other outlets' headlines.
    assert (related["story"] == "").all()


def test_the_two_financial_times_urls_are_one_article(corpus, records):
    duplicates = corpus.duplicates.to_dict(orient="records")
    assert duplicates == [{
        "id": f"{BLOOMBERG}#related-15", "duplicate_of": f"{BLOOMBERG}#related-14",
        "reason": "same canonical URL (https://www.ft.com/content/d21d2f85-7531-4536-bcce-8ca38620fe55)",
    }]
    ft = records[records["outlet"] == "The Financial Times"]
    assert ft["title"].tolist() == ["Microsoft moving some top AI experts from China to new lab in Canada"]


@pytest.mark.parametrize("record_id", [BREITBART, REX, RFI, DAGLIGA])
def test_no_cleaned_text_contains_boilerplate(records, record_id):
    text = records.loc[record_id, "text"]
    for marker in BOILERPLATE:
        assert marker not in text
    assert "\n\n" in text and "\n\n\n" not in text


@pytest.mark.parametrize(("record_id", "first", "last"), [
    (BREITBART, "Sam Altman, the CEO of ChatGPT developer OpenAI, called for a collaboration",
     "In the meantime, the OpenAI CEO has reportedly been on a world tour, meeting with world leaders, students, "
     "and developers."),
    (REX, "OpenAI, Anthropic, and Cohere hold secret talks with Chinese AI experts on AI safety",
     "OpenAI confirmed its participation in the Geneva discussions, while Anthropic and Cohere did not comment, "
     "and Tsinghua University remained unresponsive to inquiries."),
    (RFI, "在美国试图通过制裁来遏制中国在AI人工智能领域的发展之际",
     "另值得关注的是，阿尔特曼5月在国会作证时警告称，AI监管的一个危险之处是“你在拖慢美国行业发展速度的同时，"
     "中国或其他国家会取得更快进展”。"),
    (DAGLIGA, "Viktiga amerikanska AI-företag och kinesiska AI-experter har fört konfidentiella diskussioner",
     "Regleringen av AI kommer säkerligen att behöva samordnas, men i slutändan vet vi inte mycket om resultatet "
     "av dessa samtal."),
])
def test_each_article_keeps_its_first_and_last_real_paragraph(records, record_id, first, last):
    paragraphs = records.loc[record_id, "text"].split("\n\n")
    assert paragraphs[0].startswith(first)
    assert paragraphs[-1].endswith(last)


def test_breitbart_loses_captions_twice_over_credit_and_comment_section(corpus, records):
    report = dropped(corpus, BREITBART)
    reasons = [reason for _, reason in report]
    assert reasons == ["photo caption", "photo credit", "photo caption", "photo caption", "photo caption",
                       "photo caption", "author promotion", "comment prompt", "comment prompt"]
    assert report[0] == ("OpenAI founder Sam Altman, creator of ChatGPT", "photo caption")
    assert report[1] == ("TechCrunch/Flickr", "photo credit")
    assert report[2][0] == report[3][0]  # the same caption, shown twice
    assert report[2][0].endswith("(Photo by Jonathan Raa/NurPhoto via Getty Images)")
    assert report[4][0].startswith("Counter-protesters") and report[5][0].startswith("Counter-protesters")
    assert report[-2:] == [("COMMENTS", "comment prompt"),
                           ("Please let us know if you're having issues with commenting.", "comment prompt")]
    assert len(records.loc[BREITBART, "text"].split("\n\n")) == 10


def test_rex_wire_keeps_its_headings_and_drops_the_teaser_and_membership_notices(corpus, records):
    text = records.loc[REX, "text"]
    assert "\n\nSecret Geneva Meetings: Bridging AI Safety Concerns\n\n" in text
    assert "What are the goals of US-China AI safety talks?" in text
    assert "Nvidia" not in text
    reasons = dict(dropped(corpus, REX))
    assert reasons["Nvidia Navigates AI Chip Restrictions, Forecasts Robust Growth"] == "related-story teaser"
    assert reasons["Subscribe to our newsletter and follow us on X/Twitter."] == "newsletter sign-up"
    assert reasons["You've successfully subscribed to REX Wire."] == "account notice"
    assert reasons["Your billing was not updated."] == "account notice"
    assert len(reasons) == 9


def test_rfi_loses_share_buttons_svg_image_and_promo_slots(corpus, records):
    report = dropped(corpus, RFI)
    reasons = [reason for _, reason in report]
    assert reasons.count("share widget") == 5
    assert ("<!--1686586501000-->", "html comment") in report
    assert ("12/06/2023 - 17:21", "dateline") in report
    assert any(line.startswith("<img src=\"https://s.rfi.fr/") for line, _ in report)
    assert any("inline SVG" in line for line, reason in report if reason == "share widget")
    assert {"newsletter sign-up", "self-promotion"} <= set(reasons)
    assert len(records.loc[RFI, "text"].split("\n\n")) == 9


def test_dagligaai_loses_date_tag_subscription_box_and_author_bio(corpus, records):
    reasons = dict(dropped(corpus, DAGLIGA))
    assert reasons == {
        "11 januari 2024": "dateline",
        "Kina AI": "tag line",
        "Bli en del av framtiden": "footer text",
        "PRENUMERERA IDAG": "subscription prompt",
        "Tydlig, kortfattad och heltäckande. Få grepp om AI-utvecklingen med DagligaAI": "footer text",
        "Sam Jeans": "author bio",
        "Sam är en vetenskaps- och teknikskribent som har arbetat i olika AI-startups. När han inte skriver läser "
        "han medicinska tidskrifter eller gräver igenom lådor med vinylskivor.": "author bio",
        "×": "no words",
        "GRATIS PDF EXKLUSIV": "footer text",
        "Ligg steget före med DailyAI": "footer text",
        "Registrera dig för vårt veckovisa nyhetsbrev och få exklusiv tillgång till DailyAI:s senaste e-bok: "
        "\"Mastering AI Tools: Din 2024-guide till förbättrad produktivitet\".": "newsletter sign-up",
        "*Genom att prenumerera på vårt nyhetsbrev accepterar du vår Integritetspolicy och våra Villkor och "
        "anvisningar": "subscription prompt",
    }
    assert len(records.loc[DAGLIGA, "text"].split("\n\n")) == 13


def test_without_a_manifest_the_files_say_what_they_can(tmp_path):
    for file in sorted(seed_path().glob("0*.txt")):
        shutil.copy(file, tmp_path / file.name)
    records = load_corpus(tmp_path).articles.set_index("id")
    assert len(records) == 21
    assert records["outlet"].loc[[BREITBART, REX, RFI, DAGLIGA, BLOOMBERG]].tolist() == [
        "unknown", "REX Wire", "unknown", "DagligaAI", "Bloomberg L.P."]
    assert records["language"].loc[[BREITBART, REX, RFI, DAGLIGA, BLOOMBERG]].tolist() == ["en", "en", "zh", "sv", "en"]
    assert records.loc[RFI, "published"] == "2023-06-12T16:15:01Z"  # from the epoch-milliseconds comment
    assert records.loc[RFI, "url"].startswith("https://www.rfi.fr/cn/%E7%A7%91")  # from the Markdown link
    assert records.loc[DAGLIGA, "published"] == "2024-01-11"  # from the date line
    assert records.loc[BLOOMBERG, "published"] == "2023-06-10T03:09:00Z"
    assert (records["story"] == "").all()


def test_a_manifest_one_level_above_the_files_matches_them_by_name(tmp_path):
    # The layout the seed corpus is distributed in: corpus/manifest.csv beside corpus/seed/*.txt.
    (tmp_path / "seed").mkdir()
    for path in seed_path().glob("*.txt"):
        shutil.copy(path, tmp_path / "seed" / path.name)
    shutil.copy(seed_path() / "manifest.csv", tmp_path / "manifest.csv")
    corpus = load_corpus(tmp_path)
    assert corpus.problems == []
    five = corpus.articles.set_index("id").loc[[BREITBART, REX, RFI, DAGLIGA, BLOOMBERG]]
    assert five["outlet"].tolist() == ["Breitbart", "REX Wire", "RFI Chinese", "DagligaAI", "Bloomberg"]


def test_a_single_file_takes_its_row_of_the_folder_manifest():
    corpus = load_corpus(seed_path() / f"{DAGLIGA}.txt")
    assert corpus.articles[["id", "outlet", "story"]].values.tolist() == [
        [DAGLIGA, "DagligaAI", "geneva-talks-2024-01"]]
    assert corpus.problems == []
