"""Notes a reader holds apart from the text (``note`` blocks), placed after the unit that references them.

A reader writes each reference as :data:`~hlmpub.ingest.blocks.REF_MARK` +
number (``meeting\\ufdd01``) or, for a mark that is not a number,
``REF_MARK + mark + REF_END`` (``Secretariat\\ufdd0*\\ufdd1``).  The mark
stays in the text as printed (``…brotherhood.1``, ``…Secretariat*``); the
note becomes a unit right after the unit holding its first reference:

==========================  =============  =================  ==============
note                        key            id                 marker
==========================  =============  =================  ==============
number 1                    ``note:1``     ``{lang}-n1``      ``1``
mark ``*`` (no number)      ``note:*``     ``{lang}-nstar``   ``*``
mark ``a`` inside table 1   ``note:t1.a``  ``{lang}-nt1.a``   ``a``
==========================  =============  =================  ==============

A note whose reference is nowhere (its paragraph was furniture) goes after the
note before it, or at the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...conventions import note_key, table_note_key
from ..blocks import REF_END, REF_MARK, Block
from .items import Item

REFERENCE = re.compile(f"{REF_MARK}(?:([^{REF_END}{REF_MARK}]*){REF_END}|(\\d+))")


def references(text: str) -> list[str]:
    """The note marks referenced in ``text``, in order (``1``, ``*``, ``a``)."""
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in REFERENCE.finditer(text)]


def strip_references(text: str) -> str:
    """``text`` as printed: the reference marks kept, the reader's signs around them removed."""
    return text.replace(REF_MARK, "").replace(REF_END, "")


def note_mark(block: Block) -> str:
    """What references a note block: its number, else its mark."""
    return str(block.layout.number) if block.layout.number else block.layout.marker


def place_notes(items: list[Item], notes: Sequence[Block]) -> list[Item]:
    """``items`` with each note block as an item right after the item holding its first reference."""
    if not notes:
        return items
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        for mark in item.refs:
            first.setdefault(mark, index)
    after: dict[int, list[Item]] = {}
    anchor = len(items) - 1
    for block in notes:
        mark = note_mark(block)
        anchor = first.get(mark, anchor)
        holder = items[anchor] if 0 <= anchor < len(items) else None
        if block.layout.number:
            key = note_key(block.layout.number)
        elif holder is not None and holder.kind == "table":
            key = table_note_key(int(holder.key.split(":")[1]), mark)
        else:
            key = note_key(mark)
        marker = block.layout.marker or mark
        lines = [line.strip() for line in block.lines if line.strip()]
        after.setdefault(anchor, []).append(Item("note", key, marker, lines))
    out = list(after.get(-1, []))
    for index, item in enumerate(items):
        out.append(item)
        out.extend(after.get(index, []))
    return out
