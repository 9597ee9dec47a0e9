"""The teiHeaders: one for the edition (the corpus), one per language version."""

from __future__ import annotations

import datetime
import os
import re

from lxml import etree

from .. import __version__
from ..model import KINDS, LANG_NAMES, Edition, Version
from .names import (
    CHECKED,
    CHECKED_MEANING,
    LINK_TYPE_MEANINGS,
    LINK_TYPES,
    MANUAL,
    METHOD_LABELS,
    REVISER_KEY,
    REVISER_LABEL,
    ROW_STATES,
    RTL_RENDITION,
    SENTENCE_TYPE_MEANING,
    UNNAMED_REVISER,
    UNNAMED_TYPE,
    XML_ID,
    XML_LANG,
    kind_id,
    methods_declared,
    resp_id,
    reviser_ids,
    tei,
)

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PUBLISHER = "United Nations"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a TEI child element with optional text and attributes (``xml_id`` → xml:id)."""
    child = etree.SubElement(parent, tei(tag))
    for name, value in attrs.items():
        child.set({"xml_id": XML_ID, "xml_lang": XML_LANG}.get(name, name), value)
    if text:
        child.text = text
    return child


def _date(parent: etree._Element, value: str) -> None:
    if not value:
        return
    el = sub(parent, "date", value)
    if _ISO_DATE.match(value):
        el.set("when", value)


def _lang_usage(parent: etree._Element, langs: tuple[str, ...]) -> None:
    usage = sub(sub(parent, "profileDesc"), "langUsage")
    for lang in langs:
        sub(usage, "language", LANG_NAMES.get(lang, lang), ident=lang)


# ------------------------------------------------------------------ edition


def _title_stmt(file_desc: etree._Element, edition: Edition) -> None:
    stmt = sub(file_desc, "titleStmt")
    for lang, title in edition.meta.titles.items():
        sub(stmt, "title", title, type="main", xml_lang=lang)
    sub(stmt, "title", f"{edition.meta.symbol}: aligned language versions", type="desc", xml_lang="en")
    methods = methods_declared(lk.method for lk in (*edition.links, *edition.sentence_links))
    for method in methods:
        resp_stmt = sub(stmt, "respStmt", xml_id=resp_id(method))
        sub(resp_stmt, "resp", METHOD_LABELS.get(method, f"alignment: {method}"), key=method)
        if method != MANUAL:
            sub(resp_stmt, "name", "hlmpub", ref="#hlmpub")
        elif edition.meta.reviser:  # a manual decision is the reviser's, never the tool's
            sub(resp_stmt, "name", edition.meta.reviser)
        else:
            sub(resp_stmt, "name", UNNAMED_REVISER, type=UNNAMED_TYPE)
    for name, ident in revisers(edition).items():
        resp_stmt = sub(stmt, "respStmt", xml_id=ident)
        sub(resp_stmt, "resp", REVISER_LABEL, key=REVISER_KEY)
        sub(resp_stmt, "name", name)


def revisers(edition: Edition) -> dict[str, str]:
    """Every reviser the edition names (a link's ``resp``, a change's ``who``) → the xml:id of their respStmt."""
    return reviser_ids([*(lk.resp for lk in edition.links), *(c.who for c in edition.changes)])


def _publication_stmt(file_desc: etree._Element, edition: Edition) -> None:
    stmt = sub(file_desc, "publicationStmt")
    sub(stmt, "publisher", PUBLISHER)
    sub(sub(stmt, "availability"), "licence", edition.meta.licence)
    sub(stmt, "idno", edition.meta.symbol, type="UN-symbol")
    sub(stmt, "idno", edition.meta.slug, type="slug")
    _date(stmt, edition.meta.date)


def _notes_stmt(file_desc: etree._Element, edition: Edition) -> None:
    notes = [
        ("session", edition.meta.session),
        ("agenda-item", edition.meta.agenda_item),
        ("original-language", edition.meta.original_lang),
    ]
    if not any(value for _, value in notes):
        return
    stmt = sub(file_desc, "notesStmt")
    for kind, value in notes:
        if value:
            sub(stmt, "note", value, type=kind)


def _encoding_desc(header: etree._Element, edition: Edition, key_ids: dict[str, str]) -> None:
    desc = sub(header, "encodingDesc")
    app = sub(sub(desc, "appInfo"), "application", ident="hlmpub", version=__version__, xml_id="hlmpub")
    sub(app, "label", "hlmpub")
    sub(app, "desc", "aligns the language versions of a UN document paragraph by paragraph")
    tags = sub(desc, "tagsDecl")
    sub(tags, "rendition", "direction: rtl; text-align: right;", scheme="css", xml_id=RTL_RENDITION)
    classes = sub(desc, "classDecl")
    kinds = sub(classes, "taxonomy", xml_id="unit-kinds")
    sub(kinds, "desc", "kind of block a unit is")
    for kind in KINDS:
        sub(sub(kinds, "category", xml_id=kind_id(kind)), "catDesc", kind)
    keys = sub(classes, "taxonomy", xml_id="unit-keys")
    sub(keys, "desc", "language-independent structural keys (UN numbering)")
    for key, ident in key_ids.items():
        sub(sub(keys, "category", xml_id=ident), "catDesc", key)
    types = sub(classes, "taxonomy", xml_id=LINK_TYPES)
    sub(types, "desc", "the @type values of the stand-off alignment, for any TEI tool that reads it")
    meanings = dict(LINK_TYPE_MEANINGS)
    if edition.sentence_links:
        meanings["type-sentence"] = SENTENCE_TYPE_MEANING
    for ident, meaning in meanings.items():
        sub(sub(types, "category", xml_id=ident), "catDesc", meaning)
    if any(lk.checked for lk in edition.links):  # declared only when used: a plain build's header is unchanged
        states = sub(classes, "taxonomy", xml_id=ROW_STATES)
        sub(states, "desc", "what revisers recorded about a row (in the link's @ana)")
        sub(sub(states, "category", xml_id=CHECKED), "catDesc", CHECKED_MEANING)


def _revision_desc(header: etree._Element, edition: Edition) -> None:
    """The build that wrote the file: hlmpub's version, dated deterministically (never the wall clock); then
    one ``change`` per reviser decision, with who (@who, their respStmt) and when (@when, as decided)."""
    desc = sub(header, "revisionDesc")
    change = sub(desc, "change", f"written by hlmpub {__version__}", who="#hlmpub")
    attr, when = build_date(edition.meta.date)
    if when:
        change.set(attr, when)
    ids = revisers(edition)
    for decision in edition.changes:
        change = sub(desc, "change", decision.what, type=REVISER_KEY)
        if decision.who:
            change.set("who", f"#{ids[decision.who]}")
        if decision.when:
            change.set("when", decision.when)


def build_date(document_date: str) -> tuple[str, str]:
    """How the TEI dates a build, so that the same sources always give the same bytes.

    ``("when", day)`` of ``$SOURCE_DATE_EPOCH`` (the reproducible-builds stamp) when set; else
    ``("notBefore", the document's ISO date)`` — true of any build, and no wall clock; else ``("", "")``.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return "when", datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    return ("notBefore", document_date) if _ISO_DATE.match(document_date) else ("", "")


def edition_header(edition: Edition, key_ids: dict[str, str]) -> etree._Element:
    """The teiCorpus header: titles, publication and licence, notes, encoding, languages, the build."""
    header = etree.Element(tei("teiHeader"))
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, edition)
    _publication_stmt(file_desc, edition)
    _notes_stmt(file_desc, edition)
    sub(
        sub(file_desc, "sourceDesc"),
        "p",
        f"The language versions of UN document {edition.meta.symbol}; each TEI below describes its own source file.",
    )
    _encoding_desc(header, edition, key_ids)
    _lang_usage(header, edition.langs)
    _revision_desc(header, edition)
    return header


# ------------------------------------------------------------------ version


def _version_title(edition: Edition, version: Version) -> str:
    title = edition.meta.titles.get(version.lang)
    if title:
        return title
    return f"{edition.meta.symbol} ({LANG_NAMES.get(version.lang, version.lang)})"


def _source_desc(file_desc: etree._Element, edition: Edition, version: Version) -> None:
    bibl = sub(sub(file_desc, "sourceDesc"), "bibl")
    sub(bibl, "idno", version.meta.get("symbol") or edition.meta.symbol, type="UN-symbol")
    sub(bibl, "textLang", LANG_NAMES.get(version.lang, version.lang), mainLang=version.lang)
    sub(bibl, "idno", version.source.path, type="source-file")
    sub(bibl, "idno", version.source.format, type="source-format")
    sub(bibl, "idno", version.source.sha256, type="sha256")
    for name, value in version.meta.items():
        sub(bibl, "note", value, type="meta", n=name)


def version_header(edition: Edition, version: Version) -> etree._Element:
    """A language version's own header: title, symbol, date, source file."""
    header = etree.Element(tei("teiHeader"))
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", _version_title(edition, version), xml_lang=version.lang)
    stmt = sub(file_desc, "publicationStmt")
    sub(stmt, "publisher", PUBLISHER)
    sub(stmt, "idno", version.meta.get("symbol") or edition.meta.symbol, type="UN-symbol")
    _date(stmt, version.meta.get("date") or edition.meta.date)
    original = version.meta.get("original") or edition.meta.original_lang
    if original:
        sub(sub(file_desc, "notesStmt"), "note", original, type="original-language")
    _source_desc(file_desc, edition, version)
    _lang_usage(header, (version.lang,))
    return header
