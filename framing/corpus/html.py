"""HTML to paragraphs: widgets removed first (and reported), then trafilatura finds the main text.

trafilatura is tuned for whole pages. On a fragment (the body of an article, as scrapers often store it)
every paragraph is real, so when trafilatura leaves out a substantial ``<p>`` of a fragment the
structured extraction (one line per block element, read with lxml) is used instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

import lxml.html
from lxml import etree

from framing.corpus.cleaning import DATELINE, NAVIGATION, NEWSLETTER, PHOTO_CAPTION, SHARE_WIDGET, is_sentence
from framing.corpus.metadata import parse_date_line
from framing.text import normalize_text
from framing.text.normalize import control_chars, unicode_nfc

BLOCK_TAGS: Final = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table td th tr ul br".split()
)
# Elements removed before extraction, each with the reason it is reported under.
ELEMENT_REASONS: Final[dict[str, str]] = {
    "svg": "inline SVG", "img": "image", "picture": "image", "video": "embedded media", "audio": "embedded media",
    "iframe": "embedded media", "script": "script", "style": "script", "noscript": "script", "template": "script",
    "figcaption": PHOTO_CAPTION, "button": "form", "form": "form", "input": "form", "select": "form",
    "nav": NAVIGATION, "share-button": SHARE_WIDGET, "share-modal": SHARE_WIDGET,
}
SHARE_LINK: Final = re.compile(
    r"facebook\.com/(?:dialog/)?shar|twitter\.com/(?:intent|share)|x\.com/intent|whatsapp:|wa\.me/|"
    r"web\.whatsapp\.com/send|linkedin\.com/(?:share|sharing)|reddit\.com/submit|t\.me/share|"
    r"pinterest\.com/pin/create|service\.weibo\.com/share|^mailto:\?",
    re.IGNORECASE,
)
# Attribute names or class/id values that mark a widget: data-root-share, class="newsletter-box", ...
ATTRIBUTE_REASONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"newsletter|subscribe", re.IGNORECASE), NEWSLETTER),
    (re.compile(r"(?:^|[-_ ])share|social", re.IGNORECASE), SHARE_WIDGET),
    (re.compile(r"selfpromo|promo|advert|\bads?\b", re.IGNORECASE), "self-promotion"),
)
NOT_MAIN: Final = "not main content"
_FULL_PAGE = re.compile(r"<\s*(?:!doctype|html|head|body)\b", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"<\s*(?:p|div|article|section|h[1-6]|ul|ol|li|blockquote|table|br|img|span|a)\b[^>]*>",
                         re.IGNORECASE)


@dataclass
class HtmlText:
    """Paragraphs of an HTML document or fragment, what was removed, and the page's own metadata."""

    paragraphs: list[str]
    dropped: list[tuple[str, str]] = field(default_factory=list)
    title: str = ""
    published: str = ""
    url: str = ""
    outlet: str = ""
    language: str = ""


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` is HTML (a page or a fragment) rather than plain text or Markdown."""
    return bool(_FULL_PAGE.search(text[:2000])) or len(_HTML_BLOCK.findall(text[:20000])) >= 2


def is_full_page(text: str) -> bool:
    """Return whether ``text`` is a whole HTML page (with ``<html>``, ``<head>`` or ``<body>``)."""
    return bool(_FULL_PAGE.search(text[:2000]))


def html_text(html: str, *, structured: bool = False) -> HtmlText:
    """Return the paragraphs of ``html`` (a full page or a fragment) without widgets, with a report of both.

    ``structured=True`` skips trafilatura and keeps every block: for HTML we generated ourselves (Markdown).
    """
    html = control_chars(unicode_nfc(html))  # lxml refuses control characters and lone surrogates
    full = is_full_page(html)
    root = lxml.html.document_fromstring(html) if full else lxml.html.fragment_fromstring(html, create_parent="div")
    result = _page_metadata(root) if full else HtmlText([], title=_first_heading(root))
    result.dropped.extend(_remove_widgets(root))
    blocks = block_lines(root)
    if structured:
        result.paragraphs = blocks
        return result
    cleaned = lxml.html.tostring(root, encoding="unicode")
    paragraphs = _trafilatura_lines(cleaned if full else f"<html><body><article>{cleaned}</article></body></html>")
    if not full and _misses_paragraphs(root, paragraphs):
        paragraphs = blocks
    kept = {_fold(p) for p in paragraphs}
    for line in blocks:
        if _fold(line) not in kept and not any(_fold(line) in k for k in kept):
            result.dropped.append((line, DATELINE if parse_date_line(line) is not None else NOT_MAIN))
    result.paragraphs = paragraphs
    return result


def block_lines(root: etree._Element) -> list[str]:
    """Return the text of ``root`` one line per block element (``<p>``, ``<div>``, ``<li>``, ...)."""
    root = _copy(root)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    text = normalize_text(root.text_content())
    return [line for line in text.split("\n") if line]


def _copy(root: etree._Element) -> etree._Element:
    return lxml.html.fromstring(lxml.html.tostring(root, encoding="unicode"))


def _remove_widgets(root: etree._Element) -> list[tuple[str, str]]:
    """Remove widget elements from ``root`` (in place); return ``(description, reason)`` for each."""
    found: list[tuple[etree._Element, str]] = []
    removed: set[etree._Element] = set()
    for element in root.iter():
        if any(ancestor in removed for ancestor in element.iterancestors()):
            continue
        if isinstance(element, etree._Comment):
            reason = "html comment"
        elif isinstance(element.tag, str):
            reason = _widget_reason(element)
        else:
            continue
        if reason:
            found.append((element, reason))
            removed.add(element)
    dropped = []
    for element, reason in found:
        dropped.append((_describe(element), reason))
        element.drop_tree()
    return dropped


def _widget_reason(element: etree._Element) -> str | None:
    tag = element.tag.lower()
    if tag in ELEMENT_REASONS:
        return ELEMENT_REASONS[tag]
    if tag == "a" and SHARE_LINK.search(element.get("href", "")):
        return SHARE_WIDGET
    names = " ".join([*element.attrib.keys(), element.get("class", ""), element.get("id", "")])
    for pattern, reason in ATTRIBUTE_REASONS:
        if pattern.search(names):
            return reason
    return None


def _describe(element: etree._Element) -> str:
    """Return a one-line description of a removed element: its text, else its opening tag."""
    if isinstance(element, etree._Comment):
        return f"<!--{element.text}-->"
    text = normalize_text(element.text_content()).replace("\n", " ")
    if text and element.tag.lower() not in ("script", "style", "svg"):
        return text
    attrs = " ".join(f'{k}="{v}"' if v else k for k, v in element.attrib.items() if k not in ("style", "d"))
    opening = f"<{element.tag}{' ' + attrs if attrs else ''}>"
    opening = opening if len(opening) <= 160 else opening[:157] + "...>"
    icons = element.xpath(".//svg")
    return opening + (f" with {len(icons)} inline SVG icon{'s' if len(icons) > 1 else ''}" if icons else "")


def _trafilatura_lines(html: str) -> list[str]:
    import trafilatura

    text = trafilatura.extract(html, favor_recall=True, include_comments=False, include_tables=True,
                               deduplicate=False, include_images=False) or ""
    return [line for line in normalize_text(text).split("\n") if line]


def _misses_paragraphs(root: etree._Element, paragraphs: list[str]) -> bool:
    """Return whether trafilatura left out (or ran together) a ``<p>`` that reads as a real sentence."""
    kept = {_fold(line) for line in paragraphs}
    for p in root.iter("p"):
        text = normalize_text(p.text_content()).replace("\n", " ")
        if is_sentence(text) and _fold(text) not in kept:
            return True
    return False


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


def _first_heading(root: etree._Element) -> str:
    heading = root.find(".//h1")
    return normalize_text(heading.text_content()).replace("\n", " ") if heading is not None else ""


def _page_metadata(root: etree._Element) -> HtmlText:
    """Return the title, date, canonical URL, site name and language a full page declares."""

    def meta(*names: str) -> str:
        for name in names:
            for element in root.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
                if element.get("content", "").strip():
                    return element.get("content").strip()
        return ""

    title = meta("og:title", "twitter:title", "headline")
    if not title:
        h1 = root.xpath("//h1")
        title = normalize_text(h1[0].text_content()) if h1 else normalize_text(root.findtext(".//title") or "")
    canonical = root.xpath('//link[@rel="canonical"]/@href')
    return HtmlText(
        paragraphs=[],
        title=title,
        published=meta("article:published_time", "datePublished", "date", "pubdate", "dc.date"),
        url=canonical[0].strip() if canonical else meta("og:url"),
        outlet=meta("og:site_name", "application-name", "publisher"),
        language=(root.get("lang") or "").split("-")[0].lower(),
    )
