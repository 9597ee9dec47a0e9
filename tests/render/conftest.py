"""Fixtures and text-checking helpers for the renderer tests.

``small_edition`` is the SYNTHETIC six-language model in tests/fixtures/render/
(real UDHR text, hand-made links; see the README table there).

Fidelity is checked per column: the PDF page is cropped to one language column
(below the repeated table header, above the footer; the column geometry comes from
the same weasyprint layout, ``hlmpub.render.pdf.lay_out``) and handed to ``pdftotext``
(reading-order mode, never ``-raw``), so Arabic comes back in logical order and
columns never interleave.  Text is compared after normalisation: NFKC (undoes
Arabic presentation forms and Latin ligatures), whitespace and format controls
(bidi marks) and hyphens removed (pdftotext drops a hyphen at the end of a
line, even a real one); each unit must be found after the end of the previous one.

Arabic needs a looser but still strict-enough rule.  pdftotext sorts text by
baseline, and a word carrying a vowel mark above (``أحرارًا``) or the lam-alef
ligature with tanween (``عقلاً``) sits on a slightly different baseline, so
pdftotext moves that word, or half of it, to a line of its own, before or after
its neighbours.  Letters never leave their cell, though.  So for Arabic only the
Arabic letters are kept, and each unit must match a contiguous window of the
column's letter stream with exactly the same letters (as a multiset), the
windows following each other in unit order: no letter lost, none added, units in
order; only the order of letters inside one unit is not checked.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from hlmpub import model

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "udhr_small.json"
#: pdftotext drops a hyphen that ends a line ("какой-\nлибо" → "какойлибо"): hyphens are not compared.
HYPHENS = frozenset("-\u2010\u2011\u00ad")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")


@pytest.fixture(scope="session")
def small_edition() -> model.Edition:
    return model.load(FIXTURE.read_text(encoding="utf-8"))


def normalise(text: str, lang: str) -> str:
    """The comparable form of a text (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text)
    if lang == "ar":
        return "".join(_ARABIC_LETTER.findall(text))
    return "".join(
        c for c in text if not c.isspace() and c not in HYPHENS and unicodedata.category(c) not in ("Cf", "Cc")
    )


def _window_at(haystack: str, needle: str, start: int) -> int:
    """First index >= start of a window of ``haystack`` holding exactly the letters of ``needle``, or -1."""
    size = len(needle)
    if size == 0 or start + size > len(haystack):
        return -1 if size else start
    want = Counter(needle)
    have = Counter(haystack[start : start + size])
    for begin in range(start, len(haystack) - size + 1):
        if have == want:
            return begin
        if begin + size < len(haystack):
            have[haystack[begin]] -= 1
            have[haystack[begin + size]] += 1
            if have[haystack[begin]] == 0:
                del have[haystack[begin]]
    return -1


def missing_in_order(units: list[model.Unit], text: str, lang: str) -> list[str]:
    """Ids of units whose text is not found in ``text`` after the previous unit's end."""
    haystack = normalise(text, lang)
    pos, missing = 0, []
    for unit in units:
        needle = normalise(unit.text, lang)
        found = _window_at(haystack, needle, pos) if lang == "ar" else haystack.find(needle, pos)
        if found < 0:
            missing.append(unit.id)
        else:
            pos = found + len(needle)
    return missing


PX_TO_PT = 0.75  # weasyprint works in CSS px


def column_boxes(document) -> tuple[dict[str, tuple[float, float]], float, float]:
    """From a laid-out weasyprint Document: each language column's (left, width) in pt, and the body's
    top (below the repeated header row) and bottom (above the footer) in pt."""
    page = document.pages[0]._page_box
    columns, top = {}, 0.0
    for box in page.descendants():
        element = getattr(box, "element", None)
        if type(box).__name__ == "TableCellBox" and element is not None and element.tag == "th" and element.get("lang"):
            columns[element.get("lang")] = (box.position_x * PX_TO_PT, box.border_width() * PX_TO_PT)
            top = max(top, (box.position_y + box.border_height()) * PX_TO_PT)
    bottom = (page.content_box_y() + page.height) * PX_TO_PT
    return columns, top, bottom


def column_texts(pdf: Path, document) -> dict[str, str]:
    """Text of each language column over all pages: pdftotext on a crop of each page to that column."""
    columns, top, bottom = column_boxes(document)
    texts = {}
    for lang, (left, width) in columns.items():
        cmd = [
            "pdftotext",
            "-x",
            str(int(left) + 1),
            "-y",
            str(int(top) + 1),
            "-W",
            str(int(width) - 2),
            "-H",
            str(int(bottom - top) - 1),
            str(pdf),
            "-",
        ]
        texts[lang] = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return texts


def full_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def textcheck():
    """The helpers above (test modules cannot import conftest under --import-mode=importlib)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        normalise=normalise, missing_in_order=missing_in_order, column_texts=column_texts, full_text=full_text
    )
