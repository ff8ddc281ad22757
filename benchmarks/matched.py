"""A deterministic synthetic corpus of matched coverage: many outlets reporting the same local-politics stories.

    python benchmarks/matched.py OUT_DIR [--outlets 30] [--stories 45] [--seed 0]

writes ``OUT_DIR/news.jsonl`` (one article a line, in the corpus schema) and ``OUT_DIR/lean.csv`` (``outlet,group``:
left, centre or right). Unlike the seed corpus it is one language, one topic (city housing, transit, strikes,
budgets), tens of outlets and three years of dates: each story happens on one day between January 2022 and
December 2024 and is covered, within three days, by a random subset of the outlets (8 to 28 of them, one
article each), so the corpus has the matched-coverage design of ``framing compare --within story``.

What is planted, so that a reader of the outputs can check them: an outlet's chance of a loaded phrase in a
sentence grows with its lean's distance from the centre and with the outlet's own number; the right-leaning
outlets' loaded wording grows over the three years; some stories are conflicts (strikes, protests), others
are not, so stories differ more than outlets do. A few articles have no date, or a date given to the month
only. The sentences come from templates written for this benchmark; no real article is copied.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from collections.abc import Iterator
from pathlib import Path

#: Thirty fictitious outlets (names of different lengths, as on a real media-bias chart).
OUTLETS = (
    "Daily Ledger", "Harbor Times", "Metro Wire", "Civic Post", "North Star News", "Coastal Herald",
    "The Evening Standard-Bearer", "Riverside Gazette", "Capitol Courier", "Valley Voice", "Prairie Dispatch",
    "The Morning Bulletin", "Summit Observer", "Lakeside Tribune", "Union Street Journal", "Granite Press",
    "The Independent Monitor", "Bayfront Review", "Ironwood Reporter", "Old Town Chronicle", "Westgate Record",
    "Beacon", "Free Citizen", "The People's Paper", "Hilltop Sentinel", "Market Square Times",
    "Northern Inquirer", "Southside Signal", "Crossroads Daily", "The Plain Dealer of Eastbrook",
)
LEANS = ("left", "centre", "right")
PLACES = ("Eastbrook", "Millford", "Port Ashby", "Greenvale", "Kingsbridge", "Oakhurst")
OFFICIALS = ("the mayor", "a council member", "the transit chief", "a union leader", "the housing minister",
             "a landlords' association spokesperson", "the city treasurer", "an opposition councillor")
TOPICS = {
    "housing": ("rent controls", "new housing", "evictions", "zoning rules"),
    "transit": ("bus fares", "the tram extension", "road tolls", "cycle lanes"),
    "strike": ("the bus drivers' strike", "pay for nurses", "the dock workers' contract", "school staff pay"),
    "budget": ("the city budget", "property taxes", "library funding", "the stadium subsidy"),
    "protest": ("the park closure", "police funding", "the airport expansion", "the incinerator plan"),
}
CONFLICT = {"strike", "protest"}
NEUTRAL = (
    "{official} said the plan for {topic} in {place} would be reviewed by the council next month.",
    "The proposal on {topic} was published on {day} and is open for comment until the end of the month.",
    "According to figures released by the city, spending on {topic} rose by {pct} percent last year.",
    "\"We will look at every option,\" {official} told reporters on {day}.",
    "Residents of {place} were invited to a public meeting on {topic}.",
    "{official} did not respond to a request for comment.",
    "The council is expected to vote on {topic} before the summer recess.",
    "A report by the city auditor found that {topic} cost {pct} million more than planned.",
)
CONFLICT_SENTENCES = (
    "Hundreds gathered outside city hall in {place} to protest against {topic}.",
    "{official} warned that the dispute over {topic} could last for weeks.",
    "Talks on {topic} broke down on {day} after negotiators failed to agree.",
    "Police said two people were arrested during the demonstration over {topic}.",
)
LOADED = (
    "Critics called the plan for {topic} {phrase}.", "{official} dismissed the talks on {topic} as {phrase}.",
    "The vote on {topic} is {phrase}, opponents said.", "Observers described {topic} as {phrase}.",
)
PHRASES = ("a witch hunt", "a cash grab", "smoke and mirrors", "a house of cards", "a money pit",
           "a white elephant", "a slippery slope", "pie in the sky", "a political football", "lip service",
           "a smokescreen", "window dressing", "a race to the bottom", "snake oil")
HEADLINES = (
    "{place} council moves on {topic}", "What the vote on {topic} means for {place}",
    "{official} under pressure over {topic}", "{place} residents split over {topic}",
)
LOADED_HEADLINES = ("Chaos in {place} as {topic} turns into {phrase}", "{place}'s {topic}: {phrase}")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
FIRST_DAY = datetime.date(2022, 1, 3)
SPAN_DAYS = 1090


def lean_of(index: int) -> str:
    """The lean of outlet ``index``: left, centre and right in turn."""
    return LEANS[index % 3]


def stories(n: int, *, rng: random.Random) -> list[dict]:
    """``n`` stories, each with a key, a kind, a topic, a place and a day, sorted by day."""
    found = []
    for index in range(n):
        kind = rng.choice(sorted(TOPICS))
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS))
        found.append({"story": f"{kind}-{index:02d}", "kind": kind, "topic": rng.choice(TOPICS[kind]),
                      "place": rng.choice(PLACES), "day": day})
    return sorted(found, key=lambda s: (s["day"], s["story"]))


def _fill(template: str, story: dict, rng: random.Random) -> str:
    text = template.format(official=rng.choice(OFFICIALS), topic=story["topic"], place=story["place"],
                           day=rng.choice(DAYS), pct=rng.randint(2, 40), phrase=rng.choice(PHRASES))
    return text[0].upper() + text[1:]


def loaded_chance(outlet: int, story: dict) -> float:
    """The planted chance that a sentence of ``outlet`` on ``story`` carries a loaded phrase."""
    lean = lean_of(outlet)
    base = {"left": 0.10, "centre": 0.03, "right": 0.14}[lean] + 0.004 * outlet
    years = (story["day"] - FIRST_DAY).days / 365.0
    trend = 0.05 * years if lean == "right" else 0.0
    conflict = 0.08 if story["kind"] in CONFLICT else 0.0
    return min(0.9, base + trend + conflict)


def article(outlet: int, story: dict, *, rng: random.Random) -> dict:
    """One outlet's article on ``story``: a headline and 6 to 14 sentences in paragraphs of three."""
    chance = loaded_chance(outlet, story)
    body = []
    for _ in range(rng.randint(6, 14)):
        if rng.random() < chance:
            template = rng.choice(LOADED)
        elif story["kind"] in CONFLICT and rng.random() < 0.4:
            template = rng.choice(CONFLICT_SENTENCES)
        else:
            template = rng.choice(NEUTRAL)
        body.append(_fill(template, story, rng))
    heads = LOADED_HEADLINES if rng.random() < chance else HEADLINES
    day = story["day"] + datetime.timedelta(days=rng.randrange(4))
    published = day.isoformat()
    roll = rng.random()
    if roll < 0.02:
        published = ""
    elif roll < 0.04:
        published = day.isoformat()[:7]
    return {"id": f"{story['story']}-{outlet:02d}", "outlet": OUTLETS[outlet], "language": "en", "kind": "article",
            "story": story["story"], "published": published, "title": _fill(rng.choice(heads), story, rng),
            "text": "\n\n".join(" ".join(body[i:i + 3]) for i in range(0, len(body), 3))}


def articles(*, outlets: int = 30, n_stories: int = 45, seed: int = 0) -> Iterator[dict]:
    """Yield the corpus's articles, story by story, each story covered by 8 to 28 of the ``outlets``."""
    rng = random.Random(seed)
    for story in stories(n_stories, rng=rng):
        covering = sorted(rng.sample(range(outlets), rng.randint(min(8, outlets), min(28, outlets))))
        for outlet in covering:
            yield article(outlet, story, rng=rng)


def write_corpus(out_dir: str | Path, *, outlets: int = 30, n_stories: int = 45, seed: int = 0) -> tuple[Path, Path]:
    """Write ``news.jsonl`` and ``lean.csv`` into ``out_dir``; return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    corpus, groups = out_dir / "news.jsonl", out_dir / "lean.csv"
    with open(corpus, "w", encoding="utf-8") as handle:
        for record in articles(outlets=outlets, n_stories=n_stories, seed=seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    lines = ["outlet,group", *(f"{OUTLETS[k]},{lean_of(k)}" for k in range(outlets))]
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus, groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--outlets", type=int, default=30)
    parser.add_argument("--stories", type=int, default=45)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    corpus, groups = write_corpus(args.out_dir, outlets=args.outlets, n_stories=args.stories, seed=args.seed)
    with open(corpus, encoding="utf-8") as handle:
        n = sum(1 for _ in handle)
    print(json.dumps({"corpus": str(corpus), "groups": str(groups), "articles": n}))


if __name__ == "__main__":
    main()
