"""Boilerplate removal: line rules with a named reason each, so that every dropped line can be reported.

The rules are data: :data:`UNIVERSAL_RULES` apply to every text, :data:`LINE_RULES` per language (each
language's rules are written in its module, ``framing/languages/<code>.py``).
A rule matches a whole line of at most ``max_words`` words, so a real paragraph that happens to mention
a newsletter is never dropped. A few rules need the lines around a line (a caption sits above its credit,
a bio below the author's name, sign-up boxes gather after the last paragraph); those are in
:func:`clean_body`, each with its own reason as well.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, NamedTuple

from framing.corpus.metadata import parse_date_line
from framing.languages import LineRuleSpec, get_language, known_languages
from framing.text import normalize_text


class LineRule(NamedTuple):
    """Drop a line that ``pattern`` finds (``re.search``) and that has at most ``max_words`` words."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int = 40


def _rule(reason: str, pattern: str, max_words: int = 40, flags: int = re.IGNORECASE) -> LineRule:
    return LineRule(reason, re.compile(pattern, flags), max_words)


PHOTO_CAPTION: Final = "photo caption"
PHOTO_CREDIT: Final = "photo credit"
SHARE_WIDGET: Final = "share widget"
NEWSLETTER: Final = "newsletter sign-up"
SUBSCRIPTION: Final = "subscription prompt"
ACCOUNT_NOTICE: Final = "account notice"
COMMENT_PROMPT: Final = "comment prompt"
AUTHOR_PROMOTION: Final = "author promotion"
AUTHOR_BIO: Final = "author bio"
DATELINE: Final = "dateline"
TAG_LINE: Final = "tag line"
TEASER: Final = "related-story teaser"
REPEATED: Final = "repeated line"
FOOTER: Final = "footer text"
NO_WORDS: Final = "no words"
NAVIGATION: Final = "navigation"

_AGENCIES = (
    r"Getty Images|AFP|Reuters|AP|AP Photo|EPA|EPA-EFE|Shutterstock|Flickr|Unsplash|Wikimedia Commons|Alamy|"
    r"Xinhua|Bloomberg|NurPhoto|TT|Scanpix|IBL|NTB|Ritzau|Imago|dpa|Kyodo|Yonhap|ANSA|SIPA|Sipa"
)
_SOCIAL = r"twitter|x|facebook|instagram|threads|linkedin|mastodon|bluesky|tiktok|youtube|telegram|weibo|微博|微信"

UNIVERSAL_RULES: Final[tuple[LineRule, ...]] = (
    _rule(NO_WORDS, r"^[\W_]+$"),
    # A caption that ends in its credit: "... in Brussels. (Photo by Jonathan Raa/NurPhoto via Getty Images)"
    _rule(PHOTO_CAPTION, r"\((?:(?:AP|AFP|Reuters|EPA|TT|Xinhua) )?(?:photo|image|picture|foto|bild|图|图片|摄影)s?\s*(?:by|credit|:|：|/)[^)]*\)\s*(?:\([^)]*\)\s*)*$",
          max_words=150),
    # A credit alone on its line: "TechCrunch/Flickr", "Getty Images", "Photo: AFP", "Foto: TT".
    _rule(PHOTO_CREDIT, rf"^(?:{_AGENCIES})$", max_words=4, flags=0),
    _rule(PHOTO_CREDIT, r"^[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3} ?/ ?[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}$",
          max_words=6, flags=0),
    _rule(PHOTO_CREDIT, r"^(?:photo|image|picture|foto|bild|credit|källa)s?\s*(?:by|credit)?\s*[:：]\s*\S.{0,60}$",
          max_words=10),
    _rule(PHOTO_CAPTION, rf"(?:\(|/|\bvia )(?:{_AGENCIES})(?: via (?:{_AGENCIES}))?\)?\s*$", max_words=150,
          flags=0),
    _rule(SHARE_WIDGET, rf"^(?:share|tweet|e-?mail|print|copy link|{_SOCIAL}|whatsapp|reddit|pinterest|dela|分享)"
          rf"(?:\s*(?:this|on|via|to|på|到|至)\b.{{0,40}})?$", max_words=6),
)


def _compiled(spec: LineRuleSpec) -> LineRule:
    return _rule(spec.reason, spec.pattern, spec.max_words, re.IGNORECASE if spec.ignore_case else 0)


# Each language's rules live in its module (framing/languages/<code>.py); compiled once here.
LINE_RULES: Final[Mapping[str, tuple[LineRule, ...]]] = MappingProxyType(
    {code: tuple(map(_compiled, get_language(code).line_rules)) for code in known_languages()}
)
# Where a sign-up box names its outlet: "You've successfully subscribed to REX Wire." -> "REX Wire".
OUTLET_PATTERNS: Final[Mapping[str, tuple[re.Pattern[str], ...]]] = MappingProxyType(
    {code: tuple(map(re.compile, get_language(code).outlet_patterns)) for code in known_languages()}
)
# Boilerplate on non-English sites is often in English (sign-up boxes, bios), so English rules apply too.
_LINGUA_FRANCA = "en"
_TERMINAL = re.compile(r"[.!?。！？…][\"'”’»)）」』]*$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PERSON_NAME = re.compile(r"^[A-ZÅÄÖÜ][\w'-]+(?: [A-ZÅÄÖÜ][\w'.-]+){1,3}$")
_KEY_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True)
class Cleaned:
    """Cleaned body text (paragraphs separated by blank lines) and what cleaning found on the way."""

    text: str
    dropped: tuple[tuple[str, str], ...]
    published: str = ""
    outlet: str = ""


def word_length(line: str) -> int:
    """Return a rough word count: space-separated words plus one word per two Han characters."""
    han = len(_HAN.findall(line))
    return len(_HAN.sub(" ", line).split()) + (han + 1) // 2


def is_sentence(line: str) -> bool:
    """Return whether ``line`` reads as a real sentence: terminal punctuation and four words or more."""
    return bool(_TERMINAL.search(line)) and word_length(line) >= 4


def _is_title_like(line: str) -> bool:
    words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
    if not 2 <= len(words) <= 14 or _TERMINAL.search(line):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def comparison_key(line: str) -> str:
    """Return ``line`` folded for comparison: NFKC, plain quotes and dashes, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", line).translate(_KEY_FOLD).casefold().split())


def rules_for(lang: str) -> tuple[LineRule, ...]:
    """Return the line rules that apply to text in ``lang``: the universal ones, then the language's."""
    return UNIVERSAL_RULES + LINE_RULES.get(lang, ())


def match_rule(line: str, *, lang: str) -> str | None:
    """Return the reason of the first rule that drops ``line``, or None when it is kept."""
    length = word_length(line)
    for rule in rules_for(lang):
        if length <= rule.max_words and rule.pattern.search(line):
            return rule.reason
    return None


def clean_body(text: str, *, lang: str) -> Cleaned:
    """Return ``text`` without boilerplate lines, with every dropped line and its reason.

    Lines are first checked against the rules one by one, then in context: captions above a credit line,
    an author's name above a bio, two-line teaser cards, tag lines above the first paragraph, repeated
    lines, and the unpunctuated bits of sign-up boxes after the last real paragraph.
    """
    lines: list[str] = []
    blocks: list[int] = []
    block = 0
    for raw in normalize_text(text).split("\n"):
        if raw:
            lines.append(raw)
            blocks.append(block)
        else:
            block += 1
    reasons: list[str | None] = []
    published = ""
    for line in lines:
        date = parse_date_line(line) if word_length(line) <= 10 else None
        if date is not None:
            reasons.append(DATELINE)
            published = published or date
        else:
            reasons.append(match_rule(line, lang=lang))
    _mark_context(lines, blocks, reasons, lang=lang)
    kept = [line for line, reason in zip(lines, reasons) if reason is None]
    dropped = tuple((line, reason) for line, reason in zip(lines, reasons) if reason is not None)
    return Cleaned("\n\n".join(kept), dropped, published, _outlet(lines, reasons, lang=lang))


def _mark_context(lines: list[str], blocks: list[int], reasons: list[str | None], *, lang: str) -> None:
    """Mark the lines that only their neighbours give away (in place)."""
    n = len(lines)
    for i in range(1, n):
        if reasons[i] == PHOTO_CREDIT and reasons[i - 1] is None and word_length(lines[i - 1]) <= 30 \
                and not _TERMINAL.search(lines[i - 1]):
            reasons[i - 1] = PHOTO_CAPTION
    verbs = get_language(lang).author_bio_verbs or get_language(_LINGUA_FRANCA).author_bio_verbs
    for i in range(n - 1):
        if reasons[i] is None and reasons[i + 1] is None and _PERSON_NAME.match(lines[i]):
            first = lines[i].split()[0]
            if re.match(rf"^{re.escape(first)} (?:{'|'.join(verbs)})\b", lines[i + 1]):
                reasons[i] = reasons[i + 1] = AUTHOR_BIO
    first_real = next((i for i in range(n) if reasons[i] is None and is_sentence(lines[i])), n)
    for i in range(first_real):
        if reasons[i] is None and word_length(lines[i]) <= 4:
            reasons[i] = TAG_LINE
    block_sizes = Counter(blocks)
    for i in range(first_real + 1, n - 1):
        if blocks[i] == blocks[i + 1] and block_sizes[blocks[i]] == 2 and reasons[i] is None and reasons[i + 1] is None \
                and _is_title_like(lines[i]) and is_sentence(lines[i + 1]) and word_length(lines[i + 1]) <= 40:
            reasons[i] = reasons[i + 1] = TEASER
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = comparison_key(line)
        if reasons[i] is None and key in seen:
            reasons[i] = REPEATED
        seen.add(key)
    last_real = max((i for i in range(n) if reasons[i] is None and is_sentence(lines[i])), default=-1)
    if any(reason is not None for reason in reasons[last_real + 1:]):
        for i in range(last_real + 1, n):
            if reasons[i] is None:
                reasons[i] = FOOTER


def _outlet(lines: list[str], reasons: list[str | None], *, lang: str) -> str:
    """Return the outlet a sign-up box names after the last kept line, or "" when none does."""
    last_kept = max((i for i, reason in enumerate(reasons) if reason is None), default=-1)
    patterns = OUTLET_PATTERNS.get(lang, ()) + (OUTLET_PATTERNS[_LINGUA_FRANCA] if lang != _LINGUA_FRANCA else ())
    for line in lines[last_kept + 1:]:
        for pattern in patterns:
            match = pattern.search(line)
            if match:
                return match.group("outlet").strip().rstrip(".!")
    return ""
