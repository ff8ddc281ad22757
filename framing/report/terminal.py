"""Terminal views (rich): highlighted text and headline diffs."""

from __future__ import annotations

import json

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    import pandas as pd

DIFF_STYLES = {"insert": "bold green", "replace": "bold yellow", "delete": "strike red", "equal": ""}


def diff_text(ops: list[dict]) -> Text:
    """Return the variant side of a word diff, added words in green and swapped words in yellow."""
    text = Text()
    for op in ops:
        if op["op"] == "delete":
            text.append(f"[-{op['base']}-] ", style=DIFF_STYLES["delete"])
        elif op["op"] == "replace":
            text.append(f"{op['variant']}", style=DIFF_STYLES["replace"])
            text.append(f" (for “{op['base']}”) ", style="dim")
        else:
            text.append(op["variant"] + " ", style=DIFF_STYLES[op["op"]])
    return text


def print_headline_pairs(console: Console, pairs: pd.DataFrame) -> None:
    """Print each aligned headline pair: both headlines, the diff, and the loaded terms the variant adds."""
    if pairs.empty:
        console.print("No headline pairs above the threshold.")
        return
    for pair in pairs.to_dict(orient="records"):
        console.rule(f"{pair['variant_outlet']} vs {pair['base_outlet']}  (similarity {pair['similarity']:.2f})")
        console.print(Text(f"{pair['base_outlet']}: ", style="bold") + Text(pair["base_headline"]))
        console.print(Text(f"{pair['variant_outlet']}: ", style="bold") + Text(pair["variant_headline"]))
        console.print(Text("diff: ", style="bold") + diff_text(json.loads(pair["diff"])))
        for term in json.loads(pair["added_loaded_terms"]):
            console.print(Text("  + ") + Text(term["term"], style="bold")
                          + Text(f" ({term['category']}): {term['explanation']}"), highlight=False)
        console.print(f"  loaded score {pair['base_loaded_score']:.2f} -> {pair['variant_loaded_score']:.2f}",
                      highlight=False)
