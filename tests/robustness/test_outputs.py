"""Outputs never overwrite inputs, and untrusted formats construct nothing."""

import hashlib

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.corpus import load_corpus

ARTICLE = "Officials meet in Geneva\n\nOfficials said the talks on AI safety would continue next month.\n"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "rows.csv").write_text("text,label\nA calm sentence.,0\nA disgraceful sentence.,1\n", encoding="utf-8")
    return folder


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("command", "out"), [
    (["corpus", "{corpus}", "--out"], "{corpus}/records.csv"),
    (["features", "{corpus}", "--out"], "{corpus}/features"),
    (["headlines", "{corpus}", "--out"], "{corpus}/pairs.csv"),
    (["compare", "{corpus}", "--out"], "{corpus}/compare"),
    (["corpus", "{corpus}/rows.csv", "--out"], "{corpus}/rows.csv"),
    (["score", "{corpus}/rows.csv", "--text-col", "text", "--out"], "{corpus}/rows.csv"),
])
def test_outputs_into_the_input_are_refused(corpus, command, out):
    before = digest(corpus)
    args = [part.format(corpus=corpus) for part in command] + [out.format(corpus=corpus)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "refusing to write" in result.output
    assert "Traceback" not in result.output
    assert digest(corpus) == before


def test_yaml_front_matter_builds_no_objects(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "evil.md").write_text(
        f"---\ntitle: !!python/object/apply:os.system [\"touch {marker}\"]\n---\n\nA body sentence.\n",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert not marker.exists()
    assert len(corpus.problems) + len(corpus.articles) == 1
    if len(corpus.problems):
        assert "evil.md" in corpus.problems[0].path


def test_yaml_lexicon_builds_no_objects(tmp_path):
    from framing.lexicons import check

    marker = tmp_path / "pwned"
    (tmp_path / "loaded").mkdir()
    (tmp_path / "loaded" / "en.yaml").write_text(
        f"family: !!python/object/apply:os.system [\"touch {marker}\"]\nentries: []\n", encoding="utf-8")
    problems = check(tmp_path)
    assert problems and not marker.exists()
