"""Start-up of commands that answer one question (``framing explain``): import only what they need.

NLTK's ``__init__`` imports every NLTK module, and through their optional bridges SciPy and
scikit-learn, which takes seconds; framing reads only VADER from NLTK and TextBlob, which import NLTK.
"""

from __future__ import annotations

import sys

# Packages NLTK imports only for optional features (scikit-learn classifiers, Fisher's exact test) that
# framing never calls through NLTK.
OPTIONAL_STACKS = ("scipy", "sklearn")


def import_nltk_lean() -> None:
    """Import NLTK with SciPy and scikit-learn hidden, so that it leaves out its optional bridges to them.

    For a command-line process only: NLTK's scikit-learn classifier wrapper and Fisher's exact test stay
    unusable in the process afterwards; SciPy and scikit-learn themselves import as usual. Does nothing
    when NLTK or one of the stacks is already imported.
    """
    if "nltk" in sys.modules or any(name in sys.modules for name in OPTIONAL_STACKS):
        return
    for name in OPTIONAL_STACKS:
        sys.modules[name] = None  # an ImportError for NLTK's `try: import scipy` guards
    try:
        import nltk  # noqa: F401
    finally:
        for name in OPTIONAL_STACKS:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
