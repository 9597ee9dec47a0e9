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
SPECIAL_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})

#: footnote id, custom mark follows? → the text written at the reference
OnReference = Callable[[str, bool], str]


def runs(element: Any) -> list[Any]:
    """The ``w:r`` elements of a paragraph (or container), in document order."""
    found = []
    for child in element:
        if child.tag == w("r"):
            found.append(child)
        elif child.tag in CONTAINERS:
            found.extend(runs(child))
    return found


def _run_text(run: Any, on_reference: OnReference | None) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag == TEXT:
            parts.append(child.text or "")
        elif tag in TABS:
            parts.append("\t")
        elif tag == BREAK:
            parts.append("\n" if child.get(w("type")) in (None, "textWrapping") else "")
        elif tag == CR:
            parts.append("\n")
        elif tag == NB_HYPHEN:
            parts.append("-")
        elif tag == FOOTNOTE_REFERENCE and on_reference is not None:
            custom = child.get(w("customMarkFollows")) in ("1", "true", "on")
            parts.append(on_reference(child.get(w("id"), ""), custom))
    return "".join(parts)


def paragraph_text(p: Any, on_reference: OnReference | None = None) -> str:
    """The text of paragraph ``p``; ``on_reference(id, custom)`` gives the text of each footnote reference."""
    return "".join(_run_text(run, on_reference) for run in runs(p))


def read_footnotes(root: Any) -> dict[str, list[str]]:
    """Footnote id → the stripped texts of its non-empty paragraphs (separators left out)."""
    notes: dict[str, list[str]] = {}
    for note in root.iter(w("footnote")):
        if note.get(w("type")) in SPECIAL_NOTES:
            continue
        texts = [paragraph_text(p).strip() for p in note.iter(w("p"))]
        notes[note.get(w("id"), "")] = [t for t in texts if t]
    return notes
