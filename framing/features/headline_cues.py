"""Headline tricks: the forms that sell a click rather than tell the news, scored apart from loaded words.

A loaded word judges what it names; a headline trick works on the reader whatever the story: it shouts
(words in capitals, "!"), asks a question it does not answer, holds the news back ("You won't believe",
"This is why"), promises a list ("7 reasons"), talks to the reader ("you") or ranks the story above all
others ("best ever"). Each trick is found where it stands, with a one-sentence explanation, and the
``headline_cue_score`` is their noisy-or, ``1 - prod(1 - w)``, in [0, 1]: 0 for a plain headline.

Phrases and words live in ``lexicons/headlines/<lang>.yaml`` (labels, curiosity gaps, second person,
list nouns, superlatives); the forms that need no words (capitals, punctuation, a number opening the
headline) are found here, with the weights in ``FORM_WEIGHTS``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from framing.features.loaded import Signal
from framing.languages import get_language
from framing.text import token_spans

# Weights of the forms found without a word list, set by hand like the word lists' weights.
FORM_WEIGHTS = {"all_caps": 0.4, "exclamation": 0.4, "question": 0.35}
FORM_EXPLANATIONS = {
    "all_caps": "A word in capitals shouts, to make the reader feel urgency rather than to inform.",
    "exclamation": "An exclamation mark adds alarm or excitement that a news report does not need.",
    "question": "A headline that asks a question leaves the answer, often 'no', for the reader to click for.",
}
# A word in capitals shouts from this many letters on (shorter ones are mostly acronyms: "WHO", "US"),
# or, in a language without a lexicon that tells words from acronyms, from ``CAPS_MIN_LETTERS + 1``.
CAPS_MIN_LETTERS = 4
_LABEL = re.compile(r"^(?P<label>[^:：]{1,40})[:：]\s*\S")
_QUESTION = re.compile(r"[?？][\"'”’»)]*\s*$")


@dataclass(frozen=True)
class HeadlineCue(Signal):
    """One headline trick found in a text: its kind, the words as written, where, and why it is a trick."""

    gloss: str | None = None

    def as_dict(self) -> dict:
        """Return the cue as plain data, in the shape of a loaded term, with its character span."""
        data = super().as_dict() | {"start": self.start, "end": self.end}
        if self.gloss:
            data["gloss"] = self.gloss
        return data


def headline_cues(text: str, *, lang: str, matcher=None) -> list[HeadlineCue]:
    """Return the headline tricks in ``text``, in reading order.

    Parameters
    ----------
    text : a headline.
    lang : its language; the word lists of ``matcher`` must be in the same language.
    matcher : a :class:`~framing.features.matching.LexiconMatcher` of the ``headlines`` lexicon, or None
        to look for the forms that need no word list only.
    """
    found = _form_cues(text, lang=lang)
    if matcher is not None:
        words = _word_cues(text, lang=lang, matches=matcher.find(text))
        # A label in capitals ("SHOCK:") is one trick, not a label and a shouted word.
        found = [cue for cue in found if not any(w.start <= cue.start and cue.end <= w.end for w in words)] + words
    found.sort(key=lambda cue: (cue.start, -cue.end))
    return found


def headline_cue_score(cues: list[HeadlineCue]) -> float:
    """Return the noisy-or of the weights of ``cues``, in [0, 1]; 0 when there are none."""
    keep = 1.0
    for cue in cues:
        keep *= 1.0 - cue.weight
    return 1.0 - keep


def headline_cue_columns(text: str, *, lang: str, matcher=None) -> dict:
    """Return ``headline_cue_score`` and ``headline_cues`` (JSON) of the headline ``text``."""
    cues = headline_cues(text, lang=lang, matcher=matcher)
    return {"headline_cue_score": headline_cue_score(cues),
            "headline_cues": json.dumps([cue.as_dict() for cue in cues], ensure_ascii=False)}


def _form_cues(text: str, *, lang: str) -> list[HeadlineCue]:
    found = []
    for mark in ("!", "！"):
        pos = text.rfind(mark)
        if pos >= 0:
            found.append(_form("exclamation", text, pos, pos + 1))
            break
    question = _QUESTION.search(text)
    if question:
        found.append(_form("question", text, question.start(), question.start() + 1))
    tokens = token_spans(text, lang=lang)
    letters = [tok for tok, _, _ in tokens if tok[:1].isalpha()]
    if letters and not all(tok.isupper() for tok in letters):
        found += [_form("all_caps", text, start, end) for tok, start, end in tokens if _shouts(tok, lang)]
    return found


def _form(name: str, text: str, start: int, end: int) -> HeadlineCue:
    return HeadlineCue(name, text[start:end], start, end, FORM_WEIGHTS[name], FORM_EXPLANATIONS[name])


def _shouts(token: str, lang: str) -> bool:
    """Return whether a token in capitals is a word shouted rather than an acronym ("EXPOSED", not "NASA")."""
    if not (token.isupper() and token.isalpha() and len(token) >= CAPS_MIN_LETTERS):
        return False
    is_word = get_language(lang).capitals_are_word(token)
    return len(token) > CAPS_MIN_LETTERS if is_word is None else is_word


def _word_cues(text: str, *, lang: str, matches) -> list[HeadlineCue]:
    """Turn the word-list matches into cues: labels only before the colon, list nouns only after a number."""
    label = _LABEL.match(text)
    label_end = label.end("label") if label else -1
    language = get_language(lang)
    opening_number = language.opening_number(text)
    found = []
    for match in matches:
        if match.category == "trick_label":
            if not (label and text[:label_end].strip().casefold() == match.surface.casefold()):
                continue
            start, end = 0, label_end + 1
        elif match.category == "listicle":
            if opening_number is None or not language.counts(text, opening_number, match.start):
                continue
            start, end = opening_number[0], match.end
        else:
            start, end = match.start, match.end
        found.append(HeadlineCue(match.category, text[start:end], start, end, match.weight, match.explanation,
                                 match.gloss))
    return found
