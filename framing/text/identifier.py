"""py3langid's language identifier, its model read from an uncompressed copy in the cache folder.

py3langid ships its model as an LZMA-compressed NumPy archive: 4.5 MB that unpack to 68 MB each time a
process first identifies a language, most of a second of ``framing worksheet``. The arrays it unpacks are
kept as plain ``.npy`` files in ``<cache>/py3langid/<digest>/`` (the digest of the model file and of
py3langid's loader), read back without pickle, the largest mapped from disk rather than read. The
identifier built from them holds the same arrays, so it gives the same scores; a cache that cannot be read
or written is skipped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from array import array
from functools import lru_cache
from pathlib import Path

# The arrays of py3langid's model, as its loader (py3langid.modelio.load_model) returns them, in order.
_PARTS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


@lru_cache(maxsize=1)
def identifier():
    """Return py3langid's ``LanguageIdentifier`` with its shipped model, normalised probabilities on."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    path = Path(MODEL_DIR) / MODEL_FILE
    folder = _cache_folder(path)
    model = _read(folder)
    if model is None:
        model = load_model(path)
        shutil.rmtree(folder, ignore_errors=True)  # what could not be read
        _write(folder, model)
    ptc, pc, classes, nextmove, row, output = model
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True,
                              tk_row=row)


def _cache_folder(model_file: Path) -> Path:
    from py3langid import modelio

    from framing.cachedir import default_cache_dir

    # The model and the loader that reads it: a new py3langid with either changed misses.
    digest = hashlib.sha256(model_file.read_bytes() + Path(modelio.__file__).read_bytes()).hexdigest()[:24]
    return default_cache_dir() / "py3langid" / digest


def _read(folder: Path) -> tuple | None:
    """Return the model from ``folder`` in the shape py3langid's loader gives, or None when it is not there."""
    import numpy as np

    try:
        ptc = np.load(folder / "ptc.npy", mmap_mode="r", allow_pickle=False)
        pc, classes, nextmove, row, output = (np.load(folder / f"{name}.npy", allow_pickle=False)
                                              for name in _PARTS[1:])
    except (OSError, ValueError):
        return None
    return (ptc, pc, classes.tolist(), _to_array(nextmove), _to_array(row), output.tolist())


def _write(folder: Path, model: tuple) -> None:
    """Keep ``model`` (py3langid's loader's tuple) in ``folder``, written aside and renamed into place."""
    import numpy as np

    ptc, pc, classes, nextmove, row, output = model
    arrays = (ptc, pc, np.array(classes), _to_numpy(nextmove), _to_numpy(row), np.asarray(output, dtype=np.int32))
    partial = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    try:
        partial.mkdir(parents=True, exist_ok=True)
        for name, values in zip(_PARTS, arrays):
            np.save(partial / f"{name}.npy", values, allow_pickle=False)
        os.replace(partial, folder)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)


def _to_numpy(values: array):
    import numpy as np

    return np.frombuffer(values, dtype=np.dtype(values.typecode))


def _to_array(values) -> array:
    """Return a NumPy array of unsigned integers as the standard-library array py3langid walks."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(values.tobytes())
    return out
