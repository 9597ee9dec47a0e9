"""The text reader: UN document text (as extracted from a PDF) → :class:`Version`.

:func:`parse_text` is the whole pipeline from a decoded string and is shared
by the PDF reader (pages joined with ``"\\f"``) and the DOCX reader (paragraphs
joined with ``"\\n\\n"``):

1. characters: newlines unified, bidi controls and BOMs removed, Arabic
   presentation forms and Latin ligatures folded to letters;
2. page furniture dropped, its metadata kept (:mod:`.furniture`);
3. footnotes at the foot of a page taken out (:mod:`.footnotes`);
4. lines cut into blocks at numbering markers and gaps (:mod:`.segment`),
   each footnote placed after the block that references it;
5. each block's lines joined per language (:mod:`.joining`);
6. keys and ids assigned (:mod:`hlmpub.conventions`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

from ...conventions import IdAllocator, note_key
from ...model import Source, Unit, Version
from ...safeio import sha256_file
from ..readers.decode import read_text_file
from .footnotes import Note, place_marked_notes, split_notes
from .frontmatter import front_keys
from .furniture import strip_furniture
from .joining import join_lines, vocabulary
from .markers import Block, segment

FORMAT = "txt"

#: Bidi embedding/override/isolate marks, LRM/RLM/ALM, zero-width no-break space (BOM).
INVISIBLE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
#: Latin ligatures (ﬁ ﬂ ...) and Arabic presentation forms, which some PDFs give instead of letters.
PRESENTATION_FORMS = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]")


def clean_chars(text: str) -> str:
    """Unify newlines, drop invisible bidi marks, fold ligatures and Arabic presentation forms."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = INVISIBLE.sub("", text)
    return PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def _units(blocks: list[Block], lang: str, vocab: frozenset[str]) -> list[Unit]:
    ids = IdAllocator(lang)
    texts = [join_lines(b.lines, lang, vocab) for b in blocks]
    front = [t for b, t in zip(blocks, texts, strict=True) if b.kind == "front"]
    meta_keys = iter(front_keys(front, lang))
    units = []
    for block, text in zip(blocks, texts, strict=True):
        if block.kind == "front":
            kind, key = "meta", next(meta_keys)
        else:
            kind, key = block.kind, block.key
        units.append(Unit(ids.assign(kind, key), lang, kind, key, block.marker, text))
    return units


def _with_notes(blocks: list[Block], notes: list[Note]) -> list[Block]:
    """Each note as a block right after the block holding its reference (after earlier notes there)."""
    starts = [b.start for b in blocks]  # increasing: blocks come in line order
    after: dict[int, list[Block]] = {}
    for note in notes:
        anchor = bisect_right(starts, note.ref_line) - 1
        after.setdefault(anchor, []).append(Block("note", note.marker, note_key(note.number), note.lines))
    out = after.get(-1, [])
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(after.get(i, []))
    return out


def parse_text(text: str, lang: str, source: Source, *, gap: int | None = None, notes: Sequence[Note] = ()) -> Version:
    """Segment the text of one language version into units.

    ``gap``: how many blank lines end a block.  None (the default) detects it
    from the text: 2 when a blank line follows every wrapped line, else 1.  A
    reader whose lines are whole paragraphs (DOCX, paragraphs joined with
    ``"\n\n"``) passes ``gap=1`` so that every paragraph is its own block.

    ``notes``: footnotes the reader already knows (DOCX), each referenced in
    ``text`` by :data:`.footnotes.REF_MARK` and its number; page-foot notes are
    then not looked for.
    """
    cleaned = strip_furniture(clean_chars(text))
    if notes:
        body, found = place_marked_notes(cleaned.lines, notes)
        vocab = vocabulary([*body, *(line for note in found for line in note.lines)])
    else:
        body, found = split_notes(cleaned.lines, cleaned.page_ends)
        vocab = vocabulary(cleaned.lines)
    blocks = _with_notes(segment(body, lang, gap), found)
    return Version(lang=lang, units=tuple(_units(blocks, lang, vocab)), source=source, meta=cleaned.meta)


def read(path: Path, lang: str) -> Version:
    """Read a UTF-8 (or UTF-16 / GB18030) text file."""
    text = read_text_file(path, lang)
    return parse_text(text, lang, Source(path=path.name, format=FORMAT, sha256=sha256_file(path)))
