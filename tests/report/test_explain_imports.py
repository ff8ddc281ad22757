"""`framing explain` starts fast: it never imports the heavy stacks other commands need.

Timing is measured in benchmarks/classroom.py; this test keeps the cause in sight, in a fresh process.
"""

import json
import subprocess
import sys

HEAVY = ("torch", "matplotlib", "weasyprint", "transformers", "scipy", "sklearn", "pandas", "dask")
PROBE = """
import json, runpy, sys
sys.argv = ["framing", "explain", "SHOCK: Mayor's plan EXPOSED!", "--compare", "Mayor unveils plan"]
try:
    runpy.run_module("framing", run_name="__main__")
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(name for name in %r if name in sys.modules)))
"""


def test_explain_imports_none_of_the_heavy_stacks():
    result = subprocess.run([sys.executable, "-c", PROBE % (HEAVY,)], capture_output=True, text=True, check=True)
    imported = json.loads(result.stdout.strip().splitlines()[-1])
    assert imported == []
