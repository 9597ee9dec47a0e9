"""Edition → TEI P5 (``teiCorpus``): the archive and the single interchange format.

Layout (see ``docs/design/tei.md``)::

    teiCorpus
      teiHeader            edition: titles, publication, tool, rtl rendition, kind and key taxonomies
      standOff/linkGrp     one link (or ptr, for one-unit rows) per alignment row
      TEI  (per version)   own teiHeader + text[@xml:lang] with front (title block) and body

The output is pretty-printed UTF-8 and deterministic: the same Edition always
gives the same bytes (no timestamps), and it is written atomically.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..model import RTL_LANGS, Edition, Link, Unit, Version
from ..safeio import write_bytes
from .header import edition_header, revisers, sub, version_header
from .names import (
    CHECKED,
    LINKGRP_SUBTYPE,
    LINKGRP_TYPE,
    NSMAP,
    RTL_RENDITION,
    SENTENCE_SUBTYPE,
    TITLE_BLOCK,
    XML_LANG,
    format_cert,
    key_ids,
    kind_id,
    resp_id,
    tei,
)

log = logging.getLogger(__name__)

SCHEMA_HREF = "https://www.tei-c.org/Vault/P5/4.3.0/xml/tei/custom/schema/relaxng/tei_all.rng"
SCHEMA_PI = f'href="{SCHEMA_HREF}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'


def _all_keys(edition: Edition) -> list[str]:
    keys = [u.key for v in edition.versions for u in v.units]
    keys += [lk.key for lk in edition.links]
    return keys


def _unit_element(parent: etree._Element, tag: str, unit: Unit, keys: dict[str, str]) -> etree._Element:
    el = sub(parent, tag, xml_id=unit.id)
    if unit.marker:
        el.set("n", unit.marker)
    ana = [f"#{kind_id(unit.kind)}"] + ([f"#{keys[unit.key]}"] if unit.key else [])
    el.set("ana", " ".join(ana))
    try:
        if unit.kind == "table":
            _table_rows(el, unit)
        elif unit.sentences:
            _sentences(el, unit)
        else:
            el.text = unit.text or None
    except ValueError as exc:
        raise InputError(f"unit {unit.id} holds text XML cannot carry: {exc}") from None
    return el


def _sentences(el: etree._Element, unit: Unit) -> None:
    """The unit's text with each sentence in an ``s``; the text between them stays as it is.

    ``el.text`` is set even when empty: an element with a text node is not re-indented by the
    pretty printer, which would otherwise add white space to the unit's text.
    """
    el.text = unit.text[: unit.sentences[0][0]]
    ends = [start for start, _ in unit.sentences[1:]] + [len(unit.text)]
    for sid, (start, end), tail_end in zip(unit.sentence_ids(), unit.sentences, ends, strict=True):
        sub(el, "s", unit.text[start:end], xml_id=sid).tail = unit.text[end:tail_end] or None


def _table_rows(el: etree._Element, unit: Unit) -> None:
    """A table unit's cells: ``row[@role='label']`` for the header rows, then ``row``; a ``cell`` each.

    The unit's ``text`` is not written: it is made from the cells (:func:`hlmpub.model.table_text`).
    """
    rows, cols = unit.shape
    el.set("rows", str(rows))
    el.set("cols", str(cols))
    for index, cells in enumerate(unit.rows):
        row = sub(el, "row", role="label") if index < unit.header_rows else sub(el, "row")
        for cell in cells:
            sub(row, "cell", cell)


def _front(text: etree._Element, units: Sequence[Unit], keys: dict[str, str]) -> None:
    block = sub(sub(text, "front"), "div", type=TITLE_BLOCK)
    for unit in units:
        _unit_element(block, "p", unit, keys)


#: The element of a body unit that is neither a chapter nor a section heading (default ``p``).
UNIT_TAGS = {"note": "note", "table": "table"}


def _body(text: etree._Element, units: Sequence[Unit], keys: dict[str, str]) -> None:
    """Chapters and sections become nested divs; everything else goes into the innermost one (p, note, table)."""
    body = sub(text, "body")
    chapter: etree._Element | None = None
    section: etree._Element | None = None
    for unit in units:
        if unit.kind == "chapter":
            chapter, section = sub(body, "div", type="chapter"), None
            _unit_element(chapter, "head", unit, keys)
        elif unit.kind == "section":
            section = sub(chapter if chapter is not None else body, "div", type="section")
            _unit_element(section, "head", unit, keys)
        else:
            container = section if section is not None else chapter if chapter is not None else body
            _unit_element(container, UNIT_TAGS.get(unit.kind, "p"), unit, keys)
    if len(body) == 0:
        sub(body, "p")  # a body may not be empty; an unmarked p is not a unit


def text_element(version: Version, keys: dict[str, str]) -> etree._Element:
    """The ``text`` of one language version: leading meta units in front, the rest in body."""
    text = etree.Element(tei("text"))
    text.set(XML_LANG, version.lang)
    if version.lang in RTL_LANGS:
        text.set("rendition", f"#{RTL_RENDITION}")
    units = list(version.units)
    lead = 0
    while lead < len(units) and units[lead].kind == "meta":
        lead += 1
    if lead:
        _front(text, units[:lead], keys)
    _body(text, units[lead:], keys)
    return text


def _check_row(row: int, link: Link, unit_lang: dict[str, str], langs: tuple[str, ...], what: str = "unit") -> None:
    """A row the archive cannot carry is a bug upstream: say so rather than write a dangling pointer."""
    unknown = sorted(set(link.units) - set(langs))
    if unknown:
        raise InputError(f"alignment row {row} names languages with no version: {', '.join(unknown)}")
    for lang, ids in link.units.items():
        stray = [uid for uid in ids if unit_lang.get(uid) != lang]
        if stray:
            raise InputError(f"alignment row {row} points at {', '.join(stray)}, not {lang} {what}s of the edition")
    if not any(link.units.values()):
        raise InputError(f"alignment row {row} covers no {what}")


def _link_element(
    group: etree._Element, link: Link, langs: tuple[str, ...], keys: dict[str, str], revisers: dict[str, str]
) -> None:
    targets = [f"#{uid}" for lang in langs for uid in link.units.get(lang, ())]
    el = sub(group, "link" if len(targets) >= 2 else "ptr", target=" ".join(targets))
    el.set("type", link.shape(langs))
    el.set("cert", format_cert(link.score))
    el.set("resp", " ".join([f"#{resp_id(link.method)}"] + ([f"#{revisers[link.resp]}"] if link.resp else [])))
    ana = ([f"#{keys[link.key]}"] if link.key else []) + ([f"#{CHECKED}"] if link.checked else [])
    if ana:
        el.set("ana", " ".join(ana))


def stand_off(edition: Edition, keys: dict[str, str]) -> etree._Element:
    """The alignment: ``standOff/linkGrp[@type='alignment'][@subtype='paragraph']``."""
    so = etree.Element(tei("standOff"))
    group = sub(so, "linkGrp", type=LINKGRP_TYPE, subtype=LINKGRP_SUBTYPE)
    order = " : ".join(edition.langs)
    sub(group, "desc", f"One link per row, pointing at every unit of the row; @type is the bead shape ({order}).")
    unit_lang = {u.id: v.lang for v in edition.versions for u in v.units}
    ids = revisers(edition)
    for row, link in enumerate(edition.links, start=1):
        _check_row(row, link, unit_lang, edition.langs)
        _link_element(group, link, edition.langs, keys, ids)
    if edition.sentence_links:
        _sentence_group(so, edition, keys)
    return so


def _sentence_group(so: etree._Element, edition: Edition, keys: dict[str, str]) -> None:
    """``linkGrp[@type='alignment'][@subtype='sentence']``: one link (or ptr) per sentence row."""
    group = sub(so, "linkGrp", type=LINKGRP_TYPE, subtype=SENTENCE_SUBTYPE)
    order = " : ".join(edition.langs)
    sub(group, "desc", f"One link per sentence row inside a paragraph row; @type is the bead shape ({order}).")
    sentence_lang = {sid: v.lang for v in edition.versions for u in v.units for sid in u.sentence_ids()}
    for row, link in enumerate(edition.sentence_links, start=1):
        _check_row(row, link, sentence_lang, edition.langs, "sentence")
        _link_element(group, link, edition.langs, keys, {})


def build_tree(edition: Edition) -> etree._ElementTree:
    """The whole ``teiCorpus`` as an lxml tree."""
    keys = key_ids(_all_keys(edition))
    corpus = etree.Element(tei("teiCorpus"), nsmap=NSMAP)
    corpus.append(edition_header(edition, keys))
    if edition.links:
        corpus.append(stand_off(edition, keys))
    for version in edition.versions:
        doc = sub(corpus, "TEI")
        doc.append(version_header(edition, version))
        doc.append(text_element(version, keys))
    corpus.addprevious(etree.ProcessingInstruction("xml-model", SCHEMA_PI))
    return corpus.getroottree()


def to_bytes(edition: Edition) -> bytes:
    """The TEI serialisation: pretty, UTF-8, with an XML declaration."""
    if not edition.versions:
        raise InputError(f"{edition.meta.symbol}: an edition without language versions has no TEI")
    tree = build_tree(edition)
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def write_tei(edition: Edition, path: str | Path) -> Path:
    """Write the TEI of ``edition`` to ``path`` atomically."""
    target = write_bytes(path, to_bytes(edition))
    log.info("wrote %s", target)
    return target
