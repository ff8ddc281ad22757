"""Syndicated copy: one wire story under several outlets' headlines is data, not a duplicate."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from framing.cli import app
from framing.corpus import load_corpus

WIRE = ("Negotiators from the two countries met in Geneva on Tuesday to discuss the safety of artificial "
        "intelligence, officials said. The talks were the third such meeting this year.")


def _corpus(tmp_path):
    rows = [
        {"id": "ledger-1", "outlet": "Daily Ledger", "title": "Geneva talks on AI safety resume", "text": WIRE},
        {"id": "post-1", "outlet": "Morning Post", "title": "Rivals sit down again over AI dangers", "text": WIRE},
        {"id": "herald-1", "outlet": "City Herald", "title": "Secret AI summit: what they are hiding", "text": WIRE},
        # The Post ran the story twice (a web and a print edition): a duplicate within one outlet.
        {"id": "post-2", "outlet": "Morning Post", "title": "Rivals sit down again over AI dangers", "text": WIRE},
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(row | {"language": "en"}) for row in rows) + "\n", encoding="utf-8")
    return path


def test_same_text_under_other_outlets_is_kept_and_reported(tmp_path):
    corpus = load_corpus(_corpus(tmp_path))
    assert corpus.articles["id"].tolist() == ["ledger-1", "post-1", "herald-1"]
    assert corpus.duplicates.values.tolist() == [["post-2", "post-1", "same cleaned text"]]
    assert corpus.syndicated.values.tolist() == [
        ["post-1", "Morning Post", "ledger-1", "Daily Ledger"],
        ["herald-1", "City Herald", "ledger-1", "Daily Ledger"],
    ]


def test_corpus_command_lists_syndicated_copy(tmp_path):
    result = CliRunner().invoke(app, ["corpus", str(_corpus(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "3 records (3 articles, 0 headlines); 1 duplicate merged; " \
           "2 records kept with the same text as another outlet's (syndicated copy);" in " ".join(result.output.split())
    assert "syndicated copy: the same text under another outlet" in result.output
