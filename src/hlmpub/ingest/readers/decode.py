"""Bytes of a text file → one clean Python string, or one clear refusal.

UTF-8 (with or without a BOM) is the expected encoding.  UTF-16 and UTF-32
are recognised by their byte-order mark, UTF-16 also without one from the
pattern of its NUL bytes (:func:`utf16_without_bom`).  For Chinese, bytes that
are not UTF-8 are decoded as GB18030 and as Big5, and the evidence decides
(:func:`chinese_legacy`); unclear evidence is refused.  Anything else — NUL bytes,
control characters, a PDF or a ZIP given as text, undecodable bytes — is
refused with one line.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError

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

#: Legacy Chinese encodings tried for ``zh`` files that are not UTF-8 (cp950 is Big5 as Windows writes it).
LEGACY_CHINESE: tuple[tuple[str, str], ...] = (("GB18030", "gb18030"), ("Big5", "cp950"))
#: Evidence that a legacy decoding is right: letters counted, share of common characters, lead over the other.
CJK_MIN_LETTERS = 10
CJK_MIN_SCORE = 0.8
CJK_MIN_MARGIN = 0.3
LETTER_OR_ODD = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Co", "Cn"})

#: Characters that betray binary data decoded as text (C0/C1 controls other than TEXT_CONTROLS, private use, ...).
ODD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})
TEXT_CONTROLS = frozenset("\t\n\r\f")
#: BOM-less UTF-16: at least this share of code units with a NUL byte on one side ...
UTF16_MIN_NUL_SHARE = 0.005
#: ... in a file of at least 16 bytes (8 characters): shorter ones are too short to tell from binary data.
UTF16_MIN_BYTES = 16
#: ... and at most half as many on the other side (U+4E00 一, U+5B00 ... give some); the decoding then decides.
UTF16_MAX_WRONG_SIDE = 0.5


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes sit mostly at odd/even offsets and the bytes decode to text.

    In UTF-16 every ASCII character (digits, spaces, newlines, Latin letters)
    has a NUL high byte, while CJK code units rarely contain a NUL (U+4E00 does):
    so text gives NULs on one side, and random binary data on both sides alike.
    """
    if len(data) < UTF16_MIN_BYTES or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    units = len(data) // 2
    for nuls, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= max(2, UTF16_MIN_NUL_SHARE * units) and other <= UTF16_MAX_WRONG_SIDE * nuls:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            return name if _plausible(text) else None
    return None


def _plausible(text: str) -> bool:
    """Text, not binary data: at most 1 % control, private-use, unassigned or replacement characters, and lines."""
    odd = sum(1 for c in text if c not in TEXT_CONTROLS and unicodedata.category(c) in ODD_CATEGORIES or c == "\ufffd")
    spaces = sum(1 for c in text if c in " \n\u3000")  # text has line ends (or spaces); random data hardly any
    return odd <= len(text) // 100 and spaces >= max(1, len(text) // 500)


def _decode_with(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding.upper()} text (byte {exc.start}: {exc.reason})", path) from None


def _gb2312_level1(char: str) -> bool:
    """One of the 3 755 most common Simplified characters (GB2312 level 1, rows 0xB0-0xD7)."""
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7


def _big5_common(char: str) -> bool:
    """One of the 5 401 frequently used Traditional characters (Big5 0xA440-0xC67E)."""
    try:
        code = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xA440 <= int.from_bytes(code, "big") <= 0xC67E


@dataclass(frozen=True)
class ChineseEvidence:
    """How much a decoding looks like Chinese: its non-ASCII letters, and how many are common or suspicious."""

    letters: int
    simplified: int
    traditional: int
    common: int
    rare: int

    @classmethod
    def of(cls, text: str) -> ChineseEvidence:
        """Count the non-ASCII letters of ``text``: common Simplified / Traditional, private-use or unassigned."""
        counts = Counter(c for c in text if ord(c) > 0x7F and unicodedata.category(c) in LETTER_OR_ODD)
        simp = trad = common = rare = 0
        for char, n in counts.items():
            s, t = _gb2312_level1(char), _big5_common(char)
            simp += n * s
            trad += n * t
            common += n * (s or t)
            rare += n * (unicodedata.category(char) in ("Co", "Cn"))
        return cls(sum(counts.values()), simp, trad, common, rare)

    @property
    def score(self) -> float:
        """Share of common Chinese characters (Simplified or Traditional) among the letters."""
        return self.common / self.letters if self.letters else 0.0

    @property
    def convincing(self) -> bool:
        """Enough letters, mostly common characters, almost no private-use or unassigned ones."""
        return self.letters >= CJK_MIN_LETTERS and self.score >= CJK_MIN_SCORE and self.rare <= 0.005 * self.letters


def chinese_legacy(data: bytes, path: Path) -> str:
    """Bytes that are not UTF-8, for Chinese: GB18030 or Big5, whichever the evidence clearly favours.

    Both decodings are tried.  The winner must read as Chinese (mostly common
    Simplified or Traditional characters, no private-use or unassigned ones)
    and score far higher than the other decoding (if that one decodes at all).
    Otherwise the file is refused: mojibake is never passed on.
    """
    found: dict[str, tuple[str, ChineseEvidence]] = {}
    for name, codec in LEGACY_CHINESE:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        found[name] = (text, ChineseEvidence.of(text))
    ranked = sorted(found.items(), key=lambda item: item[1][1].score, reverse=True)
    if ranked and ranked[0][1][1].convincing:
        name, (text, evidence) = ranked[0]
        if len(ranked) == 1 or evidence.score - ranked[1][1][1].score >= CJK_MIN_MARGIN:
            _log_legacy(path, name, evidence)
            return text
        raise InputError(
            f"not UTF-8 text; it reads as Chinese both in {name} and in {ranked[1][0]}, "
            "so the encoding is unclear; save the file as UTF-8",
            path,
        )
    raise InputError("not UTF-8 text, and neither GB18030 nor Big5 gives Chinese text; save the file as UTF-8", path)


def _log_legacy(path: Path, name: str, evidence: ChineseEvidence) -> None:
    log.warning("%s: not UTF-8; decoded as %s (%.0f%% common Chinese characters)", path, name, 100 * evidence.score)
    if evidence.traditional > evidence.simplified:
        log.warning("%s: this is Traditional Chinese; the UN's Chinese versions are in Simplified characters", path)


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
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        log.info("%s: %s without byte-order mark", path, utf16)
        return _check_text(_decode_with(data, utf16, path), path)
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes), not text", path)
    try:
        return _check_text(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        if lang == "zh":
            return _check_text(chinese_legacy(data, path), path)
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
