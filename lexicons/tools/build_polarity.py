"""Build lexicons/polarity/en.yaml and sv.yaml from the VADER lexicons shipped on PyPI (both MIT).

English comes from ``vaderSentiment`` (already a dependency of framing). Swedish comes from
``vaderSentiment-swedish`` 1.0.3, a Swedish translation of the same lexicon; it is not a dependency, so
download its source once and pass the path of its ``vader_lexicon.txt``::

    pip download --no-deps --no-binary :all: -d /tmp/vs vadersentiment-swedish==1.0.3
    tar -xzf /tmp/vs/vaderSentiment-swedish-1.0.3.tar.gz -C /tmp/vs
    python lexicons/tools/build_polarity.py --swedish /tmp/vs/vaderSentiment-swedish-1.0.3/vaderSentiment/vader_lexicon.txt

The method, the same for both languages:

1. keep single words (letters, with inner hyphens or apostrophes), dropping emoticons and abbreviations;
2. keep words whose mean rating is at least 0.5 away from neutral on VADER's -4..+4 scale;
3. drop VADER's own negators and boosters (``not``, ``very``...): they are modifiers, not tone words;
4. for Swedish, find the English word each entry translates: the Swedish file keeps the English entry's
   mean, standard deviation and ten raw ratings, so an entry whose three columns match exactly one
   English entry gets that word as its gloss; entries with no single match, and entries spelled like
   their English source (untranslated leftovers such as "lol"), are dropped;
5. group words by Snowball stem (matching is on stems), drop a group whose words disagree in sign, and
   keep the shortest word of each group with its own rating;
6. weight = |rating| / 4, rounded to two decimals.

The output is deterministic: entries sorted by category, then term.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

import snowballstemmer
import vaderSentiment
import yaml
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE

ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"[^\W\d_]{2,}(?:[-' ][^\W\d_]+)*")
MIN_RATING = 0.5


def read_vader(path: Path) -> dict[str, tuple[str, str, str]]:
    """Return ``{token: (mean, standard deviation, raw ratings)}`` from a VADER lexicon file (first wins)."""
    rows: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            rows.setdefault(unicodedata.normalize("NFC", parts[0].strip().lower()), tuple(parts[1:4]))
    return rows


def english_sources(swedish: dict, english: dict) -> dict[str, str]:
    """Return ``{swedish word: the English word it translates}`` where exactly one English row matches."""
    by_columns: dict[tuple[str, str, str], list[str]] = {}
    for word, columns in english.items():
        by_columns.setdefault(columns, []).append(word)
    sources = {}
    for word, columns in swedish.items():
        candidates = by_columns.get(columns, [])
        if len(candidates) == 1 and candidates[0] != word:
            sources[word] = candidates[0]
    return sources


def select(rows: dict[str, tuple], *, stemmer: str, exclude: set[str]) -> dict[str, float]:
    """Return the kept ``{word: rating}`` after steps 1, 2, 3 and 5 of the method."""
    stem = snowballstemmer.stemmer(stemmer).stemWord
    groups: dict[str, list[tuple[str, float]]] = {}
    for word, columns in rows.items():
        rating = float(columns[0])
        if _WORD.fullmatch(word) and abs(rating) >= MIN_RATING and word not in exclude:
            groups.setdefault(stem(word), []).append((word, rating))
    kept: dict[str, float] = {}
    for members in groups.values():
        if len({rating > 0 for _, rating in members}) > 1:
            continue
        word, rating = min(members, key=lambda member: (len(member[0]), member[0]))
        kept[word] = rating
    return kept


def to_lexicon(
    kept: dict[str, float], *, lang: str, title: str, source: str, license: str, glosses: dict[str, str] | None
) -> dict:
    """Return the lexicon document for ``kept`` ratings, with ``glosses`` (English sources) outside English."""
    entries = []
    for word, rating in sorted(kept.items(), key=lambda item: (item[1] < 0, item[0])):
        category = "positive" if rating > 0 else "negative"
        rated = "it" if glosses is None else f"the English {glosses[word]!r}"
        entry = {
            "term": word,
            "category": category,
            "weight": round(min(abs(rating) / 4, 1.0), 2),
            "explanation": f"VADER's raters scored {rated} {rating:+.1f} on a scale from -4 to +4, "
            f"so it counts as {category}.",
        }
        if glosses is not None:
            entry["gloss"] = glosses[word]
        entries.append(entry)
    entries.sort(key=lambda entry: (entry["category"] != "positive", entry["term"]))
    return {
        "family": "polarity",
        "language": lang,
        "title": title,
        "source": source,
        "license": license,
        "categories": {
            "positive": "Words with a positive tone (VADER mean rating of +0.5 or more).",
            "negative": "Words with a negative tone (VADER mean rating of -0.5 or less).",
        },
        "entries": entries,
    }


def write(document: dict, path: Path) -> None:
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swedish", type=Path, help="vader_lexicon.txt of vaderSentiment-swedish 1.0.3")
    args = parser.parse_args()
    modifiers = {word.lower() for word in NEGATE} | {word.lower() for word in BOOSTER_DICT}
    english = read_vader(Path(vaderSentiment.__file__).parent / "vader_lexicon.txt")
    method = (
        "single words kept whose mean rating is at least 0.5 from neutral; negators and boosters dropped; "
        "words grouped by Snowball stem, groups that disagree in sign dropped, the shortest word of each group "
        "kept with its rating; weight = |rating| / 4. Generated by lexicons/tools/build_polarity.py; "
        "do not edit by hand."
    )
    (ROOT / "polarity").mkdir(exist_ok=True)
    write(
        to_lexicon(
            select(english, stemmer="english", exclude=modifiers),
            lang="en",
            title="Positive and negative words in English, from the VADER lexicon",
            source="Derived from the VADER sentiment lexicon (vader_lexicon.txt) in the vaderSentiment 3.3.2 "
            "package on PyPI (C.J. Hutto, MIT license): " + method,
            license="MIT (VADER, Copyright (c) 2016 C.J. Hutto); the selection is MIT as part of framing.",
            glosses=None,
        ),
        ROOT / "polarity" / "en.yaml",
    )
    if args.swedish is not None:
        swedish = read_vader(args.swedish)
        sources = english_sources(swedish, english)
        translated = {word: columns for word, columns in swedish.items() if word in sources}
        write(
            to_lexicon(
                select(translated, stemmer="swedish", exclude=modifiers),
                lang="sv",
                title="Positive and negative words in Swedish, from the Swedish translation of VADER",
                source="Derived from vader_lexicon.txt in the vaderSentiment-swedish 1.0.3 package on PyPI "
                "(a Swedish translation of the VADER lexicon by Alex Gustafsson, MIT license). Each Swedish "
                "entry was linked to the English entry it translates by its identical rating columns (the "
                "English word is the gloss); entries without one such link, or left untranslated, were "
                "dropped. Then: " + method,
                license="MIT (VADER, Copyright (c) 2016 C.J. Hutto; Swedish translation in "
                "vaderSentiment-swedish); the selection is MIT as part of framing.",
                glosses=sources,
            ),
            ROOT / "polarity" / "sv.yaml",
        )


if __name__ == "__main__":
    main()
