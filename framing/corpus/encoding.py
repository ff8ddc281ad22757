"""Decoding files of unknown encoding: UTF-8 (with or without BOM) first, else what charset-normalizer finds."""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import BinaryIO, NamedTuple

# When charset-normalizer scores several code pages alike (short texts), prefer the ones news files are
# really in, most used first: Western European (cp1252 reads Latin-1 too), Chinese, Japanese, Korean,
# Cyrillic, Central European, Greek, Turkish, Hebrew, Arabic, Baltic. DOS code pages (cp775, cp850) and
# EBCDIC come after all of them: they decode almost any bytes, into mojibake ("Caķ na’ve rķsumķ").
PREFERRED_ENCODINGS = ("utf_8", "cp1252", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp1251", "koi8_r",
                       "cp1250", "iso8859_2", "cp1253", "iso8859_7", "cp1254", "cp1255", "cp1256", "cp1257",
                       "iso8859_15")
# BOM -> (encoding reported, codec that decodes what follows the BOM)
_BOMS = {b"\xef\xbb\xbf": ("utf_8_sig", "utf_8"), b"\xff\xfe": ("utf_16", "utf_16_le"), b"\xfe\xff": ("utf_16", "utf_16_be")}
_DISPLAY = {"utf_8": "UTF-8", "utf_8_sig": "UTF-8 with BOM", "utf_16": "UTF-16", "gb18030": "GB18030", "cp1252": "cp1252"}


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


class Decoded(NamedTuple):
    text: str
    encoding: str

    @property
    def is_utf8(self) -> bool:
        return self.encoding == "utf_8"

    @property
    def label(self) -> str:
        """The encoding's name as a user knows it (``GB18030``, ``UTF-8 with BOM``)."""
        return _DISPLAY.get(self.encoding, self.encoding)


def decode(data: bytes) -> Decoded:
    """Return the text in ``data`` and the encoding used; raise :class:`DecodeError` for binary data."""
    for bom, (encoding, codec) in _BOMS.items():
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(f"starts with a {_DISPLAY[encoding]} byte-order mark but is not {_DISPLAY[encoding]}: {error.reason}") from None
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf_8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("binary file or unknown encoding, not text")
    best = matches[0]
    tied = {str(m) for m in matches if abs(m.chaos - best.chaos) < 0.01 and abs(m.coherence - best.coherence) < 0.05}
    # Code pages that give the same text are indistinguishable; name the one news files use most.
    for encoding in PREFERRED_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text in tied:
            return Decoded(text, encoding)
    return Decoded(str(best), best.encoding)


def utf8_file(path: str | Path) -> tuple[BinaryIO, str | None]:
    """Open the text file at ``path`` as UTF-8 bytes, for pandas; return the handle and the encoding noted.

    A UTF-8 file (with or without BOM) is opened as it is, and streams; a file in another encoding is
    decoded whole as the corpus reader decodes it (:func:`decode`) and its label returned (``cp1252``), so
    the caller can say so. Raises :class:`DecodeError` for binary data.
    """
    path = Path(path)
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as handle:
        try:
            while block := handle.read(1 << 20):
                if b"\x00" in block:
                    raise DecodeError("binary file (contains NUL bytes), not text")
                decoder.decode(block)
            decoder.decode(b"", final=True)
            utf8 = True
        except UnicodeDecodeError:
            utf8 = False
    if utf8:
        return open(path, "rb"), None
    decoded = decode(path.read_bytes())
    return io.BytesIO(decoded.text.encode("utf-8")), decoded.label
