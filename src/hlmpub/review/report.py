"""The review outputs: ``<slug>.review.json`` and the review edition (DOCX, PDF).

The JSON schema (``hlmpub_review`` = :data:`REVIEW_SCHEMA_VERSION`) is documented
in ``docs/design/review.md``.  The output is deterministic: no timestamps,
findings sorted by row, language and code.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import SEVERITIES, Settings
from ..model import Edition, Finding
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
    rank = {s: i for i, s in enumerate(SEVERITIES)}
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


def render_review_edition(
    edition: Edition, findings: list[Finding], out_dir: Path, settings: Settings, tei_bytes: bytes | None = None
) -> list[Path]:
    """The review DOCX and PDF through the renderer's public entry point, when it has a review mode
    (``tei_bytes`` is attached to a PDF/A-3 review PDF)."""
    formats = settings.review.edition_formats  # checked when read
    if not formats:
        return []
    from ..render import render_edition

    if "review" not in inspect.signature(render_edition).parameters:
        log.warning("the renderer has no review mode yet: review edition not written")
        return []
    flagged = dataclasses.replace(edition, findings=tuple(sort_findings(findings, edition.langs)))
    written = []
    for fmt in formats:
        target = out_dir / f"{edition.meta.slug}.review.{fmt}"
        written.append(Path(render_edition(flagged, fmt, target, settings, review=True, tei_bytes=tei_bytes)))
    return written


def write_outputs(
    edition: Edition, findings: list[Finding], out_dir: Path, settings: Settings, tei_bytes: bytes | None = None
) -> list[Path]:
    """Write the JSON report and the review edition; return the paths written."""
    json_path = write_text(out_dir / f"{edition.meta.slug}.review.json", review_json(edition, findings, settings))
    return [json_path, *render_review_edition(edition, findings, out_dir, settings, tei_bytes)]


def write(
    edition: Edition,
    out_dir: Path,
    settings: Settings,
    *,
    findings: list[Finding] | None = None,
    tei_bytes: bytes | None = None,
) -> list[Path]:
    """Pipeline writer (``--to review``): write every review output.

    ``findings``: the checks' findings, already run by the build (``hlmpub.pipeline.run_review``); None: run
    them here, accepting those listed in ``settings.source_dir``'s accepted-findings file.  ``tei_bytes``: the
    TEI of the same build, attached to a PDF/A-3 review PDF.
    """
    if findings is None:
        from . import review_edition

        findings = review_edition(edition, settings)
    return write_outputs(edition, findings, Path(out_dir), settings, tei_bytes)
