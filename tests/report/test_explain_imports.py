"""The classroom commands start fast: they never import the heavy stacks other commands need.

Timing is measured in benchmarks/classroom.py; these tests keep the causes in sight, each in a fresh process.
"""

import json
import subprocess
import sys

import pytest

# The stacks of the paper, the figures and the encoder: never needed to explain a headline or write a worksheet.
HEAVY = ("torch", "matplotlib", "weasyprint", "transformers", "scipy", "sklearn", "dask")
# What `explain` does without: tables (pandas), the whole of NLTK and TextBlob, Chinese segmentation and the
# statistical language identifier (an English headline's language comes from its function words).
EXPLAIN_NEEDS_NONE_OF = (*HEAVY, "pandas", "nltk.tokenize", "textblob.blob", "jieba", "py3langid")
PROBE = """
import json, runpy, sys
sys.argv = %r
try:
    runpy.run_module("framing", run_name="__main__")
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(name for name in %r if name in sys.modules)))
"""


def imported(argv: list[str], names: tuple[str, ...]) -> list[str]:
    """Return which of ``names`` a fresh process running ``framing *argv`` has imported when it ends."""
    result = subprocess.run([sys.executable, "-c", PROBE % (["framing", *argv], names)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [
    ["explain", "SHOCK: Mayor's plan EXPOSED!", "--compare", "Mayor unveils plan"],
    ["explain", "Deal with the Devil: ChatGPT Boss Sam Altman Calls for Collaboration with China", "--json"],
])
def test_explain_imports_none_of_the_heavy_stacks(argv):
    assert imported(argv, EXPLAIN_NEEDS_NONE_OF) == []


def test_the_worksheet_imports_none_of_the_heavy_stacks(tmp_path):
    assert imported(["worksheet", "--answers", "--out", str(tmp_path / "answers.html")], HEAVY) == []
