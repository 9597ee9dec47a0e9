"""Bytes of a text file → one clean Python string, or one clear refusal.

UTF-8 (with or without a BOM) is the expected encoding.  UTF-16 and UTF-32
are recognised by their byte-order mark (UTF-16 also without one, from the
pattern of NUL bytes) and decoded.  GB18030 (the Chinese national encoding,
a superset of GBK/GB2312) is accepted for Chinese when the decoded text is
mostly Han characters.  Anything else — NUL bytes, control characters, a PDF
or a ZIP given as text, undecodable bytes — is refused with one line.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from ..errors import InputError

log = logging.getLogger(__name__)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file; read it with --format pdf (or name it .pdf)"),
    (b"PK\x03\x04", "a ZIP container (DOCX?); read it with --format docx (or name it .docx)"),
    (b"\xd0\xcf\x11\xe0", "an old binary Word/OLE file; save it as DOCX or UTF-8 text"),
)

#: Control characters that have no place in text (tab, newline, carriage return, form feed are fine).
BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``le``/``be`` when every other byte is NUL, as in UTF-16 text of mostly Latin letters."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _decode_with(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding.upper()} text (byte {exc.start}: {exc.reason})", path) from None


def _gb18030(data: bytes, lang: str) -> str | None:
    """GB18030 text when the bytes decode and the result is mostly Han (only for Chinese)."""
    if lang != "zh":
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if letters and len(HAN.findall(text)) >= 0.3 * len(letters):
        return text
    return None


def decode_text(data: bytes, path: Path, lang: str) -> str:
    """Decode the bytes of a text file; refuse binary data and unknown encodings."""
    if not data.strip():
        raise InputError("the file is empty (no text)", path)
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise InputError(f"this is {what}, not text", path)
    bom = _bom_encoding(data)
    if bom is not None:
        name, skip = bom
        log.info("%s: %s by its byte-order mark", path, name)
        return _check_text(_decode_with(data[skip:], name, path), path)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        log.info("%s: %s without byte-order mark", path, utf16)
        return _check_text(_decode_with(data, utf16, path), path)
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes), not text", path)
    try:
        return _check_text(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        text = _gb18030(data, lang)
        if text is not None:
            log.warning("%s: not UTF-8; decoded as GB18030", path)
            return _check_text(text, path)
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); save the file as UTF-8",
            path,
        ) from None


def _check_text(text: str, path: Path) -> str:
    bad = len(BAD_CONTROLS.findall(text))
    if bad and bad > max(2, len(text) // 1000):
        raise InputError(f"binary file ({bad} control characters), not text", path)
    if not text.strip():
        raise InputError("the file is empty (only whitespace)", path)
    return BAD_CONTROLS.sub("", text)


def read_text_file(path: Path, lang: str) -> str:
    """Read and decode a text file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path) from None
    return decode_text(data, path, lang)
