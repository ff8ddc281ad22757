"""Actors files: read as written, and every unusable file refused with one line naming the entry."""

import pytest
from typer.testing import CliRunner

from framing.portrayal import ActorsFileError, load_actors, parse_actors
from framing.cli import app


def test_an_actor_is_named_by_its_own_name_and_its_aliases_in_file_order(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("China: [Beijing, 中国, Kina]\nSam Altman: [Altman]\nOpenAI:\n", encoding="utf-8")
    actors = load_actors(path)
    assert [a.name for a in actors] == ["China", "Sam Altman", "OpenAI"]
    assert actors[0].aliases == ("China", "Beijing", "中国", "Kina")
    assert actors[2].aliases == ("OpenAI",)


@pytest.mark.parametrize(("text", "message"), [
    ("- China\n- Beijing\n", "must be a mapping of actor names to lists of aliases"),
    ("{}\n", "must be a mapping of actor names to lists of aliases"),
    ("China: Beijing\n", "actor 'China': aliases must be a list"),
    ("China: [Beijing, '']\n", "actor 'China': empty alias"),
    ("China: [Beijing]\nBeijing city: [beijing]\n", "alias 'beijing' is given to two actors: 'China' and 'Beijing city'"),
    ("China: [[Beijing]]\n", "actor 'China': alias ['Beijing'] is not text"),
    ("China: [Beijing\n", "the actors file is not YAML (line 2)"),
])
def test_an_unusable_actors_file_is_refused_naming_the_file_and_the_entry(tmp_path, text, message):
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ActorsFileError) as raised:
        load_actors(path)
    assert str(raised.value).startswith(f"{path}: ") and message in str(raised.value)
    result = CliRunner().invoke(app, ["actors", "--actors", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_the_same_alias_twice_for_one_actor_is_kept_once():
    assert parse_actors({"China": ["china", "Beijing", "BEIJING"]})[0].aliases == ("China", "Beijing")
