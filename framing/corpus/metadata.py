"""Metadata a file states about itself: canonical URLs, dates in its date line or comments, its outlet."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from framing.languages import get_language, known_languages

# Month names, date-line prefixes and weekdays come from the language modules (framing/languages/<code>.py).
MONTHS: Final[dict[str, dict[str, int]]] = {
    code: dict(get_language(code).months) for code in known_languages() if get_language(code).months
}
# Words that may stand before a date on a date line ("Published 12 June 2023", "Publicerad 11 januari 2024").
DATE_PREFIXES: Final[tuple[str, ...]] = tuple(
    prefix for code in known_languages() for prefix in get_language(code).date_prefixes
)

# Query parameters that track a visit or a share rather than name the article.
TRACKING_PARAMETERS: Final = frozenset({
    "sharetype", "share", "shared", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref", "ref_src",
    "smid", "cmpid", "ocid", "taid", "tpcc", "mod", "guccounter", "igshid", "via", "src", "at_medium", "at_campaign",
})
TRACKING_PREFIXES: Final = ("utm_", "at_", "pk_", "mtm_")
_MONTH_NAMES = "|".join(sorted({m for months in MONTHS.values() for m in months}, key=len, reverse=True))
_PREFIX = r"(?:(?:" + "|".join(re.escape(p) for p in DATE_PREFIXES) + r")\s*(?:on|den)?\s*[:：]?\s*)?"
_WEEKDAY = "(?:(?:" + "|".join(
    get_language(code).weekday_pattern for code in known_languages() if get_language(code).weekday_pattern
) + r")\s+)?"
_TIME = r"(?:\s*(?:[-–—|,·•]|at|kl\.?)?\s*(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:\s*(?:am|pm|[A-Z]{2,4}|UTC|GMT))?)?"
DATE_LINE_PATTERNS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(rf"^{_PREFIX}{_WEEKDAY}{body}{_TIME}\.?$", re.IGNORECASE)
    for body in (
        rf"(?P<d>\d{{1,2}})\.?\s+(?P<mon>{_MONTH_NAMES})\.?,?\s+(?P<y>\d{{4}})",
        rf"(?P<mon>{_MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
        r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})",
        r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日",
        r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})",
    )
)
_ISO = re.compile(r"^\d{4}(-\d{2}){0,2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_EPOCH_COMMENT = re.compile(r"^\s*<!--\s*(\d{10}|\d{13})\s*-->\s*$")


def canonical_url(url: str) -> str:
    """Return ``url`` without fragment and tracking or sharing parameters, scheme and host in lower case.

    Two addresses of one article that differ only in such parameters (``?sharetype=gift``,
    ``?utm_source=...``) then compare equal, while parameters that name the article (``?id=123``) stay.
    """
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    kept = sorted((key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
                  if not _is_tracking_parameter(key))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(kept), ""))


def _is_tracking_parameter(key: str) -> bool:
    key = key.casefold()
    return key in TRACKING_PARAMETERS or key.startswith(TRACKING_PREFIXES)


def parse_date_line(line: str) -> str | None:
    """Return the ISO date of a line that is only a date (and time), "" for an ambiguous one, else None.

    ``12/06/2023`` is ambiguous (day or month first) unless one of the numbers is above 12: the line is
    still a date line, but no date is taken from it.
    """
    text = line.strip()
    for pattern in DATE_LINE_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["y"])
        if parts.get("mon"):
            month = next(m[parts["mon"].lower()] for m in MONTHS.values() if parts["mon"].lower() in m)
            day = int(parts["d"])
        elif parts.get("m"):
            month, day = int(parts["m"]), int(parts["d"])
        else:
            a, b = int(parts["a"]), int(parts["b"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            else:
                return ""
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


def epoch_comment_date(line: str) -> str | None:
    """Return the UTC ISO datetime of an HTML comment holding an epoch timestamp (seconds or milliseconds)."""
    match = _EPOCH_COMMENT.match(line)
    if match is None:
        return None
    value = int(match.group(1))
    seconds = value / 1000 if len(match.group(1)) == 13 else value
    stamp = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_date(value: object) -> str:
    """Return a front-matter or table date value as an ISO 8601 string ("" when it is not a date)."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() == dt.timedelta(0):
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO.match(text):
        return text.replace(" ", "T", 1)
    return parse_date_line(text) or ""
