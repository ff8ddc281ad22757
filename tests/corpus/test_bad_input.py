"""Broken files: one line each naming the file and the problem; every good file is still read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.corpus import CorpusError, load_corpus, seed_path
from framing.errors import InputError

GOOD = "Geneva talks\n\nNegotiators from both countries met in Geneva on Monday. They discussed AI safety.\n"
SWEDISH = "Säkerhetssamtal i Genève\n\nFöretagen träffades i Genève för att diskutera säkerheten för AI. Mötet var hemligt.\n"
CHINESE = "日内瓦会谈\n\n阿尔特曼表示，美国和中国的研究人员应该合作降低人工智能系统的风险。双方在日内瓦举行了秘密会谈。\n"
ENGLISH_CP1252 = "Café talks\n\nThe senator’s “naïve” remarks — made in Genève — drew criticism from both parties.\n"
runner = CliRunner()


def folder_with(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return tmp_path


def problems(corpus) -> list[str]:
    return [str(problem) for problem in corpus.problems]


def test_a_path_that_does_not_exist_is_exit_2_with_one_line_and_no_traceback(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(InputError, match="path does not exist"):
        load_corpus(missing)
    result = runner.invoke(app, ["corpus", str(missing)])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {missing}: path does not exist"
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n \t\n", "empty file"),
    ("image.txt", bytes(range(256)) * 8, "binary file (contains NUL bytes), not text"),
    ("noise.html", bytes([0x81, 0xfe, 0x9f, 0xff, 0x80, 0xc3]) * 50, "binary file or unknown encoding, not text"),
])
def test_empty_and_binary_files_are_skipped_and_the_good_file_is_read(tmp_path, name, content, message):
    folder = folder_with(tmp_path, {"good.txt": GOOD, name: content})
    corpus = load_corpus(folder)
    assert problems(corpus) == [f"{folder / name}: {message}"]
    assert corpus.articles["id"].tolist() == ["good"]


@pytest.mark.parametrize(("text", "encoding", "label", "language"), [
    (GOOD, "utf-8-sig", "UTF-8 with BOM", "en"),
    (CHINESE, "gb18030", "GB18030", "zh"),
    (ENGLISH_CP1252, "cp1252", "cp1252", "en"),
    (SWEDISH, "cp1252", "cp1252", "sv"),
])
def test_text_that_is_not_utf8_is_decoded_and_the_encoding_noted(tmp_path, text, encoding, label, language):
    folder = folder_with(tmp_path, {"legacy.txt": text.encode(encoding)})
    corpus = load_corpus(folder)
    assert corpus.problems == []
    assert [str(note) for note in corpus.notes] == [f"{folder / 'legacy.txt'}: decoded as {label} (not UTF-8)"]
    record = corpus.articles.iloc[0]
    title, _, body = text.strip().partition("\n\n")
    assert (record["title"], record["text"], record["language"]) == (title, body, language)


def test_utf8_files_get_no_note(tmp_path):
    assert load_corpus(folder_with(tmp_path, {"good.txt": GOOD})).notes == []


@pytest.mark.parametrize(("front", "message"), [
    ("---\ntitle: [unclosed\n---\nBody text here.\n",
     "malformed YAML front matter: expected ',' or ']', but got '<stream end>' (line 3, column 1)"),
    ("---\ntitle: Geneva\n  date: 2024\n---\nBody text here.\n",
     "malformed YAML front matter: mapping values are not allowed here (line 3, column 7)"),
    ("---\ntitle: Geneva\ndate: 2024-01-11\nBody text without a closing line.\n",
     "malformed YAML front matter: no closing '---' line"),
    ("---\n- just\n- a list\n---\nBody text here.\n",
     "malformed YAML front matter: expected a mapping, found a list"),
    ("---\ntitle: !!python/object/apply:os.system ['true']\n---\nBody text here.\n",
     "malformed YAML front matter: could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object/apply:os.system' (line 2, column 8)"),
])
def test_malformed_front_matter_is_one_line_and_never_constructs_objects(tmp_path, front, message):
    folder = folder_with(tmp_path, {"good.txt": GOOD, "bad.md": front})
    corpus = load_corpus(folder)
    assert problems(corpus) == [f"{folder / 'bad.md'}: {message}"]
    assert corpus.articles["id"].tolist() == ["good"]


def test_a_csv_without_a_text_column_names_the_columns_it_has(tmp_path):
    folder = folder_with(tmp_path, {"good.txt": GOOD, "feed.csv": "headline,outlet,date\nTalks,Wire,2024-01-01\n"})
    corpus = load_corpus(folder)
    assert problems(corpus) == [
        f"{folder / 'feed.csv'}: no text column (looked for text, body, content, article); "
        "columns are: headline, outlet, date; name it with --column-map text=COLUMN"]
    assert corpus.articles["id"].tolist() == ["good"]


def test_a_column_map_naming_a_missing_column_names_the_columns(tmp_path):
    folder = folder_with(tmp_path, {"feed.csv": "headline,story_text\nTalks,They met on Monday in Geneva.\n"})
    corpus = load_corpus(folder, column_map={"text": "body"})
    assert problems(corpus) == [
        f"{folder / 'feed.csv'}: column map text=body: no column 'body'; columns are: headline, story_text"]


def test_an_unknown_field_in_the_column_map_is_an_input_error():
    with pytest.raises(InputError, match="unknown field 'bodytext' in the column map; fields are: id, outlet, "):
        load_corpus(column_map={"bodytext": "body"})


def test_bad_rows_of_jsonl_and_csv_are_reported_and_the_rest_kept(tmp_path):
    folder = folder_with(tmp_path, {
        "feed.jsonl": '{"title": "One", "text": "First story text here."}\n{not json}\n[1, 2]\n'
                      '{"title": "Four", "text": "Fourth story text here."}\n',
        "rows.csv": "title,text\nOne,Text of the first row.\n,\n",
    })
    corpus = load_corpus(folder)
    assert problems(corpus) == [
        f"{folder / 'feed.jsonl'}: line 2: not valid JSON: Expecting property name enclosed in double quotes",
        f"{folder / 'feed.jsonl'}: line 3: expected an object, found list",
        f"{folder / 'rows.csv'}: line 3: no text",
    ]
    assert corpus.articles["id"].tolist() == ["feed:1", "feed:4", "rows:2"]


def test_duplicate_articles_keep_one_and_report_the_rest(tmp_path):
    copy = GOOD.replace("Geneva talks", "Talks in Geneva") + "\nShare on Facebook\n"
    folder = folder_with(tmp_path, {"a.txt": GOOD, "b.txt": copy, "sub/c.txt": GOOD})
    corpus = load_corpus(folder)
    assert corpus.articles["id"].tolist() == ["a"]
    assert corpus.duplicates.values.tolist() == [["b", "a", "same cleaned text"], ["c", "a", "same cleaned text"]]


def test_manifest_rows_naming_a_missing_file_or_a_path_outside_the_folder(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(GOOD, encoding="utf-8")
    folder = folder_with(tmp_path / "corpus", {
        "good.txt": GOOD,
        "manifest.csv": "file,outlet,language\ngood.txt,Example Wire,en\ngone.txt,Nobody,en\n"
                        "../secret.txt,Leak,en\n/etc/passwd,Leak,en\n",
    })
    corpus = load_corpus(folder)
    manifest = folder / "manifest.csv"
    assert problems(corpus) == [
        f"{manifest}: row 3: file 'gone.txt' not found under {folder}",
        f"{manifest}: row 4: file '../secret.txt' is outside the corpus folder {folder}",
        f"{manifest}: row 5: file '/etc/passwd' is outside the corpus folder {folder}",
    ]
    assert corpus.articles[["id", "outlet"]].values.tolist() == [["good", "Example Wire"]]


def test_a_yaml_manifest_matches_by_relative_path_then_by_unique_name(tmp_path):
    folder = folder_with(tmp_path, {
        "en/a.txt": GOOD, "sv/b.txt": SWEDISH,
        "corpus.yaml": "files:\n  - file: en/a.txt\n    outlet: Wire A\n  - file: b.txt\n    outlet: Blad B\n",
    })
    corpus = load_corpus(folder)
    assert corpus.problems == []
    assert corpus.articles[["id", "outlet", "language"]].values.tolist() == [["a", "Wire A", "en"], ["b", "Blad B", "sv"]]


def test_a_skipped_file_is_named_as_written_even_with_brackets(tmp_path):
    folder = folder_with(tmp_path, {"good.txt": GOOD, "[draft] empty.txt": b""})
    result = runner.invoke(app, ["corpus", str(folder)])
    assert result.exit_code == 0
    assert f"skipped: {folder / '[draft] empty.txt'}: empty file" in result.output


def test_strict_turns_every_skipped_file_into_a_failure(tmp_path):
    folder = folder_with(tmp_path, {"good.txt": GOOD, "empty.txt": b""})
    with pytest.raises(CorpusError) as error:
        load_corpus(folder, strict=True)
    assert str(error.value) == f"strict mode: 1 skipped; first: {folder / 'empty.txt'}: empty file"
    result = runner.invoke(app, ["corpus", str(folder), "--strict"])
    assert result.exit_code == 1
    assert f"skipped: {folder / 'empty.txt'}: empty file" in result.output
    assert result.output.strip().endswith(f"error: strict mode: 1 skipped; first: {folder / 'empty.txt'}: empty file")
    relaxed = runner.invoke(app, ["corpus", str(folder)])
    assert relaxed.exit_code == 0
    assert "1 records (1 article, 0 headlines); 0 duplicates merged; 0 lines dropped by cleaning; 1 skipped" in relaxed.output


def test_strict_passes_on_the_seed_corpus():
    assert runner.invoke(app, ["corpus", "--strict"]).exit_code == 0


def test_no_input_file_is_ever_written_to(tmp_path):
    folder = folder_with(tmp_path / "corpus", {
        "good.txt": GOOD, "legacy.txt": CHINESE.encode("gb18030"), "empty.txt": b"", "feed.csv": "a,b\n1,2\n",
        "bom.md": GOOD.encode("utf-8-sig"), "manifest.csv": "file,outlet\ngood.txt,Wire\n",
    })
    for file in seed_path().iterdir():
        if file.is_file():
            (folder / "seed").mkdir(exist_ok=True)
            (folder / "seed" / file.name).write_bytes(file.read_bytes())

    def hashes(root: Path) -> dict[str, str]:
        return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}

    before, seed_before = hashes(folder), hashes(seed_path())
    out = tmp_path / "records.jsonl"
    assert runner.invoke(app, ["corpus", str(folder), "--out", str(out)]).exit_code == 0
    assert runner.invoke(app, ["corpus", "--out", str(tmp_path / "seed.csv")]).exit_code == 0
    assert hashes(folder) == before
    assert hashes(seed_path()) == seed_before
    refused = runner.invoke(app, ["corpus", str(folder), "--out", str(folder / "good.csv")])
    assert refused.exit_code == 2
    assert "refusing to write inside the corpus folder" in refused.output
    assert hashes(folder) == before
