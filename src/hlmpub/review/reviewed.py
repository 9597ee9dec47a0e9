"""Every finding of an edition with its id, its source and its status: what a reviser acts on.

Two sources: the review checks (``source = "review"``) and the aligner's own findings carried on
``Edition.findings`` (``"align"``, codes ``align-*``, ``table-shape``).  Each is placed on its row (the row
holding the unit it names, else the row it gives; -1 for a finding about the whole document) and is
``open`` or ``accepted`` (its id in the accepted-findings file).

The aligner may say one thing twice: the consistency check compares every pair of languages, so the same
unit is "finer inside row 11" against Arabic and against English.  Both have the same id (code, language,
unit, evidence): they are one finding, with their messages joined, so that one id is one line everywhere.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..findings import finding_id
from ..model import SEVERITIES, Finding, Link

Source = Literal["review", "align"]
Status = Literal["open", "accepted"]


@dataclass(frozen=True)
class ReviewedFinding:
    """One finding as the reviser sees it.  ``finding.row`` is its row index in the edition's links (-1: none)."""

    finding: Finding
    id: str
    source: Source
    status: Status = "open"
    reason: str = ""  # the accepted-findings file's reason, for an accepted one

    @property
    def row(self) -> int:
        return self.finding.row


def place(findings: Iterable[Finding], links: Sequence[Link]) -> list[Finding]:
    """The findings with ``row`` set to the row that holds their unit; without a unit (or one in no row)
    the row they give when it exists, else -1 (the document as a whole)."""
    row_of_unit = {uid: i for i, link in enumerate(links) for ids in link.units.values() for uid in ids}
    placed = []
    for f in findings:
        row = row_of_unit.get(f.unit_id, f.row if 0 <= f.row < len(links) else -1)
        placed.append(f if row == f.row else dataclasses.replace(f, row=row))
    return placed


def merge_same_id(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per id, in first-seen order: the most severe, its distinct messages joined by ``; ``."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    merged: dict[str, Finding] = {}
    for f in findings:
        fid = finding_id(f)
        first = merged.get(fid)
        if first is None:
            merged[fid] = f
            continue
        severity = min(first.severity, f.severity, key=lambda s: rank[s])
        message = first.message if f.message in first.message.split("; ") else f"{first.message}; {f.message}"
        merged[fid] = dataclasses.replace(first, severity=severity, message=message)
    return list(merged.values())


def reviewed(
    review: Iterable[Finding], align: Iterable[Finding], accepted: dict[str, str], links: Sequence[Link]
) -> list[ReviewedFinding]:
    """The review's and the aligner's findings, placed on their rows, one per id, with their status."""
    out: list[ReviewedFinding] = []
    seen: set[str] = set()
    sources: tuple[tuple[Source, Iterable[Finding]], ...] = (("review", review), ("align", align))
    for source, found in sources:
        for f in merge_same_id(place(found, links)):
            fid = finding_id(f)
            if fid in seen:  # the same id from both sources: the review's line stands
                continue
            seen.add(fid)
            status: Status = "accepted" if fid in accepted else "open"
            out.append(ReviewedFinding(f, fid, source, status, accepted.get(fid, "")))
    return out


def in_order(items: Iterable[ReviewedFinding], langs: Sequence[str]) -> list[ReviewedFinding]:
    """Row order (the document's own findings, row -1, first), then language column order, then code."""
    column = {lang: i for i, lang in enumerate(langs)}

    def key(item: ReviewedFinding) -> tuple[int, int, str, str, str]:
        f = item.finding
        return (f.row, column.get(f.lang, -1), f.code, f.unit_id, f.evidence)

    return sorted(items, key=key)
