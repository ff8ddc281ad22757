"""A deterministic synthetic English news corpus for benchmarks, built from templates and word lists.

The word lists and templates below were written for the benchmark; they cover the frames and loaded
wording the toolkit measures so that every code path runs, without copying any real article.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

OUTLETS = ("Daily Ledger", "Harbor Times", "Metro Wire", "Civic Post", "North Star News", "Coastal Herald")
ACTORS = ("the United States", "China", "the European Union", "Japan", "the United Kingdom", "India", "Canada")
FIRMS = ("a chipmaker", "an AI start-up", "a cloud provider", "a telecom group", "a robotics firm", "a search company")
OFFICIALS = ("the commerce secretary", "a senior diplomat", "the trade minister", "an industry lobbyist",
             "the company's chief executive", "a White House spokesperson", "an opposition senator")
TOPICS = ("AI safety", "export controls", "semiconductor supply", "data privacy", "model evaluations",
          "cyber security", "open-source models", "compute governance")
VERBS = ("announced", "proposed", "criticised", "welcomed", "rejected", "defended", "questioned", "outlined")
ADJECTIVES = ("new", "sweeping", "modest", "controversial", "long-awaited", "unprecedented", "narrow", "bold")
LOADED = ("a reckless gamble", "a shameful betrayal", "a deal with the devil", "a brazen power grab",
          "a disastrous blunder", "a historic triumph", "an outrageous scheme", "a dangerous precedent")

TEMPLATES = (
    "{official} {verb} {adjective} rules on {topic} on {day}, according to people familiar with the matter.",
    "{actor} imposed {adjective} sanctions on {firm}, citing national security and surveillance concerns.",
    "Critics called the agreement {loaded}, while supporters said it would strengthen cooperation.",
    "\"We are open to dialogue with {actor} on {topic},\" {official} said in a statement.",
    "The talks reportedly focused on {topic} and on reducing the risk of an arms race in artificial intelligence.",
    "{actor} and {actor2} agreed to collaborate on standards for {topic}, officials said.",
    "Analysts warned that {adjective} restrictions could slow research and hurt {firm}.",
    "{official} {verb} the plan as {loaded}.",
    "Regulators will audit {firm} under the {adjective} governance framework for {topic}.",
    "The race for dominance in {topic} has intensified as {actor} tightens export controls.",
    "Researchers from {actor} and {actor2} met in Geneva to discuss {topic} and shared safety risks.",
    "{firm} did not respond to a request for comment.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _sentence(rng: random.Random) -> str:
    actor, actor2 = rng.sample(ACTORS, 2)
    sentence = rng.choice(TEMPLATES).format(
        official=rng.choice(OFFICIALS), verb=rng.choice(VERBS), adjective=rng.choice(ADJECTIVES),
        topic=rng.choice(TOPICS), day=rng.choice(DAYS), actor=actor, actor2=actor2, firm=rng.choice(FIRMS),
        loaded=rng.choice(LOADED))
    return sentence[0].upper() + sentence[1:]


def articles(n: int, *, seed: int = 0, sentences_per_article: tuple[int, int] = (8, 20)) -> Iterator[dict]:
    """Yield ``n`` synthetic English article records in the corpus schema, deterministically for ``seed``."""
    rng = random.Random(seed)
    for index in range(n):
        body = [_sentence(rng) for _ in range(rng.randint(*sentences_per_article))]
        paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        yield {"id": f"synthetic-{index:07d}", "outlet": rng.choice(OUTLETS), "language": "en", "kind": "article",
               "story": f"story-{rng.randint(1, 40):02d}", "published": f"2024-{rng.randint(1, 12):02d}-01",
               "title": _sentence(rng).rstrip("."), "text": "\n\n".join(paragraphs), "url": "", "source_path": ""}


def write_jsonl(path: Path, n: int, *, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles to ``path`` as JSON Lines and return the path."""
    with open(path, "w", encoding="utf-8") as handle:
        for record in articles(n, seed=seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
