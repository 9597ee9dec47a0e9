"""Translator review: QA checks across every row and language → findings, report, review edition.

Public entry points (used by ``hlmpub.cli``, the pipeline and the workbench):

* :func:`review_edition` runs the configured checks and drops accepted findings;
* :func:`findings_with_ids` lists every finding — the review's and the aligner's — with its id, source,
  row and status (open or accepted): what the workbench shows;
* :func:`write_report` writes ``<slug>.review.json``;
* :func:`flag_edition` and :func:`edition_formats` tell the pipeline what review
  edition to have the renderer draw (this stage never imports the renderer).

The report and the review edition show the aligner's findings (``Edition.findings``) next to the review's;
given the accepted-findings file they leave out the aligner's accepted ones too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..config import Settings
from ..model import Edition, Finding
from . import report
from .accept import find_accepted_file, finding_id, load_accepted, split_accepted, unknown_accepted
from .checks import CHECKS, run_checks
from .context import Context, build_context
from .report import edition_formats, summary_rows
from .reviewed import ReviewedFinding, in_order, reviewed

log = logging.getLogger(__name__)

__all__ = [
    "CHECKS",
    "ReviewedFinding",
    "accept_path",
    "accepted_file_for",
    "edition_formats",
    "finding_id",
    "findings_with_ids",
    "flag_edition",
    "review_edition",
    "summary_rows",
    "write_report",
]


def accept_path(settings: Settings, accept_dir: Path | None = None, accept_file: Path | None = None) -> Path | None:
    """The accepted-findings file: ``accept_file`` when given, else ``review-accepted.toml`` (the configured
    ``accept_file`` name) in ``accept_dir`` (the source folder of a build); neither: None (nothing accepted)."""
    if accept_file is not None:
        return Path(accept_file)
    if accept_dir is not None:
        return Path(accept_dir) / _accept_name(settings)
    return None


def _checked(ctx: Context, path: Path | None) -> tuple[list[Finding], dict[str, str]]:
    """The review checks' findings plus a warning per accepted id that matches no finding of either source;
    and the accepted ids (id → reason)."""
    edition = ctx.edition
    findings = run_checks(ctx)
    if path is None:
        return findings, {}
    accepted = load_accepted(path)
    known = {finding_id(f) for f in (*findings, *edition.findings)}
    return [*findings, *unknown_accepted(accepted, known, path)], accepted


def review_edition(
    edition: Edition, settings: Settings, accept_dir: Path | None = None, *, accept_file: Path | None = None
) -> list[Finding]:
    """Run every configured check and drop the accepted findings.

    The accepted-findings file is :func:`accept_path`'s.  An accepted id that matches neither a review
    finding nor one of the aligner's (``edition.findings``) gives a ``review-accepted-unknown`` warning.
    """
    path = accept_path(settings, accept_dir, accept_file)
    findings, accepted = _checked(build_context(edition, settings), path)
    if accepted:
        findings, done = split_accepted(findings, accepted)
        if done:
            log.info("%s: %d accepted finding(s) not reported", path, len(done))
    log.info("review of %s: %d finding(s)", edition.meta.symbol, len(findings))
    return findings


def findings_with_ids(edition: Edition, settings: Settings, accept_file: Path | None = None) -> list[ReviewedFinding]:
    """Every finding of ``edition``, the review checks' and the aligner's, accepted ones included (``status``),
    one per id, each on its row (``finding.row``; -1: the document as a whole, listed first), in row order."""
    ctx = build_context(edition, settings)
    findings, accepted = _checked(ctx, accept_path(settings, accept_file=accept_file))
    items = reviewed(findings, edition.findings, accepted, [row.link for row in ctx.rows])
    return in_order(items, edition.langs)


def _accepted(accept_file: Path | None) -> dict[str, str]:
    return load_accepted(Path(accept_file)) if accept_file is not None else {}


def write_report(
    edition: Edition, findings: list[Finding], path: Path, settings: Settings, *, accept_file: Path | None = None
) -> Path:
    """Write ``<slug>.review.json``: the review's open ``findings`` and the aligner's own (``edition.findings``)
    but those accepted in ``accept_file``; return its path."""
    return report.write_report(edition, findings, path, settings, _accepted(accept_file))


def flag_edition(edition: Edition, findings: list[Finding], *, accept_file: Path | None = None) -> Edition:
    """The edition carrying the open findings of both sources, one per id, in row order: what the renderer
    flags, and prints with their ids, in a review edition."""
    return report.flag_edition(edition, findings, _accepted(accept_file))


def _accept_name(settings: Settings) -> str:
    """The accepted-findings file name (``[tool.hlmpub.review] accept_file``, default ``review-accepted.toml``)."""
    return settings.review.accept_file


def accepted_file_for(tei_path: Path, edition: Edition, settings: Settings) -> Path | None:
    """The accepted-findings file ``hlmpub review EDITION.tei.xml`` uses when not told: next to the TEI,
    else ``sources/<slug>/`` below the current folder (the source folder of a checkout); None if neither."""
    return find_accepted_file(tei_path, edition.meta.slug, _accept_name(settings))
