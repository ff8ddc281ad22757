"""Small labelled sentences written for these tests (not taken from any annotated corpus)."""

import itertools

import pandas as pd
import pytest

LOADED = [f"The {adj} {who} {verb} the public again."
          for adj, who, verb in itertools.product(
              ["disgusting", "corrupt", "vicious", "shameless", "evil"],
              ["regime", "thugs", "elite"], ["betrayed", "fooled"])]
NEUTRAL = [f"The {who} {verb} the report on {day}."
           for who, verb, day in itertools.product(
               ["committee", "council", "ministry"], ["published", "discussed", "received"],
               ["Monday", "Tuesday", "Friday"])]


@pytest.fixture()
def labelled(tmp_path):
    rows = [{"id": f"l{i}", "text": t, "label": 1, "words": '["corrupt"]'} for i, t in enumerate(LOADED)]
    rows += [{"id": f"n{i}", "text": t, "label": 0, "words": "[]"} for i, t in enumerate(NEUTRAL)]
    path = tmp_path / "labelled.csv"
    pd.DataFrame(rows).sample(frac=1.0, random_state=1).to_csv(path, index=False)
    return path
