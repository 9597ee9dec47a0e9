"""The "UDHR in XML" reader (namespace ``http://efele.net/udhr``) → :class:`Version`.

The structure is explicit in the XML, so no segmenter runs here.  Units come
out in document order:

============================  =========  ================  ======================
element                       kind       key               id
============================  =========  ================  ======================
``udhr/title``                meta       ``meta:title``    ``{lang}-m1``
``note/para``                 note       (none)            ``{lang}-n{k}``
``preamble/title``            section    ``sec:preamble``  ``{lang}-h{n}``
``preamble/para``             para       (none)            ``{lang}-u{k}``
``article/title``             section    ``art:N``         ``{lang}-h{n}``
``article/para``              para       ``art:N.p{k}``    ``{lang}-a{N}.p{k}``
``article//listitem/para``    subpara    ``art:N.i{k}``    ``{lang}-a{N}.i{k}``
============================  =========  ================  ======================

``n`` counts headings in order; preamble paragraphs carry no key because the
language versions number them differently (the aligner matches them by
meaning).  A list item's marker is its ``tag`` attribute (Chinese ``㈠``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ...conventions import article_number
from ...errors import InputError, LanguageError
from ...model import Source, Unit, Version
from ...safeio import parse_xml, sha256_bytes

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
    """Collects the units of one file, numbering headings, notes and unnumbered paragraphs."""

    lang: str
    path: Path
    units: list[Unit] = field(default_factory=list)
    headings: int = 0
    notes: int = 0
    unnumbered: int = 0

    def add(self, uid: str, kind: str, key: str, text: str, marker: str = "") -> None:
        if not text:
            log.warning("%s: empty %s %s skipped", self.path.name, kind, key or uid)
            return
        self.units.append(Unit(uid, self.lang, kind, key, marker, text))

    def heading(self, key: str, el: etree._Element) -> None:
        self.headings += 1
        self.add(f"{self.lang}-h{self.headings}", "section", key, clean_text(el))

    def note(self, el: etree._Element) -> None:
        for para in _children(el, "para"):
            self.notes += 1
            self.add(f"{self.lang}-n{self.notes}", "note", "", clean_text(para))

    def preamble(self, el: etree._Element) -> None:
        for child in el:
            if _local(child) == "title":
                self.heading("sec:preamble", child)
            elif _local(child) == "para":
                self.unnumbered += 1
                self.add(f"{self.lang}-u{self.unnumbered}", "para", "", clean_text(child))

    def article(self, el: etree._Element) -> None:
        n = self.article_number(el)
        paras = items = 0
        for child in el:
            name = _local(child)
            if name == "title":
                self.heading(f"art:{n}", child)
            elif name == "para":
                paras += 1
                self.add(f"{self.lang}-a{n}.p{paras}", "para", f"art:{n}.p{paras}", clean_text(child))
            elif name == "orderedlist":
                for item in _children(child, "listitem"):
                    items += 1
                    text = " ".join(clean_text(p) for p in _children(item, "para"))
                    marker = (item.get("tag") or "").strip()
                    self.add(f"{self.lang}-a{n}.i{items}", "subpara", f"art:{n}.i{items}", text, marker)

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

    def build(self, root: etree._Element) -> list[Unit]:
        for child in root:
            name = _local(child)
            if name == "title":
                self.add(f"{self.lang}-m1", "meta", "meta:title", clean_text(child))
            elif name == "note":
                self.note(child)
            elif name == "preamble":
                self.preamble(child)
            elif name == "article":
                self.article(child)
            elif name:
                log.debug("%s: element <%s> ignored", self.path.name, name)
        return self.units


def parse_udhr(data: bytes, path: Path, lang: str) -> list[Unit]:
    """Units of one UDHR XML document given as bytes."""
    root = parse_xml(data, path, "UDHR XML")
    if root.tag != f"{{{NS}}}udhr":
        raise InputError(f"root element is <{root.tag}>, expected <udhr> in namespace {NS}", path)
    declared = file_lang(root)
    if declared != lang:
        raise LanguageError(f"the file is in {declared or 'no declared language'!r}, not {lang!r}", path)
    units = _Builder(lang, path).build(root)
    if not any(u.key.startswith("art:") for u in units):
        raise InputError("no articles found in the UDHR XML", path)
    return units


def read(path: Path, lang: str) -> Version:
    """Read one UDHR-in-XML file (``udhr_eng.xml`` ...)."""
    data = path.read_bytes()
    units = parse_udhr(data, path, lang)
    return Version(
        lang=lang, units=tuple(units), source=Source(path=path.name, format=FORMAT, sha256=sha256_bytes(data))
    )
