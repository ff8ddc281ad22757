"""Files that once aborted a whole run: each is now one line naming the file and the problem."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from framing.corpus import load_corpus
from framing.corpus.readers import MAX_JSON_DEPTH

GOOD = "Geneva talks\n\nNegotiators from both countries met in Geneva on Monday. They discussed AI safety.\n"


def messages(corpus) -> dict[str, str]:
    return {Path(problem.path).name: problem.message for problem in corpus.problems}


def test_a_json_number_of_5000_digits_is_one_line(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "big.json").write_text('{"text": "x y z", "n": ' + "9" * 5000 + "}", encoding="utf-8")
    (tmp_path / "big.jsonl").write_text('{"text": "Talks went on."}\n{"n": ' + "9" * 5000 + "}\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert messages(corpus)["big.json"] == "not valid JSON: a number has more digits than Python reads (4,300)"
    assert messages(corpus)["big.jsonl"] == "line 2: not valid JSON: a number has more digits than Python reads (4,300)"
    assert sorted(corpus.articles["id"]) == ["big:1", "good"]


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_deeply_nested_json_is_one_line(tmp_path, name):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_text("[" * 100_000, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    expected = f"not valid JSON: nested more than {MAX_JSON_DEPTH} levels deep"
    if name.endswith("l"):
        expected = f"no records: its one line is broken (line 1: {expected})"
    assert messages(corpus) == {name: expected}
    assert corpus.articles["id"].tolist() == ["good"]


def test_a_jsonl_file_of_broken_lines_only_is_one_line(tmp_path):
    (tmp_path / "broken.jsonl").write_text("{oops\n[1, 2]\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [str(p) for p in corpus.problems] == [
        f"{tmp_path / 'broken.jsonl'}: no records: all 2 lines are broken "
        "(line 1: not valid JSON: Expecting property name enclosed in double quotes)"]


def test_file_names_that_are_not_utf8_or_hold_control_characters_are_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as handle:
        handle.write(GOOD.encode())
    (tmp_path / "evil\n\x1b[31mred.txt").write_text(GOOD.replace("Geneva", "Vienna"), encoding="utf-8")
    (tmp_path / "empty\x1b]0;title\x07.txt").write_bytes(b"")
    corpus = load_corpus(tmp_path)
    assert sorted(corpus.articles["id"]) == ["caf\\xe9", "evil\\n\\x1b[31mred"]
    assert f"{tmp_path}/caf\\xe9.txt" in corpus.articles["source_path"].tolist()
    assert [str(p) for p in corpus.problems] == [f"{tmp_path}/empty\\x1b]0;title\\x07.txt: empty file"]
    corpus.articles.to_parquet(tmp_path.parent / "out.parquet")  # no surrogates left to fail the writer


def test_links_are_followed_inside_the_folder_only_and_every_skipped_entry_is_reported(tmp_path):
    corpus_dir, outside = tmp_path / "corpus", tmp_path / "secret.txt"
    corpus_dir.mkdir()
    (corpus_dir / "good.txt").write_text(GOOD, encoding="utf-8")
    outside.write_text("Secret\n\nA line nobody meant to share with the corpus.\n", encoding="utf-8")
    (corpus_dir / "inside.txt").symlink_to(corpus_dir / "good.txt")
    (corpus_dir / "out.txt").symlink_to(outside)
    (corpus_dir / "dangling.txt").symlink_to(corpus_dir / "missing.txt")
    (corpus_dir / "loop.txt").symlink_to(corpus_dir / "loop.txt")
    (corpus_dir / "sub").mkdir()
    (corpus_dir / "sub" / "up").symlink_to(corpus_dir)
    os.mkfifo(corpus_dir / "pipe.txt")
    corpus = load_corpus(corpus_dir)
    assert messages(corpus) == {
        "dangling.txt": f"dangling symbolic link (to {corpus_dir / 'missing.txt'})",
        "loop.txt": "symbolic link loop",
        "out.txt": f"symbolic link out of the corpus folder (to {outside}): not followed; --follow-links reads it",
        "pipe.txt": "not a regular file (a FIFO, socket or device)",
        "up": "skipped: a link to a folder that is already read",
    }
    assert corpus.articles["id"].tolist() == ["good"]  # inside.txt is the same text: a duplicate
    assert corpus.duplicates["id"].tolist() == ["inside"]
    followed = load_corpus(corpus_dir, follow_links=True)
    assert "out" in followed.articles["id"].tolist() and "out.txt" not in messages(followed)


UNREADABLE = """
import sys
from framing.corpus import load_corpus
corpus = load_corpus(sys.argv[1])
print(sorted(corpus.articles["id"]))
for problem in corpus.problems:
    print(problem)
"""


def run_as_a_user(folder: Path) -> str:
    """Run the reader as an unprivileged user: root reads every file whatever its mode."""
    command = [sys.executable, "-c", UNREADABLE, str(folder)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv to drop privileges")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "HOME": "/tmp"})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def open_tmp():
    """A folder any user can enter (pytest's tmp_path is its owner's only)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="framing-perm-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_unreadable_files_and_folders_are_reported_and_the_rest_is_read(open_tmp):
    tmp_path = open_tmp
    folder = tmp_path / "corpus"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "secret.txt").write_text(GOOD.replace("Geneva", "Bern"), encoding="utf-8")
    (folder / "locked" / "inner.txt").write_text(GOOD.replace("Geneva", "Oslo"), encoding="utf-8")
    for path in (tmp_path, folder, folder / "good.txt"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0)
    try:
        output = run_as_a_user(folder)
    finally:
        (folder / "locked").chmod(0o755)
    assert output.splitlines() == [
        "['good']",  # and no traceback
        f"{folder / 'locked'}: cannot open the folder: permission denied",
        f"{folder / 'secret.txt'}: cannot read: permission denied",
    ]


def test_a_record_longer_than_the_limit_is_refused_with_a_line(tmp_path, monkeypatch):
    import framing.corpus

    monkeypatch.setattr(framing.corpus, "MAX_RECORD_CHARS", 1_000)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "word " * 400}) + "\n"
                                         + json.dumps({"text": "Short and fine."}) + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert messages(corpus) == {"rows.jsonl": "record rows:1: 1,999 characters of text, more than the 1,000 a "
                                              "record may have (is it many articles in one? split them)"}
    assert sorted(corpus.articles["id"]) == ["good", "rows:2"]


def test_a_corpus_path_that_cannot_be_entered_is_one_line(open_tmp):
    (open_tmp / "corpus").mkdir()
    (open_tmp / "corpus" / "good.txt").write_text(GOOD, encoding="utf-8")
    open_tmp.chmod(0o700)
    if os.geteuid() != 0:
        pytest.skip("needs root to drop to a user who cannot enter the folder")
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "framing",
               "corpus", str(open_tmp / "corpus")]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "HOME": "/tmp"})
    assert (result.returncode, result.stderr.strip()) == (2, f"error: {open_tmp / 'corpus'}: cannot read: permission denied")


# One news-like text per encoding, as the files of each are really written; each must come back exact.
ENCODED = {
    "latin_1": "Café naïve résumé: the senator met the délégation in Genève. Ça va, dit-il, à bientôt.",
    "cp1252": "The senator’s “naïve” remarks — made in Genève — drew criticism… and cost €5.",
    "cp1251": "Переговоры в Женеве продолжились в понедельник, сообщили официальные лица.",
    "gb18030": "双方在日内瓦举行了秘密会谈，讨论人工智能安全问题。",
    "big5": "雙方在日內瓦舉行了秘密會談，討論人工智慧安全問題。",
    "shift_jis": "両国の交渉担当者は月曜日にジュネーブで会談した。",
    "euc_kr": "양국 협상단은 월요일 제네바에서 만났다. 인공지능 안전을 논의했다.",
    "cp1250": "Negocjatorzy z obu krajów spotkali się w poniedziałek w Genewie. Dyskutowali o bezpieczeństwie.",
    "iso8859_7": "Οι διαπραγματευτές των δύο χωρών συναντήθηκαν τη Δευτέρα στη Γενεύη.",
}


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_each_encoding_news_is_written_in_decodes_exactly(encoding):
    from framing.corpus.encoding import decode

    for text in (ENCODED[encoding], ENCODED[encoding].split(":")[0].split("。")[0][:20]):
        assert decode(text.encode(encoding)).text == text


def test_short_latin1_text_is_not_taken_for_a_dos_code_page():
    from framing.corpus.encoding import decode

    decoded = decode("Café naïve résumé".encode("latin-1"))
    assert (decoded.text, decoded.label) == ("Café naïve résumé", "cp1252")


def test_a_row_with_too_many_fields_is_reported_and_the_next_row_is_kept(tmp_path):
    (tmp_path / "rows.csv").write_text('title,text\nA,"Body one."\nB,"Body two",extra\nC,Body three.\n',
                                       encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [str(p) for p in corpus.problems] == [
        f"{tmp_path / 'rows.csv'}: line 3: 3 fields where the header has 2; row skipped"]
    assert corpus.articles["title"].tolist() == ["A", "C"]
