"""TEI (as written by :mod:`hlmpub.tei.writer`) → Edition.

The alignment is read from the stand-off ``linkGrp`` only: ``@target`` says which
units a row covers (whatever ``@type`` claims), ``@cert`` its confidence,
``@resp`` its method, ``@ana`` its key.  A reviewer's hand edit of a link is
therefore read back exactly as edited.  Units are read in document order from
every element whose ``@ana`` points at a unit-kind category; a table unit's
cells from its ``row``/``cell`` children (its text is made from them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..model import (
    KINDS,
    UN_LICENCE,
    Change,
    DocumentMeta,
    Edition,
    Link,
    Source,
    Unit,
    Version,
    is_kind,
    sentence_id,
    table_unit,
)
from ..safeio import parse_xml, read_xml, slug
from .names import (
    CHECKED,
    LINKGRP_SUBTYPE,
    LINKGRP_TYPE,
    MANUAL,
    NS,
    REVISER_KEY,
    SENTENCE_SUBTYPE,
    TEI_NS,
    UNNAMED_TYPE,
    XML_ID,
    XML_LANG,
    local_ids,
    resp_id,
    tei,
)

#: Word values TEI allows in @cert, read as numbers (hlmpub writes decimals).
CERT_WORDS = {"high": 0.9, "medium": 0.6, "low": 0.3, "unknown": 0.0}


@dataclass
class Declarations:
    """What the edition header declares: categories and responsibilities by xml:id."""

    kinds: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)
    revisers: dict[str, str] = field(default_factory=dict)  # respStmt id → the reviser's name


def _text(el: etree._Element | None) -> str:
    return "".join(el.itertext()) if el is not None else ""


def _first(root: etree._Element, path: str) -> str:
    return _text(root.find(path, NS))


def _categories(header: etree._Element, taxonomy: str) -> dict[str, str]:
    found = header.xpath(f".//tei:taxonomy[@xml:id='{taxonomy}']/tei:category", namespaces=NS)
    return {c.get(XML_ID): _first(c, "tei:catDesc") for c in found if c.get(XML_ID)}


def read_declarations(header: etree._Element) -> Declarations:
    """Kinds, keys and alignment methods declared in the corpus header."""
    methods = {}
    revisers = {}
    for stmt in header.iterfind(".//tei:titleStmt/tei:respStmt", NS):
        resp = stmt.find("tei:resp", NS)
        if not stmt.get(XML_ID) or resp is None:
            continue
        if resp.get("key") == REVISER_KEY:
            revisers[stmt.get(XML_ID, "")] = _first(stmt, "tei:name")
        else:
            methods[stmt.get(XML_ID, "")] = resp.get("key") or _text(resp)
    kinds, keys = _categories(header, "unit-kinds"), _categories(header, "unit-keys")
    return Declarations(kinds, keys, methods, revisers)


def read_meta(header: etree._Element) -> DocumentMeta:
    """The document metadata from the corpus header."""
    pub = "tei:fileDesc/tei:publicationStmt"
    notes = {n.get("type"): _text(n) for n in header.iterfind("tei:fileDesc/tei:notesStmt/tei:note", NS)}
    titles = {
        t.get(XML_LANG, ""): _text(t)
        for t in header.iterfind("tei:fileDesc/tei:titleStmt/tei:title", NS)
        if t.get("type") == "main"
    }
    symbol = _first(header, f"{pub}/tei:idno[@type='UN-symbol']")
    slug_el = header.find(f"{pub}/tei:idno[@type='slug']", NS)
    return DocumentMeta(
        symbol=symbol,
        slug=slug(_text(slug_el) if slug_el is not None else symbol or "edition"),
        session=notes.get("session", ""),
        agenda_item=notes.get("agenda-item", ""),
        date=_first(header, f"{pub}/tei:date"),
        original_lang=notes.get("original-language", ""),
        titles=titles,
        licence=_first(header, f"{pub}/tei:availability/tei:licence") or UN_LICENCE,
        reviser=_reviser(header),
    )


def _reviser(header: etree._Element) -> str:
    """The person named in the manual method's respStmt ("" for the unnamed reviewer)."""
    stmts = header.iterfind("tei:fileDesc/tei:titleStmt/tei:respStmt", NS)
    stmt = next((s for s in stmts if s.get(XML_ID) == resp_id(MANUAL)), None)
    name = stmt.find("tei:name", NS) if stmt is not None else None
    if name is None or name.get("type") == UNNAMED_TYPE or name.get("ref") == "#hlmpub":
        return ""
    return _text(name)


def unit_elements(text: etree._Element, kinds: dict[str, str]) -> list[etree._Element]:
    """The elements of a ``text`` that are units: their ``@ana`` names a kind."""
    return [el for el in text.iter(etree.Element) if any(i in kinds for i in local_ids(el.get("ana")))]


def _unit(el: etree._Element, lang: str, decl: Declarations) -> Unit:
    ids = local_ids(el.get("ana"))
    kind = next(decl.kinds[i] for i in ids if i in decl.kinds)
    key = next((decl.keys[i] for i in ids if i in decl.keys), "")
    uid = el.get(XML_ID)
    if not uid:
        raise InputError(f"line {el.sourceline}: a {kind} unit has no xml:id")
    if not is_kind(kind):
        raise InputError(f"line {el.sourceline}: unit kind {kind!r} is none of {', '.join(KINDS)}")
    if kind == "table":
        return _table(el, uid, lang, key)
    text = _text(el)
    try:
        return Unit(uid, lang, kind, key, el.get("n", ""), text, sentences=_sentence_spans(el, uid))
    except ValueError as exc:
        raise InputError(f"line {el.sourceline}: {exc}") from None


def _sentence_spans(el: etree._Element, uid: str) -> tuple[tuple[int, int], ...]:
    """Spans of the ``s`` children of a unit element, whose ids must be the unit's sentence ids in order."""
    spans: list[tuple[int, int]] = []
    pos = len(el.text or "")
    for child in el:
        length = len(_text(child)) if isinstance(child.tag, str) else 0
        if child.tag == tei("s"):
            expected = sentence_id(uid, len(spans) + 1)
            if child.get(XML_ID) != expected:
                raise InputError(
                    f"line {child.sourceline}: sentence {child.get(XML_ID)!r} of {uid}, expected {expected}"
                )
            spans.append((pos, pos + length))
        pos += length + len(child.tail or "")
    return tuple(spans)


def _table(el: etree._Element, uid: str, lang: str, key: str) -> Unit:
    """A table unit from ``table/row/cell``: the leading ``row[@role='label']`` are its header rows."""
    if el.tag != tei("table"):
        raise InputError(f"line {el.sourceline}: table unit {uid} is a {etree.QName(el).localname}, not a table")
    rows = tuple(tuple(_text(cell) for cell in row.iterfind("tei:cell", NS)) for row in el.iterfind("tei:row", NS))
    header = 0
    for row in el.iterfind("tei:row", NS):
        if row.get("role") != "label":
            break
        header += 1
    try:
        return table_unit(uid, lang, rows, header, key, el.get("n", ""))
    except ValueError as exc:
        raise InputError(f"line {el.sourceline}: {exc}") from None


def read_version(doc: etree._Element, decl: Declarations) -> Version:
    """One ``TEI`` element → Version."""
    text = doc.find("tei:text", NS)
    if text is None or not text.get(XML_LANG):
        raise InputError(f"line {doc.sourceline}: a TEI without text[@xml:lang]")
    lang = text.get(XML_LANG, "")
    bibl = doc.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl", NS)
    source = Source("", "", "")
    meta: dict[str, str] = {}
    if bibl is not None:
        source = Source(
            _first(bibl, "tei:idno[@type='source-file']"),
            _first(bibl, "tei:idno[@type='source-format']"),
            _first(bibl, "tei:idno[@type='sha256']"),
        )
        meta = {n.get("n", ""): _text(n) for n in bibl.iterfind("tei:note[@type='meta']", NS)}
    units = tuple(_unit(el, lang, decl) for el in unit_elements(text, decl.kinds))
    return Version(lang, units, source, meta)


def alignment_group(root: etree._Element, subtype: str = LINKGRP_SUBTYPE) -> etree._Element | None:
    """The paragraph (or ``subtype``) alignment ``linkGrp``, if any."""
    groups = root.xpath("tei:standOff/tei:linkGrp[@type=$t][@subtype=$s]", namespaces=NS, t=LINKGRP_TYPE, s=subtype)
    return groups[0] if groups else None


def _cert(el: etree._Element) -> float:
    value = (el.get("cert") or "unknown").strip()
    if value in CERT_WORDS:
        return CERT_WORDS[value]
    try:
        return float(value)
    except ValueError:
        raise InputError(f"line {el.sourceline}: @cert {value!r} is neither a number nor high|medium|low") from None


def _method(el: etree._Element, decl: Declarations) -> str:
    resp = local_ids(el.get("resp"))
    if not resp:
        return "manual"
    if resp[0] not in decl.methods:
        raise InputError(f"line {el.sourceline}: @resp #{resp[0]} names no respStmt of the header")
    return decl.methods[resp[0]]


def read_link(el: etree._Element, lang_of: dict[str, str], langs: tuple[str, ...], decl: Declarations) -> Link:
    """One ``link`` (or ``ptr``) → Link; targets are grouped by the language of their unit."""
    units: dict[str, list[str]] = {lang: [] for lang in langs}
    for uid in local_ids(el.get("target")):
        if uid not in lang_of:
            raise InputError(f"line {el.sourceline}: link target #{uid} is no unit (or sentence) of the edition")
        units[lang_of[uid]].append(uid)
    ana = local_ids(el.get("ana"))
    key = next((decl.keys[i] for i in ana if i in decl.keys), "")
    resp = next((decl.revisers[i] for i in local_ids(el.get("resp")) if i in decl.revisers), "")
    units_of = {lang: tuple(ids) for lang, ids in units.items()}
    return Link(units_of, _method(el, decl), _cert(el), key, resp=resp, checked=CHECKED in ana)


def edition_from_root(root: etree._Element, path: str | Path = "") -> Edition:
    """Rebuild an Edition from a parsed ``teiCorpus``."""
    if root.tag != tei("teiCorpus"):
        raise InputError(f"not an hlmpub TEI edition: root is {root.tag}, expected teiCorpus in {TEI_NS}", path)
    header = root.find("tei:teiHeader", NS)
    if header is None:
        raise InputError("teiCorpus without teiHeader", path)
    decl = read_declarations(header)
    try:
        versions = tuple(read_version(doc, decl) for doc in root.iterfind("tei:TEI", NS))
        langs = tuple(v.lang for v in versions)
        lang_of = _languages_of_units(versions)
        group = alignment_group(root)
        links = () if group is None else tuple(read_link(el, lang_of, langs, decl) for el in _rows(group))
        group = alignment_group(root, SENTENCE_SUBTYPE)
        sentence_lang = {sid: v.lang for v in versions for u in v.units for sid in u.sentence_ids()}
        sentences = () if group is None else tuple(read_link(el, sentence_lang, langs, decl) for el in _rows(group))
    except InputError as exc:
        raise InputError(exc.message, path) from None
    return Edition(read_meta(header), versions, links, sentence_links=sentences, changes=_changes(header, decl))


def _changes(header: etree._Element, decl: Declarations) -> tuple[Change, ...]:
    """The revisers' decisions the header records (``change[@type='reviser']``; not the build's own)."""
    found = []
    for el in header.iterfind("tei:revisionDesc/tei:change", NS):
        if el.get("type") == REVISER_KEY:
            who = next((decl.revisers[i] for i in local_ids(el.get("who")) if i in decl.revisers), "")
            found.append(Change(who, el.get("when", ""), _text(el)))
    return tuple(found)


def _languages_of_units(versions: tuple[Version, ...]) -> dict[str, str]:
    lang_of: dict[str, str] = {}
    for version in versions:
        for unit in version.units:
            if unit.id in lang_of:
                raise InputError(f"unit id {unit.id} is used twice")
            lang_of[unit.id] = version.lang
    return lang_of


def _rows(group: etree._Element) -> list[etree._Element]:
    return [el for el in group if el.tag in (tei("link"), tei("ptr"))]


def read_tei(path: str | Path) -> Edition:
    """Read a TEI edition file back into the model."""
    return edition_from_root(read_xml(path, "TEI"), path)


def read_tei_bytes(data: bytes, path: str | Path = "<bytes>") -> Edition:
    """Like :func:`read_tei`, from bytes already in memory."""
    return edition_from_root(parse_xml(data, path, "TEI"), path)
