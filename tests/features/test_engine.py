"""Engines: two local workers and a Dask LocalCluster write the same bytes as one worker; failures leave
the previous outputs in place."""

import io

import pyarrow.parquet as pq
import pytest

import framing
from framing.errors import InputError
from framing.features import write_features
from framing.features.engine import DaskEngine, LocalEngine, chunked, make_engine
from framing.features.outputs import output_names


@pytest.fixture(scope="module")
def records():
    return framing.load_corpus().articles.to_dict(orient="records")


@pytest.fixture(scope="module")
def one_worker(records, tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    write_features(chunked(records, 4), out, workers=1)
    return {name: (out / name).read_bytes() for name in output_names()}


def written(out):
    return {name: (out / name).read_bytes() for name in output_names()}


def test_two_workers_write_the_same_bytes_as_one(records, one_worker, tmp_path):
    summary = write_features(chunked(records, 4), tmp_path, workers=2)
    assert written(tmp_path) == one_worker
    assert summary.articles == len(records)


def test_a_dask_local_cluster_writes_the_same_bytes_as_one_worker(records, one_worker, tmp_path):
    pytest.importorskip("dask.distributed")
    with DaskEngine(workers=2, processes=False) as engine:
        write_features(chunked(records, 4), tmp_path, engine=engine)
    assert written(tmp_path) == one_worker


def test_the_in_memory_tables_write_the_same_tables(records, one_worker, tmp_path):
    # The records, not the corpus: a corpus brings its paper.yaml's codebook, plain records the default one.
    framing.feature_tables(framing.load_corpus().articles, chunk_size=4).write(tmp_path)
    again = written(tmp_path)
    for name in ("sentences.csv", "articles.csv", "codebook.md"):
        assert again[name] == one_worker[name], name
    for name in ("sentences.parquet", "articles.parquet"):
        # One row group instead of one per chunk: the same table in other bytes.
        assert pq.read_table(io.BytesIO(again[name])).equals(pq.read_table(io.BytesIO(one_worker[name])))


def test_a_run_that_fails_midway_leaves_the_previous_outputs(records, one_worker, tmp_path):
    write_features(chunked(records, 4), tmp_path)

    def failing():
        for number, chunk in enumerate(chunked(records, 4)):
            if number == 3:
                raise RuntimeError("killed")
            yield chunk

    with pytest.raises(RuntimeError):
        write_features(failing(), tmp_path, workers=2)
    assert written(tmp_path) == one_worker
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(output_names())


def test_a_run_that_fails_before_any_output_leaves_none(records, tmp_path):
    def failing():
        yield records[:2]
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        write_features(failing(), tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_chunks_come_back_in_input_order_from_a_pool():
    with LocalEngine(workers=2) as engine:
        assert list(engine.map(pow, range(20), 2)) == [n ** 2 for n in range(20)]


def test_unknown_engines_and_stray_schedulers_are_user_errors():
    with pytest.raises(InputError, match="unknown engine 'spark'; engines are: local, dask"):
        make_engine("spark")
    with pytest.raises(InputError, match="--scheduler needs --engine dask"):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(InputError, match="--workers must be at least 1, not 0"):
        LocalEngine(workers=0)


def test_the_features_command_gives_the_same_bytes_with_workers_and_reuses_the_cache(tmp_path):
    from typer.testing import CliRunner

    from framing.cli import app

    runner = CliRunner()
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = runner.invoke(app, ["features", "--out", str(tmp_path / "a"), "--chunk-size", "5", *cache])
    second = runner.invoke(app, ["features", "--out", str(tmp_path / "b"), "--chunk-size", "5", "--workers", "2",
                                 *cache])
    uncached = runner.invoke(app, ["features", "--out", str(tmp_path / "c"), "--chunk-size", "5", "--no-cache"])
    assert first.exit_code == second.exit_code == uncached.exit_code == 0, first.output + second.output
    assert "21 articles, 105 sentences" in first.output and "cache: 0 of 525 sentence measures reused" in first.output
    assert "cache: 525 of 525 sentence measures reused" in second.output
    assert "no cache" in uncached.output
    assert written(tmp_path / "a") == written(tmp_path / "b") == written(tmp_path / "c")


def test_the_features_command_names_a_bad_engine_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from framing.cli import app

    result = CliRunner().invoke(app, ["features", "--out", str(tmp_path), "--engine", "spark"])
    assert result.exit_code != 0
    assert "unknown engine 'spark'; engines are: local, dask" in result.output
    assert not list(tmp_path.iterdir())
