"""Score any CSV of sentences or headlines: the input columns, plus the sentence measures of each row.

The file is read and written in chunks, so memory stays bounded however many rows it has; the output
appears in one rename when every row is done. Every input column is kept exactly as written (read as text).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from framing.errors import InputError, OutputError

CHUNK_ROWS = 2_000
OUTPUT_SUFFIXES = (".csv", ".jsonl")


class Scorer:
    """Score sentences, unsupervised or with a trained model; highlights always come from the lexicons.

    Parameters
    ----------
    lang : language of the sentences.
    model : a trained :class:`~framing.detection.model.LoadedModel` or
        :class:`~framing.detection.frames.FrameModel`, a path to one, or None.
    headlines : whether each text is a headline: then a label before a colon counts as loaded, and the
        headline tricks are found (``headline_cue_score``, ``headline_cues``; NaN for sentences).
    codebooks : frame codebooks, names or folders (default: the frame model's, else ``generic``). Each row
        gets, per family, its cue count, rate, and ``frame_<key>_score`` (the untrained score of
        :mod:`framing.features.frames`), and the primary frame. A frame model replaces the scores of the
        frames it learned with its probabilities, and the primary frame is then the most probable of them:
        untrained scores are on another scale than probabilities, so they do not compete.
    """

    def __init__(self, *, lang: str = "en", model=None, headlines: bool = False, codebooks=None) -> None:
        from framing.codebooks import load_codebook, load_codebooks
        from framing.detection.evaluate import DEFAULT_THRESHOLD
        from framing.detection.model import load_model
        from framing.features.tables import Analyzers

        self.lang = lang
        self.headlines = headlines
        self.model = load_model(model) if isinstance(model, (str, Path)) else model
        if self.model is not None and self.model.lang != lang:
            raise InputError(f"the model was trained on '{self.model.lang}' sentences, not '{lang}'")
        frame_model = getattr(self.model, "frames_", None) is not None
        if frame_model and codebooks is None:
            codebooks = [self.model.codebook]
        self.model_codebook = load_codebook(self.model.codebook).name if frame_model else None
        self.analyzer = Analyzers(codebooks=load_codebooks(codebooks))(lang)
        self.threshold = DEFAULT_THRESHOLD if self.model is None or frame_model else self.model.threshold_
        self.method = "unsupervised" if self.model is None or frame_model else "trained model"

    def score(self, texts: list[str]) -> pd.DataFrame:
        """Return one row of measures per text; ``loaded_score`` is the model's when there is one."""
        from framing.features import frames

        analyzed = [self.analyzer.analyze(text, is_headline=self.headlines) for text in texts]
        rows = pd.DataFrame([{k: v for k, v in row.items() if not k.startswith("_")} for row in analyzed])
        for book in self.analyzer.codebooks:
            scores = {key: [frames.score(row[frames.weight_key(book, key)], row["n_words"]) for row in analyzed]
                      for key in book.keys}
            for key in book.keys:
                rows[book.column(key, "score")] = scores[key]
            rows[book.column("primary")] = [frames.primary({key: scores[key][i] for key in book.keys})
                                            for i in range(len(analyzed))]
        if self.model is not None and len(texts):
            if getattr(self.model, "frames_", None) is not None:
                probabilities = self.model.predict_frames(texts)
                # The columns of the model's codebook (prefixed when several are scored), else frame_<key>_.
                book = next((book for book in self.analyzer.codebooks if book.name == self.model_codebook), None)
                prefix = book.prefix if book is not None else "frame_"
                for key, probability in probabilities.items():
                    rows[f"{prefix}{key}_score"] = probability
                if f"{prefix}primary" in rows.columns:
                    rows[f"{prefix}primary"] = [frames.primary({key: values[i] for key, values in
                                                                probabilities.items()}) for i in range(len(texts))]
            else:
                rows["loaded_score"] = self.model.predict_proba(texts)
        return rows


# The scorer of the running score_csv: set before worker processes fork, so each inherits it built.
_SCORER: Scorer | None = None


def score_csv(path: str | Path, out: str | Path, *, text_col: str = "text", lang: str = "en", model=None,
              chunk_rows: int = CHUNK_ROWS, progress: Callable[[int, int], None] | None = None,
              workers: int = 1, headlines: bool = False, note: Callable[[str], None] | None = None,
              codebooks=None) -> int:
    """Score every row of the CSV at ``path`` and write ``out`` (.csv or .jsonl); return the row count.

    A CSV in another encoding than UTF-8 is decoded as the corpus reader decodes files, and ``note`` is
    called with a line that says which; binary data is an :class:`InputError`. Cells of a CSV output that
    start like a spreadsheet formula get an apostrophe (:func:`framing.io.spreadsheet_safe`).

    ``progress(done_bytes, total_bytes)`` is called after each chunk. ``workers`` local processes score
    chunks in parallel; the output is the same, to the byte, for any number. With ``headlines`` each row
    is a headline (see :class:`Scorer`); ``codebooks`` (names or folders) choose the frames scored.
    """
    global _SCORER
    from framing.corpus.encoding import DecodeError, utf8_file
    from framing.features.engine import make_engine
    from framing.io import atomic_path, refuse_overwriting_inputs

    path, out = Path(path), Path(out)
    if not path.is_file():
        raise InputError("no such file", path=path)
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise OutputError(f"unsupported output format {suffix!r}; use .csv or .jsonl", path=out)
    refuse_overwriting_inputs(out, [path])
    try:
        source, encoding = utf8_file(path)
    except DecodeError as error:
        raise InputError(str(error), path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {(error.strerror or str(error)).lower()}", path=path) from None
    if encoding is not None and note is not None:
        note(f"{path}: decoded as {encoding} (not UTF-8)")
    _SCORER = Scorer(lang=lang, model=model, headlines=headlines, codebooks=codebooks)
    total_bytes, n_rows = path.stat().st_size, 0
    with source, atomic_path(out) as tmp, open(tmp, "wb") as sink, make_engine("local", workers=workers) as engine:
        try:
            chunks = pd.read_csv(source, dtype=str, keep_default_na=False, chunksize=chunk_rows)
            for rows, data in engine.map(_score_chunk, enumerate(chunks), text_col, suffix, path):
                sink.write(data)
                n_rows += rows
                if progress is not None:
                    progress(min(source.tell(), total_bytes), total_bytes)
        except pd.errors.EmptyDataError:
            raise InputError("the file is empty", path=path) from None
        except pd.errors.ParserError as error:
            raise InputError(f"not a valid CSV table: {str(error).strip().splitlines()[-1]}", path=path) from None
        if n_rows == 0:
            raise InputError("the file has no rows to score", path=path)
    return n_rows


def _score_chunk(item: tuple[int, pd.DataFrame], text_col: str, suffix: str, path: Path) -> tuple[int, bytes]:
    """Score one numbered chunk with the inherited scorer; return its row count and output bytes."""
    number, chunk = item
    return len(chunk), _scored_bytes(chunk, _SCORER, text_col=text_col, suffix=suffix, header=number == 0, path=path)


def _scored_bytes(chunk: pd.DataFrame, scorer: Scorer, *, text_col: str, suffix: str, header: bool,
                  path: Path) -> bytes:
    """Return one chunk of input rows with their measures, serialised for the output file."""
    from framing.io import spreadsheet_safe, table_bytes

    if text_col not in chunk.columns:
        raise InputError(f"no column '{text_col}' (columns: {', '.join(chunk.columns)})", path=path)
    measures = scorer.score(chunk[text_col].tolist()).set_axis(chunk.index)
    clash = [column for column in measures.columns if column in chunk.columns]
    if clash:
        raise InputError(f"the input already has a column '{clash[0]}'; rename it before scoring", path=path)
    scored = pd.concat([chunk, measures], axis=1)
    if suffix == ".csv":
        return spreadsheet_safe(scored).to_csv(index=False, header=header, lineterminator="\n").encode("utf-8")
    return table_bytes(scored, suffix)
