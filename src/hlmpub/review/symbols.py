"""UN document symbols and resolution numbers → comparable values.

* Full symbols: ``A/68/563``, ``A/C.1/68/L.1``, ``S/RES/2118 (2013)`` keep their
  form (upper-cased, spaces removed).
* Resolutions by session and number: ``A/RES/67/39``, ``resolution 67/39`` and
  ``第 67/39 号决议`` all give ``res 67/39``.
* Old-style resolutions: ``217 A (III)``, ``217A(III)``, ``217 А (III)``
  (Cyrillic А), ``217 ألف (د-3)`` (Arabic letter and session number) all give
  ``res 217A(III)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import to_roman

#: Cyrillic and Greek look-alikes of the Latin capitals used in symbols.
LOOKALIKES = str.maketrans("АВСЕНІКМОРТХ", "ABCEHIKMOPTX")

#: Arabic letter names used for resolution parts (A, B, C, D, E).
AR_LETTERS = {"ألف": "A", "باء": "B", "جيم": "C", "دال": "D", "هاء": "E"}

FULL_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])(?:A|S|E|ST|TD|UNEP|CEDAW|CRC|CCPR|CERD|HRC|DP|ICSC)(?:/[A-Z0-9][A-Za-z0-9.\-]*)+"
    r"(?:\s?\(\d{4}\))?(?![A-Za-z0-9/])"
)
RES_PART = r"(?:\s*(?:[A-HА-Е]|ألف|باء|جيم|دال|هاء)(?![\w]))?"
OLD_RESOLUTION = re.compile(
    rf"(?<![\d/])(?P<n>\d{{1,4}}){RES_PART}\s*\(\s*(?P<s>[IVXLCІХ]+|(?:د|S)\s*-\s*\d{{1,2}})\s*\)"
)
SESSION_RESOLUTION = re.compile(r"(?<![A-Za-z0-9/.])(?P<s>[3-9]\d)/(?P<n>\d{1,4})(?![A-Za-z0-9/]|\.\d)")


@dataclass(frozen=True)
class SymbolSpan:
    """One symbol found in a text: where, its comparable value, as printed."""

    start: int
    end: int
    value: str
    text: str


def _full_value(text: str) -> str:
    value = re.sub(r"\s+", "", text).upper()
    m = re.fullmatch(r"A/RES/(\d{1,2})/(\d{1,4})", value)
    return f"res {m.group(1)}/{m.group(2)}" if m else value


def _old_value(m: re.Match[str]) -> str:
    letters = "".join(ch for ch in m.group(0)[len(m.group("n")) : m.start("s") - m.start()])
    letter = ""
    for name, latin in AR_LETTERS.items():
        if name in letters:
            letter = latin
    found = re.search(r"[A-HА-Е]", letters)
    if not letter and found:
        letter = found.group(0).translate(LOOKALIKES)
    session = m.group("s")
    digits = re.search(r"\d+", session)
    session = to_roman(int(digits.group(0))) if digits else session.translate(LOOKALIKES)
    return f"res {int(m.group('n'))}{letter}({session})"


def find_symbols(text: str) -> list[SymbolSpan]:
    """Every symbol in ``text`` (ASCII digits), without overlaps, in order."""
    found: list[SymbolSpan] = []
    taken = [False] * (len(text) + 1)

    def add(start: int, end: int, value: str) -> None:
        if not any(taken[start:end]):
            found.append(SymbolSpan(start, end, value, text[start:end]))
            taken[start:end] = [True] * (end - start)

    for m in FULL_SYMBOL.finditer(text):
        add(m.start(), m.end(), _full_value(m.group(0)))
    for m in OLD_RESOLUTION.finditer(text):
        add(m.start(), m.end(), _old_value(m))
    for m in SESSION_RESOLUTION.finditer(text):
        add(m.start(), m.end(), f"res {int(m.group('s'))}/{int(m.group('n'))}")
    return sorted(found, key=lambda s: s.start)
