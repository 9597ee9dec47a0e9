"""The build's own findings in the archive: ``standOff/listAnnotation[@type='findings']``.

The aligner's findings (``Edition.findings``: a unit without a counterpart, a row the pairwise alignment
would cut finer, a table whose shape differs …) are known only while a build runs; kept in the TEI, a
review of the archive (``hlmpub review EDITION.tei.xml``, the workbench) shows them too, with the same
ids.  One ``annotation`` per finding::

    <annotation xml:id="finding-3" target="#zh-u4" motivation="assessing" n="7" targetLang="ar">
      <note type="align-unmatched" subtype="info">row 7: no counterpart in ar</note>
      <note type="evidence">…</note>          (only when there is evidence)
    </annotation>

They live in the ``standOff``, after the alignment they are about.  ``@target`` is the unit the finding
names; a finding about the document (no unit), or naming a unit the edition no longer has, points at the
``application`` of the header (``#hlmpub``) and keeps the unit id in ``<note type="unit">``.  ``@n`` is
the row (absent: none), ``@targetLang`` the language concerned.
"""

from __future__ import annotations

from lxml import etree

from ..errors import InputError
from ..model import Edition, Finding, is_severity
from .header import sub
from .names import NS, XML_ID, local_ids, tei

FINDINGS_TYPE = "findings"
#: Findings about the output folder rather than the document (its previous archive could not be read): not
#: kept, so that the same sources give the same archive whatever the folder held before.
NOT_KEPT = frozenset({"manual-links-unreadable"})
#: What an annotation about the document as a whole points at: the header's ``application`` (hlmpub).
DOCUMENT_TARGET = "hlmpub"


def findings_element(edition: Edition) -> etree._Element | None:
    """``listAnnotation[@type='findings']`` for ``edition.findings`` (but :data:`NOT_KEPT`); None if none."""
    kept = [f for f in edition.findings if f.code not in NOT_KEPT]
    if not kept:
        return None
    unit_ids = {u.id for v in edition.versions for u in v.units}
    group = etree.Element(tei("listAnnotation"), type=FINDINGS_TYPE)
    for n, f in enumerate(kept, start=1):
        known = f.unit_id in unit_ids
        ann = sub(group, "annotation", target=f"#{f.unit_id if known else DOCUMENT_TARGET}", motivation="assessing")
        ann.set(XML_ID, f"finding-{n}")
        if f.row >= 0:
            ann.set("n", str(f.row))
        if f.lang:
            ann.set("targetLang", f.lang)
        sub(ann, "note", f.message, type=f.code, subtype=f.severity)
        if f.evidence:
            sub(ann, "note", f.evidence, type="evidence")
        if f.unit_id and not known:
            sub(ann, "note", f.unit_id, type="unit")
    return group


def read_findings(root: etree._Element) -> tuple[Finding, ...]:
    """The findings an archive keeps (none in an archive written before they were kept)."""
    found = []
    for ann in root.iterfind(f"tei:standOff/tei:listAnnotation[@type='{FINDINGS_TYPE}']/tei:annotation", NS):
        notes = ann.findall("tei:note", NS)
        if not notes or not notes[0].get("type"):
            raise InputError(f"line {ann.sourceline}: a finding annotation needs a first note with its code as @type")
        head, extra = notes[0], {n.get("type"): "".join(n.itertext()) for n in notes[1:]}
        severity = head.get("subtype", "")
        targets = [t for t in local_ids(ann.get("target")) if t != DOCUMENT_TARGET]
        row = ann.get("n", "-1")
        found.append(
            Finding(
                severity if is_severity(severity) else "warning",
                head.get("type", ""),
                "".join(head.itertext()),
                lang=ann.get("targetLang", ""),
                unit_id=targets[0] if targets else extra.get("unit", ""),
                row=int(row) if row.lstrip("-").isdigit() else -1,
                evidence=extra.get("evidence", ""),
            )
        )
    return tuple(found)
