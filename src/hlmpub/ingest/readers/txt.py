"""The text reader: UN document text (as extracted from a PDF) → pages of lines.

The file is decoded (:mod:`.decode`), its characters cleaned
(:func:`clean_chars`) and cut into pages at form feeds and into lines.  The
PDF reader hands its text layer to :func:`page_blocks` as well, pages joined
with form feeds.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ...model import Source
from ...safeio import sha256_file
from ..blocks import PAGE, Block, Layout, Reading
from .decode import read_text_file

FORMAT = "txt"

#: Bidi embedding/override/isolate marks, LRM/RLM/ALM, zero-width no-break space (BOM).
INVISIBLE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
#: Latin ligatures (ﬁ ﬂ ...) and Arabic presentation forms, which some PDFs give instead of letters.
PRESENTATION_FORMS = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]")
FORM_FEED = "\f"


def clean_chars(text: str) -> str:
    """Unify newlines, drop invisible bidi marks, fold ligatures and Arabic presentation forms."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = INVISIBLE.sub("", text)
    return PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def page_blocks(text: str) -> tuple[Block, ...]:
    """One ``page`` block per stretch between form feeds, its lines as they are (characters cleaned)."""
    pages = clean_chars(text).split(FORM_FEED)
    return tuple(Block(PAGE, tuple(page.split("\n")), Layout(page=n)) for n, page in enumerate(pages, 1))


def text_reading(text: str, source: Source) -> Reading:
    """The reading of decoded text (the whole file as one string)."""
    return Reading(source, page_blocks(text))


def read(path: Path, lang: str) -> Reading:
    """Read a UTF-8 (or UTF-16 / GB18030) text file."""
    return text_reading(read_text_file(path, lang), Source(path=path.name, format=FORMAT, sha256=sha256_file(path)))
