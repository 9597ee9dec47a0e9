"""Footnotes of a tagged PDF: each ``Note`` element's mark, and the references that point to it.

Where a note sits in the tree depends on the producer: LibreOffice groups the
notes of a page in a ``Div`` at the end of the page's content, Word may put a
``Note`` next to its reference.  The reference in the text is a ``Link`` (or
``Reference``) element whose text is the note's mark.  So notes and references
are paired by their mark, the k-th reference printed ``1`` with the k-th note
labelled ``1``: the label is the note's ``Lbl`` or, as LibreOffice writes it,
the first piece of the note when that piece is a mark (a number up to three
digits, ``*`` ``†`` ``‡`` ``§``, one lower-case letter).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .pdf_pieces import Piece, PieceText
from .pdf_struct import Content, Element

MARK = re.compile(r"\d{1,3}|[*†‡§¶#]{1,3}|[a-z]")


def is_mark(text: str) -> bool:
    """True for what prints as a note mark: ``1``, ``12``, ``*``, ``**``, ``†``, ``a``."""
    return MARK.fullmatch(text) is not None


@dataclass
class Notes:
    """The notes of one document, by mark, and how many references to each mark were met."""

    labels: Counter[str] = field(default_factory=Counter)
    referenced: Counter[str] = field(default_factory=Counter)

    @classmethod
    def collect(cls, root: Element, text: PieceText) -> Notes:
        """Every ``Note`` element's mark."""
        notes = cls()
        stack = [root]
        while stack:
            element = stack.pop()
            if element.kind == "Note":
                mark = _label(element, text)[0]
                if mark:
                    notes.labels[mark] += 1
            stack.extend(kid for kid in element.children() if isinstance(kid, Element))
        return notes

    def reference(self, link: Element, text: PieceText) -> str:
        """The mark when a ``Link`` is a reference to a note not yet referenced (else "")."""
        mark = "".join(text.plain(c) for c in link.contents()).strip()
        if not is_mark(mark) or self.referenced[mark] >= self.labels[mark]:
            return ""
        self.referenced[mark] += 1
        return mark

    def label(self, note: Element, pieces: list[Piece], text: PieceText) -> tuple[str, int, list[Piece]]:
        """A note's mark, its number (0 when the mark is not a number) and the pieces of its text."""
        mark, label_contents = _label(note, text)
        body = [p for p in pieces if p.content not in label_contents]
        return mark, int(mark) if mark.isdigit() else 0, body


def _label(note: Element, text: PieceText) -> tuple[str, set[Content]]:
    """The mark of a note and the pieces that print it (its ``Lbl``, or a first piece that is a mark)."""
    for kid in note.children():
        if isinstance(kid, Element) and kid.kind == "Lbl":
            contents = set(kid.contents())
            return "".join(text.plain(c) for c in kid.contents()).strip(), contents
    first = next(note.contents(), None)
    if first is not None and is_mark(mark := text.plain(first)):
        return mark, {first}
    return "", set()
