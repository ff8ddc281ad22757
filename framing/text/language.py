"""Language identification, offline (py3langid ships its model)."""

from __future__ import annotations

import re
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, default: str = "und") -> str:
    """Return the ISO 639-1 code of the language of ``text``, or ``default`` when there is too little text.

    Text whose letters are mostly Han characters is Chinese (``zh``) without consulting the model,
    which is unreliable on short Chinese strings mixed with Latin names.
    """
    letters = _LETTER.findall(text)
    if len(letters) < 3:
        return default
    if sum(1 for ch in letters if _HAN.match(ch)) / len(letters) > 0.3:
        return "zh"
    lang, _prob = _identifier().classify(text)
    return lang
