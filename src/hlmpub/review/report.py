"""The review outputs: ``<slug>.review.json`` and the review edition (DOCX, PDF).

The JSON schema (``hlmpub_review`` = :data:`REVIEW_SCHEMA_VERSION`) is documented
in ``docs/design/review.md``.  The output is deterministic: no timestamps,
findings sorted by row, language and code.
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
from ..model import SEVERITIES, Edition, Finding
from ..safeio import write_text
from .accept import finding_id
from .checks import selected
from .context import build_context

log = logging.getLogger(__name__)

REVIEW_SCHEMA_VERSION = 1


def sort_findings(findings: list[Finding], langs: tuple[str, ...]) -> list[Finding]:
    """Row order, then language column order, then code."""
    order = {lang: i for i, lang in enumerate(langs)}
    return sorted(findings, key=lambda f: (f.row, order.get(f.lang, -1), f.code, f.unit_id, f.evidence))


def finding_record(f: Finding) -> dict[str, Any]:
    """One finding in the JSON form."""
    return {
        "id": finding_id(f),
        "severity": f.severity,
        "code": f.code,
        "lang": f.lang,
        "unit_id": f.unit_id,
        "row": f.row,
        "message": f.message,
        "evidence": f.evidence,
    }


def summary(findings: list[Finding]) -> dict[str, Any]:
    """Counts by severity and by code."""
    by_code = Counter(f.code for f in findings)
    return {
        "total": len(findings),
        "by_severity": {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES},
        "by_code": dict(sorted(by_code.items())),
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


def review_json(edition: Edition, findings: list[Finding], settings: Settings) -> str:
    """The text of ``<slug>.review.json``."""
    ctx = build_context(edition, settings)
    ordered = sort_findings(findings, edition.langs)
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
        "findings": [finding_record(f) for f in ordered],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def edition_formats(settings: Settings) -> tuple[str, ...]:
    """The review edition's formats (``[tool.hlmpub.review] edition_formats``, checked when read; empty: none)."""
    return tuple(settings.review.edition_formats)


def flag_edition(edition: Edition, findings: list[Finding]) -> Edition:
    """The edition carrying ``findings`` in row order: what the renderer flags in a review edition."""
    return dataclasses.replace(edition, findings=tuple(sort_findings(findings, edition.langs)))


def write_report(edition: Edition, findings: list[Finding], path: Path, settings: Settings) -> Path:
    """Write the JSON report ``<slug>.review.json`` atomically; return its path."""
    return write_text(path, review_json(edition, findings, settings))
