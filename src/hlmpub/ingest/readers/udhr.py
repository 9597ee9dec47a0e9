"""The "UDHR in XML" reader (namespace ``http://efele.net/udhr``) → blocks that name their part.

The structure is explicit in the XML, so the blocks say what they are and
which part of the document they are in; the segmenter
(:mod:`hlmpub.ingest.segment.structured`) makes the keys and ids from that
and reads no markers.  Blocks come out in document order, each with one line
(its text, whitespace runs collapsed):

============================  ===========  ===============================
element                       block kind   layout
============================  ===========  ===============================
``udhr/title``                title
``note/para``                 note
``preamble/title``            heading      part ``preamble``
``preamble/para``             paragraph    part ``preamble``
``article/title``             heading      part ``article``, number N
``article/para``              paragraph    part ``article``, number N
``article//listitem``         item         part ``article``, number N, marker the ``tag`` attribute (``㈠``)
============================  ===========  ===============================

A list item's text is its paragraphs joined with a space.  N is the
article's ``number`` attribute, checked against its printed title.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ...conventions import article_number
from ...errors import InputError, LanguageError
from ...model import Source
from ...safeio import parse_xml, sha256_bytes
from ..blocks import ARTICLE, HEADING, ITEM, NOTE, PARAGRAPH, PREAMBLE, TITLE, Block, Layout, Reading

log = logging.getLogger(__name__)

FORMAT = "udhr-xml"
NS = "http://efele.net/udhr"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: ISO 639-3 and other spellings seen in UDHR files → the UN language code.
LANG_ALIASES = {"arb": "ar", "ara": "ar", "cmn": "zh", "zho": "zh", "eng": "en", "fra": "fr", "rus": "ru", "spa": "es"}


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and c.tag == f"{{{NS}}}{name}"]


def clean_text(el: etree._Element) -> str:
    """All the text of an element, whitespace runs collapsed to one space."""
    return " ".join("".join(el.itertext()).split())


def file_lang(root: etree._Element) -> str:
    """The UN language code a UDHR file declares (``zh-Hans`` → ``zh``, ``cmn`` → ``zh``)."""
    raw = root.get(XML_LANG) or root.get("iso639-3") or ""
    primary = raw.strip().lower().replace("_", "-").split("-")[0]
    return LANG_ALIASES.get(primary, primary)


@dataclass
class _Builder:
    """Collects the blocks of one file in document order."""

    path: Path
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, text: str, layout: Layout) -> None:
        self.blocks.append(Block(kind, (text,), layout))

    def note(self, el: etree._Element) -> None:
        for para in _children(el, "para"):
            self.add(NOTE, clean_text(para), Layout())

    def preamble(self, el: etree._Element) -> None:
        for child in el:
            if _local(child) == "title":
                self.add(HEADING, clean_text(child), Layout(part=PREAMBLE))
            elif _local(child) == "para":
                self.add(PARAGRAPH, clean_text(child), Layout(part=PREAMBLE))

    def article(self, el: etree._Element) -> None:
        n = self.article_number(el)
        for child in el:
            name = _local(child)
            if name == "title":
                self.add(HEADING, clean_text(child), Layout(part=ARTICLE, number=n))
            elif name == "para":
                self.add(PARAGRAPH, clean_text(child), Layout(part=ARTICLE, number=n))
            elif name == "orderedlist":
                for item in _children(child, "listitem"):
                    text = " ".join(clean_text(p) for p in _children(item, "para"))
                    marker = (item.get("tag") or "").strip()
                    self.add(ITEM, text, Layout(marker=marker, part=ARTICLE, number=n))

    def article_number(self, el: etree._Element) -> int:
        """The ``number`` attribute, checked against the printed title when that can be parsed."""
        attr = (el.get("number") or "").strip()
        titles = _children(el, "title")
        printed = article_number(clean_text(titles[0])) if titles else None
        if not attr.isdigit():
            if printed is None:
                raise InputError(
                    f"line {el.sourceline}: article without a number attribute or numbered title", self.path
                )
            return printed
        if printed is not None and printed != int(attr):
            raise InputError(f"line {el.sourceline}: article number={attr} but its title says {printed}", self.path)
        return int(attr)

    def build(self, root: etree._Element) -> list[Block]:
        for child in root:
            name = _local(child)
            if name == "title":
                self.add(TITLE, clean_text(child), Layout())
            elif name == "note":
                self.note(child)
            elif name == "preamble":
                self.preamble(child)
            elif name == "article":
                self.article(child)
            elif name:
                log.debug("%s: element <%s> ignored", self.path.name, name)
        return self.blocks


def parse_udhr(data: bytes, path: Path, lang: str) -> list[Block]:
    """Blocks of one UDHR XML document given as bytes."""
    root = parse_xml(data, path, "UDHR XML")
    if root.tag != f"{{{NS}}}udhr":
        raise InputError(f"root element is <{root.tag}>, expected <udhr> in namespace {NS}", path)
    declared = file_lang(root)
    if declared != lang:
        raise LanguageError(f"the file is in {declared or 'no declared language'!r}, not {lang!r}", path)
    blocks = _Builder(path).build(root)
    if not any(b.layout.part == ARTICLE and b.lines[0] for b in blocks):
        raise InputError("no articles found in the UDHR XML", path)
    return blocks


def read(path: Path, lang: str) -> Reading:
    """Read one UDHR-in-XML file (``udhr_eng.xml`` ...)."""
    data = path.read_bytes()
    blocks = parse_udhr(data, path, lang)
    return Reading(Source(path=path.name, format=FORMAT, sha256=sha256_bytes(data)), tuple(blocks))
