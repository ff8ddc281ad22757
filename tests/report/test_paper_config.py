"""`paper.yaml`: the paper's title and questions beside the corpus, else neutral text from the data."""

from __future__ import annotations

import pytest

import framing
from framing.errors import InputError
from framing.report.config import PaperConfig, find_config, load_config
from framing.report.numbers import paper_text

CORPUS = {"n_full_text": 300, "n_outlets_full_text": 3, "first_date": "2022-01-03", "last_date": "2023-12-30",
          "n_stories_matched": 100}


def test_a_config_is_read_with_paragraphs_joined(tmp_path):
    path = tmp_path / "paper.yaml"
    path.write_text("title: Coverage of the 2024 floods\nquestions:\n  - Who is blamed?\n"
                    "background: >-\n  Floods were\n  covered.\n", encoding="utf-8")
    config = load_config(path)
    assert config == PaperConfig(title="Coverage of the 2024 floods", questions=("Who is blamed?",),
                                 background=("Floods were covered.",))


@pytest.mark.parametrize(("content", "problem"), [
    ("titel: x\n", "unknown key 'titel'; known: title, subtitle, question, background, questions, collection, "
                   "codebook"),
    ("- a list\n", "a paper config is a mapping of title, subtitle, question, background, questions, collection, "
                   "codebook"),
    ("codebook: [story, 3]\n", "codebook is a codebook name or folder, or a list of them"),
    ("title: [1, 2]\n", "title is text"),
    ("questions: {a: 1}\n", "questions is a list of paragraphs (text)"),
    ("title: 'unclosed\n", "not a readable YAML paper config (ScannerError)"),
])
def test_a_bad_config_is_a_one_line_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "paper.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_config(path)
    assert str(error.value) == f"{path}: {problem}"


def test_a_config_names_codebooks_by_name_or_by_a_folder_beside_it(tmp_path):
    path = tmp_path / "paper.yaml"
    path.write_text("codebook: [story, ./books/unrest]\n", encoding="utf-8")
    assert load_config(path).codebook == ("story", str(tmp_path / "books" / "unrest"))


def test_the_config_is_found_beside_a_corpus_file_or_in_its_folder(tmp_path):
    corpus = tmp_path / "articles.csv"
    corpus.write_text("id,outlet,title,text\n1,A,T,Some text here.\n", encoding="utf-8")
    assert find_config([corpus]) is None
    (tmp_path / "paper.yaml").write_text("title: Mine\n", encoding="utf-8")
    assert find_config([corpus]) == tmp_path / "paper.yaml" == find_config([tmp_path])


def test_the_config_in_a_corpus_folder_is_not_read_as_an_article(tmp_path):
    (tmp_path / "one.txt").write_text("A headline\n\nSome body text of the article.\n", encoding="utf-8")
    (tmp_path / "paper.yaml").write_text("title: Mine\n", encoding="utf-8")
    corpus = framing.load_corpus(tmp_path)
    assert len(corpus.articles) == 1 and not any("paper.yaml" in str(note) for note in corpus.notes)


def test_without_a_config_the_text_describes_the_data_and_claims_no_topic():
    text = paper_text(None, CORPUS, trends=True)
    assert text["configured"] is False
    assert text["title"] == "Loaded wording, tone and frames in 300 articles from 3 outlets, 2022–2023"
    assert "when each story is held fixed" in text["questions"][1]
    assert any("over time" in q for q in text["questions"])
    assert "China" not in " ".join(map(str, text.values()))


def test_the_seed_corpus_ships_its_config():
    config = load_config(find_config(framing.load_corpus().sources))
    assert config.title.startswith("Same speech, different headlines") and len(config.questions) == 3
