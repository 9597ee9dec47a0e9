"""Translator review: QA checks across every row and language → findings, report, review edition.

Public entry points (used by ``cli.py`` and the pipeline):

* :func:`review_edition` runs the configured checks and drops accepted findings;
* :func:`write_review` writes ``<slug>.review.json`` and the review DOCX / PDF;
* :mod:`hlmpub.review.report` ``write(edition, out_dir, settings)`` does both
  (the ``review`` output format of ``hlmpub build``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..config import Settings
from ..model import Edition, Finding
from .accept import finding_id, load_accepted, split_accepted
from .checks import CHECKS, run_checks
from .context import build_context

log = logging.getLogger(__name__)

__all__ = ["CHECKS", "finding_id", "review_edition", "write_review"]


def review_edition(edition: Edition, settings: Settings, accept_dir: Path | None = None) -> list[Finding]:
    """Run every configured check; findings accepted in ``accept_dir``'s accepted file are dropped."""
    ctx = build_context(edition, settings)
    findings = run_checks(ctx)
    if accept_dir is not None:
        accepted = load_accepted(Path(accept_dir) / str(ctx.config["accept_file"]))
        findings, done = split_accepted(findings, accepted)
        if done:
            log.info("%d accepted finding(s) not reported", len(done))
    log.info("review of %s: %d finding(s)", edition.meta.symbol, len(findings))
    return findings


def write_review(edition: Edition, findings: list[Finding], out_dir: Path, settings: Settings) -> list[Path]:
    """Write ``<slug>.review.json`` and the review edition (DOCX, PDF) into ``out_dir``."""
    from .report import write_outputs

    return write_outputs(edition, findings, Path(out_dir), settings)
