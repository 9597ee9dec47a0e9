"""Fixtures and text-checking helpers for the renderer tests.

``small_edition`` is the SYNTHETIC six-language model in tests/fixtures/render/
(real UDHR text, hand-made links; see the README table there).

Fidelity is checked per column: the PDF page is cropped to one language column
(below the repeated table header, above the footer) and handed to ``pdftotext``
(reading-order mode, never ``-raw``), so Arabic comes back in logical order and
columns never interleave.  Text is compared after normalisation: NFKC (undoes
Arabic presentation forms and Latin ligatures), whitespace and format controls
(bidi marks) removed; each unit must be found after the end of the previous one.

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
from lxml import etree

from hlmpub import model

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "udhr_small.json"
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")


@pytest.fixture(scope="session")
def small_edition() -> model.Edition:
    return model.load(FIXTURE.read_text(encoding="utf-8"))


def normalise(text: str, lang: str) -> str:
    """The comparable form of a text (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text)
    if lang == "ar":
        return "".join(_ARABIC_LETTER.findall(text))
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc"))


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


def _words(pdf: Path, page: int = 1) -> tuple[float, float, list[tuple[str, float, float, float, float]]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True))
    page_el = root.find(".//{*}page")
    words = [
        (w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")))
        for w in root.iter("{*}word")
    ]
    return float(page_el.get("width")), float(page_el.get("height")), words


def column_texts(pdf: Path, names: dict[str, str]) -> dict[str, str]:
    """Text of each language column over all pages, from crops located by the column heads on page 1."""
    width, height, words = _words(pdf)
    heads = {lang: next(w for w in words if name in (w[0], w[0][::-1])) for lang, name in names.items()}  # ar: visual
    centres = [(h[1] + h[3]) / 2 for h in heads.values()]
    top = max(h[4] for h in heads.values()) + 4
    bottom = max(w[2] for w in words if w[0] == "/") - 2  # the footer "page / pages"
    margin = min(w[1] for w in words if w[4] < min(h[2] for h in heads.values()))
    step = (centres[-1] - centres[0]) / (len(centres) - 1) if len(centres) > 1 else 2 * (width - margin - centres[0])
    texts = {}
    for lang, centre in zip(heads, centres, strict=True):
        left = centre - step / 2 + 1
        cmd = [
            "pdftotext",
            "-x",
            str(int(left)),
            "-y",
            str(int(top)),
            "-W",
            str(int(step - 2)),
            "-H",
            str(int(bottom - top)),
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
