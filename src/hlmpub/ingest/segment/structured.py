"""Units of a file whose reader knows its structure (UDHR XML): keys and ids from the parts it names.

No markers are read here: a ``heading``, ``paragraph`` or ``item`` block says
which part it is in (``layout.part``: the preamble, article N), and that gives
its key.  Units come out in block order:

=============================  =========  ================  ======================
block                          kind       key               id
=============================  =========  ================  ======================
``title``                      meta       ``meta:title``    ``{lang}-m{n}``
``note``                       note       (none)            ``{lang}-n{k}``
``heading`` in the preamble    section    ``sec:preamble``  ``{lang}-h{n}``
``paragraph`` in the preamble  para       (none)            ``{lang}-u{k}``
``heading`` in article N       section    ``art:N``         ``{lang}-h{n}``
``paragraph`` in article N     para       ``art:N.p{k}``    ``{lang}-a{N}.p{k}``
``item`` in article N          subpara    ``art:N.i{k}``    ``{lang}-a{N}.i{k}``
=============================  =========  ================  ======================

``n`` counts headings (titles) in order; ``k`` counts within the article (a
new part restarts it).  Preamble paragraphs carry no key because the language
versions number them differently (the aligner matches them by meaning).  An
item's marker is the reader's ``layout.marker`` (Chinese ``㈠``).  A block
with no text is skipped with a warning; it still counts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ...model import Kind, Unit
from ..blocks import ARTICLE, HEADING, ITEM, NOTE, PARAGRAPH, PREAMBLE, TITLE, Block, Reading

log = logging.getLogger(__name__)


@dataclass
class _Builder:
    """Collects the units of one file, numbering titles, headings, notes and unnumbered paragraphs."""

    lang: str
    name: str
    units: list[Unit] = field(default_factory=list)
    titles: int = 0
    headings: int = 0
    notes: int = 0
    unnumbered: int = 0
    part: tuple[str, int] = ("", 0)
    paras: int = 0
    items: int = 0

    def add(self, uid: str, kind: Kind, key: str, text: str, marker: str = "") -> None:
        if not text:
            log.warning("%s: empty %s %s skipped", self.name, kind, key or uid)
            return
        self.units.append(Unit(uid, self.lang, kind, key, marker, text))

    def block(self, block: Block) -> None:
        layout, text = block.layout, " ".join(block.lines)
        if (layout.part, layout.number) != self.part:
            self.part, self.paras, self.items = (layout.part, layout.number), 0, 0
        if block.kind == TITLE:
            self.titles += 1
            self.add(f"{self.lang}-m{self.titles}", "meta", "meta:title", text)
        elif block.kind == NOTE:
            self.notes += 1
            self.add(f"{self.lang}-n{self.notes}", "note", "", text)
        elif block.kind == HEADING and layout.part in (PREAMBLE, ARTICLE):
            self.headings += 1
            key = "sec:preamble" if layout.part == PREAMBLE else f"art:{layout.number}"
            self.add(f"{self.lang}-h{self.headings}", "section", key, text)
        elif block.kind == PARAGRAPH and layout.part == PREAMBLE:
            self.unnumbered += 1
            self.add(f"{self.lang}-u{self.unnumbered}", "para", "", text)
        elif block.kind == PARAGRAPH and layout.part == ARTICLE:
            self.paras += 1
            n, k = layout.number, self.paras
            self.add(f"{self.lang}-a{n}.p{k}", "para", f"art:{n}.p{k}", text)
        elif block.kind == ITEM and layout.part == ARTICLE:
            self.items += 1
            n, k = layout.number, self.items
            self.add(f"{self.lang}-a{n}.i{k}", "subpara", f"art:{n}.i{k}", text, layout.marker)
        else:
            raise ValueError(f"no rule for a {block.kind} block in part {layout.part or '(none)'!r}")


def structured_units(reading: Reading, lang: str) -> list[Unit]:
    """The units of the blocks of a reader that names the parts of the document (see the module docstring)."""
    builder = _Builder(lang, reading.source.path)
    for block in reading.blocks:
        builder.block(block)
    return builder.units
