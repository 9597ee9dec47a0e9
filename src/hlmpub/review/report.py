"""The review outputs: ``<slug>.review.json`` and the review edition (DOCX, PDF).

Both show every open finding with its id: the review's (the list handed in) and the aligner's own
(``Edition.findings``), each on its row (:mod:`.reviewed`); ``accepted`` (id → reason, from the
accepted-findings file) drops the aligner's accepted ones, as :func:`hlmpub.review.review_edition` dropped
the review's.

The JSON schema (``hlmpub_review`` = :data:`REVIEW_SCHEMA_VERSION`) is documented
in ``docs/design/review.md``.  The output is deterministic: no timestamps,
findings sorted by row (document-level findings first), language and code.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import Settings
from ..findings import finding_id
from ..model import SEVERITIES, Edition, Finding
from ..safeio import write_text
from .checks import selected
from .context import build_context, edition_links
from .reviewed import ReviewedFinding, in_order, reviewed

log = logging.getLogger(__name__)

#: 2: the aligner's findings join the list (``source``), ``row`` is where the finding is shown, ``by_source``.
REVIEW_SCHEMA_VERSION = 2


def open_findings(
    edition: Edition, findings: list[Finding], accepted: dict[str, str] | None = None
) -> list[ReviewedFinding]:
    """The review's ``findings`` (already without the accepted ones) and the aligner's not in ``accepted``,
    placed on their rows, one per id, in report order."""
    accepted = accepted or {}
    align = [f for f in edition.findings if finding_id(f) not in accepted]
    return in_order(reviewed(findings, align, {}, edition_links(edition)), edition.langs)


def finding_record(f: Finding, source: str = "review") -> dict[str, Any]:
    """One finding in the JSON form."""
    return {
        "id": finding_id(f),
        "source": source,
        "severity": f.severity,
        "code": f.code,
        "lang": f.lang,
        "unit_id": f.unit_id,
        "row": f.row,
        "message": f.message,
        "evidence": f.evidence,
    }


def summary(items: list[ReviewedFinding]) -> dict[str, Any]:
    """Counts by severity, by code and by source."""
    findings = [item.finding for item in items]
    by_code = Counter(f.code for f in findings)
    return {
        "total": len(findings),
        "by_severity": {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES},
        "by_code": dict(sorted(by_code.items())),
        "by_source": {source: sum(1 for i in items if i.source == source) for source in ("review", "align")},
    }


def summary_rows(findings: list[Finding]) -> list[tuple[str, str, int, str]]:
    """(severity, code, count, languages) per code, errors first: the terminal summary table."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.severity, f.code), []).append(f)
    rank: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}
    rows = []
    for (severity, code), group in sorted(groups.items(), key=lambda kv: (rank.get(kv[0][0], 9), kv[0][1])):
        langs = ",".join(sorted({f.lang for f in group if f.lang})) or "-"
        rows.append((severity, code, len(group), langs))
    return rows


def review_json(
    edition: Edition, findings: list[Finding], settings: Settings, accepted: dict[str, str] | None = None
) -> str:
    """The text of ``<slug>.review.json``: the review's open ``findings`` and the aligner's not ``accepted``."""
    ctx = build_context(edition, settings)
    ordered = open_findings(edition, findings, accepted)
    payload = {
        "hlmpub_review": REVIEW_SCHEMA_VERSION,
        "tool": f"hlmpub {__version__}",
        "edition": {
            "symbol": edition.meta.symbol,
            "slug": edition.meta.slug,
            "languages": list(edition.langs),
            "rows": len(ctx.rows),
        },
        "checks": selected(ctx),
        "summary": summary(ordered),
        "findings": [finding_record(item.finding, item.source) for item in ordered],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def edition_formats(settings: Settings) -> tuple[str, ...]:
    """The review edition's formats (``[tool.hlmpub.review] edition_formats``, checked when read; empty: none)."""
    return tuple(settings.review.edition_formats)


def flag_edition(edition: Edition, findings: list[Finding], accepted: dict[str, str] | None = None) -> Edition:
    """The edition carrying the open findings of both sources (:func:`open_findings`) in row order, one per
    id: what the renderer flags, and prints with their ids, in a review edition."""
    shown = tuple(item.finding for item in open_findings(edition, findings, accepted))
    return dataclasses.replace(edition, findings=shown)


def write_report(
    edition: Edition, findings: list[Finding], path: Path, settings: Settings, accepted: dict[str, str] | None = None
) -> Path:
    """Write the JSON report ``<slug>.review.json`` atomically; return its path."""
    return write_text(path, review_json(edition, findings, settings, accepted))
