"""Validation: the official TEI P5 ``tei_all`` RELAX NG schema, then hlmpub's own rules.

lxml cannot run the Schematron embedded in tei_all, so the rules that matter to
an aligned edition are checked here in code:

* ``xml:id`` values are unique;
* every local pointer (``#id`` in @target, @ana, @resp, @rendition, @ref ...) resolves;
* every unit is in exactly one row of the paragraph alignment, and rows point only at units;
* with a sentence alignment, every ``s`` of a unit is in exactly one sentence row, sentence rows
  point only at sentences, and a sentence row stays inside one paragraph row;
* a ``link`` has at least two targets (the tei_all Schematron rule; one-unit rows are ``ptr``);
* ``@type`` agrees with the targets (the bead shape) and ``@cert`` is a number in 0..1;
* every text's language is declared in the edition's and in its own ``langUsage``;
* a table unit's ``@rows`` and ``@cols`` agree with its rows and cells, and its header rows
  (``row[@role='label']``) come first (the reader counts only the leading ones).

Every problem is a :class:`~hlmpub.model.Finding` whose ``evidence`` is the line number.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from ..model import Finding
from ..safeio import read_xml
from .names import NS, SENTENCE_SUBTYPE, XML_ID, XML_LANG, local_ids, tei
from .reader import CERT_WORDS, alignment_group, read_declarations, unit_elements
from .schema import relaxng

POINTER_ATTRS = ("target", "ana", "resp", "rendition", "ref", "corresp", "sameAs", "prev", "next", "source")


def _finding(code: str, message: str, el: etree._Element | None = None, **extra: object) -> Finding:
    line = str(el.sourceline) if el is not None and el.sourceline else ""
    severity = str(extra.pop("severity", "error"))
    return Finding(severity, code, message, evidence=line, **extra)  # type: ignore[arg-type]


def schema_findings(root: etree._Element) -> list[Finding]:
    """tei_all RELAX NG errors, one Finding each, with the line number."""
    schema = relaxng()
    if schema.validate(root.getroottree()):
        return []
    return [Finding("error", "tei-schema", f"tei_all: {e.message}", evidence=str(e.line)) for e in schema.error_log]


def _ids(root: etree._Element) -> tuple[dict[str, etree._Element], list[Finding]]:
    seen: dict[str, etree._Element] = {}
    problems = []
    for el in root.iter(etree.Element):
        ident = el.get(XML_ID)
        if ident is None:
            continue
        if ident in seen:
            problems.append(
                _finding("tei-id", f"xml:id {ident!r} used twice (first on line {seen[ident].sourceline})", el)
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
                        _finding("tei-pointer", f"@{attr} points at #{ident}, which is not in the file", el)
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
            _finding("tei-link", "a link needs at least two targets (use ptr for a one-unit row)", el, row=row)
        )
    for ident in targets:
        if ident not in units:
            problems.append(_finding("tei-link", f"row target #{ident} is not a {what}", el, row=row))
    counts = Counter(units[i][0] for i in targets if i in units)
    shape = ":".join(str(counts.get(lang, 0)) for lang in langs)
    if el.get("type") != shape:
        problems.append(
            _finding(
                "tei-shape", f"@type {el.get('type')!r} but the targets make {shape}", el, row=row, severity="warning"
            )
        )
    cert = el.get("cert", "")
    if cert not in CERT_WORDS and not _is_probability(cert):
        problems.append(_finding("tei-cert", f"@cert {cert!r} is not a number in 0..1", el, row=row))
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
        return [_finding("tei-alignment", "no standOff/linkGrp[@type='alignment'][@subtype='paragraph']", root)]
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
            problems.append(_finding("tei-unlinked", f"unit {ident} is in {where}", el, lang=lang, unit_id=ident))
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
            problems.append(_finding("tei-lang", "a TEI whose text has no xml:lang", doc))
        elif lang not in declared or lang not in own:
            problems.append(_finding("tei-lang", f"language {lang!r} is not declared in langUsage", text, lang=lang))
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
