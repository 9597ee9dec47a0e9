"""Build one document folder: the pipeline's recipe, its result recorded, its failure contained."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from .. import pipeline
from ..config import Settings, load_document
from ..errors import ExitCode, HlmpubError
from .backup import keep_hand_edits
from .result import BuildResult

log = logging.getLogger(__name__)


def build_one(folder: Path, settings: Settings) -> BuildResult:
    """Build one folder; a fatal error is caught and recorded, never raised.

    A TEI archive edited by hand since the last build is kept as ``.bak`` first.  ``findings`` are the
    aligner's; with the ``review`` format the checks run once and their findings (``review_findings``) go
    both into the result and to the review writer.
    """
    start = time.perf_counter()
    result = BuildResult(name=folder.name)
    try:
        keep_hand_edits(pipeline.tei_path(load_document(folder).meta, settings.output_dir), settings.output_dir)
        edition = pipeline.edition_from_sources(folder, settings)
        result.langs = edition.langs
        result.rows = len(edition.links)
        result.findings = list(edition.findings)
        review = pipeline.run_review(edition, settings, folder) if "review" in settings.formats else None
        result.review_findings = review or []
        result.outputs = pipeline.write_outputs(edition, settings, source_dir=folder, review_findings=review)
    except HlmpubError as exc:
        result.error = exc.one_line()
        result.exit_code = int(exc.exit_code)
    result.seconds = time.perf_counter() - start
    return result


def build_document(folder: Path, settings: Settings) -> BuildResult:
    """The per-document function every runner calls: never raises, whatever happens inside."""
    try:
        return build_one(folder, settings)
    except Exception as exc:  # a bug in a stage fails this document only; the traceback goes to the log
        log.exception("%s: unexpected error", folder)
        error = f"{folder}: internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"
        return BuildResult(name=folder.name, error=error, exit_code=int(ExitCode.BATCH))
