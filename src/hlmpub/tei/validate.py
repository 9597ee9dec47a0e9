"""Validation: the official TEI P5 ``tei_all`` RELAX NG schema, then hlmpub's own rules.

lxml cannot run the Schematron embedded in tei_all, so the rules that matter to
an aligned edition are checked here in code:

* ``xml:id`` values are unique;
* every local pointer (``#id`` in @target, @ana, @resp, @rendition, @ref ...) resolves;
* every unit is in exactly one row of the paragraph alignment, and rows point only at units;
* with a sentence alignment, every ``s`` of a unit is in exactly one sentence row, sentence rows
  point only at sentences, and a sentence row stays inside one paragraph row;
* a ``link`` has at least two targets (the tei_all Schematron rule; one-unit rows are ``ptr``);
* ``@type`` agrees with the targets (the bead shape) and ``@cert`` is present, a number in 0..1 or a word;
* every text's language is declared in the edition's and in its own ``langUsage``;
* a table unit's ``@rows`` and ``@cols`` agree with its rows and cells, and its header rows
  (``row[@role='label']``) come first (the reader counts only the leading ones).

Every problem is a :class:`~hlmpub.model.Finding` whose ``evidence`` is the line number and whose message
names the element and says what is wrong.  Only errors make a file invalid; warnings are reported.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from ..model import Finding
from ..safeio import read_xml
from .names import NS, SENTENCE_SUBTYPE, XML_ID, XML_LANG, local_ids, tei
from .reader import CERT_WORDS, alignment_group, read_declarations, unit_elements
from .schema import relaxng, schema_for

POINTER_ATTRS = ("target", "ana", "resp", "rendition", "ref", "corresp", "sameAs", "prev", "next", "source")


def _finding(code: str, message: str, el: etree._Element | None = None, **extra: object) -> Finding:
    line = str(el.sourceline) if el is not None and el.sourceline else ""
    severity = str(extra.pop("severity", "error"))
    return Finding(severity, code, message, evidence=line, **extra)  # type: ignore[arg-type]


def schema_findings(root: etree._Element, whole: bool = False) -> list[Finding]:
    """tei_all RELAX NG errors, one Finding each, with the line number, worded by :func:`schema_message`.

    The schema is tei_all cut to the document's vocabulary (same verdict, :mod:`hlmpub.tei.subset`);
    ``whole``: the whole tei_all, compiled in seconds.
    """
    schema = relaxng() if whole else schema_for(root)
    if schema.validate(root.getroottree()):
        return []
    findings: list[Finding] = []
    for entry in schema.error_log:
        message = schema_message(root, entry)
        if message and all(f.message != message for f in findings):  # libxml2 says some things twice
            findings.append(Finding("error", "tei-schema", message, evidence=str(entry.line)))
    return findings or [Finding("error", "tei-schema", "tei_all: the document does not validate", evidence="1")]


def _name(el: etree._Element | None) -> str:
    return f"<{etree.QName(el).localname}>" if el is not None and isinstance(el.tag, str) else "the document"


def schema_message(root: etree._Element, entry: etree._LogEntry) -> str:
    """libxml2's RELAX NG error as a line that names the element; "" for an echo of an error already said
    (the parent's "extra content" after "did not expect", an ancestor's "failed to validate content")."""
    try:
        found = root.getroottree().xpath(entry.path) if entry.path else []
    except etree.XPathError:  # libxml2's path is plain positional XPath; anything else names no element
        found = []
    el = found[0] if isinstance(found, list) and found and isinstance(found[0], etree._Element) else None
    kind = entry.type_name
    if kind in ("RELAXNG_ERR_EXTRACONTENT", "RELAXNG_ERR_CONTENTVALID"):
        return ""
    if kind == "RELAXNG_ERR_ELEMWRONG" and el is not None:
        return f"tei_all: {_name(el)} is not allowed here in {_name(el.getparent())}"
    if kind == "RELAXNG_ERR_INVALIDATTR":
        parts = entry.message.split()  # "Invalid attribute NAME for element NAME"
        if len(parts) == 6:
            return f"tei_all: @{parts[2]} is not allowed on <{parts[5]}> (an unknown attribute or a wrong value)"
    return f"tei_all: {_name(el)}: {entry.message}"


def _ids(root: etree._Element) -> tuple[dict[str, etree._Element], list[Finding]]:
    seen: dict[str, etree._Element] = {}
    problems = []
    for el in root.iter(etree.Element):
        ident = el.get(XML_ID)
        if ident is None:
            continue
        if ident in seen:
            problems.append(
                _finding(
                    "tei-id",
                    f"xml:id {ident!r} on {_name(el)} is used twice (first on {_name(seen[ident])}, "
                    f"line {seen[ident].sourceline})",
                    el,
                )
            )
        else:
            seen[ident] = el
    return seen, problems


def pointer_findings(root: etree._Element, ids: dict[str, etree._Element]) -> list[Finding]:
    """Every ``#id`` pointer names an element of this file."""
    problems = []
    for el in root.iter(etree.Element):
        for attr in POINTER_ATTRS:
            for ident in local_ids(el.get(attr)):
                if ident not in ids:
                    problems.append(
                        _finding(
                            "tei-pointer", f"@{attr} of {_name(el)} points at #{ident}, which is not in the file", el
                        )
                    )
    return problems


def _units(root: etree._Element, kinds: dict[str, str]) -> dict[str, tuple[str, etree._Element]]:
    units: dict[str, tuple[str, etree._Element]] = {}
    for text in root.iterfind("tei:TEI/tei:text", NS):
        lang = text.get(XML_LANG, "")
        for el in unit_elements(text, kinds):
            units[el.get(XML_ID, "")] = (lang, el)
    return units


def _row_findings(
    row: int, el: etree._Element, units: dict[str, tuple[str, etree._Element]], langs: list[str], what: str = "unit"
) -> list[Finding]:
    targets = local_ids(el.get("target"))
    problems = []
    if el.tag == tei("link") and len(targets) < 2:
        problems.append(
            _finding("tei-link", "<link> has one target; a link needs two (a one-unit row is a <ptr>)", el, row=row)
        )
    for ident in targets:
        if ident not in units:
            message = f"{_name(el)} points at #{ident}, which is not a {what} of a text"
            problems.append(_finding("tei-link", message, el, row=row))
    counts = Counter(units[i][0] for i in targets if i in units)
    shape = ":".join(str(counts.get(lang, 0)) for lang in langs)
    if el.get("type") != shape:
        problems.append(
            _finding(
                "tei-shape",
                f"{_name(el)} @type {el.get('type')!r}, but its targets make {shape}",
                el,
                row=row,
                severity="warning",
            )
        )
    cert = el.get("cert")
    words = ", ".join(CERT_WORDS)
    if cert is None:
        message = f"@cert missing on {_name(el)}: the row's confidence, a number from 0 to 1 or {words}"
        problems.append(_finding("tei-cert", message, el, row=row))
    elif cert not in CERT_WORDS and not _is_probability(cert):
        message = f"@cert {cert!r} on {_name(el)} is not a number from 0 to 1 nor one of {words}"
        problems.append(_finding("tei-cert", message, el, row=row))
    return problems


def _is_probability(value: str) -> bool:
    try:
        return 0.0 <= float(value) <= 1.0
    except ValueError:
        return False


def alignment_findings(root: etree._Element, units: dict[str, tuple[str, etree._Element]]) -> list[Finding]:
    """Every unit in exactly one paragraph row; rows well formed."""
    group = alignment_group(root)
    if group is None:
        message = "no paragraph alignment: <standOff> needs a <linkGrp type='alignment' subtype='paragraph'>"
        return [_finding("tei-alignment", message, root)]
    langs = [t.get(XML_LANG, "") for t in root.iterfind("tei:TEI/tei:text", NS)]
    rows = [el for el in group if el.tag in (tei("link"), tei("ptr"))]
    problems: list[Finding] = []
    seen: Counter[str] = Counter()
    for row, el in enumerate(rows):
        problems += _row_findings(row, el, units, langs)
        seen.update(i for i in local_ids(el.get("target")) if i in units)
    for ident, (lang, el) in units.items():
        if seen[ident] != 1:
            where = "no paragraph link" if seen[ident] == 0 else f"{seen[ident]} paragraph links"
            message = f"{_name(el)} {ident} is in {where}; every unit is in exactly one"
            problems.append(_finding("tei-unlinked", message, el, lang=lang, unit_id=ident))
    return problems


def sentence_findings(root: etree._Element, units: dict[str, tuple[str, etree._Element]]) -> list[Finding]:
    """Every sentence (``s`` of a unit) in exactly one sentence row, which stays inside one paragraph row."""
    group = alignment_group(root, SENTENCE_SUBTYPE)
    sentences = {
        s.get(XML_ID, ""): (lang, s) for lang, el in units.values() for s in el.iterfind("tei:s", NS) if s.get(XML_ID)
    }
    if group is None:
        return []
    unit_of = {sid: s.getparent().get(XML_ID, "") for sid, (_, s) in sentences.items()}
    paragraphs = alignment_group(root)
    row_of = {
        uid: row
        for row, el in enumerate(paragraphs if paragraphs is not None else [])
        for uid in local_ids(el.get("target"))
    }
    langs = [t.get(XML_LANG, "") for t in root.iterfind("tei:TEI/tei:text", NS)]
    problems: list[Finding] = []
    seen: Counter[str] = Counter()
    for row, el in enumerate(e for e in group if e.tag in (tei("link"), tei("ptr"))):
        problems += _row_findings(row, el, sentences, langs, "sentence")
        targets = [i for i in local_ids(el.get("target")) if i in sentences]
        seen.update(targets)
        if len({row_of.get(unit_of[i]) for i in targets}) > 1:
            message = "sentence row crosses paragraph rows (a paragraph row was edited: rebuild to realign)"
            problems.append(_finding("tei-sentence-row", message, el, row=row, severity="warning"))
    for ident, (lang, el) in sentences.items():
        if seen[ident] != 1:
            where = "no sentence link" if seen[ident] == 0 else f"{seen[ident]} sentence links"
            problems.append(_finding("tei-unlinked", f"sentence {ident} is in {where}", el, lang=lang))
    return problems


def language_findings(root: etree._Element) -> list[Finding]:
    """Each text's language declared in the corpus langUsage and in its own."""
    declared = {lg.get("ident") for lg in root.iterfind("tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language", NS)}
    problems = []
    seen: set[str] = set()
    for doc in root.iterfind("tei:TEI", NS):
        text = doc.find("tei:text", NS)
        lang = text.get(XML_LANG, "") if text is not None else ""
        if lang and lang in seen:
            problems.append(_finding("tei-lang", f"a second TEI in language {lang!r}", text, lang=lang))
        seen.add(lang)
        own = {lg.get("ident") for lg in doc.iterfind("tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language", NS)}
        if not lang:
            problems.append(_finding("tei-lang", "<text> of a <TEI> has no xml:lang", doc))
        elif lang not in declared or lang not in own:
            message = (
                f"<text xml:lang={lang!r}>: the language is not declared in <langUsage> (the edition's and its own)"
            )
            problems.append(_finding("tei-lang", message, text, lang=lang))
    return problems


def table_findings(units: dict[str, tuple[str, etree._Element]]) -> list[Finding]:
    """Warnings for table units whose ``@rows``/``@cols`` or header rows a hand edit left inconsistent."""
    problems = []
    for ident, (lang, el) in units.items():
        if el.tag != tei("table"):
            continue
        rows = el.findall("tei:row", NS)
        shape = (str(len(rows)), str(max((len(r.findall("tei:cell", NS)) for r in rows), default=0)))
        if (el.get("rows"), el.get("cols")) != shape:
            message = f"table {ident}: @rows {el.get('rows')!r} @cols {el.get('cols')!r}, but it has {'×'.join(shape)}"
            problems.append(_finding("tei-table", message, el, lang=lang, unit_id=ident, severity="warning"))
        roles = [r.get("role") == "label" for r in rows]
        late = [n for n, label in enumerate(roles, start=1) if label and not all(roles[: n - 1])]
        if late:
            message = f"table {ident}: header row {late[0]} follows a body row and is read as a body row"
            row = rows[late[0] - 1]
            problems.append(_finding("tei-table", message, row, lang=lang, unit_id=ident, severity="warning"))
    return problems


def rule_findings(root: etree._Element) -> list[Finding]:
    """hlmpub's own rules (everything but the schema)."""
    if root.tag != tei("teiCorpus"):
        return [_finding("tei-root", f"root is {root.tag}, expected a TEI teiCorpus", root)]
    header = root.find("tei:teiHeader", NS)
    kinds = read_declarations(header).kinds if header is not None else {}
    ids, problems = _ids(root)
    units = _units(root, kinds)
    problems += pointer_findings(root, ids)
    problems += alignment_findings(root, units)
    problems += sentence_findings(root, units)
    problems += language_findings(root)
    problems += table_findings(units)
    return problems


def validate_tree(root: etree._Element) -> list[Finding]:
    """Schema findings, then rule findings."""
    return schema_findings(root) + rule_findings(root)


def validate_file(path: str | Path) -> list[Finding]:
    """Parse ``path`` safely and validate it; an unparsable file raises InputError."""
    return validate_tree(read_xml(path, "TEI"))
