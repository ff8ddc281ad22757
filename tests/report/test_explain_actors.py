"""framing explain: each actor a headline names, how it is portrayed, and the words that carry it."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.report.explain import explain

BREITBART = ("Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China "
             "to Counter AI Risks")
WSJ = "OpenAI CEO Calls for Collaboration With China to Counter AI Risks"
TWO_ACTORS = "Altman praised Beijing's researchers while attacking Congress"


def by_actor(data):
    return {m["actor"]: m for m in data["actors"]["mentions"]}


def test_a_seed_headline_follows_the_seed_actors_with_spans_and_cues():
    data = explain(BREITBART, compare=WSJ)
    assert data["actors"]["source"].startswith("the seed corpus's actors file")
    found = by_actor(data)
    assert {"Sam Altman", "China"} <= set(found)
    for mention in found.values():
        assert BREITBART[mention["start"]:mention["end"]] == mention["surface"]
        assert mention["method"] == "lexicon"
        assert mention["score"] == pytest.approx(mention["p_positive"] - mention["p_negative"], abs=1e-3)
        for cue in mention["cues"]:
            assert BREITBART[cue["start"]:cue["end"]] == cue["term"]
    assert "Devil" in {cue["term"] for cue in found["Sam Altman"]["cues"]}
    assert "OpenAI" in by_actor(data["compare"]["other"])
    # The idiom beside Altman makes Breitbart's portrayal of him darker than any mention in the WSJ headline.
    assert found["Sam Altman"]["score"] < min(m["score"] for m in data["compare"]["other"]["actors"]["mentions"])


def test_two_actors_of_one_sentence_are_portrayed_apart():
    data = explain(TWO_ACTORS, lang="en")
    assert data["actors"]["source"] == "names found automatically"
    found = by_actor(data)
    assert found["Congress"]["score"] < found["Beijing"]["score"]
    cue = found["Congress"]["cues"][0]
    assert (cue["term"], cue["polarity"]) == ("attacking", "negative")
    assert TWO_ACTORS[cue["start"]:cue["end"]] == "attacking"
    assert found["Beijing"]["cues"][0]["term"] == "praised"
    json.dumps(data, allow_nan=False)


def test_an_actors_file_decides_whom_to_follow(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("Congress: [US Congress]\nChina: [Beijing]\n", encoding="utf-8")
    data = explain(TWO_ACTORS, lang="en", actors=path)
    assert data["actors"]["source"] == "the actors file actors.yaml"
    assert [m["actor"] for m in data["actors"]["mentions"]] == ["China", "Congress"]


def test_chinese_and_swedish_mentions_say_the_model_is_unmeasured_there():
    chinese = explain("中国政府批评美国的制裁", lang="zh")
    assert {"中国政府", "美国"} <= set(by_actor(chinese))
    assert any("'zh' it has not been measured" in note for note in chinese["actors"]["notes"])
    swedish = explain("Regeringen i Stockholm hotar Kina med sanktioner", lang="sv",
                      actors={"China": ["Kina"], "Sweden": ["Stockholm"]})
    assert by_actor(swedish)["China"]["cues"][0]["term"] == "hotar"
    assert any("'sv' it has not been measured" in note for note in swedish["actors"]["notes"])


def test_a_language_without_a_polarity_lexicon_gives_nan_with_a_reason():
    data = explain("Le président Macron critique Bruxelles", lang="fr", actors={"France": ["Macron"]})
    (mention,) = data["actors"]["mentions"]
    assert mention["score"] is None and "no polarity lexicon" in mention["na_reason"]


def test_cli_shows_actors_and_a_bad_actors_file_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["explain", TWO_ACTORS, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "names found automatically" in result.output and "attacking" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("China: [Beijing]\nUSA: [Beijing]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", TWO_ACTORS, "--actors", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "given to two actors" in result.output


PROBE = """
import json, runpy, sys
sys.argv = ["framing", "explain", %r, "--json"]
try:
    runpy.run_module("framing", run_name="__main__")
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(name for name in ("torch", "transformers", "pandas", "scipy", "sklearn")
                        if name in sys.modules)))
"""


def test_portraying_actors_imports_no_heavy_stack():
    result = subprocess.run([sys.executable, "-c", PROBE % BREITBART], capture_output=True, text=True, check=True)
    *output, imported = result.stdout.strip().splitlines()
    assert json.loads("\n".join(output))["actors"]["mentions"], "expected the probe to portray actors"
    assert json.loads(imported) == []
