"""Blocks → units: the segmenter's pipeline for the blocks a reader gives.

For pages and paragraphs (text, PDF, DOCX):

1. the blocks become one run of lines: a form feed after each page, a blank
   line between paragraphs, a paragraph's printed number (``layout.marker``)
   in front of its text, as a PDF shows it;
2. page furniture dropped, its metadata kept (:mod:`.furniture`);
3. footnotes taken out of the page feet (:mod:`.footnotes`), or, when the
   reader gave ``note`` blocks, placed at their marked references;
4. lines cut into segments at numbering markers and gaps (:mod:`.markers`),
   each footnote placed after the segment that references it;
5. each segment's lines joined per language (:mod:`.joining`);
6. keys and ids assigned (:mod:`hlmpub.conventions`).

Blocks that name the part of the document they are in (UDHR articles) carry
their structure with them and go to :mod:`.structured` instead; readings with
headings, tables, furniture blocks or paragraphs whose layout is known (DOCX,
tagged PDF, the layout of an untagged PDF) go to :mod:`.paragraphs`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ...conventions import IdAllocator, note_key
from ...model import Kind, Unit, Version
from ..blocks import NOTE, PAGE, PARAGRAPH, Block, Reading
from .footnotes import Note, place_marked_notes, split_notes
from .frontmatter import front_keys
from .furniture import FORM_FEED, strip_lines
from .joining import join_lines, vocabulary
from .markers import Segment, segment
from .paragraphs import paragraph_units, uses_paragraphs
from .structured import structured_units


def _units(blocks: list[Segment], lang: str, vocab: frozenset[str]) -> list[Unit]:
    ids = IdAllocator(lang)
    texts = [join_lines(b.lines, lang, vocab) for b in blocks]
    front = [t for b, t in zip(blocks, texts, strict=True) if b.kind == "front"]
    meta_keys = iter(front_keys(front, lang))
    units = []
    for block, text in zip(blocks, texts, strict=True):
        kind: Kind
        if block.kind == "front":
            kind, key = "meta", next(meta_keys)
        else:
            kind, key = block.kind, block.key
        units.append(Unit(ids.assign(kind, key), lang, kind, key, block.marker, text))
    return units


def _with_notes(blocks: list[Segment], notes: list[Note]) -> list[Segment]:
    """Each note as a segment right after the segment holding its reference (after earlier notes there)."""
    starts = [b.start for b in blocks]  # increasing: segments come in line order
    after: dict[int, list[Segment]] = {}
    for note in notes:
        anchor = bisect_right(starts, note.ref_line) - 1
        after.setdefault(anchor, []).append(Segment("note", note.marker, note_key(note.number), note.lines))
    out = after.get(-1, [])
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(after.get(i, []))
    return out


def _printed(block: Block) -> list[str]:
    """The lines of a block as printed: a number the format prints goes in front of the text."""
    if block.layout.marker:
        return (block.layout.marker + "\n".join(block.lines)).split("\n")
    return list(block.lines)


def body_lines(blocks: Sequence[Block]) -> list[str]:
    """Page and paragraph blocks as one run of lines: a form feed after a page, a blank line after a paragraph."""
    lines: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind not in (PAGE, PARAGRAPH):
            raise ValueError(f"no rule for a {block.kind} block among pages and paragraphs")
        if i:
            lines.append(FORM_FEED if blocks[i - 1].kind == PAGE else "")
        lines.extend(_printed(block))
    return lines


def _note(block: Block) -> Note:
    return Note(block.layout.number, block.layout.marker or str(block.layout.number), list(block.lines))


def text_units(blocks: Sequence[Block], lang: str, gap: int | None = None) -> tuple[list[Unit], dict[str, str]]:
    """Units of page and paragraph blocks (with any ``note`` blocks), and the metadata the furniture carried.

    ``gap``: how many blank lines end a segment.  None (the default): 1 when
    the reader gave paragraphs (every paragraph its own segment), else detected
    from the text (2 when a blank line follows every wrapped line, else 1).
    """
    body = [b for b in blocks if b.kind != NOTE]
    marked = [_note(b) for b in blocks if b.kind == NOTE]
    if gap is None and any(b.kind == PARAGRAPH for b in body):
        gap = 1
    cleaned = strip_lines(body_lines(body))
    if marked:
        lines, found = place_marked_notes(cleaned.lines, marked)
        vocab = vocabulary([*lines, *(line for note in found for line in note.lines)])
    else:
        lines, found = split_notes(cleaned.lines, cleaned.page_ends)
        vocab = vocabulary(cleaned.lines)
    segments = _with_notes(segment(lines, lang, gap), found)
    return _units(segments, lang, vocab), cleaned.meta


def to_version(reading: Reading, lang: str, *, gap: int | None = None) -> Version:
    """The units of one language version from a reader's blocks (``gap``: see :func:`text_units`)."""
    meta: dict[str, str] = {}
    if any(block.layout.part for block in reading.blocks):
        units = structured_units(reading, lang)
    elif uses_paragraphs(reading.blocks):
        units, meta = paragraph_units(reading, lang)
    else:
        units, meta = text_units(reading.blocks, lang, gap)
    return Version(lang=lang, units=tuple(units), source=reading.source, meta={**meta, **reading.meta})
