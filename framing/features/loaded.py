"""Loaded wording: lexicon matches plus typographic cues, each explainable, combined into a 0–1 score.

The score is a noisy-or of the weights of the matched terms and cues: ``1 - prod(1 - w)``. One strong
term ("deal with the devil", 0.9) makes a sentence clearly loaded; several weak ones add up without
ever passing 1; a sentence with none scores 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.features.matching import Match

# Genre labels that precede a colon in headlines without judging the story.
GENRE_LABELS = frozenset({
    "analysis", "breaking", "comment", "editorial", "exclusive", "explainer", "factbox", "fact check",
    "interview", "live", "opinion", "podcast", "review", "update", "watch", "video", "photos", "q&a",
    "analys", "debatt", "ledare", "krönika", "intervju", "just nu", "uppdaterad",
    "独家", "评论", "社论", "分析", "快讯", "视频", "专访",
})
LABEL_MAX_WORDS = 6
CUE_WEIGHTS = {"headline_label": 0.35, "exclamation": 0.3, "all_caps": 0.3, "scare_quotes": 0.4}
CUE_EXPLANATIONS = {
    "headline_label": "A short label before the colon tells readers what to think of the story before they read it.",
    "exclamation": "An exclamation mark adds alarm or excitement that a neutral report does not need.",
    "all_caps": "Words in capitals shout, making the reader feel urgency rather than just informing.",
    "scare_quotes": "Quotation marks around a single word or two, with no one quoted, signal that the writer doubts it.",
}
_COLON = re.compile(r"^(?P<label>[^:：]{1,80})[:：]\s*\S")
_CAPS_RUN = re.compile(r"\b[A-ZÅÄÖ]{3,}(?:\s+[A-ZÅÄÖ]{3,})+\b")
_QUOTED = re.compile(r"[“\"«„「『](?P<inner>[^“”\"«»„「」『』]{1,40})[”\"»“」』]")
_ATTRIBUTION_NEAR_QUOTE = re.compile(
    r"\b(said|says|told|called|according|wrote|asked|added|sade|säger|uppgav|enligt)\b|[说称表示道]", re.I)


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
    """Return the typographic and headline cues of loaded wording in ``text``."""
    found: list[Cue] = []
    label = _COLON.match(text)
    if is_headline and label and _is_loaded_label(label.group("label")):
        found.append(Cue("headline_label", label.group("label").strip() + ":", 0, label.end("label") + 1))
    if "!" in text or "！" in text:
        pos = max(text.rfind("!"), text.rfind("！"))
        found.append(Cue("exclamation", text[pos], pos, pos + 1))
    if not text.isupper():
        found.extend(Cue("all_caps", m.group(), m.start(), m.end()) for m in _CAPS_RUN.finditer(text))
    if not _ATTRIBUTION_NEAR_QUOTE.search(text):
        for m in _QUOTED.finditer(text):
            inner = m.group("inner").strip()
            if inner and len(inner.split()) <= 3 and m.start() > 0:
                found.append(Cue("scare_quotes", m.group(), m.start(), m.end()))
    return found


def _is_loaded_label(label: str) -> bool:
    label = label.strip()
    words = label.split()
    return 0 < len(words) <= LABEL_MAX_WORDS and label.casefold() not in GENRE_LABELS and not label.isupper()


def loaded_score(matches: list[Match], found_cues: list[Cue]) -> float:
    """Return the noisy-or of the weights of ``matches`` and ``found_cues``, in [0, 1]."""
    keep = 1.0
    for match in matches:
        keep *= 1.0 - match.weight
    for cue in found_cues:
        keep *= 1.0 - CUE_WEIGHTS[cue.name]
    return 1.0 - keep
