"""Start-up of commands that answer one question (``framing explain``, ``framing worksheet``): import only
what they need.

framing reads two leaf modules of large packages: NLTK's VADER (``nltk.sentiment.vader``) and TextBlob's
English tagger and sentiment lexicon (``textblob.en``). Importing a leaf runs the ``__init__`` of every
package above it, and NLTK's imports every NLTK module (with NumPy), TextBlob's imports NLTK: more than half a
second of a command that should answer in two. :func:`defer_package_inits` lets the leaves be imported
without those ``__init__`` modules; a deferred ``__init__`` runs, in full and in place, the first time
anything asks its package for a name that is not one of its submodules, so a program that goes on to use
the rest of NLTK or TextBlob finds it as usual.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

# Packages whose __init__ the classroom commands skip: nothing of them but the leaves above is used there.
DEFERRED = ("nltk", "nltk.sentiment", "textblob")


class _DeferredPackage(types.ModuleType):
    """A package imported without running its ``__init__``; its submodules import as usual."""

    def __getattr__(self, name: str):
        # The import system asks a package for its submodules by name ("from nltk import redos"): give those
        # without the __init__. Anything else is a name only the __init__ defines.
        if not name.startswith("__") and importlib.util.find_spec(f"{self.__name__}.{name}") is not None:
            return importlib.import_module(f"{self.__name__}.{name}")
        _run_init(self)
        return getattr(self, name)


def _run_init(module: types.ModuleType) -> None:
    """Run the deferred ``__init__`` of ``module`` in place (its submodules already imported are kept), after
    its package's, as a plain import would (NLTK's submodules import each other in the order its own sets)."""
    parent = sys.modules.get(module.__name__.rpartition(".")[0])
    if isinstance(parent, _DeferredPackage):
        _run_init(parent)
    module.__class__ = types.ModuleType
    module.__spec__.loader.exec_module(module)


def defer_package_inits(names: tuple[str, ...] = DEFERRED) -> None:
    """Put the packages ``names`` in ``sys.modules`` with their ``__init__`` not yet run (see the module doc).

    For a command-line process that imports only leaves of them. Does nothing when any of them is imported
    already, or not installed.
    """
    if any(name in sys.modules for name in names):
        return
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.submodule_search_locations is None:
            return
        module = importlib.util.module_from_spec(spec)
        module.__class__ = _DeferredPackage
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)


@contextmanager
def without(*names: str) -> Iterator[None]:
    """Within the block, make ``import`` of the modules ``names`` fail, unless they are imported already.

    For packages that import an optional helper when they can and do the same without it: jieba reads its
    data files with ``pkg_resources`` (whose import takes longer than jieba's own) or else by path.
    """
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # an ImportError for `import name`
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
