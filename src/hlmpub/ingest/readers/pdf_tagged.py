"""Tagged PDF first: the blocks of a PDF read through its structure tree, or None to read its layout.

:func:`tagged_blocks` reads every page once (PDFium): the page's part of the
structure tree (:mod:`.pdf_struct`) and its characters with their marked
content (:mod:`.pdf_marked`).  Then the merged tree is checked against the
pages — every marked-content id the tree names must be drawn on its page, and
every character drawn must belong to an element or be an artifact (text no
element reaches in the page's top or bottom margin counts as an artifact: some
producers do not mark their running headers and footers) — and walked into
blocks (:mod:`.pdf_tree_blocks`).  Artifacts become ``furniture``
blocks: those drawn before a page's first tagged character (a running header)
go before the first block that begins on that page, the others (footers, a
repeated table header) after the blocks that begin on it.

A tree that cannot be trusted (:class:`.pdf_struct.MalformedTree`: a cycle, an
MCID named twice or naming nothing, text no element reaches) gives a WARNING
naming the file and the reason, and None: the caller reads the layout instead.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

import pypdfium2 as pdfium

from ..blocks import FURNITURE, Block, Layout
from .pdf_marked import ARTIFACT, UNMARKED, PageContent, page_content
from .pdf_notes import Notes
from .pdf_pieces import PieceText
from .pdf_struct import Content, Element, MalformedTree, TreeMerger, is_tagged
from .pdf_tree_blocks import TreeBlocks

log = logging.getLogger(__name__)

#: How much of an unreached text a warning quotes.
QUOTE = 40


def tagged_blocks(pdf: pdfium.PdfDocument, path: Path, lang: str) -> tuple[Block, ...] | None:
    """The blocks of a tagged PDF from its structure tree; None when it has none or it cannot be trusted."""
    if not is_tagged(pdf):
        return None
    try:
        root, owners, pages = _read_pages(pdf)
        _margins(pages, owners)
        _check(pages, owners)
        text = PieceText(pages, lang)
        builder = TreeBlocks(pages, lang, Notes.collect(root, text))
        builder.walk(root)
        blocks = _with_furniture(builder, text)
    except (ValueError, LookupError, pdfium.PdfiumError) as exc:  # MalformedTree, or a tree too odd to walk
        log.warning("%s: structure tree not used (%s); reading the page layout instead", path.name, exc)
        return None
    if not any(block.lines or block.rows for block in blocks if block.kind != FURNITURE):
        return None
    return blocks


def _read_pages(pdf: pdfium.PdfDocument) -> tuple[Element, dict[Content, tuple[int, ...]], dict[int, PageContent]]:
    """Each page once, in order: its characters, then its part of the tree."""
    merger = TreeMerger()
    contents: dict[int, PageContent] = {}
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            content = page_content(page, index + 1)
            merger.page(page, index + 1, content.text_mcids())
        finally:
            page.close()
        contents[index + 1] = content
    return merger.root, merger.owners, contents


def _margins(pages: Mapping[int, PageContent], owners: Mapping[Content, tuple[int, ...]]) -> None:
    """Text no element reaches in a page's top or bottom margin is furniture (PageContent.margins_as_artifacts)."""
    reached: dict[int, set[int]] = {number: set() for number in pages}
    for content in owners:
        reached.setdefault(content.page, set()).add(content.mcid)
    for number, page in pages.items():
        if moved := page.margins_as_artifacts(reached[number]):
            log.debug("page %d: %d characters outside the tree in the margin taken as furniture", number, moved)


def _check(pages: Mapping[int, PageContent], owners: Mapping[Content, tuple[int, ...]]) -> None:
    """The tree and the pages must agree: no MCID naming nothing, no text outside the tree."""
    for content in owners:
        drawn_on = pages.get(content.page)
        if drawn_on is None or content.mcid not in drawn_on.drawn:
            raise MalformedTree(f"marked-content id {content.mcid} of page {content.page} names nothing on the page")
    for number, page in pages.items():
        stray = {o for o in set(page.owner) if o == UNMARKED or o >= 0 and Content(number, o) not in owners}
        if not stray:
            continue
        for i, owner in enumerate(page.owner):
            if owner in stray and not page.text[i].isspace():
                quote = page.text[i : i + QUOTE].split("\n")[0].strip()
                raise MalformedTree(f"text on page {number} that no structure element reaches: {quote!r}")


def _furniture(pages: Mapping[int, PageContent], text: PieceText) -> dict[int, tuple[list[Block], list[Block]]]:
    """Per page, the artifact blocks drawn before its first tagged character, and the others."""
    out: dict[int, tuple[list[Block], list[Block]]] = {}
    for number, page in pages.items():
        first = next((i for i, owner in enumerate(page.owner) if owner >= 0), len(page.owner))
        head: list[Block] = []
        tail: list[Block] = []
        for start, end in page.runs.get(ARTIFACT, []):
            lines = text.run_lines(number, start, end)
            if lines:
                (head if start < first else tail).append(Block(FURNITURE, tuple(lines), Layout(page=number)))
        out[number] = head, tail
    return out


def _with_furniture(builder: TreeBlocks, text: PieceText) -> tuple[Block, ...]:
    """The tree's blocks with each page's furniture placed around the blocks that begin on that page."""
    furniture = _furniture(builder.pages, text)
    order = sorted(furniture)
    out: list[Block] = []
    heads_done: set[int] = set()
    next_page = 0  # index into order: pages before it are placed completely

    def place(number: int, tail: bool) -> None:
        if number not in heads_done:
            heads_done.add(number)
            out.extend(furniture[number][0])
        if tail:
            out.extend(furniture[number][1])

    for block, page in zip(builder.blocks, builder.pages_of, strict=True):
        while next_page < len(order) and order[next_page] < page:
            place(order[next_page], tail=True)
            next_page += 1
        if next_page < len(order) and order[next_page] == page:
            place(page, tail=False)
        out.append(block)
    for number in order[next_page:]:
        place(number, tail=True)
    return tuple(out)
