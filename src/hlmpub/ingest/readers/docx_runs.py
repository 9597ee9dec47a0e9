"""The text of a Word paragraph, read from its runs, with footnote references; the footnotes part.

python-docx's ``Paragraph.text`` leaves out footnote references (they hold no
text) and runs inside tracked insertions.  :func:`paragraph_text` walks the
runs of a ``w:p`` itself, in order, through hyperlinks, insertions, smart tags,
content controls and simple fields (deleted text and field instructions are
not text), and asks a callback what to write for each ``w:footnoteReference``.
:func:`read_footnotes` reads ``word/footnotes.xml``: each note's paragraphs,
separator and continuation notes left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .docx_numbering import w

#: Elements inside a paragraph whose runs are text of the paragraph (``w:del``, ``w:moveFrom`` are not).
CONTAINERS = frozenset(
    w(tag)
    for tag in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo", "bdo", "dir")
)
TEXT = w("t")
TABS = frozenset({w("tab"), w("ptab")})
BREAK, CR, NB_HYPHEN = w("br"), w("cr"), w("noBreakHyphen")
FOOTNOTE_REFERENCE = w("footnoteReference")
MAX_MARK = 4  # a custom footnote mark is short: *, **, †, a
SPECIAL_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})

#: footnote id, its custom mark (``*``; None when Word numbers it) → the text written at the reference
OnReference = Callable[[str, "str | None"], str]


def runs(element: Any) -> list[Any]:
    """The ``w:r`` elements of a paragraph (or container), in document order."""
    found = []
    for child in element:
        if child.tag == w("r"):
            found.append(child)
        elif child.tag in CONTAINERS:
            found.extend(runs(child))
    return found


def _is_custom(reference: Any) -> bool:
    return reference.get(w("customMarkFollows")) in ("1", "true", "on")


def _pieces(p: Any) -> list[tuple[Any, str]]:
    """A paragraph's text pieces in order: (the footnote reference element or None, text)."""
    pieces: list[tuple[Any, str]] = []
    for run in runs(p):
        for child in run:
            tag = child.tag
            if tag == TEXT:
                pieces.append((None, child.text or ""))
            elif tag in TABS:
                pieces.append((None, "\t"))
            elif tag == BREAK:
                pieces.append((None, "\n" if child.get(w("type")) in (None, "textWrapping") else ""))
            elif tag == CR:
                pieces.append((None, "\n"))
            elif tag == NB_HYPHEN:
                pieces.append((None, "-"))
            elif tag == FOOTNOTE_REFERENCE:
                pieces.append((child, ""))
    return pieces


def paragraph_text(p: Any, on_reference: OnReference | None = None) -> str:
    """The text of paragraph ``p``; ``on_reference(id, mark)`` gives the text of each footnote reference.

    A reference with ``w:customMarkFollows`` is followed by its mark as text
    (``*``): that text is handed to ``on_reference`` as the mark, not written twice.
    """
    pieces = _pieces(p)
    out: list[str] = []
    i = 0
    while i < len(pieces):
        reference, text = pieces[i]
        i += 1
        if reference is None:
            out.append(text)
        elif on_reference is not None:
            mark = None
            if _is_custom(reference):
                following = pieces[i][1] if i < len(pieces) and pieces[i][0] is None else ""
                mark = following if 0 < len(following) <= MAX_MARK and not any(c.isspace() for c in following) else ""
                i += 1 if mark else 0
            out.append(on_reference(reference.get(w("id"), ""), mark))
    return "".join(out)


def read_footnotes(root: Any) -> dict[str, list[str]]:
    """Footnote id → the stripped texts of its non-empty paragraphs (separators left out)."""
    notes: dict[str, list[str]] = {}
    for note in root.iter(w("footnote")):
        if note.get(w("type")) in SPECIAL_NOTES:
            continue
        texts = [paragraph_text(p).strip() for p in note.iter(w("p"))]
        notes[note.get(w("id"), "")] = [t for t in texts if t]
    return notes
