"""Language identification, offline (py3langid ships its model).

Long texts are identified on a sample: py3langid counts features in 16-bit integers, so on a text of
millions of characters the counts wrap round and a 20 MB English line comes out as Serbian or Uzbek
(and it takes half a minute). A sample of :data:`SAMPLE_CHARS` characters, taken from the start, middle
and end of the text, is as reliable as the whole and takes a fraction of a second.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import NamedTuple

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
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


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
    # Mostly Han letters is Chinese: the model is unreliable on short Chinese strings mixed with Latin names.
    if sum(1 for ch in letters if _HAN.match(ch)) / len(letters) > 0.3:
        return Detection("zh", sampled)
    ranked = _identifier().rank(text)
    lang, probability = ranked[0]
    if sampled and among and lang not in among and probability < CONFIDENT:
        known = next((code for code, _ in ranked if code in among), None)
        if known is not None:
            return Detection(known, sampled, fallback=True)
    return Detection(lang, sampled)


def detect_language(text: str, *, default: str = "und") -> str:
    """Return the ISO 639-1 code of the language of ``text``, or ``default`` when there is too little text.

    Text whose letters are mostly Han characters is Chinese (``zh``) without consulting the model,
    which is unreliable on short Chinese strings mixed with Latin names. Long texts are read on a sample
    (:func:`language_sample`).
    """
    return detect(text, default=default).lang
