"""Language identification, offline (py3langid ships its model).

Long texts are identified on a sample: py3langid counts features in 16-bit integers, so on a text of
millions of characters the counts wrap round and a 20 MB English line comes out as Serbian or Uzbek
(and it takes half a minute). A sample of :data:`SAMPLE_CHARS` characters, taken from the start, middle
and end of the text, is as reliable as the whole and takes a fraction of a second.

A long text carries enough evidence for a statistical identifier (:func:`detect_language`). A headline
does not: py3langid takes "SHOCK: Mayor's plan EXPOSED!" for Tagalog. :func:`short_text_language` therefore
answers only among the languages the caller can analyse, from their function words first and, where those
say nothing, from the identifier's scores of those languages alone, weighed by a prior (the languages of
the rest of the corpus, or equal).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import NamedTuple

from framing.languages import get_language, known_languages

_LETTER = re.compile(r"[^\W\d_]")
# Characters of a long text the model reads, in SAMPLE_PARTS slices spread over the text.
SAMPLE_CHARS = 12_000
SAMPLE_PARTS = 4
# Below this probability (py3langid's normalised score) a sampled detection gives way to a corpus language.
CONFIDENT = 0.5


class Detection(NamedTuple):
    """A detected language, and whether it was taken from a sample or a fallback (for the summary)."""

    lang: str
    sampled: bool = False
    fallback: bool = False


def _identifier():
    from framing.text.identifier import identifier

    return identifier()


def language_sample(text: str, *, size: int = SAMPLE_CHARS) -> str:
    """Return ``text`` when it has at most ``size`` characters, else slices of it from start to end.

    Each slice is cut at whitespace so no word is split (text without spaces, such as Chinese, is cut
    where it falls).
    """
    if len(text) <= size:
        return text
    part = size // SAMPLE_PARTS
    step = (len(text) - part) // (SAMPLE_PARTS - 1)
    slices = []
    for start in range(0, step * SAMPLE_PARTS, step):
        piece = text[start:start + part]
        if start:
            piece = piece.split(None, 1)[-1] if " " in piece[:200] else piece
        slices.append(piece.rsplit(None, 1)[0] if " " in piece[-200:] else piece)
    return "\n".join(slices)


def detect(text: str, *, default: str = "und", among: Collection[str] = ()) -> Detection:
    """Return the language of ``text`` as a :class:`Detection`.

    Parameters
    ----------
    text : the text; past :data:`SAMPLE_CHARS` characters only a sample is read (``sampled``).
    default : returned when the text has fewer than three letters.
    among : languages already known in the corpus; when the model is unsure (probability under
        :data:`CONFIDENT`) of a sampled text, the likeliest of these is taken instead (``fallback``).
    """
    sampled = len(text) > SAMPLE_CHARS
    text = language_sample(text)
    letters = _LETTER.findall(text)
    if len(letters) < 3:
        return Detection(default, sampled)
    # Mostly Han letters is Chinese (a language's own script): the model is unreliable on short Chinese
    # strings mixed with Latin names.
    by_script = _script_language(letters, known_languages())
    if by_script is not None:
        return Detection(by_script, sampled)
    ranked = _identifier().rank(text)
    lang, probability = ranked[0]
    if sampled and among and lang not in among and probability < CONFIDENT:
        known = next((code for code, _ in ranked if code in among), None)
        if known is not None:
            return Detection(known, sampled, fallback=True)
    return Detection(lang, sampled)


def detect_language(text: str, *, default: str = "und") -> str:
    """Return the ISO 639-1 code of the language of ``text``, or ``default`` when there is too little text.

    Text whose letters are mostly in a script only one shipped language is written in (Han characters:
    Chinese, ``zh``) is that language without consulting the model, which is unreliable on short Chinese
    strings mixed with Latin names (:meth:`framing.languages.Language.writes`). Long texts are read on a sample
    (:func:`language_sample`).
    """
    return detect(text, default=default).lang


# A text with fewer words than this is short: identifiers trained on documents misjudge it.
SHORT_TEXT_WORDS = 30
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_short(text: str) -> bool:
    """Return whether ``text`` is too short for :func:`detect_language` (a headline, a sentence)."""
    return len(_WORDS.findall(text)) < SHORT_TEXT_WORDS


def short_text_language(text: str, *, among: Collection[str], prior: Mapping[str, float] | None = None) -> str:
    """Return the language of the short ``text`` (a headline), always one of ``among``.

    Parameters
    ----------
    text : a headline or a sentence.
    among : the languages to choose from, such as those with word lists; never empty.
    prior : how likely each language is before reading the text (e.g. its share of the corpus);
        equal when None. Where the text gives no evidence, the likeliest language of the prior wins,
        ties broken by the order of ``among``.

    Returns
    -------
    str
        the language whose own script the text is mostly in (``zh`` for Han characters, when ``zh`` is among
        them); else the language whose
        function words the text has most of; else the one with the highest prior times py3langid's
        score of the text restricted to ``among``.
    """
    among = list(dict.fromkeys(among))
    if not among:
        raise ValueError("short_text_language needs at least one language to choose from")
    weights = {lang: float((prior or {}).get(lang, 1.0 if prior is None else 0.0)) for lang in among}
    letters = _LETTER.findall(text)
    by_script = _script_language(letters, among)
    if by_script is not None:
        return by_script
    words = [w.casefold().replace("’", "'") for w in _WORDS.findall(text)]
    hits = {lang: sum(1 for w in words if w in get_language(lang).function_words) for lang in among}
    best = max(hits.values())
    leaders = [lang for lang in among if hits[lang] == best]
    if best and len(leaders) == 1:
        return leaders[0]
    candidates = leaders if best else among
    if len(letters) >= 3:
        scores = dict(_identifier().rank(text))
        return max(candidates, key=lambda lang: (weights[lang] * scores.get(lang, 0.0), -among.index(lang)))
    return max(candidates, key=lambda lang: (weights[lang], -among.index(lang)))


def _script_language(letters: list[str], among: Collection[str]) -> str | None:
    """Return the first of ``among`` whose own script ``letters`` are mostly in, or None."""
    return next((lang for lang in among if get_language(lang).writes(letters)), None)
