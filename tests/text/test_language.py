"""Language identification of long texts: read on a sample, with the corpus's languages as the fallback."""

from __future__ import annotations

from framing.text.language import SAMPLE_CHARS, detect, detect_language, language_sample

ENGLISH = "The government announced new sanctions on Tuesday against the regime. "


def test_a_long_english_line_is_english():
    # Read whole, 21 million characters wrap py3langid's 16-bit counts round and come out Serbian.
    text = ENGLISH * 300_000
    found = detect(text)
    assert found.lang == "en" and found.sampled and not found.fallback
    assert detect_language(text) == "en"


def test_the_sample_spans_the_text_and_keeps_words_whole():
    text = " ".join(f"w{i}" for i in range(100_000))
    sample = language_sample(text)
    assert len(sample) <= SAMPLE_CHARS
    words = sample.split()
    assert words[0] == "w0" and int(words[-1][1:]) > 99_000
    assert all(word.startswith("w") and word[1:].isdigit() for word in words)
    assert language_sample(ENGLISH) == ENGLISH


def test_an_unclear_long_text_takes_a_corpus_language():
    # Letters in no language: the model is unsure (and guesses Kabyle); the corpus is Swedish and English.
    text = "abc def ghi " * 3_000
    alone = detect(text)
    among = detect(text, among={"sv", "en"})
    assert alone.lang not in {"sv", "en"} and not alone.fallback
    assert among.fallback and among.lang in {"sv", "en"}


def test_a_long_record_is_noted_in_the_corpus(tmp_path):
    from framing.corpus import load_corpus

    (tmp_path / "long.txt").write_text("Headline\n\n" + ENGLISH * 2_000, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles["language"].tolist() == ["en"]
    assert [note.message for note in corpus.notes] == [
        f"record long: {len(ENGLISH * 2_000) - 1:,} characters; language en detected on a sample of "
        f"{SAMPLE_CHARS:,} characters"]
