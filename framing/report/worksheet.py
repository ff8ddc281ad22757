"""The classroom worksheet: one self-contained HTML page of headlines for students to analyse.

Per headline, students mark the words that carry a judgement, rate how neutral it is and rewrite it;
a "reveal" button shows the toolkit's highlights and explanations (:func:`framing.report.explain.explain`),
and where another outlet's headline of the same story exists, the two stand side by side. From a corpus
with story keys, only the stories' headlines are used: an aggregator's related link joins a story when it
pairs with one of the story's headlines, and is left out otherwise. A headline in another language than
English shows an English gloss where the data has one (a ``title_gloss`` column in the corpus manifest, a
``gloss`` column in a teacher's CSV); glosses are never machine-translated.

The answer copy (``answers=True``) adds the answer key and the teacher's guide (``docs/teachers-guide.md``,
shipped as ``templates/teachers_guide.html``).

The page works offline: CSS and JavaScript are inline, no fonts or images are fetched, and a Content
Security Policy forbids every request and every script but the page's own. Every headline is HTML-escaped
(Jinja autoescape), and the data the script reads is JSON that cannot close its ``<script>`` element.
Without JavaScript the answers sit at the end of the page; with it they move beside their headline.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import math
import random
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from framing.errors import InputError
from framing.report.explain import explain, highlight_spans

DEFAULT_COUNT = 8
HEADLINE_COLUMNS = ("headline", "title")
# A headline counts as loaded for the selection from "somewhat loaded" up (see explain.LOADED_LEVELS).
LOADED_FLOOR = 0.2
NEUTRALITY_SCALE = ("very loaded", "loaded", "in between", "mostly neutral", "neutral")


@dataclass(frozen=True)
class Headline:
    """One headline to put on the worksheet: where it came from, its text and its language."""

    id: str
    outlet: str
    text: str
    language: str = ""
    story: str = ""
    gloss: str = ""


def corpus_headlines(corpus, *, glosses: dict[str, str] | None = None) -> list[Headline]:
    """Return the distinct non-empty headlines of a corpus (or a DataFrame with its columns), by id.

    ``glosses`` maps a record id to an English gloss of its headline; by default they come from the
    ``title_gloss`` column of the corpus's manifest (:func:`manifest_glosses`).
    """
    records = corpus.articles if hasattr(corpus, "articles") else corpus
    if glosses is None:
        glosses = manifest_glosses(getattr(corpus, "sources", ()))
    found: dict[str, Headline] = {}
    for row in records.sort_values("id", kind="stable").to_dict(orient="records"):
        text = " ".join(str(row.get("title") or "").split())
        if text and text.casefold() not in found:
            found[text.casefold()] = Headline(id=str(row["id"]), outlet=str(row.get("outlet") or ""), text=text,
                                              language=str(row.get("language") or ""),
                                              story=str(row.get("story") or ""),
                                              gloss=glosses.get(str(row["id"]), ""))
    return list(found.values())


def manifest_glosses(sources) -> dict[str, str]:
    """Return ``{record id: English gloss of its headline}`` from the ``title_gloss`` column of the
    manifests among a corpus's ``sources`` (the record id of a manifest row is its file's stem)."""
    from framing.corpus.manifest import MANIFEST_NAMES, read_manifest_rows

    glosses: dict[str, str] = {}
    for source in sources:
        source = Path(source)
        if source.name not in MANIFEST_NAMES or source.suffix != ".csv" or not source.is_file():
            continue
        for row in read_manifest_rows(source):
            gloss = " ".join((row.get("title_gloss") or "").split())
            if gloss and row.get("file"):
                glosses[Path(row["file"]).stem] = gloss
    return glosses


def read_headlines(path: str | Path) -> list[Headline]:
    """Read a teacher's headlines: one per line, or a CSV with ``headline`` (and ``outlet``) columns.

    A file is read as CSV when its name ends in ``.csv`` or its first line names a ``headline`` column.
    An optional ``language`` column gives ISO 639-1 codes; otherwise each headline's language is detected
    (among the languages with word lists: a headline is too short for anything else). An optional
    ``gloss`` column gives an English gloss of a headline in another language.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except (UnicodeDecodeError, IsADirectoryError) as error:
        raise InputError(f"cannot read headlines: {error}", path=path) from None
    first = raw.split("\n", 1)[0].casefold()
    is_csv = path.suffix.lower() == ".csv" or any(f"{name}," in first or first.endswith(name)
                                                   for name in HEADLINE_COLUMNS)
    try:
        headlines = _csv_headlines(raw, path) if is_csv else _line_headlines(raw)
    except csv.Error as error:  # a field over the csv module's 131,072 characters, a NUL byte
        raise InputError(f"not a valid CSV file: {error}", path=path) from None
    if not headlines:
        raise InputError("no headlines in the file", path=path)
    return headlines


def _line_headlines(raw: str) -> list[Headline]:
    texts = [" ".join(line.split()) for line in raw.splitlines()]
    return [Headline(id=f"line-{n:03d}", outlet="", text=text, language=_detect(text))
            for n, text in enumerate(texts, start=1) if text]


def _csv_headlines(raw: str, path: Path) -> list[Headline]:
    reader = csv.DictReader(io.StringIO(raw))
    columns = {name.strip().casefold(): name for name in reader.fieldnames or []}
    column = next((columns[name] for name in HEADLINE_COLUMNS if name in columns), None)
    if column is None:
        raise InputError(f"the CSV has no 'headline' column (columns: {', '.join(columns) or 'none'})", path=path)
    headlines = []
    for n, row in enumerate(reader, start=2):
        text = " ".join((row.get(column) or "").split())
        if not text:
            continue
        outlet = " ".join((row.get(columns.get("outlet", ""), "") or "").split())
        language = (row.get(columns.get("language", ""), "") or "").strip().lower() or _detect(text)
        gloss = " ".join((row.get(columns.get("gloss", ""), "") or "").split())
        headlines.append(Headline(id=f"row-{n:03d}", outlet=outlet, text=text, language=language, gloss=gloss))
    return headlines


def _detect(text: str) -> str:
    from framing.report.explain import text_language

    return text_language(text)[0]


def build_worksheet(headlines: list[Headline], *, count: int | None = None, seed: int = 0, answers: bool = False,
                    title: str = "Reading the news: loaded words and framing",
                    lexicons: str | Path | None = None, codebooks=None) -> str:
    """Return the worksheet for ``headlines`` as one self-contained HTML page.

    Parameters
    ----------
    headlines : the candidates; the page shows ``count`` of them (all when ``None``), chosen and ordered
        by ``seed``: half with loaded wording where there are enough, the rest without.
    seed : the same headlines and seed give a byte-identical page.
    answers : the teacher's edition: the answer key is open and prints.
    lexicons : a folder of lexicons that replace the shipped ones.
    codebooks : frame codebooks (names or folders) whose frames the answers name; default ``generic``.
    """
    if not headlines:
        raise InputError("no headlines to put on the worksheet")
    explained = {h.id: explain(h.text, lang=h.language or None, lexicons=lexicons, codebooks=codebooks)
                 for h in headlines}
    partners = _partners(headlines, explained)
    headlines = on_stories(headlines, partners)
    chosen = select_headlines(headlines, explained, partners, count=count, seed=seed)
    items = [_item(number, h, explained, partners) for number, h in enumerate(chosen, start=1)]
    return render_worksheet(items, title=title, answers=answers, seed=seed)


def on_stories(headlines: list[Headline], partners: dict[str, dict]) -> list[Headline]:
    """Return the headlines on a story: with a story key, or paired with a headline that has one.

    An aggregator lists related links, most of them on other stories (a market report, another company's
    launch); only those that pair with one of the story's headlines belong on its worksheet. Headlines
    without any story keys (a teacher's file) are all kept.
    """
    if not any(h.story for h in headlines):
        return headlines
    return [h for h in headlines if h.story or (h.id in partners and partners[h.id]["headline"].story)]


def select_headlines(headlines: list[Headline], explained: dict[str, dict], partners: dict[str, dict], *,
                     count: int | None, seed: int) -> list[Headline]:
    """Return ``count`` headlines in a seeded order; half of them loaded when there are enough.

    A headline shown beside another as its pair is not chosen again on its own. The input order does not
    matter: candidates are sorted by id before the seeded shuffle.
    """
    rng = random.Random(seed)
    pool = sorted(headlines, key=lambda h: h.id)
    count = len(pool) if count is None else count
    loaded = [h for h in pool if (explained[h.id]["loaded_score"] or 0) >= LOADED_FLOOR]
    plain = [h for h in pool if h not in loaded]
    rng.shuffle(loaded)
    rng.shuffle(plain)
    # Headlines with a pair from another outlet come first: the side-by-side comparison is the lesson.
    for group in (loaded, plain):
        group.sort(key=lambda h: h.id not in partners)
    want_loaded = max(math.ceil(count / 2), count - len(plain))
    chosen: list[Headline] = []
    shown: set[str] = set()
    for group, limit in ((loaded, want_loaded), (plain, count), (loaded, count)):
        for headline in group:
            if len(chosen) >= limit or len(chosen) >= count:
                break
            if headline.id in shown:
                continue
            chosen.append(headline)
            shown.add(headline.id)
            if headline.id in partners:
                shown.add(partners[headline.id]["id"])
    rng.shuffle(chosen)
    return chosen


def _partners(headlines: list[Headline], explained: dict[str, dict]) -> dict[str, dict]:
    """Return, per headline id, its most similar headline from another outlet (``align_headlines``)."""
    import pandas as pd

    from framing.features.headlines import align_headlines

    rows = [{"article_id": h.id, "outlet": h.outlet, "language": explained[h.id]["language"], "text": h.text,
             "story": h.story, "is_headline": 1, "loaded_score": explained[h.id]["loaded_score"] or 0.0,
             "loaded_terms": "[]"} for h in headlines if h.outlet]
    if len(rows) < 2:
        return {}
    by_id = {h.id: h for h in headlines}
    partners: dict[str, dict] = {}
    for pair in align_headlines(pd.DataFrame(rows)).to_dict(orient="records"):
        for own, other in (("base_id", "variant_id"), ("variant_id", "base_id")):
            if pair[own] not in partners:
                partners[pair[own]] = {"id": pair[other], "headline": by_id[pair[other]], "pair": pair}
    return partners


def _item(number: int, headline: Headline, explained: dict[str, dict], partners: dict[str, dict]) -> dict:
    from framing.features.headlines import word_diff

    data = explained[headline.id]
    item = {"number": number, "id": f"h{number}", "outlet": headline.outlet, "text": headline.text,
            "gloss": headline.gloss, "language": data["language"], "explained": data,
            "words": _word_pieces(headline.text, data["language"]),
            "marks": _mark_pieces(headline.text, data["terms"] + data["headline_cues"]),
            "flagged": _flagged_words(headline.text, data),
            "partner": None}
    partner = partners.get(headline.id)
    if partner is not None:
        other: Headline = partner["headline"]
        other_data = explained[other.id]
        pair = partner["pair"]
        base, variant = (other, headline) if pair["variant_id"] == headline.id else (headline, other)
        item["partner"] = {"outlet": other.outlet, "text": other.text, "gloss": other.gloss, "explained": other_data,
                           "marks": _mark_pieces(other.text, other_data["terms"] + other_data["headline_cues"]),
                           "base_outlet": base.outlet, "variant_outlet": variant.outlet,
                           "diff": [op.as_dict() for op in word_diff(base.text, variant.text, lang=data["language"])]}
    return item


def _word_pieces(text: str, lang: str) -> list[dict]:
    """Split ``text`` into word tokens (clickable) and the characters between them (plain)."""
    from framing.text import token_spans

    pieces, pos = [], 0
    for index, (token, start, end) in enumerate(token_spans(text, lang=lang)):
        if start > pos:
            pieces.append({"text": text[pos:start], "index": None})
        pieces.append({"text": token, "index": index})
        pos = end
    if pos < len(text):
        pieces.append({"text": text[pos:], "index": None})
    return pieces


def _flagged_words(text: str, data: dict) -> list[int]:
    """Return the indices of the word tokens that a loaded term or cue covers (the answer to task 1)."""
    from framing.text import token_spans

    spans = [(t["start"], t["end"]) for t in data["terms"] + data["headline_cues"]]
    return [index for index, (_, start, end) in enumerate(token_spans(text, lang=data["language"]))
            if any(start < stop and begin < end for begin, stop in spans)]


def _mark_pieces(text: str, terms: list[dict]) -> list[dict]:
    """Return the pieces of ``text`` to render, each marked ``term`` (a loaded word), ``cue`` (a loaded label or
    scare quotes), ``trick`` (a headline trick) or ``""``; a loaded word inside a trick shows as the word."""
    pieces = []
    for piece, covering in highlight_spans(text, terms):
        kinds = {terms[i]["source"] for i in covering}
        mark = "term" if kinds - {"cue", "headline"} else "cue" if "cue" in kinds else "trick" if kinds else ""
        pieces.append({"text": piece, "mark": mark})
    return pieces


def render_worksheet(items: list[dict], *, title: str, answers: bool, seed: int) -> str:
    """Return the HTML page for prepared ``items`` (see :func:`build_worksheet`)."""
    import jinja2

    from framing import __version__

    templates = resources.files("framing.report") / "templates"
    style = (templates / "worksheet.css").read_text(encoding="utf-8")
    script = (templates / "worksheet.js").read_text(encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.PackageLoader("framing.report", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined, bytecode_cache=_template_cache())
    data = {"items": [{"id": item["id"], "text": item["text"], "flagged": item["flagged"],
                       "words": [p["text"] for p in item["words"] if p["index"] is not None]} for item in items]}
    guide = _guide_html(templates) if answers else ""
    return env.get_template("worksheet.html.j2").render(
        title=title, items=items, answers=answers, seed=seed, version=__version__, scale=NEUTRALITY_SCALE, guide=guide,
        style=style, script=script, data=data, style_hash=_csp_hash(style), script_hash=_csp_hash(script))


def _template_cache():
    """Return a cache of compiled templates in the cache folder, or None where it cannot be made.

    Jinja2 compiles the worksheet's template to Python on every run, a tenth of the time a worksheet
    takes; it keeps the compiled code under the digest of the template's source and reads it back.
    """
    import jinja2

    from framing.cachedir import default_cache_dir

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:  # a cache that cannot be written is skipped
                pass

    folder = default_cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietCache(str(folder))


def _guide_html(templates) -> str:
    """Return the teacher's guide (``templates/teachers_guide.md``, the same as ``docs/teachers-guide.md``) as HTML."""
    from markdown_it import MarkdownIt

    source = (templates / "teachers_guide.md").read_text(encoding="utf-8")
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(source)


def _csp_hash(source: str) -> str:
    """Return the Content Security Policy source expression that allows exactly this inline block."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
