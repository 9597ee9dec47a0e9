"""Font choices per script, and a check that the chosen fonts cover the text.

``PDF_STACKS`` mirrors the ``.l-xx`` font-family lists of ``templates/pdf/edition.css``
(a test keeps them in step); ``DOCX_FONTS`` names the faces written into Word runs.
:func:`missing_glyphs` asks fontconfig for each family's file and fontTools for its
character map, so a missing glyph is found before a reader sees tofu.
"""

from __future__ import annotations

import functools
import logging
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

LATIN = "Noto Serif"
CJK = "Noto Serif CJK SC"
ARABIC = ("Noto Naskh Arabic", "Amiri")  # Naskh lacks / - ( ) %: Amiri fills in

#: Font-family stack per language, first choice first (as in templates/pdf/edition.css).
PDF_STACKS: dict[str, tuple[str, ...]] = {
    "zh": (CJK,),
    "ar": ARABIC,
    "en": (LATIN,),
    "es": (LATIN,),
    "fr": (LATIN,),
    "ru": (LATIN,),
}

#: Word run fonts: Latin (ascii/hAnsi), East Asian, complex script.  Amiri is a complete Arabic face.
DOCX_FONTS = {"ascii": LATIN, "east_asia": CJK, "cs": "Amiri"}
#: The face Word / LibreOffice use for each language's runs.
DOCX_STACKS: dict[str, tuple[str, ...]] = {
    "zh": (CJK,),
    "ar": ("Amiri",),
    "en": (LATIN,),
    "es": (LATIN,),
    "fr": (LATIN,),
    "ru": (LATIN,),
}

#: Word language tags per language.
WORD_LANG = {"zh": "zh-CN", "ar": "ar-SA", "en": "en-GB", "es": "es-ES", "fr": "fr-FR", "ru": "ru-RU"}


def stack(lang: str, which: str = "pdf") -> tuple[str, ...]:
    """The font stack for ``lang`` (``which``: pdf or docx); unknown languages get the Latin face."""
    table = PDF_STACKS if which == "pdf" else DOCX_STACKS
    return table.get(lang, (LATIN,))


@functools.lru_cache(maxsize=32)
def font_file(family: str) -> tuple[Path, int] | None:
    """The file (and face index in a collection) fontconfig uses for ``family``, or None if not installed."""
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{family}\n%{file}\n%{index}", f"{family}:style=Regular"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.splitlines()
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("fc-match %s failed: %s", family, exc)
        return None
    if len(out) < 3 or family.lower() not in [f.strip().lower() for f in out[0].split(",")]:
        return None
    return Path(out[1]), int(out[2] or 0)


@functools.lru_cache(maxsize=32)
def _cmap(family: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    found = font_file(family)
    if found is None:
        return frozenset()
    path, index = found
    font = TTFont(str(path), fontNumber=index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _ignorable(char: str) -> bool:
    """Whitespace and format controls (bidi marks, ZWJ …) draw no glyph of their own."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc")


def missing_glyphs(text: str, families: Sequence[str]) -> set[str]:
    """Characters of ``text`` that no family of ``families`` has a glyph for."""
    chars = {c for c in text if not _ignorable(c)}
    for family in families:
        chars = {c for c in chars if ord(c) not in _cmap(family)}
        if not chars:
            break
    return chars


def missing_by_lang(texts: Iterable[tuple[str, str]], which: str = "pdf") -> dict[str, set[str]]:
    """``(lang, text)`` pairs → characters no font of that language's stack covers."""
    joined: dict[str, list[str]] = {}
    for lang, text in texts:
        joined.setdefault(lang, []).append(text)
    result = {lang: missing_glyphs("".join(parts), stack(lang, which)) for lang, parts in joined.items()}
    return {lang: chars for lang, chars in result.items() if chars}
