"""The worksheet in a real browser: Debian's headless Chromium driven by Playwright (no browser download).

Each test opens the generated file from disk, as a student would, and records every request the page makes.
"""

import shutil
from pathlib import Path

import pytest

import framing
from framing.io import write_text
from framing.report.worksheet import build_worksheet, corpus_headlines, read_headlines

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
# Offline and quiet: no updates, sync or background fetches that would muddy the request log.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DATA = Path(__file__).parents[1] / "data" / "report"
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"{CHROMIUM} is not installed (Debian package 'chromium'; `.ci/setup` installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # launch() gives every run a fresh temporary profile (user-data dir), deleted on close.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("worksheets")
    seed = corpus_headlines(framing.load_corpus())
    paths = {
        "student": write_text(folder / "student.html", build_worksheet(seed, count=8, seed=0)),
        "teacher": write_text(folder / "teacher.html", build_worksheet(seed, count=8, seed=0, answers=True)),
        "hostile": write_text(folder / "hostile.html",
                              build_worksheet(read_headlines(DATA / "hostile_headlines.csv"), seed=0)),
    }
    return {name: path.resolve().as_uri() for name, path in paths.items()}


@pytest.fixture
def open_page(browser):
    """Open a worksheet; return the page, the URLs it requested and the dialogs it tried to show."""
    contexts = []

    def opener(url, **options):
        context = browser.new_context(viewport={"width": 1000, "height": 900}, **options)
        contexts.append(context)
        page = context.new_page()
        requests, dialogs, errors = [], [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        page.wait_for_load_state("load")
        return page, requests, dialogs, errors

    yield opener
    for context in contexts:
        context.close()


def breitbart_item(page):
    return page.locator("article.item", has=page.locator("figcaption", has_text="Breitbart"))


def test_reveal_shows_the_toolkits_highlights(open_page, pages):
    page, _, _, errors = open_page(pages["student"])
    item = breitbart_item(page)
    answer = item.locator(".answer")
    assert answer.is_hidden()
    item.locator("button.word", has_text="Boss").click()
    reveal = item.get_by_role("button", name="Reveal the toolkit's answer")
    reveal.click()
    assert answer.is_visible()
    assert item.locator("mark.term", has_text="Deal with the Devil").is_visible()
    assert item.locator("mark.term", has_text="Boss").is_visible()
    assert item.get_by_text("informal title").is_visible()
    assert "You agree on: Boss" in item.locator(".feedback").inner_text()
    assert item.get_by_role("button", name="Hide the toolkit's answer").get_attribute("aria-expanded") == "true"
    assert page.locator("#answer-key").is_hidden()
    assert errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "worksheet-revealed.png"), full_page=True)
    assert (ARTIFACTS / "worksheet-revealed.png").stat().st_size > 10_000


def test_the_page_makes_no_network_request(open_page, pages):
    page, requests, _, _ = open_page(pages["student"])
    for button in page.locator("button.reveal").all():
        button.click()
    page.wait_for_timeout(200)
    assert requests == [pages["student"]]


def test_a_headline_with_a_script_payload_runs_nothing(open_page, pages):
    page, requests, dialogs, errors = open_page(pages["hostile"])
    for button in page.locator("button.reveal").all():
        button.click()
    page.locator("figcaption").first.hover()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == [] and errors == []
    assert requests == [pages["hostile"]]
    assert page.get_by_text("<script>window.pwned = 1;", exact=False).first.is_visible()
    assert page.locator("img, a, script:not([type])").count() == 1  # only the worksheet's own script
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "worksheet-hostile.png"), full_page=True)


def test_words_and_reveal_work_from_the_keyboard(open_page, pages):
    page, _, _, _ = open_page(pages["student"])
    first_word = page.locator("button.word").first
    first_word.focus()
    page.keyboard.press("Space")
    assert first_word.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Enter")
    assert first_word.get_attribute("aria-pressed") == "false"
    reveal = page.locator("button.reveal").first
    reveal.focus()
    page.keyboard.press("Enter")
    assert reveal.get_attribute("aria-expanded") == "true"
    outline = reveal.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline != "none", "a focused button must show where the focus is"


def test_without_javascript_the_answers_wait_at_the_end(open_page, pages):
    page, requests, _, _ = open_page(pages["student"], java_script_enabled=False)
    assert page.locator("button.reveal").count() == 0
    summary = page.locator("#answer-key summary")
    assert summary.is_visible()
    assert page.locator("#answer-key mark.term", has_text="Boss").is_hidden()
    summary.click()
    assert page.locator("#answer-key mark.term", has_text="Boss").is_visible()
    assert page.locator("#h1-marked").is_visible()
    assert requests == [pages["student"]]


def test_print_hides_answers_unless_it_is_the_teachers_copy(open_page, pages):
    page, _, _, _ = open_page(pages["student"])
    page.emulate_media(media="print")
    assert page.locator("button.reveal").first.is_hidden()
    assert page.locator("mark.term").first.is_hidden()
    assert page.get_by_text("Underline them.").first.is_visible()
    teacher, _, _, _ = open_page(pages["teacher"])
    teacher.emulate_media(media="print")
    assert teacher.locator("#answer-key mark.term", has_text="Boss").is_visible()
    assert teacher.locator("button.reveal").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    teacher.screenshot(path=str(ARTIFACTS / "worksheet-answer-key-print.png"), full_page=True)


# Print layout: the printed PDF's pages, counted from its page objects.
A4_CONTENT_HEIGHT_PX = (297 - 2 * 12) / 25.4 * 96  # the print style's @page margins are 12 mm


def printed_pages(page) -> int:
    """Return the number of pages of ``page`` printed to PDF on A4, as a browser prints it."""
    import re

    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.fixture(scope="module")
def eight(tmp_path_factory):
    folder = tmp_path_factory.mktemp("eight")
    headlines = read_headlines(DATA / "eight_headlines.csv")
    paths = {"student": write_text(folder / "student.html", build_worksheet(headlines, seed=0)),
             "teacher": write_text(folder / "teacher.html", build_worksheet(headlines, seed=0, answers=True))}
    return {name: path.resolve().as_uri() for name, path in paths.items()}


def test_eight_headlines_print_on_at_most_three_pages_and_so_does_the_answer_key(open_page, eight):
    student, _, _, _ = open_page(eight["student"])
    assert student.locator("article.item").count() == 8 - student.locator("figure.partner").count()
    student_pages = printed_pages(student)
    # The first headline shares the first page with the introduction.
    student.emulate_media(media="print")
    first_item_top = student.locator("article.item").first.evaluate("e => e.getBoundingClientRect().top")
    assert first_item_top < A4_CONTENT_HEIGHT_PX
    teacher, _, _, _ = open_page(eight["teacher"])
    teacher.emulate_media(media="print")
    guide_height = teacher.locator("#teachers-guide").evaluate("e => e.getBoundingClientRect().height")
    assert guide_height < A4_CONTENT_HEIGHT_PX, "the teacher's guide fits on one page"
    answer_key_pages = printed_pages(teacher) - student_pages - 1
    assert 1 <= student_pages <= 3 and 1 <= answer_key_pages <= 3, (student_pages, answer_key_pages)


def test_the_seed_worksheet_prints_its_headlines_on_the_pages_of_the_introduction(open_page, pages):
    page, _, _, _ = open_page(pages["student"])
    assert printed_pages(page) <= 3
    top = page.locator("article.item").first.evaluate("e => e.getBoundingClientRect().top")
    assert top < A4_CONTENT_HEIGHT_PX


def test_chinese_and_swedish_headlines_show_their_english_gloss(open_page, pages):
    page, _, _, _ = open_page(pages["student"])
    for outlet, gloss in (("RFI Chinese", "importance of cooperating with China"),
                          ("DagligaAI", "held secret safety talks")):
        item = page.locator("article.item", has=page.locator("figcaption", has_text=outlet))
        line = item.locator("figure .gloss-line")
        assert line.is_visible() and gloss in line.inner_text() and line.get_attribute("lang") == "en"
        item.get_by_role("button", name="Reveal the toolkit's answer").click()
        assert gloss in item.locator(".answer").inner_text()


def test_an_apostrophe_keeps_its_word_whole_on_screen(open_page, pages):
    page, _, _, _ = open_page(pages["student"])
    word = page.locator("button.word", has_text="OpenAI’s")
    assert word.count() >= 1
    box = word.first.bounding_box()
    # One line high, and no wider than the word in a Latin font (a CJK font draws ’ full width).
    assert box["height"] < 40 and box["width"] < 110, box
