"""framing.actors and `framing actors`: mentions, the per-outlet table, tests, figure; same bytes on any engine."""

import json
from importlib import resources

import pandas as pd
import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.portrayal import load_actors
from framing.features.engine import DaskEngine

SEED_ACTORS = resources.files("framing").joinpath("corpus", "seed", "actors.yaml")
OUTLETS = {"Daily Planet": "en", "Dagbladet Norr": "sv", "东方日报": "zh"}


@pytest.fixture(scope="module")
def seed():
    return framing.actors(framing.load_corpus(), actors=str(SEED_ACTORS), use_encoder=False, n_boot=200)


def test_china_is_portrayed_by_five_outlets_in_three_languages(seed):
    china = seed.mentions[seed.mentions["actor"] == "China"]
    assert china["outlet"].nunique() >= 4
    assert set(china["language"]) == {"en", "zh", "sv"}
    assert china["score"].notna().all() and set(china["method"]) == {"lexicon"}
    rows = seed.actors[(seed.actors["actor"] == "China") & (seed.actors["n_mentions"] > 0)]
    assert (rows["ci_low"] <= rows["mean_score"]).all() and (rows["mean_score"] <= rows["ci_high"]).all()


def test_every_actor_of_the_file_is_reported_for_every_outlet_even_when_never_mentioned(seed):
    names = [a.name for a in load_actors(str(SEED_ACTORS))]
    outlets = set(framing.load_corpus().articles["outlet"])
    assert len(seed.actors) == len(names) * len(outlets)
    silent = seed.actors[seed.actors["n_mentions"] == 0]
    assert len(silent) and (silent["caution"].str.contains("not mentioned")).all()
    assert silent["mean_score"].isna().all()


def test_each_mention_points_at_its_words_in_its_sentence(seed):
    for row in seed.mentions.itertuples():
        assert row.sentence[row.start:row.end] == row.surface
        assert abs(row.score - (row.p_positive - row.p_negative)) < 1e-12


def corpus_file(tmp_path):
    lines = []
    for n in range(12):
        for outlet, lang in OUTLETS.items():
            text = {"en": f"Officials in Beijing praised the deal. Critics condemned China's crackdown on day {n}.",
                    "sv": f"Kina kritiserade avtalet. Experter berömde Kinas samarbete dag {n}.",
                    "zh": f"中国政府赞扬合作。美国批评中国的制裁，第{n}天。"}[lang]
            lines.append(json.dumps({"id": f"{lang}-{n}", "outlet": outlet, "language": lang, "title": "",
                                     "text": text, "story": "trade" if n % 2 else "talks"}, ensure_ascii=False))
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    actors = tmp_path / "actors.yaml"
    actors.write_text("China: [Beijing, 中国, Kina]\nUnited States: [US, 美国, USA]\nNobody: [Zxq Person]\n",
                      encoding="utf-8")
    return path, actors


def written(out):
    return {name: (out / name).read_bytes() for name in ("mentions.csv", "actors.csv", "tests.csv")}


def test_a_jsonl_corpus_gives_the_same_bytes_with_two_workers_and_on_dask(tmp_path):
    path, actors = corpus_file(tmp_path)
    corpus = framing.load_corpus(path)
    one = framing.actors(corpus, actors=str(actors), use_encoder=False, n_boot=100, chunk_size=5)
    one.write(tmp_path / "one", figure=False)
    two = framing.actors(corpus, actors=str(actors), use_encoder=False, n_boot=100, chunk_size=5, workers=2)
    two.write(tmp_path / "two", figure=False)
    assert written(tmp_path / "one") == written(tmp_path / "two")
    pytest.importorskip("dask.distributed")
    with DaskEngine(workers=2, processes=False) as engine:
        framing.actors(corpus, actors=str(actors), use_encoder=False, n_boot=100, chunk_size=5,
                       engine=engine).write(tmp_path / "dask", figure=False)
    assert written(tmp_path / "one") == written(tmp_path / "dask")
    table = one.actors
    nobody = table[table["actor"] == "Nobody"]
    assert len(nobody) == len(OUTLETS) and (nobody["n_mentions"] == 0).all()
    china = table[table["actor"] == "China"].set_index("outlet")
    assert (china["n_articles"] == 12).all()
    assert set(one.tests["actor"]) >= {"China"}


def test_the_command_writes_the_tables_and_the_figure_within_stories(tmp_path):
    path, actors = corpus_file(tmp_path)
    result = CliRunner().invoke(app, ["actors", str(path), "--actors", str(actors), "--within", "story",
                                      "--no-encoder", "--n-boot", "50", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "out" / "actors.csv")
    assert set(table["story"]) == {"trade", "talks"}
    assert (tmp_path / "out" / "actor_portrayal_trade.png").stat().st_size > 0
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv")
    assert list(mentions.columns[:2]) == ["id", "outlet"]
    assert {"sentence", "start", "end", "sentiment", "score", "p_negative", "p_neutral", "p_positive"} <= set(
        mentions.columns)


def test_an_actors_yaml_beside_the_corpus_is_followed_and_not_read_as_an_article(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\n\nCritics condemned Beijing for the crackdown.\n", encoding="utf-8")
    (folder / "actors.yaml").write_text("China: [Beijing]\nJapan: [Tokyo]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["actors", str(folder), "--no-encoder", "--n-boot", "20",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "out" / "actors.csv")
    assert sorted(table["actor"]) == ["China", "Japan"]  # the file's actors, Japan with n = 0
    assert framing.load_corpus(folder).articles["id"].tolist() == ["a"]


def test_a_language_without_a_polarity_lexicon_is_nan_with_a_reason(tmp_path):
    corpus = pd.DataFrame([{"id": "a", "outlet": "Le Monde", "language": "fr", "title": "",
                            "text": "La Chine a salué l'accord.", "story": ""}])
    found = framing.actors(corpus, actors={"China": ["Chine"]}, use_encoder=False, n_boot=10)
    assert found.mentions["score"].isna().all()
    assert "no polarity lexicon" in found.mentions["na_reason"].iloc[0]
    assert "could be scored" in found.actors["caution"].iloc[0]


@pytest.mark.parametrize(("text", "label"), [
    ("Critics condemned Beijing for the brutal crackdown.", "negative"),
    ("Beijing won praise for its generous and helpful support.", "positive"),
])
def test_the_lexicon_model_reads_the_words_around_the_mention(text, label):
    from framing.portrayal import target

    start = text.index("Beijing")
    assert target.portray(text, [(start, start + 7)], lang="en", use_encoder=False)[0].sentiment == label
