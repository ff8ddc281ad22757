"""Language identification, offline (py3langid ships its model).

A long text carries enough evidence for a statistical identifier (:func:`detect_language`). A headline
does not: py3langid takes "SHOCK: Mayor's plan EXPOSED!" for Tagalog. :func:`short_text_language` therefore
answers only among the languages the caller can analyse, from their function words first and, where those
say nothing, from the identifier's scores of those languages alone, weighed by a prior (the languages of
the rest of the corpus, or equal).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from importlib import resources

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


# A text with fewer words than this is short: identifiers trained on documents misjudge it.
SHORT_TEXT_WORDS = 30
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_short(text: str) -> bool:
    """Return whether ``text`` is too short for :func:`detect_language` (a headline, a sentence)."""
    return len(_WORDS.findall(text)) < SHORT_TEXT_WORDS


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    import yaml

    data = resources.files("framing.text").joinpath("data", "function_words.yaml").read_text(encoding="utf-8")
    return {lang: frozenset(words) for lang, words in yaml.safe_load(data).items()}


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
        ``zh`` for text mostly in Han characters (when ``zh`` is among them); else the language whose
        function words the text has most of; else the one with the highest prior times py3langid's
        score of the text restricted to ``among``.
    """
    among = list(dict.fromkeys(among))
    if not among:
        raise ValueError("short_text_language needs at least one language to choose from")
    weights = {lang: float((prior or {}).get(lang, 1.0 if prior is None else 0.0)) for lang in among}
    letters = _LETTER.findall(text)
    if letters and "zh" in among and sum(1 for ch in letters if _HAN.match(ch)) / len(letters) > 0.3:
        return "zh"
    words = [w.casefold().replace("’", "'") for w in _WORDS.findall(text)]
    known = _function_words()
    hits = {lang: sum(1 for w in words if w in known.get(lang, ())) for lang in among}
    best = max(hits.values())
    leaders = [lang for lang in among if hits[lang] == best]
    if best and len(leaders) == 1:
        return leaders[0]
    candidates = leaders if best else among
    if len(letters) >= 3:
        scores = dict(_identifier().rank(text))
        return max(candidates, key=lambda lang: (weights[lang] * scores.get(lang, 0.0), -among.index(lang)))
    return max(candidates, key=lambda lang: (weights[lang], -among.index(lang)))
