"""The shipped word lists, their loader and the `framing lexicons check` validator."""

from __future__ import annotations

import tomllib
import unicodedata
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.errors import InputError
from framing.lexicons import (
    CATEGORIES,
    FAMILIES,
    Entry,
    Lexicon,
    LexiconError,
    Problem,
    available_languages,
    check,
    load_lexicon,
)

REPO = Path(__file__).resolve().parents[1]
SHIPPED_LANGUAGES = ("en", "zh", "sv")
SHIPPED = [(family, lang) for family in FAMILIES for lang in SHIPPED_LANGUAGES]

HEADER = """\
family: {family}
language: {lang}
title: A small test list
source: Written for this test.
license: MIT
categories:
  {categories}
entries:
"""


def write_lexicon(root: Path, body: str, *, family: str = "loaded", lang: str = "en", header: str | None = None) -> Path:
    """Write ``root/family/lang.yaml`` with a valid header (unless ``header`` is given) and ``body`` as entries."""
    declared = "\n  ".join(f"{name}: A test category." for name in sorted(CATEGORIES[family]))
    text = (HEADER.format(family=family, lang=lang, categories=declared) if header is None else header) + body
    path = root / family / f"{lang}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def entry(term: str, *, category: str = "name_calling", weight: object = 0.8, explanation: str = "Labels people.") -> str:
    return f"  - term: {term}\n    category: {category}\n    weight: {weight}\n    explanation: {explanation}\n"


def problems_of(root: Path) -> list[str]:
    return [str(problem) for problem in check(root)]


# The shipped lexicons ---------------------------------------------------------------------------


def test_shipped_lexicons_pass_check():
    assert problems_of(resources.files("framing.lexicons_data")) == []
    assert check() == []


def test_every_family_ships_en_zh_sv():
    assert {family: available_languages(family) for family in FAMILIES} == dict.fromkeys(FAMILIES, ("en", "sv", "zh"))


@pytest.mark.parametrize(("family", "lang"), SHIPPED)
def test_shipped_lexicons_load_with_glosses_outside_english(family, lang):
    lexicon = load_lexicon(family, lang)
    assert lexicon.family == family and lexicon.language == lang
    assert len(lexicon) > 0
    assert set(lexicon.categories) == {entry.category for entry in lexicon}
    if lang != "en":
        assert all(entry.gloss for entry in lexicon)


def test_english_loaded_list_is_broad_and_covers_the_issue_examples():
    lexicon = load_lexicon("loaded", "en")
    by_term = {entry.term: entry for entry in lexicon}
    assert len(lexicon) >= 500
    assert set(lexicon.categories) == CATEGORIES["loaded"]
    assert by_term["deal with the devil"].category == "metaphor_idiom"
    assert by_term["boss"].category == "informal_title"
    assert by_term["regime"].category == "name_calling"
    # Weight carries strength: outright moral condemnation outweighs a borderline word.
    assert by_term["evil"].weight > by_term["threat"].weight


@pytest.mark.parametrize(
    ("family", "lang", "minimum"),
    [("loaded", "zh", 80), ("loaded", "sv", 80), ("polarity", "en", 2000), ("polarity", "zh", 400), ("polarity", "sv", 400)],
)
def test_lists_have_the_promised_size(family, lang, minimum):
    assert len(load_lexicon(family, lang)) >= minimum


@pytest.mark.parametrize(("lang", "minimum"), [("en", 30), ("zh", 15), ("sv", 15)])
def test_every_story_frame_has_enough_cues(lang, minimum):
    from framing.codebooks import load_codebook

    book = load_codebook("story")
    for frame in book.keys:
        assert sum(cue.category == frame for cue in book.cues(lang)) >= minimum, frame


def test_seed_story_terms_are_in_the_story_codebook():
    from framing.codebooks import load_codebook

    frames = {lang: {cue.term: cue.category for cue in load_codebook("story").cues(lang)} for lang in ("zh", "sv")}
    assert frames["zh"]["制裁"] == "sanctions"
    assert frames["zh"]["合作"] == "cooperation"
    assert frames["sv"]["samarbete"] == "cooperation"


def test_chinese_attribution_has_a_gapped_pattern():
    terms = {entry.term: entry.category for entry in load_lexicon("sourcing", "zh")}
    assert terms["据 * 报道"] == "attribution"


def test_shipped_files_are_matched_by_the_package_data_glob():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]
    globs = data.get("framing.lexicons_data", data.get("*"))
    # Word lists and codebooks alike (lexicons/codebooks/<name>/<lang>.yaml).
    shipped = [path.relative_to(REPO / "lexicons").as_posix() for path in (REPO / "lexicons").rglob("*.yaml")]
    assert any(name.startswith("codebooks/") for name in shipped)
    assert all(any(fnmatch(name, glob) or fnmatch(Path(name).name, glob) for glob in globs) for name in shipped)
    assert "README.md" in [item.name for item in resources.files("framing.lexicons_data").iterdir()]


# Loading ----------------------------------------------------------------------------------------


def test_load_returns_typed_entries_and_a_version_hash(tmp_path):
    path = write_lexicon(tmp_path, entry("thug", weight=0.9))
    lexicon = load_lexicon("loaded", "en", root=tmp_path)
    assert isinstance(lexicon, Lexicon)
    assert lexicon.entries == (Entry("thug", "name_calling", 0.9, "Labels people.", None),)
    assert lexicon.header["license"] == "MIT"
    assert len(lexicon.version) == 12 and int(lexicon.version, 16) >= 0
    other = tmp_path / "other"
    write_lexicon(other, entry("thug", weight=0.8))
    assert load_lexicon("loaded", "en", root=other).version != lexicon.version
    assert load_lexicon("loaded", "en", root=str(tmp_path)) is lexicon
    assert path.exists()


def test_available_languages_lists_the_files_of_a_family(tmp_path):
    write_lexicon(tmp_path, entry("thug"))
    write_lexicon(tmp_path, entry("bov", explanation="Labels people.") + "    gloss: thug\n", lang="sv")
    assert available_languages("loaded", root=tmp_path) == ("en", "sv")
    assert available_languages("sourcing", root=tmp_path) == ()


def test_load_refuses_a_missing_language_and_a_bad_file(tmp_path):
    path = write_lexicon(tmp_path, entry("thug", weight=2))
    with pytest.raises(LexiconError) as error:
        load_lexicon("loaded", "en", root=tmp_path)
    assert str(error.value) == f"{path}:17: weight 2 of 'thug' is outside [0, 1]"
    with pytest.raises(LexiconError, match="no loaded lexicon for language 'fr'"):
        load_lexicon("loaded", "fr", root=tmp_path)
    with pytest.raises(LexiconError, match="unknown lexicon family 'slant'"):
        load_lexicon("slant", "en")


# Each problem, with its exact message -----------------------------------------------------------


def test_problem_renders_as_path_line_message():
    assert str(Problem("lexicons/loaded/en.yaml", 12, "empty explanation for 'thug'")) == (
        "lexicons/loaded/en.yaml:12: empty explanation for 'thug'"
    )


def test_duplicates_after_nfc_and_casefold(tmp_path):
    path = write_lexicon(tmp_path, entry("Regime") + entry("regime"))
    assert problems_of(tmp_path) == [f"{path}:19: duplicate term 'regime' (same as entry 1)"]


def test_non_nfc_text_and_its_nfc_twin(tmp_path):
    decomposed = unicodedata.normalize("NFD", "café")
    path = write_lexicon(tmp_path, entry("café") + entry(decomposed))
    assert problems_of(tmp_path) == [
        f"{path}:19: term {decomposed!r} is not NFC-normalised",
        f"{path}:19: duplicate term {decomposed!r} (same as entry 1)",
    ]


def test_unknown_category(tmp_path):
    path = write_lexicon(tmp_path, entry("thug", category="gossip"))
    known = "evaluative, fear, hyperbole, informal_title, metaphor_idiom, moral_religious, name_calling"
    assert problems_of(tmp_path) == [f"{path}:16: unknown category 'gossip' for family 'loaded' (known: {known})"]


def test_category_not_declared_in_the_header(tmp_path):
    header = HEADER.format(family="loaded", lang="en", categories="fear: Fear words.")
    path = write_lexicon(tmp_path, entry("thug"), header=header)
    assert problems_of(tmp_path) == [f"{path}:10: category 'name_calling' of 'thug' is not declared in the header"]


@pytest.mark.parametrize(("weight", "message"), [(1.5, "weight 1.5 of 'thug' is outside [0, 1]"),
                                                 (-0.1, "weight -0.1 of 'thug' is outside [0, 1]"),
                                                 ("high", "weight of 'thug' must be a number")])
def test_weight_outside_the_unit_interval(tmp_path, weight, message):
    path = write_lexicon(tmp_path, entry("thug", weight=weight))
    assert problems_of(tmp_path) == [f"{path}:17: {message}"]


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ('" thug"', "term ' thug' has leading or trailing whitespace"),
        ('"thug "', "term 'thug ' has leading or trailing whitespace"),
        ('"deal  with the devil"', "term 'deal  with the devil' has double or non-space whitespace inside"),
        ('"deal\\twith the devil"', "term 'deal\\twith the devil' has double or non-space whitespace inside"),
    ],
)
def test_stray_whitespace(tmp_path, term, message):
    path = write_lexicon(tmp_path, entry(term))
    assert problems_of(tmp_path) == [f"{path}:15: {message}"]


def test_empty_explanation(tmp_path):
    path = write_lexicon(tmp_path, entry("thug", explanation='""'))
    assert problems_of(tmp_path) == [f"{path}:18: empty explanation for 'thug'"]


@pytest.mark.parametrize("lang", ["zh", "sv"])
def test_missing_gloss_outside_english(tmp_path, lang):
    path = write_lexicon(tmp_path, entry("魔鬼", category="moral_religious"), lang=lang)
    assert problems_of(tmp_path) == [f"{path}:15: missing gloss for '魔鬼' (required for {lang})"]


def test_missing_header_key(tmp_path):
    header = HEADER.replace("license: MIT\n", "").format(
        family="loaded", lang="en", categories="name_calling: Labels."
    )
    path = write_lexicon(tmp_path, entry("thug"), header=header)
    assert problems_of(tmp_path) == [f"{path}:1: missing header key 'license'"]


def test_header_that_contradicts_the_file_place(tmp_path):
    header = HEADER.format(family="sourcing", lang="en", categories="name_calling: Labels.")
    path = write_lexicon(tmp_path, entry("thug"), header=header)
    assert problems_of(tmp_path) == [f"{path}:1: header family 'sourcing' does not match the file's place ('loaded')"]


def test_yaml_that_does_not_parse(tmp_path):
    path = write_lexicon(tmp_path, entry("thug") + "  - term: [unclosed\n")
    (problem,) = problems_of(tmp_path)
    # The wording is PyYAML's (its C and pure-Python parsers phrase it differently); the place is ours.
    assert problem.startswith(f"{path}:20: YAML does not parse: ")
    assert "',' or ']'" in problem


def test_yaml_tags_are_not_executed(tmp_path):
    path = write_lexicon(tmp_path, entry("thug") + "  - !!python/object/apply:os.system ['echo hi']\n")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith(f"{path}:19: YAML does not parse: could not determine a constructor")


def test_gap_must_stand_between_words(tmp_path):
    path = write_lexicon(tmp_path, entry('"* thug"'), lang="en")
    assert problems_of(tmp_path) == [f"{path}:15: gap '*' in term '* thug' must stand between two words"]


def test_unknown_family_folder_and_empty_folder(tmp_path):
    path = write_lexicon(tmp_path, entry("thug"))
    path.rename(tmp_path / "loaded" / "en.yml")
    assert problems_of(tmp_path) == [f"{tmp_path}:0: no lexicon files (<family>/<language>.yaml) or codebooks found"]
    stray = tmp_path / "slant" / "en.yaml"
    stray.parent.mkdir()
    stray.write_text("family: slant\n", encoding="utf-8")
    assert f"{stray}:1: unknown family 'slant' (known: {', '.join(FAMILIES)})" in problems_of(tmp_path)


def test_check_refuses_a_path_that_is_not_a_folder(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        check(tmp_path / "missing")


def test_check_reports_every_problem_in_file_order(tmp_path):
    write_lexicon(tmp_path, entry("thug", weight=3) + entry("thug", explanation='""'))
    messages = [problem.message for problem in check(tmp_path)]
    assert messages == [
        "weight 3 of 'thug' is outside [0, 1]",
        "duplicate term 'thug' (same as entry 1)",
        "empty explanation for 'thug'",
    ]


# The command ------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_check_passes_on_the_shipped_lexicons():
    result = runner.invoke(app, ["lexicons", "check"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_cli_check_prints_one_line_per_problem_and_exits_1(tmp_path):
    path = write_lexicon(tmp_path, entry("thug", weight=3) + entry("thug"))
    result = runner.invoke(app, ["lexicons", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}:17: weight 3 of 'thug' is outside [0, 1]",
        f"{path}:19: duplicate term 'thug' (same as entry 1)",
    ]


def test_cli_check_on_a_clean_folder_prints_a_summary(tmp_path):
    write_lexicon(tmp_path, entry("thug") + entry("goon"))
    result = runner.invoke(app, ["lexicons", "check", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output.strip() == "1 lexicon files, 2 entries: no problems"


def test_cli_check_on_a_missing_folder_is_a_one_line_user_error(tmp_path):
    result = runner.invoke(app, ["lexicons", "check", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "not a folder" in result.output
    assert "Traceback" not in result.output


def test_readme_states_the_entry_count_of_every_shipped_file():
    """The provenance table in lexicons/README.md gives each file's size; it must match the files."""
    import re
    from pathlib import Path

    from framing.lexicons import load_lexicon

    readme = (Path(__file__).parents[1] / "lexicons" / "README.md").read_text(encoding="utf-8")
    for row in re.finditer(r"^\| `(\w+)/(\{[\w,]+\}|\w+)\.yaml` \| ([\d, ]+?)(?: \(|\s*\|)", readme, re.M):
        family, langs, counts = row.groups()
        langs = langs.strip("{}").split(",")
        stated = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", counts)] if len(langs) > 1 else [
            int(counts.replace(",", "").strip())]
        assert stated == [len(load_lexicon(family, lang).entries) for lang in langs], (family, langs)
