"""Throughput of actor portrayal: mentions scored per second, by the lexicon model and the encoder model.

    python benchmarks/actors.py [--articles N] [--seed N]

Prints one JSON object: for each method (``lexicon``, and ``encoder`` where ``framing[encoder]`` is
installed), ``mentions``, ``seconds`` and ``mentions_per_s`` of ``framing.actors`` on one process over a
synthetic corpus (``synthetic.py``) with an actors file naming its outlets' recurring actors, plus
``ratio``: the encoder model's throughput over the lexicon model's, the price of reading the context. Both
run the same records, one after the other; run it alone on the machine for figures to quote.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
import synthetic

ACTORS = {"China": ["Beijing", "中国", "北京", "Kina"], "United States": ["US", "Washington", "美国", "USA"],
          "European Union": ["EU", "Brussels", "欧盟"], "Japan": ["Tokyo"], "India": ["New Delhi"]}


def main() -> None:
    import framing

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    records = pd.DataFrame(list(synthetic.articles(args.articles, seed=args.seed)))
    found = {}
    for method, use_encoder in (("lexicon", False), ("encoder", True)):
        if use_encoder:
            from framing.portrayal.target import encoder_available

            if not encoder_available():
                continue
        started = time.perf_counter()
        result = framing.actors(records, actors=ACTORS, use_encoder=use_encoder, n_boot=200)
        seconds = time.perf_counter() - started
        found[method] = {"mentions": len(result.mentions), "seconds": round(seconds, 2),
                         "mentions_per_s": round(len(result.mentions) / seconds, 1)}
    if "encoder" in found:
        found["ratio"] = round(found["encoder"]["mentions_per_s"] / found["lexicon"]["mentions_per_s"], 3)
    print(json.dumps(found, indent=1))


if __name__ == "__main__":
    main()
