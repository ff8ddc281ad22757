"""One reader per format, chosen by suffix: what each takes from its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.corpus import READERS, load_corpus
from framing.corpus.html import html_text

DATA = Path(__file__).parents[1] / "data" / "corpus" / "readers"


def read(name: str, **options):
    corpus = load_corpus(DATA / name, **options)
    assert corpus.problems == []
    return corpus


def test_every_documented_format_has_a_reader():
    assert {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv"} <= set(READERS)


def test_a_full_html_page_gives_its_metadata_and_main_text():
    corpus = read("page.html")
    record = corpus.articles.iloc[0]
    assert record["id"] == "page"
    assert record["title"] == "Senators weigh AI rules after Geneva talks"
    assert record["outlet"] == "The Example Times"
    assert record["published"] == "2024-01-12T08:30:00Z"
    assert record["url"] == "https://www.example.com/news/ai-rules"
    assert record["language"] == "en"
    assert record["text"].split("\n\n") == [
        "Sen. Jane Doe said on Friday that the U.S. should agree on safety rules for artificial intelligence with "
        "other powers.",
        "The talks in Geneva were the first of their kind, according to people who attended them.",
        "Lawmakers expect to publish a draft bill before the summer recess.",
    ]
    report = dict(corpus.dropped_for("page").itertuples(index=False, name=None))
    assert report["Sen. Jane Doe speaks in Washington. (Photo by John Roe/Getty Images)"] == "photo caption"
    assert report['<div class="share-bar"> with 1 inline SVG icon'] == "share widget"
    assert report["Subscribe to our daily newsletter for the latest updates."] == "not main content"
    assert report["Senators weigh AI rules after Geneva talks"] == "headline (kept as title)"


def test_an_html_fragment_keeps_every_paragraph_and_takes_its_h1_as_title():
    corpus = read("fragment.html")
    record = corpus.articles.iloc[0]
    assert record["title"] == "Chip curbs tighten again"
    assert record["text"].split("\n\n") == [
        "Washington added more Chinese firms to its export blacklist on Tuesday, officials said.",
        "The Commerce Department said the rules would take effect within thirty days of publication.",
        "Beijing called the move an act of economic coercion and promised to respond.",
    ]
    reasons = corpus.dropped_for("fragment")["reason"].tolist()
    assert reasons == ["image", "share widget", "headline (kept as title)"]


@pytest.mark.parametrize("box", ["comments", "sidebar"])
def test_fragment_paragraphs_trafilatura_leaves_out_or_runs_together_come_back(box):
    paragraphs = [
        "Washington added more Chinese firms to its export blacklist on Tuesday, officials said.",
        "The Commerce Department said the rules would take effect within thirty days of publication.",
        "Beijing called the move an act of economic coercion and promised to respond.",
    ]
    fragment = f'<p>{paragraphs[0]}</p><div class="{box}"><p>{paragraphs[1]}</p></div><p>{paragraphs[2]}</p>'
    assert html_text(fragment).paragraphs == paragraphs


def test_markdown_with_front_matter():
    corpus = read("brief.md")
    record = corpus.articles.iloc[0]
    assert record[["title", "outlet", "published", "url", "language", "story"]].tolist() == [
        "Swedish firms join AI safety pledge", "Example Nyheter", "2024-02-01", "https://nyheter.example.se/ai-pledge",
        "en", "ai-pledge-2024-02"]
    assert record["text"].split("\n\n") == [
        "Three Swedish companies signed the voluntary pledge on Thursday.",
        "The pledge asks signatories to test models before release.",
        "Reactions",
        "Critics said the pledge lacks enforcement.",
    ]
    assert corpus.dropped_for("brief").values.tolist() == [
        ['<img src="ceremony.jpg" alt="Signing ceremony">', "image"],
        ["Follow Anna Berg on Twitter at @annaberg.", "author promotion"],
    ]


def test_front_matter_in_a_txt_file(tmp_path):
    (tmp_path / "note.txt").write_text(
        "---\ntitle: Geneva talks\npublisher: Example Wire\ndate: 2024-01-11T09:00:00+01:00\n---\n"
        "The talks went on for two days in July. Both sides called them useful.\n", encoding="utf-8")
    record = load_corpus(tmp_path / "note.txt").articles.iloc[0]
    assert record[["title", "outlet", "published", "kind"]].tolist() == [
        "Geneva talks", "Example Wire", "2024-01-11T09:00:00+01:00", "article"]
    assert record["text"] == "The talks went on for two days in July. Both sides called them useful."


def test_jsonl_one_article_per_line_with_nested_source():
    records = read("articles.jsonl").articles
    assert records[["id", "title", "outlet", "published", "url"]].values.tolist() == [
        ["wire-1", "Talks resume in Geneva", "Wire One", "2024-01-15", "https://wire.example.com/1?x=2"],
        ["articles:2", "Beijing responds to curbs", "Wire Two", "2024-01-16", ""],
    ]
    assert records["text"].tolist()[0] == "Negotiators met again in Geneva on Monday. They discussed AI safety."
    assert records["n_sentences"].tolist() == [3, 2]


def test_json_with_an_articles_list():
    records = read("articles.json").articles
    assert records[["id", "title", "outlet", "published"]].values.tolist() == [
        ["articles:1", "AI summit opens in London", "Example Post", "2023-11-01"],
        ["articles:2", "Summit ends with declaration", "Example Post", "2023-11-02"],
    ]


def test_csv_columns_found_by_their_usual_names():
    records = read("articles.csv").articles
    assert records[["id", "title", "outlet", "published", "language"]].values.tolist() == [
        ["articles:2", "Regulators meet on AI", "Example Daily", "2024-03-05", "en"],
        ["articles:3", "Nya regler för AI", "Exempelbladet", "2024-03-06", "sv"],
    ]
    assert records["n_sentences"].tolist() == [3, 2]


def test_csv_with_a_column_map(tmp_path):
    (tmp_path / "feed.csv").write_text(
        "story_body,hed,paper\nThe senator spoke on Friday. She wants rules.,Senator speaks,Example Ledger\n",
        encoding="utf-8")
    records = load_corpus(tmp_path / "feed.csv", column_map={"text": "story_body", "title": "hed",
                                                             "outlet": "paper"}).articles
    assert records[["title", "text", "outlet"]].values.tolist() == [
        ["Senator speaks", "The senator spoke on Friday. She wants rules.", "Example Ledger"]]


def test_same_stem_in_two_formats_gets_distinct_ids():
    ids = load_corpus(DATA).articles["id"].tolist()
    assert ids == ["articles:2", "articles:3", "articles:1", "articles.json:2", "wire-1", "articles.jsonl:2",
                   "brief", "fragment", "page"]
