"""English: Punkt sentences, Snowball stems, the English-only analyzers, and English news boilerplate."""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

from framing.languages.base import Language, LineRuleSpec

_SOCIAL = r"twitter|x|facebook|instagram|threads|linkedin|mastodon|bluesky|tiktok|youtube|telegram|weibo|微博|微信"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class English(Language):
    """English."""

    name = "English"
    punkt_model = "english"
    stemmer = "english"
    capabilities = frozenset({"textblob", "vader", "phrase_chunks", "rated_words"})
    # "-er" is left out: it makes agent nouns ("profiteer" from "profit") as often as comparatives.
    inflections = ("'s", "ies", "ied", "ily", "ing", "es", "ed", "ly", "s", "d")
    cased = True
    function_words = frozenset({
        "the", "of", "to", "in", "for", "on", "with", "at", "by", "from", "as", "is", "are", "was", "were",
        "and", "or", "after", "over", "into", "about", "against", "amid", "says", "said", "new", "its", "their",
        "his", "her", "this", "that", "than", "will", "has", "have", "be", "not", "more", "up", "out", "no",
        "a", "an", "it", "who", "what", "why", "how", "when", "first", "plan", "could", "would", "should",
    })
    number_words = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                              "twelve", "fifteen", "twenty", "fifty", "hundred"})
    # "but" opens a clause that the negation before it does not reach: "not cheap, but good".
    scope_breaks = frozenset({"but", "however", "although", "though", "whereas", "while", "instead"})
    not_negations = ("not only", "not just", "not merely", "no doubt", "no wonder", "not least")
    months = MappingProxyType({m: i for i, m in enumerate(_MONTHS, start=1)}
                              | {m: i for i, m in enumerate(_MONTH_ABBREVIATIONS, start=1)} | {"sept": 9})
    weekday_pattern = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
    weekdays = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    date_prefixes = ("published", "updated", "posted", "last updated")
    genre_labels = frozenset({
        "analysis", "breaking", "comment", "editorial", "exclusive", "explainer", "factbox", "fact check",
        "interview", "live", "opinion", "podcast", "review", "update", "watch", "video", "photos", "q&a",
    })
    speech_words = ("said", "says", "told", "called", "according", "wrote", "asked", "added")
    line_rules = (
        LineRuleSpec("newsletter sign-up",
                     r"^\W*(?:subscribe|sign up|signup|register|get)\b.{0,80}\b(?:newsletter|updates|alerts|briefing|inbox)",
                     max_words=30),
        LineRuleSpec("newsletter sign-up", r"\bnewsletters?\b", max_words=25),
        LineRuleSpec("subscription prompt", r"^(?:subscribe|subscribe now|subscribe today|become a (?:member|subscriber)|"
                                            r"already a (?:member|subscriber)\??)\b", max_words=12),
        LineRuleSpec("account notice", r"\b(?:successfully|now) (?:signed up|signed in|subscribed|logged in|registered)\b"),
        LineRuleSpec("account notice", r"\bmagic link\b|\bcheck your (?:e-?mail|inbox)\b|^welcome back\b"),
        LineRuleSpec("account notice",
                     r"\bbilling (?:info(?:rmation)? |details )?(?:has|have|was|were|is) (?:not )?(?:been )?updated\b"),
        LineRuleSpec("comment prompt",
                     r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?$|^(?:show|view|load|read) (?:all |more )?\d* ?comments?\b"),
        LineRuleSpec("comment prompt", r"\b(?:issues?|problems?|trouble) (?:with )?commenting\b|\bcomments? (?:are|is) closed\b|"
                                       r"^(?:leave|post|add|write) a comment\b|^join the (?:conversation|discussion)\b"),
        LineRuleSpec("author promotion",
                     rf"^(?:you can )?follow (?:\S+ ){{1,4}}on (?:{_SOCIAL})\b|\bfollow (?:him|her|them) on (?:{_SOCIAL})\b"),
        LineRuleSpec("author promotion", r"^(?:\S+ ){1,3}is on (?:twitter|x|instagram|threads|bluesky) (?:at )?@\w+"),
        LineRuleSpec("share widget", r"^(?:share (?:this|on|via)|click to share|share this (?:article|story))\b",
                     max_words=12),
        LineRuleSpec("navigation", r"^(?:advertisement|sponsored|read more|related|related (?:articles|stories)|see also|"
                                   r"recommended|most read|skip to (?:main )?content)\s*:?$", max_words=4),
    )
    outlet_patterns = (
        r"\bsubscribed to (?P<outlet>[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4})[.!]?$",
        r"\bsubscribe to (?P<outlet>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,4})(?:'s|’s)? newsletter",
    )
    author_bio_verbs = ("is", "was", "has", "covers", "writes", "joined", "reports")
    # A possessive names the same actor: "China's", "Reuters'".
    name_endings = ("'s", "’s", "'", "’")
    not_names = frozenset(
        "the a an this that these those he she it they we i you his her its their our my your but and or if when "
        "while after before as at in on for with by from to of not no yes there here what who why how where which "
        "mr mrs ms dr according however meanwhile also yet still last under since despite during".split())

    def capitals_are_word(self, token: str) -> bool:
        # A word pattern's lexicon knows in lower case, and not as a name in capitals ("WHO", "US" are names).
        lexicon = pattern_parser().lexicon
        return token.lower() in lexicon and lexicon.get(token) != "NNP"


@lru_cache(maxsize=1)
def pattern_parser():
    """Return TextBlob's English parser (pattern's Brill tagger and chunker), its lexicon read.

    TextBlob reads its 94,000-word lexicon line by line on first use, a third of a second; the same file read
    at once and split the same way (``word tag`` per line, ``;;;`` comments, the last line of a word
    winning) fills the same dictionary in a third of the time.
    """
    from textblob.en import parser

    lexicon = parser.lexicon
    if not dict.__len__(lexicon):
        with open(lexicon.path, encoding="utf-8") as file:
            lines = (line.strip() for line in file.read().split("\n"))
            dict.update(lexicon, (line.split(" ")[:2] for line in lines if line and not line.startswith(";;;")))
    return parser


LANGUAGE = English("en")
