"""Streaming a corpus: the same records, problems and duplicates as load_corpus, a chunk at a time."""

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.corpus import ARTICLE_COLUMNS, iter_corpus, load_corpus
from framing.errors import InputError

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import synthetic


@pytest.fixture
def small_batches(monkeypatch):
    """Read JSONL and CSV files three lines at a time, so that a small file spans many batches."""
    monkeypatch.setattr("framing.corpus.readers.READ_BATCH", 3)


def write_feed(path: Path, n: int = 20) -> Path:
    lines = [json.dumps(record) for record in synthetic.articles(n, seed=1)]
    lines[4] = "{not json}"
    lines[9] = lines[2]  # a duplicate of an earlier article, in a later batch
    lines.insert(12, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def streamed(path, **options):
    stream = iter_corpus(path, **options)
    chunks = list(stream)
    return stream, chunks, pd.DataFrame([r for c in chunks for r in c], columns=list(ARTICLE_COLUMNS))


def test_a_streamed_jsonl_equals_load_corpus(tmp_path, small_batches):
    feed = write_feed(tmp_path / "feed.jsonl")
    stream, chunks, records = streamed(feed, chunk_size=4)
    corpus = load_corpus(feed)
    assert [len(chunk) for chunk in chunks] == [4, 4, 4, 4, 2]
    pd.testing.assert_frame_equal(records.astype({"n_sentences": int, "n_words": int}), corpus.articles)
    assert stream.problems == corpus.problems
    assert [str(p) for p in stream.problems] == [f"{feed}: line 5: not valid JSON: Expecting property name "
                                                 "enclosed in double quotes"]
    assert stream.duplicates == [("synthetic-0000002~2", "synthetic-0000002", "same cleaned text")]
    assert list(corpus.duplicates.itertuples(index=False, name=None)) == stream.duplicates


def test_small_batches_read_the_same_records_as_one_batch(tmp_path, monkeypatch):
    feed = write_feed(tmp_path / "feed.jsonl")
    whole = load_corpus(feed)
    monkeypatch.setattr("framing.corpus.readers.READ_BATCH", 3)
    pd.testing.assert_frame_equal(load_corpus(feed).articles, whole.articles)


def test_a_streamed_csv_equals_load_corpus_and_keeps_line_numbers(tmp_path, small_batches):
    rows = pd.DataFrame(list(synthetic.articles(10, seed=2)))[["id", "outlet", "title", "text", "language"]]
    rows.loc[3, "id"] = ""
    rows.loc[7, ["title", "text"]] = ""
    rows.to_csv(tmp_path / "export.csv", index=False)
    stream, _, records = streamed(tmp_path / "export.csv", chunk_size=3)
    corpus = load_corpus(tmp_path / "export.csv")
    pd.testing.assert_frame_equal(records.astype({"n_sentences": int, "n_words": int}), corpus.articles)
    assert "export:5" in set(records["id"])
    assert [str(p) for p in stream.problems] == [f"{tmp_path / 'export.csv'}: line 9: no text"]


def test_a_broken_row_late_in_a_csv_keeps_the_rows_before_and_after_it(tmp_path, small_batches):
    lines = ["title,text"] + [f"Headline {n},Body sentence number {n} about cooperation." for n in range(7)]
    lines.insert(6, "Bad,row,with,extra,cells")
    (tmp_path / "late.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    stream, _, records = streamed(tmp_path / "late.csv")
    assert list(records["title"]) == [f"Headline {n}" for n in range(7)]
    assert [str(problem) for problem in stream.problems] == [
        f"{tmp_path / 'late.csv'}: line 7: 5 fields where the header has 2; row skipped"]


def test_a_quote_left_open_late_in_a_csv_keeps_the_rows_before_it(tmp_path, small_batches):
    lines = ["title,text"] + [f"Headline {n},Body sentence number {n} about cooperation." for n in range(7)]
    lines.insert(6, 'Bad,"a quote that never closes')
    (tmp_path / "late.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    stream, _, records = streamed(tmp_path / "late.csv")
    assert list(records["title"]) == ["Headline 0", "Headline 1", "Headline 2"]
    assert len(stream.problems) == 1
    assert "rows from line 5 on: not a valid CSV table: Error tokenizing data" in str(stream.problems[0])


def test_a_file_in_another_encoding_is_read_whole_with_a_note(tmp_path):
    (tmp_path / "old.csv").write_bytes("title,text\nCafé,Le café est fermé.\n".encode("cp1252"))
    stream, _, records = streamed(tmp_path / "old.csv")
    assert list(records["title"]) == ["Café"]
    assert [str(n) for n in stream.notes] == [f"{tmp_path / 'old.csv'}: decoded as cp1252 (not UTF-8)"]


def test_the_stream_reads_lazily(tmp_path):
    feed = tmp_path / "big.jsonl"
    synthetic.write_jsonl(feed, 50)
    stream = iter_corpus(feed, chunk_size=5)
    first = next(iter(stream))
    assert len(first) == 5 and stream.n_records == 5


def test_a_stream_is_read_once_and_checks_its_input_early(tmp_path):
    stream = iter_corpus()
    list(stream)
    with pytest.raises(RuntimeError, match="read once"):
        list(stream)
    with pytest.raises(InputError, match="path does not exist"):
        iter_corpus(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="the chunk size must be at least 1, not 0"):
        iter_corpus(chunk_size=0)
