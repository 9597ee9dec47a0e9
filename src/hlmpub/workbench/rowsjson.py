"""The JSON of ``GET /api/rows``: the edition as rows of cells, with findings and sentences.

Row ids are stable across edits that do not touch a row: ``"r-"`` and the first unit id of the row
in the edition's language order.  Texts are raw; the page escapes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Edition, Finding, Link, text_direction


@dataclass(frozen=True)
class FindingView:
    """A finding as the workbench shows it: its id, where it came from and what a reviser decided."""

    id: str
    finding: Finding
    source: str  # "review" | "align"
    status: str = "open"  # "open" | "accepted" | "rejected"
    comment: str = ""
    by: str = ""
    at: str = ""

    def record(self) -> dict[str, Any]:
        f = self.finding
        return {
            "id": self.id,
            "code": f.code,
            "severity": f.severity,
            "message": f.message,
            "lang": f.lang,
            "unit": f.unit_id,
            "source": self.source,
            "status": self.status,
            "comment": self.comment,
            "by": self.by,
            "at": self.at,
        }


def row_id(link: Link, langs: Sequence[str]) -> str:
    """``r-`` + the first unit of the row in ``langs`` order."""
    first = next(u for lang in langs for u in link.units.get(lang, ()))
    return f"r-{first}"


def row_ids(edition: Edition) -> list[str]:
    """The id of every row, in order."""
    return [row_id(link, edition.langs) for link in edition.links]


def unit_rows(edition: Edition) -> dict[str, int]:
    """unit id → index of its row."""
    return {u: n for n, link in enumerate(edition.links) for ids in link.units.values() for u in ids}


def sentence_groups(edition: Edition) -> list[list[Link]]:
    """The sentence links of each row, in row order (a sentence link belongs to the row of its units)."""
    unit_of = {sid: u.id for v in edition.versions for u in v.units for sid in u.sentence_ids()}
    row_of = unit_rows(edition)
    groups: list[list[Link]] = [[] for _ in edition.links]
    for link in edition.sentence_links:
        first = next((s for ids in link.units.values() for s in ids), "")
        n = row_of.get(unit_of.get(first, ""), -1)
        if n >= 0:
            groups[n].append(link)
    return groups


def finding_row(finding: Finding, row_of: dict[str, int], rows: int) -> int:
    """The row a finding is shown on: its unit's, else its row index, else -1 (the document as a whole)."""
    first = finding.unit_id.split()[0] if finding.unit_id.strip() else ""
    if first in row_of:
        return row_of[first]
    return finding.row if 0 <= finding.row < rows else -1


def rows_json(
    edition: Edition,
    findings: Sequence[FindingView],
    *,
    version: int,
    reviewer: str,
    pivot: str,
    can_undo: bool,
    can_redo: bool,
) -> dict[str, Any]:
    """The whole ``GET /api/rows`` document (docs/design/review.md, API)."""
    langs = list(edition.langs)
    row_of = unit_rows(edition)
    per_row: list[list[dict[str, Any]]] = [[] for _ in edition.links]
    loose: list[dict[str, Any]] = []
    for view in findings:
        n = finding_row(view.finding, row_of, len(edition.links))
        (per_row[n] if n >= 0 else loose).append(view.record())
    groups = sentence_groups(edition)
    rows = []
    for n, link in enumerate(edition.links):
        rows.append(
            {
                "id": row_id(link, langs),
                "n": n + 1,
                "key": link.key,
                "method": link.method,
                "confidence": round(link.score, 4),
                "checked": link.checked,
                "resp": link.resp,
                "cells": {lang: list(link.units.get(lang, ())) for lang in langs},
                "findings": per_row[n],
                "sentences": [
                    {
                        "cells": {lang: list(s.units.get(lang, ())) for lang in langs if s.units.get(lang)},
                        "method": s.method,
                        "confidence": round(s.score, 4),
                    }  # fmt: skip
                    for s in groups[n]
                ],
            }
        )
    units = {
        u.id: {
            "lang": u.lang,
            "label": u.marker,
            "kind": u.kind,
            "text": u.text,
            "sentences": [
                {"id": sid, "text": u.text[a:b]} for sid, (a, b) in zip(u.sentence_ids(), u.sentences, strict=True)
            ],
        }
        for v in edition.versions
        for u in v.units
    }
    return {
        "version": version,
        "document": {"symbol": edition.meta.symbol, "title": _title(edition, pivot)},
        "reviewer": reviewer,
        "langs": langs,
        "pivot": pivot,
        "dirs": {lang: text_direction(lang) for lang in langs},
        "rows": rows,
        "units": units,
        "findings": loose,
        "can_undo": can_undo,
        "can_redo": can_redo,
    }


def _title(edition: Edition, pivot: str) -> str:
    titles = edition.meta.titles
    return titles.get(pivot) or titles.get("en") or next(iter(titles.values()), edition.meta.symbol)
