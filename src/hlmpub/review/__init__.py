"""Translator review: QA checks across every row and language → findings, report, review edition.

Public entry points (used by ``hlmpub.cli`` and the pipeline):

* :func:`review_edition` runs the configured checks and drops accepted findings;
* :func:`write_report` writes ``<slug>.review.json``;
* :func:`flag_edition` and :func:`edition_formats` tell the pipeline what review
  edition to have the renderer draw (this stage never imports the renderer).
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..config import Settings
from ..model import Edition, Finding
from .accept import find_accepted_file, finding_id, load_accepted, split_accepted
from .checks import CHECKS, run_checks
from .context import build_context
from .report import edition_formats, flag_edition, summary_rows, write_report

log = logging.getLogger(__name__)

__all__ = [
    "CHECKS",
    "accepted_file_for",
    "edition_formats",
    "finding_id",
    "flag_edition",
    "review_edition",
    "summary_rows",
    "write_report",
]


def review_edition(
    edition: Edition, settings: Settings, accept_dir: Path | None = None, *, accept_file: Path | None = None
) -> list[Finding]:
    """Run every configured check and drop the accepted findings.

    The accepted-findings file is ``accept_file`` when given, else ``review-accepted.toml`` (the configured
    ``accept_file`` name) in ``accept_dir`` (the source folder of a build); neither: nothing is accepted.
    """
    ctx = build_context(edition, settings)
    findings = run_checks(ctx)
    path = accept_file
    if path is None and accept_dir is not None:
        path = Path(accept_dir) / _accept_name(settings)
    if path is not None:
        findings, done = split_accepted(findings, load_accepted(Path(path)))
        if done:
            log.info("%s: %d accepted finding(s) not reported", path, len(done))
    log.info("review of %s: %d finding(s)", edition.meta.symbol, len(findings))
    return findings


def _accept_name(settings: Settings) -> str:
    """The accepted-findings file name (``[tool.hlmpub.review] accept_file``, default ``review-accepted.toml``)."""
    return settings.review.accept_file


def accepted_file_for(tei_path: Path, edition: Edition, settings: Settings) -> Path | None:
    """The accepted-findings file ``hlmpub review EDITION.tei.xml`` uses when not told: next to the TEI,
    else ``sources/<slug>/`` below the current folder (the source folder of a checkout); None if neither."""
    return find_accepted_file(tei_path, edition.meta.slug, _accept_name(settings))
