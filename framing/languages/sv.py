"""Swedish: Punkt sentences, Snowball stems, and Swedish news boilerplate."""

from __future__ import annotations

from types import MappingProxyType

from framing.languages.base import Language, LineRuleSpec

_SOCIAL = r"twitter|x|facebook|instagram|threads|linkedin|mastodon|bluesky|tiktok|youtube|telegram"
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")


class Swedish(Language):
    """Swedish."""

    name = "Swedish"
    punkt_model = "swedish"
    stemmer = "swedish"
    cased = True
    function_words = frozenset({
        "och", "att", "på", "för", "med", "som", "av", "till", "är", "om", "inte", "en", "ett", "det", "den",
        "har", "kan", "vill", "efter", "mot", "nya", "ny", "vid", "från", "inför", "hos", "sig", "ska", "blir",
        "var", "när", "så", "också", "men", "eller", "utan", "under", "mellan", "säger", "enligt", "första",
        "kräver", "får", "än", "bara", "hur", "varför", "vad", "vem", "de", "dem", "nu", "här",
    })
    number_words = frozenset({"två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "tolv", "tjugo"})
    scope_breaks = frozenset({"men", "fast", "dock", "däremot", "medan"})
    # "inte billig utan bra": after a negation "utan" is "but rather", not "without".
    contrastive_negators = frozenset({"utan"})
    not_negations = ("inte bara", "inte enbart", "inte minst", "utan tvekan")
    months = MappingProxyType({m: i for i, m in enumerate(_MONTHS, start=1)})
    weekday_pattern = r"(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?"
    weekdays = frozenset(f"{day}dag{end}" for day in ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
                         for end in ("", "en", "s", "ens"))
    date_prefixes = ("publicerad", "uppdaterad")
    genre_labels = frozenset({"analys", "debatt", "ledare", "krönika", "intervju", "just nu", "uppdaterad"})
    speech_words = ("sade", "säger", "uppgav", "enligt")
    line_rules = (
        LineRuleSpec("subscription prompt", r"^prenumerera\b|\bprenumerera (?:idag|nu|här)\b|\bgenom att prenumerera\b"),
        LineRuleSpec("newsletter sign-up", r"\bnyhetsbrev(?:et)?\b|^registrera dig\b|^anmäl dig\b", max_words=40),
        LineRuleSpec("account notice", r"\bdu är nu (?:registrerad|inloggad|prenumerant)\b|^välkommen tillbaka\b"),
        LineRuleSpec("comment prompt", r"^kommentarer(?:\s*\(\d+\))?$|^(?:lämna|skriv) en kommentar\b|^visa kommentarer\b"),
        LineRuleSpec("author promotion", rf"^följ (?:\S+ ){{1,4}}på (?:{_SOCIAL})\b"),
        LineRuleSpec("navigation", r"^(?:annons|läs mer|läs också|relaterat|mest läst)\s*:?$", max_words=4),
    )
    outlet_patterns = (r"\bmed (?P<outlet>[A-ZÅÄÖ][\w&'-]*(?: [A-ZÅÄÖ][\w&'-]*){0,3})$",)
    author_bio_verbs = ("är", "var", "har", "skriver", "bevakar")
    # The genitive -s ("Kinas") names the same actor, and a compound may begin with a name
    # ("Kinabesöket", the China visit); from four letters, so that short names are not found inside words.
    name_endings = ("s",)
    not_names = frozenset(
        "den det de en ett detta denna dessa han hon vi jag du ni hans hennes deras vår min din men och eller om "
        "när medan efter innan som på i för med av från till inte nej ja där här vad vem varför hur vilken enligt "
        "under sedan trots samtidigt även dessutom också".split())
    name_compound_min = 4


LANGUAGE = Swedish("sv")
