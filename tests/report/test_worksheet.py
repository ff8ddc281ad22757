"""framing worksheet: a self-contained, escaped, reproducible HTML page for the classroom."""

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.errors import InputError
from framing.report.worksheet import Headline, build_worksheet, corpus_headlines, read_headlines

DATA = Path(__file__).parents[1] / "data" / "report"
TEACHER_CSV = DATA / "teacher_headlines.csv"
TEACHER_TXT = DATA / "teacher_headlines.txt"
HOSTILE_CSV = DATA / "hostile_headlines.csv"
BREITBART = "Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China to Counter AI Risks"
WSJ = "OpenAI CEO Calls for Collaboration With China to Counter AI Risks"


@pytest.fixture(scope="module")
def seed_headlines():
    return corpus_headlines(framing.load_corpus())


@pytest.fixture(scope="module")
def seed_page(seed_headlines):
    return build_worksheet(seed_headlines, count=8, seed=0)


def headline_order(page):
    return re.findall(r'<p class="headline-text" lang="\w+"><span class="words"[^>]*>(.*?)</span></p>', page)


def data_block(page):
    match = re.search(r'<script type="application/json" id="worksheet-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_seed_worksheet_sets_breitbart_beside_the_wall_street_journal(seed_page):
    assert html.escape(WSJ, quote=False) in seed_page
    figure = re.search(r'<figcaption>Breitbart</figcaption>.*?</figure>\s*<figure class="headline partner">'
                       r'\s*<figcaption>The same story in Wall Street Journal</figcaption>', seed_page, re.S)
    assert figure, "the Breitbart headline should stand beside the Wall Street Journal's"


def test_seed_worksheet_holds_the_stories_headlines_and_no_unrelated_aggregator_links(seed_page):
    # Five story headlines (the Wall Street Journal's stands beside two of them); the aggregator's other
    # related links (a market report, AWS, Klir) are on other stories.
    assert len(re.findall(r'<article class="item"', seed_page)) == 5
    for unrelated in ("Market Report", "AWS Unveils", "Klir Unveils", "Satya Nadella"):
        assert unrelated not in seed_page


def test_chinese_and_swedish_headlines_carry_the_manifests_english_gloss(seed_page):
    assert seed_page.count("importance of cooperating with China") == 2  # on the sheet and in the answers
    assert seed_page.count("American and Chinese AI companies have held secret safety talks") == 2


def test_answers_explain_the_loaded_words(seed_page):
    answer = seed_page[seed_page.index('<section class="answer-key"'):]
    assert '<mark class="term">Deal with the Devil</mark>' in answer
    assert "informal title" in answer and "metaphor or idiom" in answer
    assert "What Breitbart says differently from Wall Street Journal:" in answer


def test_same_seed_gives_the_same_page_whatever_the_input_order(seed_headlines, seed_page):
    assert build_worksheet(list(reversed(seed_headlines)), count=8, seed=0) == seed_page
    assert any(headline_order(build_worksheet(seed_headlines, count=8, seed=seed)) != headline_order(seed_page)
               for seed in (1, 2, 3))


def test_half_the_chosen_headlines_are_loaded_when_there_are_enough():
    page = build_worksheet(read_headlines(DATA / "eight_headlines.csv"), count=4, seed=0)
    scores = [float(s) for s in re.findall(r"Loaded-language score: <strong>([\d.]+)</strong>", page)]
    assert len(scores) == 4 and sum(score >= 0.2 for score in scores) >= 2


def test_page_is_self_contained(seed_page):
    assert not re.search(r"\b(?:src|href|action)\s*=", seed_page)
    assert not re.search(r"https?://|@import|url\(|@font-face", seed_page)
    assert "default-src 'none'" in seed_page


def test_content_security_policy_allows_exactly_the_inline_script_and_style(seed_page):
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", seed_page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', seed_page).group(1))
        assert f"{directive} 'sha256-{digest}';" in policy


def test_hostile_headlines_are_escaped_everywhere():
    page = build_worksheet(read_headlines(HOSTILE_CSV))
    assert "<script>window" not in page and "<img" not in page and "<a href" not in page
    assert "<b onmouseover" not in page
    assert "&lt;script&gt;window.pwned = 1;" in page
    assert not re.search(r"<[^>]*\son\w+\s*=", page), "no tag may carry an event handler"
    json_text = re.search(r'id="worksheet-data">(.*?)</script>', page, re.S).group(1)
    assert "</" not in json_text and "<" not in json_text
    assert "&lt;/script&gt;&lt;script&gt;window.pwned = 4&lt;/script&gt;&lt;!-- Boss Disaster" in page
    assert len(re.findall(r"<script", page)) == 2


def test_script_data_cannot_close_its_script_element(tmp_path):
    breakout = "</script><script>window.pwned = 4</script><!-- Boss Disaster"
    source = tmp_path / "one.txt"
    source.write_text(breakout + "\n", encoding="utf-8")
    page = build_worksheet(read_headlines(source))
    assert [item["text"] for item in data_block(page)["items"]] == [breakout]
    assert len(re.findall(r"<script", page)) == 2 and len(re.findall(r"</script>", page)) == 2


def test_answer_key_is_open_only_in_the_teachers_edition(seed_headlines, seed_page):
    assert "<details open>" not in seed_page and 'data-answers="false"' in seed_page
    teacher = build_worksheet(seed_headlines, count=8, seed=0, answers=True)
    assert "<details open>" in teacher and "Answer key" in teacher and 'class="with-answers"' in teacher


def test_teacher_csv_keeps_every_headline_and_pairs_outlets():
    headlines = read_headlines(TEACHER_CSV)
    assert [h.outlet for h in headlines][:2] == ["Daily Trumpet", "Evening Ledger"]
    assert headlines[-1].language == "sv"
    page = build_worksheet(headlines, seed=0)
    items = re.findall(r"<figcaption>([^<]*)</figcaption>", page)
    shown = {caption.removeprefix("The same story in ") for caption in items}
    assert shown == {h.outlet for h in headlines}
    assert "The same story in Evening Ledger" in page or "The same story in Daily Trumpet" in page


def test_teacher_text_file_reads_one_headline_per_line():
    headlines = read_headlines(TEACHER_TXT)
    assert [h.text for h in headlines] == [
        "Deal with the Devil: Tech Boss Meets Beijing Officials on AI Rules",
        "Council approves new bus routes for the autumn",
        "Tech chief executive meets Beijing officials on AI rules",
    ]
    assert {h.outlet for h in headlines} == {""}


def test_csv_without_a_headline_column_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("outlet,text\nA,B\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_headlines(bad)
    assert str(error.value) == f"{bad}: the CSV has no 'headline' column (columns: outlet, text)"


def test_cli_writes_the_worksheet(tmp_path):
    out = tmp_path / "sheet.html"
    result = CliRunner().invoke(app, ["worksheet", "--headlines", str(TEACHER_CSV), "--out", str(out), "--seed", "2"])
    assert result.exit_code == 0, result.output
    assert "Djävulspakt med Peking" in out.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_refuses_to_write_over_the_headlines_file(tmp_path):
    source = tmp_path / "headlines.txt"
    source.write_text("A calm headline about buses\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["worksheet", "--headlines", str(source), "--out", str(source)])
    assert result.exit_code == 2
    assert "refusing to write over an input file" in result.output
    assert source.read_text(encoding="utf-8") == "A calm headline about buses\n"


def test_cli_takes_a_corpus_or_a_headlines_file_not_both(tmp_path):
    result = CliRunner().invoke(app, ["worksheet", str(tmp_path), "--headlines", str(TEACHER_TXT),
                                      "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert "give a corpus PATH or --headlines FILE, not both" in result.output


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_corpus_worksheet_prefers_headlines_on_the_corpus_stories(tmp_path, seed):
    out = tmp_path / "sheet.html"
    result = CliRunner().invoke(app, ["worksheet", "--out", str(out), "--seed", str(seed)])
    assert result.exit_code == 0, result.output
    outlets = set(re.findall(r'<h3 class="answer-heading">Headline \d+ \(([^)]+)\)', out.read_text(encoding="utf-8")))
    on_stories = {"Breitbart", "REX Wire", "RFI Chinese", "DagligaAI", "Bloomberg"}  # records with a story
    assert len(outlets & on_stories) >= 4  # of 8; the aggregator's off-topic links only fill the rest


def test_the_answer_copy_ends_with_the_teachers_guide_of_the_docs(seed_headlines, seed_page):
    from importlib import resources

    shipped = (resources.files("framing.report") / "templates" / "teachers_guide.md").read_text(encoding="utf-8")
    docs = Path(__file__).parents[2] / "docs" / "teachers-guide.md"
    assert shipped == docs.read_text(encoding="utf-8"), "the shipped guide is the one in docs/"
    answers = build_worksheet(seed_headlines, count=8, seed=0, answers=True)
    guide = answers[answers.index('id="teachers-guide"'):]
    assert "<h2>A 45-minute lesson</h2>" in guide and "What each task trains" in guide
    assert 'id="teachers-guide"' not in seed_page


def test_the_answers_name_frames_by_the_codebooks_labels_not_their_keys():
    strike = [Headline("h1", "Wire Daily", "Families count the cost of the human interest port strike", "en")]
    page = build_worksheet(strike, codebooks=["generic"])
    assert "Economic consequences (cost)" in page and "economic (cost)" not in page
    both = build_worksheet(strike, codebooks=["generic", "policy"])
    assert "Economic consequences (generic) (cost)" in both and "Economic (policy) (cost)" in both
