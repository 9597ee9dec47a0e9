"""Fonts: the CSS stacks match fonts.py, and the chosen fonts have a glyph for every character shown."""

from __future__ import annotations

import re

import pytest

from hlmpub.render import fonts
from hlmpub.render.rows import NATIVE_NAMES, build_table
from hlmpub.render.templates import BUNDLED

CSS = BUNDLED / "pdf" / "edition.css"


def _css_stacks() -> dict[str, tuple[str, ...]]:
    stacks = {}
    for selectors, family in re.findall(r"^([.\w, -]+)\{\s*font-family:\s*([^;]+);", CSS.read_text(), re.M):
        names = tuple(f.strip().strip('"') for f in family.split(","))
        for lang in re.findall(r"\.l-(\w\w)\b", selectors):
            stacks[lang] = names
    return stacks


def test_css_font_stacks_agree_with_fonts_module():
    assert _css_stacks() == fonts.PDF_STACKS


@pytest.mark.parametrize("family", ["Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", "Amiri"])
def test_every_chosen_family_is_installed(family):
    assert fonts.font_file(family) is not None, f"{family} not installed (make system)"


def test_missing_glyphs_are_reported():
    assert fonts.missing_glyphs("67/39 (ب)", ("Noto Naskh Arabic",)) == {"/", "(", ")"}
    assert fonts.missing_glyphs("67/39 (ب) %", fonts.ARABIC) == set()
    assert fonts.missing_glyphs("\U00013000 x", ("Noto Serif",)) == {"\U00013000"}
    assert fonts.missing_glyphs("\u200f\u202b x \u202c", ("Noto Serif",)) == set()  # bidi controls draw nothing
    assert fonts.font_file("No Such Family Anywhere") is None


def _texts(edition):
    table = build_table(edition)
    pairs = [(u.lang, u.marker + " " + u.text) for v in edition.versions for u in v.units]
    pairs += [(lang, NATIVE_NAMES[lang]) for lang in table.langs]
    pairs += [(lang, r.number + r.shape + "—") for r in table.rows for lang in ("en",)]
    return pairs


@pytest.mark.parametrize("which", ["pdf", "docx"])
def test_fonts_cover_the_small_edition(small_edition, which):
    assert fonts.missing_by_lang(_texts(small_edition), which) == {}


@pytest.mark.parametrize("which", ["pdf", "docx"])
def test_fonts_cover_the_seed_edition(seed_edition, which):
    assert fonts.missing_by_lang(_texts(seed_edition), which) == {}


@pytest.mark.parametrize("which", ["pdf", "docx"])
def test_fonts_cover_the_udhr_edition_all_six_scripts(udhr_edition, which):
    assert set(udhr_edition.langs) == {"ar", "en", "es", "fr", "ru", "zh"}
    assert fonts.missing_by_lang(_texts(udhr_edition), which) == {}
