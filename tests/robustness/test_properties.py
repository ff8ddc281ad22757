"""Hostile text through every stage: readers, cleaner, segmentation and scoring never crash or hang,
and every score stays in its range."""

import json
import math
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.codebooks import load_codebooks
from framing.corpus import load_corpus
from framing.corpus.cleaning import clean_body
from framing.features import LanguageAnalyzer
from framing.text import normalize_text, sentences, token_spans, tokens

# Control characters, right-to-left marks and scripts, emoji, CJK, combining marks; no lone surrogates,
# which cannot be written to a UTF-8 file (JSON gets them through escapes below).
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(list("\u202e\u202d\u200f\u200b\ufeff\u0000\u0007\x1b\u0301👍🏽中文עברית عربي\n\r\t \"“”:!")),
    ),
    max_size=400,
)
LANGUAGES = ("en", "sv", "zh", "fr")
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                    HealthCheck.function_scoped_fixture])


@contextmanager
def no_hang(seconds: int):
    """Fail instead of hanging when the block runs longer than ``seconds``."""
    def alarm(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@PROPERTY_SETTINGS
@given(text=HOSTILE, lang=st.sampled_from(LANGUAGES))
def test_segmentation_returns_pieces_of_the_text(text, lang):
    for token, start, end in token_spans(text, lang=lang):
        assert text[start:end] == token
    assert all(token in text for token in tokens(text, lang=lang))
    assert all(sentence.strip() for sentence in sentences(text, lang=lang))


@PROPERTY_SETTINGS
@given(text=HOSTILE)
def test_normalisation_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@PROPERTY_SETTINGS
@given(text=HOSTILE, lang=st.sampled_from(LANGUAGES))
def test_cleaner_accounts_for_every_line(text, lang):
    cleaned = clean_body(text, lang=lang)
    for line, reason in cleaned.dropped:
        assert reason
    assert isinstance(cleaned.text, str)


@PROPERTY_SETTINGS
@given(text=HOSTILE, lang=st.sampled_from(LANGUAGES), is_headline=st.booleans())
def test_scores_stay_in_range(text, lang, is_headline):
    row = LanguageAnalyzer(lang, codebooks=load_codebooks(["story"])).analyze(text, is_headline=is_headline)
    loaded = row["loaded_score"]
    assert math.isnan(loaded) if lang == "fr" else 0.0 <= loaded <= 1.0
    for term in json.loads(row["loaded_terms"]):
        assert term["term"] and term["explanation"]
    for column in ("sent_tb_polarity", "sent_vader_compound"):
        assert math.isnan(row[column]) or -1.0 <= row[column] <= 1.0
    assert math.isnan(row["src_quote_share"]) or 0.0 <= row["src_quote_share"] <= 1.0
    assert math.isnan(row["frame_coop_vs_sanction"]) or -1.0 <= row["frame_coop_vs_sanction"] <= 1.0


COMPANION = "Geneva talks\n\nNegotiators met in Geneva on Monday to discuss the safety of AI systems.\n"


def read_under_contract(folder):
    """Load ``folder`` beside a good companion file and check the bad-input contract.

    The companion is always read; every problem is one line naming a file of the folder with a reason;
    no input changed. Returns the corpus.
    """
    (folder / "companion.txt").write_text(COMPANION, encoding="utf-8")
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    corpus = load_corpus(folder)
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    assert "companion" in set(corpus.articles["id"])
    for problem in corpus.problems:
        assert Path(problem.path).parent == folder and Path(problem.path).name in before
        assert problem.message.strip() and "\n" not in str(problem)
    return corpus


def outcome(corpus, name: str) -> tuple[int, int, int]:
    """Records, merged duplicates and problems that came from the file ``name``."""
    ids = set(corpus.articles.loc[corpus.articles["source_path"].str.endswith(f"/{name}"), "id"])
    merged = set(corpus.duplicates["id"]) - set(corpus.articles["id"])
    from_file = {record_id for record_id in merged if record_id.startswith(name.rsplit(".", 1)[0])}
    problems = [p for p in corpus.problems if Path(p.path).name == name]
    return len(ids), len(from_file), len(problems)


@PROPERTY_SETTINGS
@given(text=HOSTILE, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_text_readers_read_or_report(tmp_path_factory, text, suffix):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / f"doc{suffix}").write_text(text, encoding="utf-8", errors="surrogatepass")
    corpus = read_under_contract(folder)
    records, merged, problems = outcome(corpus, f"doc{suffix}")
    assert (records + merged >= 1) != (problems == 1)  # read (or merged as a duplicate), or reported once
    assert problems <= 1
    assert corpus.articles["n_words"].ge(0).all()


@PROPERTY_SETTINGS
@given(title=HOSTILE, body=HOSTILE, surrogate=st.sampled_from(["\\ud800", "\\udfff", "\\ud83d", ""]))
def test_json_lines_with_lone_surrogates_read_or_report(tmp_path_factory, title, body, surrogate):
    folder = tmp_path_factory.mktemp("corpus")
    line = json.dumps({"title": title, "text": body}, ensure_ascii=True)
    line = line.replace('"text": "', f'"text": "{surrogate}', 1)
    (folder / "feed.jsonl").write_text(line + "\n", encoding="utf-8")
    corpus = read_under_contract(folder)
    records, merged, problems = outcome(corpus, "feed.jsonl")
    assert records + merged + problems == 1  # the one line is a record, a duplicate, or one problem
    for text in corpus.articles["text"]:
        text.encode("utf-8")  # every surrogate was replaced: the text can be written out again


@PROPERTY_SETTINGS
@given(cells=st.lists(st.lists(HOSTILE, min_size=3, max_size=3), min_size=1, max_size=5))
def test_csv_rows_read_or_report(tmp_path_factory, cells):
    import csv

    folder = tmp_path_factory.mktemp("corpus")
    with open(folder / "rows.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outlet", "title", "text"])
        writer.writerows(cells)
    corpus = read_under_contract(folder)
    records, merged, problems = outcome(corpus, "rows.csv")
    # Every row is a record, a duplicate or a problem of its own; or the whole file is one problem.
    assert records + merged + problems == len(cells) or (records + merged == 0 and problems == 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_very_long_line_does_not_hang(tmp_path, lang):
    word = "合作制裁风险" if lang == "zh" else "cooperation sanctions risk "
    (tmp_path / "long.txt").write_text("Headline\n\n" + word * 40_000, encoding="utf-8")
    with no_hang(120):
        corpus = load_corpus(tmp_path)
        row = LanguageAnalyzer(lang).analyze(corpus.articles.iloc[0]["text"][:20_000], is_headline=False)
    assert 0.0 <= row["loaded_score"] <= 1.0


def test_a_long_line_without_spaces_does_not_hang(tmp_path):
    (tmp_path / "blob.txt").write_text("x" * 500_000, encoding="utf-8")
    with no_hang(60):
        corpus = load_corpus(tmp_path)
    assert len(corpus.articles) + len(corpus.problems) == 1


def test_a_long_document_of_many_paragraphs_is_read(tmp_path):
    paragraphs = [f"Officials said round {i} of the talks on AI safety would continue in Geneva." for i in range(5_000)]
    (tmp_path / "long.md").write_text("# A long report\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    with no_hang(180):
        corpus = load_corpus(tmp_path)
    record = corpus.articles.iloc[0]
    assert record["title"] == "A long report"
    assert record["n_sentences"] == 5_001 and record["text"].endswith("round 4999 of the talks on AI safety would continue in Geneva.")
