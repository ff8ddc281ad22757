"""Atomic output: whole files or none, with ordinary permissions."""

import os
import stat

import pandas as pd
import pytest

from framing.io import atomic_path, write_table, write_text


def test_outputs_get_the_mode_a_plain_open_gives(tmp_path):
    mask = os.umask(0o022)
    try:
        path = write_text(tmp_path / "out.txt", "hello\n")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failure_while_writing_keeps_the_previous_file(tmp_path):
    path = write_text(tmp_path / "table.csv", "previous\n")
    with pytest.raises(RuntimeError):
        with atomic_path(path) as tmp:
            tmp.write_text("half a tab", encoding="utf-8")
            raise RuntimeError("killed")
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_tables_round_trip_in_each_format(tmp_path, suffix):
    frame = pd.DataFrame({"id": ["a", "b"], "score": [0.5, float("nan")]})
    path = write_table(frame, tmp_path / f"t{suffix}")
    if suffix == ".parquet":
        back = pd.read_parquet(path)
    elif suffix == ".csv":
        back = pd.read_csv(path)
    else:
        back = pd.read_json(path, lines=True)
    assert back["id"].tolist() == ["a", "b"] and back["score"].iloc[0] == 0.5 and pd.isna(back["score"].iloc[1])


def test_the_next_write_removes_what_a_killed_run_left(tmp_path):
    (tmp_path / ".table.csv.abc123.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".other.csv.abc123.tmp").write_text("not ours", encoding="utf-8")
    write_text(tmp_path / "table.csv", "whole\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.csv.abc123.tmp", "table.csv"]
