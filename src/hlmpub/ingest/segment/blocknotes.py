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
from dataclasses import replace

from ...conventions import note_key, table_note_key
from ..blocks import REF_END, REF_MARK, Block
from .footnotes import note_number
from .items import Item

REFERENCE = re.compile(f"{REF_MARK}(?:([^{REF_END}{REF_MARK}]*){REF_END}|(\\d+))")


def references(text: str) -> list[str]:
    """The note marks referenced in ``text``, in order (``1``, ``*``, ``a``)."""
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in REFERENCE.finditer(text)]


def strip_references(text: str) -> str:
    """``text`` as printed: the reference marks kept, the reader's signs around them removed."""
    return text.replace(REF_MARK, "").replace(REF_END, "")


#: A note whose reader gave no number or mark begins with it: ``1 See…``, ``¹See…``, ``* Reissued…``, ``a Estimate``.
LEADING_MARK = re.compile(
    r"^(?P<m>\d{1,3}(?=\s)|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*{1,3}|[†‡]|[a-z](?=\s))\s*(?P<rest>\S.*)$", re.DOTALL
)

#: Punctuation a printed note number may follow (``…brotherhood.1``, ``…相对待。1``).
AFTER = r"[.,;:!?)\]»”’。，；：！？）」]"


def _numbered(block: Block) -> Block:
    """A note block with its number or mark: from the reader, else from the start of its text."""
    if block.layout.number or block.layout.marker or not block.lines:
        return block
    m = LEADING_MARK.match(block.lines[0].strip())
    if m is None:
        return block
    mark = m.group("m")
    number = note_number(mark) if mark[0].isdigit() else 0  # superscript digits are digits too
    layout = replace(block.layout, number=number, marker=mark)
    return replace(block, lines=(m.group("rest"), *block.lines[1:]), layout=layout)


def printed_reference(mark: str) -> re.Pattern[str]:
    """Where a note's mark is printed in text without the reader's signs: glued to the end of a word."""
    if mark.isdigit():
        number = re.escape(mark)
        return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_]{AFTER})){number}(?![\w/]|[.,]\d)")
    if mark.isalpha():
        return re.compile(rf"(?<=[^\sA-Za-z]){re.escape(mark)}(?![A-Za-z])")
    return re.compile(rf"(?<=[^\s{re.escape(mark[0])}]){re.escape(mark)}(?!{re.escape(mark[0])})")


def _item_text(item: Item) -> str:
    return "\n".join([*item.lines, *(cell for row in item.rows for cell in row)])


def note_mark(block: Block) -> str:
    """What references a note block: its number, else its mark."""
    return str(block.layout.number) if block.layout.number else block.layout.marker


def _anchor(items: list[Item], first: dict[str, int], mark: str, previous: int) -> int:
    """The item holding the note's reference: marked by the reader, else printed from ``previous`` on."""
    if mark in first:
        return first[mark]
    if not first and mark:  # a reader that marks no reference: find it as printed
        pattern = printed_reference(str(note_number(mark)) if mark[0].isdigit() else mark)
        for index in range(max(previous, 0), len(items)):
            if pattern.search(strip_references(_item_text(items[index]))):
                return index
    return previous if previous >= 0 else len(items) - 1


def place_notes(items: list[Item], notes: Sequence[Block]) -> list[Item]:
    """``items`` with each note block as an item right after the item holding its first reference."""
    if not notes:
        return items
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        for mark in item.refs:
            first.setdefault(mark, index)
    after: dict[int, list[Item]] = {}
    anchor = -1
    for block in map(_numbered, notes):
        mark = note_mark(block)
        anchor = _anchor(items, first, mark, anchor)
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
