"""Deferred package inits: the classroom commands import NLTK's VADER and TextBlob's English parser
without NLTK's and TextBlob's ``__init__``, and everything else of both still works afterwards."""

import json
import subprocess
import sys

SCORES = """
import json, sys
if sys.argv[1] == "lean":
    from framing._lean import defer_package_inits

    defer_package_inits()
from framing.features.sentiment import vader
from framing.languages.en import pattern_parser

text = "Greedy bosses slam the deal, but workers are not happy!"
before = {"vader": vader().polarity_scores(text), "tags": pattern_parser().find_tags(text.split()),
          "whole_nltk_imported": "nltk.tokenize" in sys.modules}
import nltk.sentiment  # a name of the inner package's init first: the outer one's runs before it
from textblob import TextBlob

after = {"analyzer": nltk.sentiment.SentimentAnalyzer.__name__, "tokens": nltk.TreebankWordTokenizer().tokenize("Workers aren't happy."), "blob": list(TextBlob(text).sentiment)}
print(json.dumps([before, after]))
"""


def run(mode: str) -> list[dict]:
    result = subprocess.run([sys.executable, "-c", SCORES, mode], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_deferred_inits_give_the_same_answers_and_run_when_asked():
    (lean, lean_after), (full, full_after) = run("lean"), run("full")
    assert not lean.pop("whole_nltk_imported")
    assert full.pop("whole_nltk_imported")
    assert lean == full
    assert lean_after == full_after
    assert lean_after["tokens"] == ["Workers", "are", "n't", "happy", "."]
