"""An element's text from its marked-content pieces: lines, spaces, references, right-to-left order.

A structure element owns marked-content sequences (:class:`.pdf_struct.Content`)
in its reading order; each is drawn as one or more runs of characters on its
page (:mod:`.pdf_marked`).  :meth:`PieceText.lines` cuts the runs at PDFium's
line ends and strings them together in the tree's order (a Chinese half-width
comma is a piece of its own and must stay where the tree puts it); pieces that
follow each other on one line are joined with the space PDFium found between
them, if any.  A space PDFium inferred between a CJK character and a letter or
digit is the gap CJK typesetting puts there, not a word space, and is dropped.

Right-to-left text is drawn, and so marked, in visual order: a line of a
right-to-left document (or one that holds right-to-left letters) is rebuilt from
the glyph boxes by :func:`.pdf_bidi.logical_line`, as the untagged path does,
after :func:`.pdf_bidi.attach_marks`.  A note reference (a piece the caller names
as one) becomes :data:`~hlmpub.ingest.blocks.REF_MARK` + its mark, glued to
the text before it; inside a right-to-left line it travels through the bidi
pass as full-width look-alikes of its characters, which keep the mark's bidi
class and do not occur in Arabic text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...model import RTL_LANGS
from ..blocks import REF_END, REF_MARK
from .pdf_bidi import Char, attach_marks, has_rtl, logical_line, orient_brackets
from .pdf_marked import GENERATED, LINE_END_HYPHEN, PageContent, Style
from .pdf_struct import Content
from .txt import clean_chars

#: ASCII → its full-width form (U+FF01–FF5E): same bidi class, never in Arabic text.
FULL_WIDTH = 0xFEE0
#: A footnote mark is set close to the word before it: a gap there is no word space.
#: Pieces drawn within this many font sizes of each other are neighbours (a space between them is theirs).
NEAR = 1.5
SPACE_BEFORE_REF = re.compile(r"\s+(?=" + REF_MARK + ")")


@dataclass(frozen=True)
class Piece:
    """One marked-content sequence of an element; ``ref`` is the mark when it is a note reference."""

    content: Content
    ref: str = ""


class _Run(NamedTuple):
    """Characters ``start``–``end`` of a page, all on one PDFium line; a reference when ``ref`` is set."""

    page: PageContent
    start: int
    end: int
    ref: str = ""

    @property
    def key(self) -> tuple[int, int]:
        return self.page.number, self.page.line[self.start]


def ref_token(mark: str) -> str:
    """How a note reference is written into block text (blocks.py): a number, or another mark closed."""
    return REF_MARK + mark if mark.isdigit() else REF_MARK + mark + REF_END


def _wide(mark: str) -> str:
    return "".join(chr(ord(c) + FULL_WIDTH) if "!" <= c <= "~" else c for c in mark)


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003ffff"


def _cjk_gap(before: str, after: str) -> bool:
    """True when a space between these characters is CJK typesetting's gap next to a letter or digit."""
    return before.isalnum() and after.isalnum() and (_is_cjk(before) or _is_cjk(after))


class PieceText:
    """Text of pieces on the pages of one document (``pages`` by number), for a document language."""

    def __init__(self, pages: Mapping[int, PageContent], lang: str) -> None:
        self.pages = pages
        self.rtl_document = lang in RTL_LANGS

    def plain(self, content: Content) -> str:
        """The characters of one piece as drawn (generated spaces inside it kept), stripped."""
        page = self.pages[content.page]
        return "".join(page.text[s:e] for s, e in page.runs.get(content.mcid, ())).strip()

    def styles(self, content: Content) -> list[tuple[Style, int]]:
        """The styles of one piece's characters, with how many non-space characters each covers."""
        page = self.pages[content.page]
        counts: dict[Style, int] = {}
        for start, end in page.runs.get(content.mcid, ()):
            for i in range(start, end):
                style = page.style[i]
                if style is not None and not page.text[i].isspace():
                    counts[style] = counts.get(style, 0) + 1
        return list(counts.items())

    def lines(self, pieces: Sequence[Piece]) -> list[str]:
        """The lines of these pieces in their order, characters cleaned; blank lines dropped."""
        runs: list[_Run] = []
        for piece in pieces:
            page = self.pages[piece.content.page]
            for n, (start, end) in enumerate(page.runs.get(piece.content.mcid, ())):
                if piece.ref:
                    if n == 0:
                        runs.append(_Run(page, start, end, piece.ref))
                else:
                    runs.extend(_split(page, start, end))
        return self._assemble(runs)

    def run_lines(self, page: int, start: int, end: int) -> list[str]:
        """The lines of one run of characters of a page (an artifact), as :meth:`lines` gives them."""
        return self._assemble(_split(self.pages[page], start, end))

    def _assemble(self, runs: list[_Run]) -> list[str]:
        groups: list[list[_Run]] = []
        for run in runs:
            if groups and groups[-1][-1].key == run.key:
                groups[-1].append(run)
            else:
                groups.append([run])
        texts = (self._line(group) for group in groups)
        return [text for text in texts if text.strip()]

    def _line(self, runs: list[_Run]) -> str:
        page = runs[0].page
        if page.boxes and (self.rtl_document or any(has_rtl(page.text[r.start : r.end]) for r in runs)):
            text = self._logical(runs)
        else:
            text = self._in_order(runs)
            if self.rtl_document:  # a Latin line of an Arabic page: only its brackets may be turned
                text = orient_brackets(text)
        return SPACE_BEFORE_REF.sub("", clean_chars(text))

    @staticmethod
    def _in_order(runs: list[_Run]) -> str:
        """A left-to-right line: the runs in the tree's order, with the spaces PDFium found between them."""
        page = runs[0].page
        parts: list[str] = []
        for n, run in enumerate(runs):
            if n:
                gap = _gap(page, runs[n - 1].end, run.start)
                if gap and parts and not parts[-1][-1:].isspace():
                    before, after = parts[-1][-1:], page.text[run.start : run.start + 1]
                    parts.append("" if _cjk_gap(before, after) else " ")
            parts.append(ref_token(run.ref) if run.ref else _text(page, run.start, run.end))
        text = "".join(parts)
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", errors="replace")

    def _logical(self, runs: list[_Run]) -> str:
        """A line in logical order from the glyph boxes; references carried as full-width look-alikes."""
        page = runs[0].page
        members: dict[int, str] = {}  # char index → its text in the line
        refs = {}
        for run in runs:
            if run.ref:
                members[run.start] = _wide(run.ref)
                refs[_wide(run.ref)] = ref_token(run.ref)
                members.update((i, "") for i in range(run.start + 1, run.end))
            else:
                members.update((i, page.text[i]) for i in range(run.start, run.end))
        order = sorted(members)
        for a, b in zip(order, order[1:], strict=False):  # PDFium's spaces between pieces drawn side by side
            if b > a + 1 and all(page.owner[k] == GENERATED for k in range(a + 1, b)) and _near(page, a, b):
                members.update((k, page.text[k]) for k in range(a + 1, b))
        chars: list[Char] = []
        pending = ""
        for i in sorted(members):
            text = pending + members[i]
            pending = ""
            if not text or text in "\r\n" or text == LINE_END_HYPHEN and not chars:
                continue
            if "\ud800" <= text[-1] <= "\udbff":
                pending = text  # the first half of a UTF-16 surrogate pair
                continue
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", errors="replace")
            box = page.char(i)
            chars.append(Char("-" if text == LINE_END_HYPHEN else text, box.x0, box.x1, box.generated))
        line = attach_marks(chars)
        text = logical_line(line, has_rtl("".join(c.text for c in line)))
        for wide, token in refs.items():
            text = text.replace(wide, token, 1)
        return text


def _near(page: PageContent, a: int, b: int) -> bool:
    """True when two characters are drawn close together (a space PDFium put between them is theirs)."""
    (a0, a1), (b0, b1) = page.boxes[a], page.boxes[b]
    style = page.style[a] or page.style[b]
    size = style.size if style else 10.0
    return max(b0 - a1, a0 - b1) <= NEAR * size


def _split(page: PageContent, start: int, end: int) -> list[_Run]:
    """A run of characters cut where PDFium's lines end."""
    out = []
    for i in range(start + 1, end + 1):
        if i == end or page.line[i] != page.line[start]:
            if page.text[start:i].strip("\r\n"):
                out.append(_Run(page, start, i))
            start = i
    return out


def _text(page: PageContent, start: int, end: int) -> str:
    """Characters of one line as drawn: line breaks left out, PDFium's line-end hyphen given back as ``-``."""
    out = []
    for i in range(start, end):
        ch = page.text[i]
        if ch in "\r\n":
            continue
        if ch == " " and page.generated(i) and 0 < i < len(page.text) - 1:
            if _cjk_gap(page.text[i - 1], page.text[i + 1]):
                continue
        out.append("-" if ch == LINE_END_HYPHEN else ch)
    return "".join(out)


def _gap(page: PageContent, end: int, start: int) -> bool:
    """True when PDFium put a space right after one run or right before the next (both on one line)."""
    after = end < len(page.text) and page.owner[end] == GENERATED and page.text[end] == " "
    before = start > 0 and page.owner[start - 1] == GENERATED and page.text[start - 1] == " "
    return after or before
