"""Which library reads a tagged PDF's structure tree: PDFium (pypdfium2), pdfplumber/pdfminer.six, pikepdf.

Each candidate gives the document's structure tree as :class:`hlmpub.ingest.readers.pdf_struct.Element`
(kids in their order, marked content as page + MCID); the text of every piece comes from PDFium in all three
(:mod:`hlmpub.ingest.readers.pdf_marked`), and :class:`~hlmpub.ingest.readers.pdf_tree_blocks.TreeBlocks` makes
the blocks, so only the tree differs.  Printed per fixture (note_zh/ar/ru/en.tagged.pdf) and candidate:

* ``cells``: body-table cells equal to ``expected/note_<lang>.json`` (of 124; one table although it spans pages);
* ``paras``: paragraph blocks whose text equals an expected unit's (marker + text, spaces and references aside);
* ``notes``: footnote blocks (of 3) and ``art``: pages whose furniture holds the job number;
* ``tree s``: seconds to get the tree of the 100-page tagged PDF (``benchmarks/long_pdf.py``), and for
  pdfplumber also its characters (what reading the text with it would cost).

pdfplumber and pikepdf are not dependencies of hlmpub: install them into a scratch venv to run this
(``pip install pdfplumber pikepdf``).  The numbers are in docs/design/pdf-reader.md.

    .venv/bin/python benchmarks/pdf_struct_candidates.py
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from hlmpub.ingest.readers.pdf_marked import page_content
from hlmpub.ingest.readers.pdf_notes import Notes
from hlmpub.ingest.readers.pdf_pieces import PieceText
from hlmpub.ingest.readers.pdf_struct import Content, Element, document_tree
from hlmpub.ingest.readers.pdf_tagged import _furniture

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "real_un"
REFS = re.compile("[\ufdd0\ufdd1\\s]")


def pdfium_tree(path: Path) -> Element:
    pdf = pdfium.PdfDocument(str(path))
    pages = [pdf[i] for i in range(len(pdf))]
    root, _ = document_tree(pages)
    return root


def pikepdf_tree(path: Path) -> Element:
    """The whole tree from the objects (identity by object, /Pg inherited), kids in /K order."""
    import pikepdf

    pdf = pikepdf.open(str(path))
    pages = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    tree = pdf.Root.StructTreeRoot
    role_map = {str(k): str(v)[1:] for k, v in tree.get("/RoleMap", {}).items()}

    def build(obj: Any, path: tuple[int, ...], page: int) -> Element:
        kind = str(obj.get("/S", "/StructTreeRoot"))[1:]
        element = Element(role_map.get("/" + kind, kind), path)
        if "/Pg" in obj:
            page = pages.get(obj.Pg.objgen, page)
        kids = obj.get("/K")
        kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for i, kid in enumerate(kids):
            if isinstance(kid, int):
                element.kids[i] = Content(page, int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                element.kids[i] = Content(pages.get(kid.Pg.objgen, page) if "/Pg" in kid else page, int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":
                element.kids[i] = build(kid, (*path, i), page)
        return element

    return build(tree, (), 0)


def pdfplumber_tree(path: Path) -> Element:
    """pdfplumber's document tree: an element's own MCIDs come first, then its children (the kid order is lost)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        tree = pdf.structure_tree

    def build(node: dict, path: tuple[int, ...]) -> Element:
        element = Element(node.get("type", ""), path)
        kids: list[Element | Content] = [Content(node.get("page_number", 0), m) for m in node.get("mcids") or []]
        kids += [build(child, (*path, i)) for i, child in enumerate(node.get("children", []))]
        element.kids = dict(enumerate(kids))
        return element

    return Element("StructTreeRoot", (), {i: build(n, (i,)) for i, n in enumerate(tree)})


def pdfplumber_chars(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return sum(len(page.chars) for page in pdf.pages)


CANDIDATES: dict[str, Callable[[Path], Element]] = {
    "PDFium": pdfium_tree,
    "pdfplumber": pdfplumber_tree,
    "pikepdf": pikepdf_tree,
}


def blocks_of(path: Path, lang: str, root: Element) -> tuple[list, dict]:
    from hlmpub.ingest.readers.pdf_tree_blocks import TreeBlocks

    pdf = pdfium.PdfDocument(str(path))
    pages = {n: page_content(pdf[n - 1], n) for n in range(1, len(pdf) + 1)}
    text = PieceText(pages, lang)
    builder = TreeBlocks(pages, lang, Notes.collect(root, text))
    builder.walk(root)
    return builder.blocks, _furniture(pages, text)


def score(lang: str, root: Element) -> dict[str, str]:
    path = FIXTURES / f"note_{lang}.tagged.pdf"
    expected = json.loads((FIXTURES / "expected" / f"note_{lang}.json").read_text(encoding="utf-8"))
    rows = next(u["rows"] for u in expected if u["kind"] == "table")
    texts = {REFS.sub("", u["marker"] + u["text"]) for u in expected if u["kind"] != "table"}
    blocks, furniture = blocks_of(path, lang, root)
    tables = [b for b in blocks if b.kind == "table" and len(b.rows) > 2]
    got = [REFS.sub("", c) for row in (tables[0].rows if tables else ()) for c in row]
    cells = sum(a == REFS.sub("", b) for a, b in zip(got, (c for row in rows for c in row), strict=False))
    paras = [b for b in blocks if b.kind in ("paragraph", "heading")]
    right = sum(REFS.sub("", "".join(b.lines)) in texts for b in paras)
    notes = sum(b.kind == "note" and b.layout.number > 0 or b.layout.marker == "*" for b in blocks)
    art = sum(any("99-01234" in line for b in tail for line in b.lines) for _, tail in furniture.values())
    return {"cells": f"{cells}/124 in {len(tables)}", "paras": f"{right}/{len(paras)}", "notes": f"{notes}/3",
            "art": f"{art}/{len(furniture)}"}  # fmt: skip


def main() -> None:
    from long_pdf import long_pdf

    long = long_pdf(64)
    print(f"{'candidate':<11} {'fixture':<7} {'cells':>12} {'paras':>6} {'notes':>6} {'art':>5}")
    for name, tree in CANDIDATES.items():
        for lang in ("zh", "ar", "ru", "en"):
            s = score(lang, tree(FIXTURES / f"note_{lang}.tagged.pdf"))
            print(f"{name:<11} {lang:<7} {s['cells']:>12} {s['paras']:>6} {s['notes']:>6} {s['art']:>5}")
    print(f"\n{long.name}: seconds to get the tree (best of 3)")
    for name, tree in CANDIDATES.items():
        best = min(_timed(tree, long) for _ in range(3))
        print(f"{name:<11} {best:6.2f}")
    print(f"{'pdfplumber chars':<17} {_timed(pdfplumber_chars, long):6.2f}")


def _timed(function: Callable[[Path], object], path: Path) -> float:
    start = time.perf_counter()
    function(path)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
