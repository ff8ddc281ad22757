"""Throughput of the optional sentence encoder (``framing[encoder]``) against batched encoding.

    python benchmarks/encoder.py [--sentences N] [--seed N]

Prints one JSON object:

- ``framing_per_s``: ``SentenceEncoder.transform``, which encodes each sentence on its own, so that its
  vector is the same to the byte whatever else is in the file (the chunking, the worker count);
- ``padded_per_s``: the straightforward way, padded batches of 64 through the same model and pooling;
- ``ratio``: framing's throughput over the padded batches', the price of byte-identical outputs;
- ``padded_rows_differing``: how many sentences get different bytes in a padded batch than alone (why
  framing does not pad), and ``max_abs_difference`` between the two;
- ``cached_per_s``: a second pass over the same sentences, as cross-validation makes, served from memory.

The sentences are distinct ones from the synthetic benchmark corpus (``synthetic.py``); both sides take turns on slices
of 100 sentences, so that other work on the machine slows them alike.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import synthetic

SLICE = 100
BATCH = 64


def batched(texts: list[str], layers: tuple[int, ...]) -> np.ndarray:
    """Encode ``texts`` in padded batches of ``BATCH``: mean token vectors at ``layers``, as framing pools them."""
    import torch

    from framing.detection.encoder import MAX_TOKENS, _model

    tokenizer, model = _model("minilm")
    rows = []
    for start in range(0, len(texts), BATCH):
        batch = tokenizer(texts[start:start + BATCH], padding=True, truncation=True, max_length=MAX_TOKENS,
                          return_tensors="pt")
        with torch.inference_mode():
            hidden = model(**batch).hidden_states
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden[0].dtype)
        rows.append(torch.cat([(hidden[layer] * mask).sum(dim=1) / mask.sum(dim=1) for layer in layers], dim=1))
    return torch.cat(rows).numpy().astype(np.float32)


def main() -> None:
    from framing.detection.encoder import SentenceEncoder, _cache, _model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = list(dict.fromkeys(synthetic._sentence(rng) for _ in range(args.sentences * 4)))[:args.sentences]
    encoder = SentenceEncoder("minilm")
    _model("minilm")  # load once, outside the timings
    layers = tuple(encoder.layers)
    ours, together, timing = [], [], {"ours": 0.0, "padded": 0.0}
    for start in range(0, len(texts), SLICE):
        part = texts[start:start + SLICE]
        began = time.perf_counter()
        ours.append(encoder.transform(part))
        timing["ours"] += time.perf_counter() - began
        began = time.perf_counter()
        together.append(batched(part, layers))
        timing["padded"] += time.perf_counter() - began
    ours, together = np.vstack(ours), np.vstack(together)
    began = time.perf_counter()
    again = encoder.transform(texts)
    cached = time.perf_counter() - began
    assert again.tobytes() == ours.tobytes()
    print(json.dumps({
        "sentences": len(texts), "seed": args.seed,
        "framing_per_s": round(len(texts) / timing["ours"], 1),
        "padded_per_s": round(len(texts) / timing["padded"], 1),
        "ratio": round(timing["padded"] / timing["ours"], 3),
        "padded_rows_differing": int(sum(a.tobytes() != b.tobytes() for a, b in zip(ours, together))),
        "max_abs_difference": float(np.abs(ours - together).max()),
        "cached_per_s": round(len(texts) / cached, 1),
        "cache_rows": len(_cache("minilm", layers)),
    }, indent=2))


if __name__ == "__main__":
    main()
