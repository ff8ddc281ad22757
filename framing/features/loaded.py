"""Loaded wording: lexicon matches, typographic cues and word ratings, each explainable, in a 0–1 score.

The score is a noisy-or of the weights of the matched terms, cues and rated words: ``1 - prod(1 - w)``.
One strong term ("deal with the devil", 0.9) makes a sentence clearly loaded; several weak ones add up
without ever passing 1; a sentence with none scores 0.

Scoring and highlighting are apart: every signal raises the score, but only those weighing at least
``HIGHLIGHT_MIN`` (0.5) are listed in ``loaded_terms``, so plain reporting words of crime, war, law and
risk ("criminal", "threat", weighted low in the word list) and weak word ratings ("help", "safety") nudge
the score without being shown to readers as loaded. In English a highlight covers its loaded phrase: a
loaded modifier takes in the rest of its noun phrase and a loaded noun its modifiers (pattern's chunker,
as shipped with TextBlob).

Words the lexicon lacks are rated from data TextBlob and VADER already ship (English only): VADER's
valence of each word (-4 to 4) and the subjectivity of adjectives in TextBlob's pattern lexicon. The
parameters, set once by hand and kept few on purpose:

- ``STRONG_VALENCE``: VADER valence magnitude from which a word counts as strongly emotional (1.5).
- ``VALENCE_SCALE``: weight per unit of ``|valence| / 4``, for adjectives and adverbs (0.5), which judge,
  and for other words (0.2), which often name events ("killed", "war") rather than judge them.
- ``SUBJECTIVE_MIN`` and ``SUBJECTIVE_SCALE``: an adjective at least this subjective (0.5) weighs
  ``0.2 * subjectivity``.
- ``INTENSIFIER_BOOST`` (0.2): one of VADER's intensifiers just before a rated word ("utterly") joins its
  highlight and raises its weight by noisy-or; ``NEGATED_FACTOR`` (0.5): a rated word within three words
  after a negation ("not brutal") keeps half its weight.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from framing.features.matching import Match
from framing.languages import get_language, known_languages
from framing.text import token_spans

LABEL_MAX_WORDS = 6
# Capitals, exclamation marks and other tricks of headline form are a family of their own
# (framing.features.headline_cues): they sell a click whatever the story, where these cues judge it.
CUE_WEIGHTS = {"headline_label": 0.35, "scare_quotes": 0.4}
CUE_EXPLANATIONS = {
    "headline_label": "A short label before the colon tells readers what to think of the story before they read it.",
    "scare_quotes": "Quotation marks around a single word or two, with no one quoted, signal that the writer doubts it.",
}
# How readers and students see each category of loaded wording (lexicon categories and cues).
CATEGORY_LABELS = {
    "metaphor_idiom": "metaphor or idiom",
    "moral_religious": "moral or religious word",
    "name_calling": "name-calling",
    "informal_title": "informal title",
    "hyperbole": "exaggeration",
    "fear": "fear word",
    "evaluative": "judging word",
    "headline_label": "label before the colon",
    "exclamation": "exclamation mark",
    "all_caps": "capital letters",
    "question": "question",
    "trick_label": "label that tells you what to feel",
    "curiosity_gap": "curiosity gap",
    "second_person": "speaks to you",
    "listicle": "list headline",
    "superlative": "superlative",
    "strong_sentiment": "emotional word",
    "subjective": "opinion word",
    "scare_quotes": "scare quotes",
}
_COLON = re.compile(r"^(?P<label>[^:：]{1,80})[:：]\s*\S")
_QUOTED = re.compile(r"[“\"«„「『](?P<inner>[^“”\"«»„「」『』]{1,40})[”\"»“」』]")


@lru_cache(maxsize=1)
def genre_labels() -> frozenset[str]:
    """Return the genre labels of every language ("Analysis:", "Debatt:"): they precede a headline's colon
    without judging the story, and headlines quote labels across languages."""
    return frozenset().union(*(get_language(code).genre_labels for code in known_languages()))


@lru_cache(maxsize=1)
def _attribution_near_quote() -> re.Pattern[str]:
    """Return a pattern for a word of attribution in any language: a quotation beside it is someone's words."""
    spaced, unspaced = set(), set()
    for code in known_languages():
        language = get_language(code)
        (spaced if language.spaced else unspaced).update(language.speech_words)
    alternatives = [rf"\b(?:{'|'.join(map(re.escape, sorted(spaced)))})\b"] if spaced else []
    alternatives += [re.escape(word) for word in sorted(unspaced, key=len, reverse=True)]
    return re.compile("|".join(alternatives) or "(?!)", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """A loaded-language signal that is not a word-list entry: typography and headline form."""

    name: str
    surface: str
    start: int
    end: int

    def as_dict(self) -> dict:
        """Return the cue as plain data in the same shape as a lexicon match."""
        return {"term": self.surface, "category": self.name, "weight": CUE_WEIGHTS[self.name],
                "explanation": CUE_EXPLANATIONS[self.name]}


def cues(text: str, *, is_headline: bool) -> list[Cue]:
    """Return the cues of loaded wording in ``text`` that are not words: a judging label, scare quotes."""
    found: list[Cue] = []
    label = _COLON.match(text)
    if is_headline and label and _is_loaded_label(label.group("label")):
        found.append(Cue("headline_label", label.group("label").strip() + ":", 0, label.end("label") + 1))
    if not _attribution_near_quote().search(text):
        for m in _QUOTED.finditer(text):
            inner = m.group("inner").strip()
            if inner and len(inner.split()) <= 3 and m.start() > 0:
                found.append(Cue("scare_quotes", m.group(), m.start(), m.end()))
    return found


def _is_loaded_label(label: str) -> bool:
    label = label.strip()
    words = label.split()
    return 0 < len(words) <= LABEL_MAX_WORDS and label.casefold() not in genre_labels() and not label.isupper()


@dataclass(frozen=True)
class Term:
    """A highlighted signal of loaded wording, with its character span, from matching to output.

    ``term`` is ``text[start:end]``: the loaded phrase as written. ``data`` is what the signal says of itself
    (category, weight, explanation, and a lexicon entry's lemma and gloss, or a rating's flags).
    """

    term: str
    start: int
    end: int
    data: tuple[tuple[str, object], ...]

    @property
    def category(self) -> str:
        return dict(self.data)["category"]

    @property
    def source(self) -> str:
        """Return where the signal comes from: ``word list``, ``rating`` (VADER, TextBlob) or ``cue``."""
        data = dict(self.data)
        return "cue" if data["category"] in CUE_WEIGHTS else "word list" if "lemma" in data else "rating"

    def as_dict(self) -> dict:
        """Return the term as plain data for JSON output: ``term``, what it says of itself, ``start``, ``end``."""
        return {"term": self.term, **dict(self.data), "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict) -> Term:
        """Return the term that :meth:`as_dict` wrote."""
        rest = {key: value for key, value in data.items() if key not in ("term", "start", "end")}
        return cls(data["term"], data["start"], data["end"], tuple(rest.items()))


def loaded_terms(text: str, matches: list[Match], *, lang: str, is_headline: bool,
                 rated: list[RatedWord] | None = None, found_cues: list[Cue] | None = None) -> list[Term]:
    """Return the highlights of ``text``: its signals weighing at least ``HIGHLIGHT_MIN``, each widened to
    its phrase, then the cues; ``rated`` and ``found_cues`` are computed when not given."""
    if rated is None:
        rated = rated_words(text, lang=lang, taken=[(m.start, m.end) for m in matches])
    if found_cues is None:
        found_cues = cues(text, is_headline=is_headline)
    listed = sorted([m for m in matches if m.weight >= HIGHLIGHT_MIN] + [w for w in rated if w.weight >= HIGHLIGHT_MIN],
                    key=lambda found: found.start)
    spans = phrase_spans(text, [(found.start, found.end) for found in listed], lang=lang)
    terms = [_term(text, found.as_dict(), start, end) for found, (start, end) in zip(listed, spans)]
    terms += [_term(text, c.as_dict(), c.start, c.end) for c in found_cues if CUE_WEIGHTS[c.name] >= HIGHLIGHT_MIN]
    return terms


def _term(text: str, data: dict, start: int, end: int) -> Term:
    return Term(text[start:end], start, end, tuple((key, value) for key, value in data.items() if key != "term"))


def decode_terms(value: str) -> list[Term]:
    """Return the terms of a ``loaded_terms`` cell (the JSON that :func:`loaded_columns` writes)."""
    return [Term.from_dict(data) for data in json.loads(value)]


def loaded_columns(text: str, matches: list[Match], *, lang: str, is_headline: bool) -> dict:
    """Return ``loaded_score`` and ``loaded_terms`` (JSON of :class:`Term`) of ``text`` from its lexicon ``matches``.

    Every signal counts towards the score; only those weighing at least ``HIGHLIGHT_MIN`` are listed.
    """
    found_cues = cues(text, is_headline=is_headline)
    rated = rated_words(text, lang=lang, taken=[(m.start, m.end) for m in matches])
    terms = loaded_terms(text, matches, lang=lang, is_headline=is_headline, rated=rated, found_cues=found_cues)
    return {"loaded_score": loaded_score(matches, found_cues, rated),
            "loaded_terms": json.dumps([term.as_dict() for term in terms], ensure_ascii=False)}


def weak_signals(text: str, matches: list[Match], *, lang: str, is_headline: bool) -> list[dict]:
    """Return the signals of ``text`` that raise ``loaded_score`` without being highlighted (weight below
    ``HIGHLIGHT_MIN``), as plain data with their character spans, in reading order."""
    rated = rated_words(text, lang=lang, taken=[(m.start, m.end) for m in matches])
    found = [m.as_dict() | {"term": m.surface, "start": m.start, "end": m.end} for m in matches
             if m.weight < HIGHLIGHT_MIN]
    found += [w.as_dict() | {"start": w.start, "end": w.end} for w in rated if w.weight < HIGHLIGHT_MIN]
    found += [c.as_dict() | {"start": c.start, "end": c.end} for c in cues(text, is_headline=is_headline)
              if CUE_WEIGHTS[c.name] < HIGHLIGHT_MIN]
    return sorted(found, key=lambda signal: (signal["start"], -signal["end"]))


def phrase_spans(text: str, spans: list[tuple[int, int]], *, lang: str) -> list[tuple[int, int]]:
    """Return each of the sorted, disjoint ``spans`` widened to the loaded phrase it belongs to.

    A highlight takes in the rest of its chunk, the phrase a reader takes in at once: a loaded modifier its
    noun ("corrupt" -> "corrupt officials"), a loaded noun its modifiers ("boss" -> "ChatGPT boss"), a
    loaded verb its auxiliaries and adverbs. Leading function words ("the", "their") stay out, a loaded
    noun does not take in the name after it ("boss" in "ChatGPT boss Sam Altman"), and a phrase stops at a
    colon, bracket or dash and never runs into the next highlighted span. Languages without a chunker keep their spans.
    """
    if not get_language(lang).has("phrase_chunks") or not spans:
        return list(spans)
    from framing.languages.en import pattern_parser

    parser = pattern_parser()
    tokens = token_spans(text, lang=lang)
    parsed = [word for sentence in parser.parse(" ".join(tok for tok, _, _ in tokens), chunks=True,
                                                relations=False, lemmata=False, tokenize=False).split()
              for word in sentence]
    if len(parsed) != len(tokens):
        return list(spans)
    tags, chunks = [word[1] for word in parsed], [word[2] for word in parsed]
    widened = []
    for n, (start, end) in enumerate(spans):
        inside = [k for k, (_, s, e) in enumerate(tokens) if start <= s and e <= end]
        if not inside:
            widened.append((start, end))
            continue
        first, last = inside[0], inside[-1]
        low = spans[n - 1][1] if n else -1
        high = spans[n + 1][0] if n + 1 < len(spans) else len(text) + 1
        while (first > 0 and chunks[first].startswith("I-") and tokens[first - 1][1] >= low
               and _adjacent(text, tokens[first - 1], tokens[first])):
            first -= 1
        while first < inside[0] and tags[first].startswith(_FUNCTION_TAGS):
            first += 1
        while (last + 1 < len(tokens) and chunks[last + 1].startswith("I-") and tokens[last + 1][2] <= high
               and _adjacent(text, tokens[last], tokens[last + 1])
               and not (tags[last].startswith("NN") and tags[last + 1].startswith("NNP"))):
            last += 1
        widened.append((min(start, tokens[first][1]), max(end, tokens[last][2])))
    return widened


def _adjacent(text: str, left: tuple[str, int, int], right: tuple[str, int, int]) -> bool:
    """Return whether only spaces, commas, hyphens or quotes part two tokens: a colon or an em dash ends a phrase."""
    return not text[left[2]:right[1]].strip(" ,-'’\"“”‘")


def loaded_score(matches: list[Match], found_cues: list[Cue], rated: list[RatedWord] = ()) -> float:
    """Return the noisy-or of the weights of ``matches``, ``found_cues`` and ``rated`` words, in [0, 1]."""
    keep = 1.0
    for match in matches:
        keep *= 1.0 - match.weight
    for cue in found_cues:
        keep *= 1.0 - CUE_WEIGHTS[cue.name]
    for word in rated:
        keep *= 1.0 - word.weight
    return 1.0 - keep


HIGHLIGHT_MIN = 0.5
# Words that open a chunk without being part of what it says: "the", "their", "and".
_FUNCTION_TAGS = ("DT", "PDT", "PRP$", "WP$", "WDT", "CC", "POS", "IN", "TO")
STRONG_VALENCE = 1.5
VALENCE_SCALE = {"judging": 0.5, "other": 0.2}
SUBJECTIVE_MIN = 0.5
SUBJECTIVE_SCALE = 0.2
INTENSIFIER_BOOST = 0.2
NEGATED_FACTOR = 0.5
_JUDGING_TAGS = ("JJ", "RB")
# Names ("United", "Supreme" in a court's name) and function words ("like") are not wording choices.
_RATED_TAGS = ("JJ", "RB", "NN", "VB")


@dataclass(frozen=True)
class Signal:
    """A signal found in a text that is not a lexicon entry: its kind, the words as written, where, its
    weight and why it is a signal (a rated word here, a headline trick in :mod:`~framing.features.headline_cues`)."""

    category: str
    surface: str
    start: int
    end: int
    weight: float
    explanation: str

    def as_dict(self) -> dict:
        """Return the signal as plain data in the same shape as a lexicon match."""
        return {"term": self.surface, "category": self.category, "weight": self.weight,
                "explanation": self.explanation}


@dataclass(frozen=True)
class RatedWord(Signal):
    """A word the lexicon lacks that VADER rates as strongly emotional or TextBlob as subjective."""

    extra: dict = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict:
        """Return the rated word as plain data in the same shape as a lexicon match."""
        return super().as_dict() | {"weight": round(self.weight, 4), **self.extra}


@lru_cache(maxsize=1)
def _word_data() -> tuple[dict, dict, frozenset, frozenset, frozenset]:
    """Return VADER valences, TextBlob adjective subjectivities, intensifiers, negations and stop words."""
    from nltk.sentiment.vader import VaderConstants
    from textblob.en import sentiment as pattern_sentiment

    from framing.features.sentiment import vader

    pattern_sentiment.load()
    subjectivity = {word: senses["JJ"][1] for word, senses in pattern_sentiment.items() if "JJ" in senses}
    constants = VaderConstants()
    intensifiers = frozenset(w for w, v in constants.BOOSTER_DICT.items() if v > 0 and " " not in w)
    return (vader().lexicon, subjectivity, intensifiers, frozenset(constants.NEGATE), english_stop_words())


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """Return scikit-learn's English stop words, from the copy shipped in ``framing/features/data``."""
    from importlib import resources

    lines = resources.files("framing.features").joinpath("data", "english_stop_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in lines.splitlines() if line and not line.startswith("#"))


def rated_words(text: str, *, lang: str, taken: list[tuple[int, int]] = ()) -> list[RatedWord]:
    """Return the words of ``text`` that VADER or TextBlob rate as loaded, outside the ``taken`` spans.

    Only languages with the ``rated_words`` capability (English) have the rating data; others return [].
    A word in the reach of one of VADER's negations (the language's negation rules) keeps half its weight.
    """
    language = get_language(lang)
    if not language.has("rated_words"):
        return []
    from framing.languages.en import pattern_parser

    parser = pattern_parser()
    valence, subjectivity, intensifiers, _negations, stop_words = _word_data()
    spans = token_spans(text, lang=lang)
    words = [tok.casefold().replace("’", "'") for tok, _, _ in spans]
    negated = _vader_negators(lang).scope(text, [(s, e) for _, s, e in spans], [language.key(w) for w in words])
    tags = [tag for _, tag in parser.find_tags([tok for tok, _, _ in spans])] if spans else []
    found = []
    for i, (word, (_, start, end)) in enumerate(zip(words, spans)):
        if word in stop_words or not word[0].isalpha() or any(s < end and start < e for s, e in taken):
            continue
        if not tags[i].startswith(_RATED_TAGS) or tags[i].startswith("NNP"):
            continue
        judging = tags[i].startswith(_JUDGING_TAGS)
        rating = _rating(word, judging, valence, subjectivity)
        if rating is None:
            continue
        category, weight, reason = rating
        extra = {}
        if i in negated:
            weight *= NEGATED_FACTOR
            extra["negated"] = True
        if i > 0 and words[i - 1] in intensifiers:
            weight = 1.0 - (1.0 - weight) * (1.0 - INTENSIFIER_BOOST)
            start = spans[i - 1][1]
            extra["intensified"] = True
        found.append(RatedWord(category, text[start:end], start, end, weight, reason, extra))
    return found


@lru_cache(maxsize=None)
def _vader_negators(lang: str):
    """Return VADER's negations ("not", "never", "without") under the language's negation rules."""
    return get_language(lang).negators(tuple(sorted(_word_data()[3])))


def _rating(word: str, judging: bool, valence: dict, subjectivity: dict) -> tuple[str, float, str] | None:
    """Return ``(category, weight, explanation)`` for one word, or None when neither source rates it."""
    value = valence.get(word, 0.0)
    if abs(value) >= STRONG_VALENCE:
        scale = VALENCE_SCALE["judging" if judging else "other"]
        tone = "negative" if value < 0 else "positive"
        return ("strong_sentiment", scale * abs(value) / 4.0,
                f"VADER's lexicon rates '{word}' {value:+.1f} on a -4 to +4 scale: strongly {tone} wording.")
    score = subjectivity.get(word, 0.0) if judging else 0.0
    if score >= SUBJECTIVE_MIN:
        return ("subjective", SUBJECTIVE_SCALE * score,
                f"TextBlob's pattern lexicon rates the adjective '{word}' {score:.1f} subjective (0 to 1): "
                "an opinion rather than a fact.")
    return None


def category_label(category: str) -> str:
    """Return a category as readers write it: ``metaphor_idiom`` -> ``metaphor or idiom``."""
    return CATEGORY_LABELS.get(category, category.replace("_", " "))
