"""The structure tree of a tagged PDF, read with PDFium's struct-tree API and checked.

PDFium builds the tree page by page (``FPDF_StructTree_GetForPage``): the
elements that own content on that page, with their ancestors.  An element
still lists *all* its kids there, those on other pages as empty slots, and a
kid's marked-content id is given only when the kid is on that page.  So the
kid indexes from the root name one element on every page, and
:func:`document_tree` merges the page trees by that path: a table that runs
over two pages is one :class:`Element` with the rows of both.

The walk is bounded (depth, elements per page) and the tree is checked as it
is merged: a cycle, an element met twice, a kid slot that holds different
things on two pages, an MCID named twice — each is a :class:`MalformedTree`
whose message says what, so that the reader can fall back to the layout.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: Bounds against hostile or broken files: a real document is a few levels deep.
MAX_DEPTH = 64
MAX_ELEMENTS_PER_PAGE = 100_000
#: An element with more kids than this is walked from where the last page's kids began (see _PageWalk).
WIDE = 32


class MalformedTree(ValueError):
    """The structure tree cannot be trusted; the message says why (one line)."""


@dataclass(frozen=True)
class Content:
    """A marked-content sequence an element owns: its page (1-based) and MCID."""

    page: int
    mcid: int


@dataclass
class Element:
    """A structure element: its standard type (``P``, ``H2``, ``TD``, after the RoleMap) and its kids by index."""

    kind: str
    path: tuple[int, ...]
    kids: dict[int, Element | Content] = field(default_factory=dict)

    def children(self) -> list[Element | Content]:
        """The kids in their ``/K`` order (the reading order)."""
        return [self.kids[i] for i in sorted(self.kids)]

    def contents(self) -> Iterator[Content]:
        """Every marked-content sequence under this element, in reading order."""
        for kid in self.children():
            if isinstance(kid, Content):
                yield kid
            else:
                yield from kid.contents()


def _wide(function: Callable[..., int], handle: object) -> str:
    """A UTF-16LE string from a PDFium getter that returns its byte length."""
    size = function(handle, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    function(handle, buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _address(handle: Any) -> int:
    return ctypes.c_void_p.from_buffer(handle).value or 0  # the pointer's value (faster than a cast)


class TreeMerger:
    """Page trees merged into one document tree by kid path, checked on the way: ``root``, ``owners``."""

    def __init__(self) -> None:
        self.root = Element("StructTreeRoot", ())
        self.by_path: dict[tuple[int, ...], Element] = {(): self.root}
        self.owners: dict[Content, tuple[int, ...]] = {}
        self.start: dict[tuple[int, ...], int] = {}  # per wide element, the first kid the last page had

    def page(self, page: pdfium.PdfPage, number: int, wanted: set[int] | None = None) -> None:
        """Merge one page's tree (pages in order); ``wanted``: the MCIDs of the page's text, when known."""
        tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
        if not tree:
            return
        try:
            walk = _PageWalk(self, number, wanted)
            count = pdfium_c.FPDF_StructTree_CountChildren(tree)
            walk.kids((), count, lambda i: pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, i), None, frozenset())
        finally:
            pdfium_c.FPDF_StructTree_Close(tree)

    def element(self, path: tuple[int, ...], kind: str, number: int) -> Element:
        element = self.by_path.get(path)
        if element is None:
            element = Element(kind, path)
            self.by_path[path] = element
            parent = self.by_path[path[:-1]]
            if isinstance(parent.kids.get(path[-1]), Content):
                raise MalformedTree(f"a structure kid is content on one page and an element on another (page {number})")
            parent.kids[path[-1]] = element
        elif element.kind != kind:
            raise MalformedTree(f"the structure tree differs between pages (page {number}: {kind} for {element.kind})")
        return element

    def content(self, element: Element, index: int, content: Content) -> None:
        if content in self.owners:
            raise MalformedTree(f"marked-content id {content.mcid} of page {content.page} is named twice")
        if index in element.kids:
            raise MalformedTree(f"a structure kid names content on two pages (page {content.page})")
        self.owners[content] = element.path
        element.kids[index] = content


class _PageWalk:
    """One page's tree walked depth first (bounded), its elements and MCIDs merged.

    An element is walked kid by kid, as PDFium lists all its kids on every page.
    For a wide one (the ``Document`` of a long report holds thousands) that would
    make the walk quadratic in pages, so its kids are taken from where the last
    page's began, and no further once every MCID of the page's text is placed.
    """

    def __init__(self, merger: TreeMerger, number: int, wanted: set[int] | None) -> None:
        self.merger = merger
        self.number = number
        self.wanted = None if wanted is None else set(wanted)
        self.seen: set[int] = set()

    def kids(
        self, path: tuple[int, ...], count: int, child_at: Callable[[int], Any], handle: Any, ancestors: frozenset[int]
    ) -> None:
        merger = self.merger
        element = merger.by_path[path]
        wide = count > WIDE
        begin = merger.start.get(path, 0) if wide else 0
        first = count
        for i in itertools.chain(range(begin, count), range(min(begin, count))):
            if wide and self.wanted is not None and not self.wanted:
                break
            child = child_at(i)
            if child:
                first = min(first, i)
                self.visit(child, (*path, i), ancestors)
            elif handle is not None:
                mcid = pdfium_c.FPDF_StructElement_GetChildMarkedContentID(handle, i)
                if mcid >= 0:  # scoped to this page by PDFium: a kid on another page gives -1
                    first = min(first, i)
                    merger.content(element, i, Content(self.number, mcid))
                    if self.wanted is not None:
                        self.wanted.discard(mcid)
        if wide and first < count:
            merger.start[path] = first

    def visit(self, handle: Any, path: tuple[int, ...], ancestors: frozenset[int]) -> None:
        address = _address(handle)
        if address in ancestors:
            raise MalformedTree(f"a cycle in the structure tree (page {self.number})")
        if address in self.seen:
            raise MalformedTree(f"a structure element is reached twice (page {self.number})")
        self.seen.add(address)
        if len(path) > MAX_DEPTH or len(self.seen) > MAX_ELEMENTS_PER_PAGE:
            raise MalformedTree(f"the structure tree of page {self.number} is deeper or larger than allowed")
        self.merger.element(path, _wide(pdfium_c.FPDF_StructElement_GetType, handle), self.number)
        count = pdfium_c.FPDF_StructElement_CountChildren(handle)
        inner = ancestors | {address}
        self.kids(path, count, lambda i: pdfium_c.FPDF_StructElement_GetChildAtIndex(handle, i), handle, inner)


def is_tagged(pdf: pdfium.PdfDocument) -> bool:
    """True when the PDF says it is tagged (``/MarkInfo /Marked``) and has a structure tree."""
    return bool(pdfium_c.FPDFCatalog_IsTagged(pdf.raw))


def document_tree(pages: list[pdfium.PdfPage]) -> tuple[Element, dict[Content, tuple[int, ...]]]:
    """The structure tree of the whole document, and which element owns each marked-content sequence."""
    merger = TreeMerger()
    for number, page in enumerate(pages, start=1):
        merger.page(page, number)
    return merger.root, merger.owners
