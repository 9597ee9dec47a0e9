"""The recipe: read → segment → align → write.

Every step takes and returns model objects; this module only wires them.
"""

from __future__ import annotations

import importlib.util
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .config import DocumentSpec, Settings, load_document
from .errors import ConfigError, ExitCode, HlmpubError
from .model import Edition, Finding, Version

log = logging.getLogger(__name__)


def read_versions(spec: DocumentSpec, settings: Settings) -> list[Version]:
    """Read every version named in document.toml (only ``settings.langs`` when given)."""
    from .ingest import read_version

    wanted = set(settings.langs)
    specs = [v for v in spec.versions if not wanted or v.lang in wanted]
    missing = wanted - {v.lang for v in spec.versions}
    if missing:
        raise ConfigError(f"no file for {', '.join(sorted(missing))} in [versions]", spec.folder / "document.toml")
    return [read_version(v.path, v.lang, v.format) for v in specs]


def order_langs(langs: Iterable[str], settings: Settings) -> tuple[str, ...]:
    """Column order: as asked, else the pivot first and the rest alphabetically."""
    present = list(langs)
    if settings.langs:
        return tuple(lang for lang in settings.langs if lang in present)
    head = [settings.pivot] if settings.pivot in present else []
    return tuple(head + sorted(lang for lang in present if lang not in head))


def edition_from_sources(folder: str | Path, settings: Settings) -> Edition:
    """Ingest and align one source folder, keeping a reviewer's work in its previous TEI archive.

    The previous archive is ``settings.output_dir/<slug>/<slug>.tei.xml``: its manual links (method
    ``manual``) go to the aligner as constraints, and a copy ``.bak`` is kept when it was edited by hand
    since hlmpub wrote it (:func:`hlmpub.backup.keep_hand_edits`).  An unreadable archive is a warning.
    """
    from .align import align_versions, manual_links
    from .backup import keep_hand_edits
    from .model import Link
    from .safeio import slug
    from .tei import read_tei

    spec = load_document(folder)
    versions = read_versions(spec, settings)
    by_lang = {v.lang: v for v in versions}
    ordered = tuple(by_lang[lang] for lang in order_langs(by_lang, settings))
    previous = Path(settings.output_dir) / spec.meta.slug / f"{slug(spec.meta.slug or spec.meta.symbol)}.tei.xml"
    manual: list[Link] = []
    findings: list[Finding] = []
    if previous.is_file():
        keep_hand_edits(previous, Path(settings.output_dir))
        try:
            manual, findings = manual_links(read_tei(previous), ordered)
        except HlmpubError as exc:
            msg = f"{exc.one_line()}; its manual links are not kept"
            findings.append(Finding("warning", "manual-links-unreadable", msg))
    links, found = align_versions(ordered, pivot=settings.pivot, manual=manual)
    meta = replace(spec.meta, titles=document_titles(ordered, spec.meta.titles))
    return Edition(meta=meta, versions=ordered, links=tuple(links), findings=(*findings, *found))


def document_titles(versions: Iterable[Version], given: dict[str, str]) -> dict[str, str]:
    """The title in each language: document.toml's where given, else the version's own title unit."""
    titles = {}
    for version in versions:
        found = next((u.text for u in version.units if u.key == "meta:title"), "")
        title = given.get(version.lang) or found
        if title:
            titles[version.lang] = title
    return titles


# ------------------------------------------------------------------ writers

Writer = Callable[[Edition, Path, Settings], list[Path]]

#: format name → module that provides ``write(edition, out_dir, settings) -> [paths]``
WRITER_MODULES: dict[str, str] = {
    "tei": "hlmpub.tei.writer",
    "docx": "hlmpub.render.docx",
    "pdf": "hlmpub.render.pdf",
    "tmx": "hlmpub.tei.export",
    "review": "hlmpub.review.report",
}


def available_formats() -> tuple[str, ...]:
    """The output formats whose writer module is installed."""
    return tuple(name for name, mod in WRITER_MODULES.items() if importlib.util.find_spec(mod) is not None)


def _build_products(
    edition: Edition, settings: Settings, review_findings: list[Finding] | None
) -> dict[str, dict[str, Any]]:
    """Format → keywords its writer gets from this build: the TEI bytes a PDF/A-3 edition attaches (serialised
    here, so the PDF never picks up a stale file), and the review findings the build already has."""
    products: dict[str, dict[str, Any]] = {"pdf": {}, "review": {}}
    if review_findings is not None:
        products["review"]["findings"] = review_findings
    if (settings.pdf_variant or "").startswith("pdf/a-3") and {"pdf", "review"} & set(settings.formats):
        from .tei.writer import to_bytes

        tei = to_bytes(edition)
        products["pdf"]["tei_bytes"] = products["review"]["tei_bytes"] = tei
    return products


def write_outputs(edition: Edition, settings: Settings, review_findings: list[Finding] | None = None) -> list[Path]:
    """Write every format in ``settings.formats`` into ``output_dir/<slug>/``.

    ``review_findings``: the findings of :func:`run_review` on this edition, handed to the review writer
    (None: the review writer runs the checks itself).
    """
    out_dir = settings.output_dir / edition.meta.slug
    products = _build_products(edition, settings, review_findings)
    written: list[Path] = []
    for fmt in settings.formats:
        if fmt not in WRITER_MODULES:
            raise ConfigError(f"unknown output format {fmt!r}; known: {', '.join(WRITER_MODULES)}")
        module = importlib.import_module(WRITER_MODULES[fmt])
        written.extend(module.write(edition, out_dir, settings, **products.get(fmt, {})))
    return written


def run_review(edition: Edition, settings: Settings) -> list[Finding]:
    """The review checks on an edition, once per build; findings accepted in the source folder's
    ``review-accepted.toml`` (``settings.source_dir``) are dropped."""
    from .review import review_edition

    return review_edition(edition, settings, accept_dir=settings.source_dir)


# -------------------------------------------------------------------- build


@dataclass
class BuildResult:
    """What happened to one document folder in a build."""

    name: str
    langs: tuple[str, ...] = ()
    rows: int = 0
    findings: list[Finding] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False
    error: str = ""
    exit_code: int = 0
    review_findings: list[Finding] = field(default_factory=list)  # the review's, when "review" is built

    @property
    def all_findings(self) -> list[Finding]:
        """The aligner's findings (``findings``), then the review's: what ``--strict`` looks at."""
        return self.findings + self.review_findings


def build_one(folder: Path, settings: Settings) -> BuildResult:
    """Build one folder; a fatal error is caught and recorded, never raised.

    ``findings`` are the aligner's; with the ``review`` format the checks run once and their findings
    (``review_findings``) go both into the result and to the review writer.
    """
    start = time.perf_counter()
    result = BuildResult(name=folder.name)
    settings = settings.with_(source_dir=Path(folder))
    try:
        edition = edition_from_sources(folder, settings)
        result.langs = edition.langs
        result.rows = len(edition.links)
        result.findings = list(edition.findings)
        review = run_review(edition, settings) if "review" in settings.formats else None
        result.review_findings = review or []
        result.outputs = write_outputs(edition, settings, review_findings=review)
    except HlmpubError as exc:
        result.error = exc.one_line()
        result.exit_code = int(exc.exit_code)
    result.seconds = time.perf_counter() - start
    return result


def find_document_folders(paths: Iterable[Path]) -> list[Path]:
    """Folders holding a document.toml: the paths themselves, or below them."""
    found: list[Path] = []
    for path in paths:
        if (path / "document.toml").exists():
            found.append(path)
            continue
        below = sorted(p.parent for p in path.glob("*/document.toml"))
        if not below:
            raise ConfigError("no document.toml here or in its sub-folders", path)
        found.extend(below)
    return found


def build_many(
    folders: list[Path], settings: Settings, cluster: str | None = None, console: Any = None
) -> list[BuildResult]:
    """Build each folder (in ``settings.jobs`` processes, or on a Dask cluster); one failure does not stop
    the others; an unchanged document is served from the cache in the output folder (see :mod:`hlmpub.batch`)."""
    from . import batch

    return batch.run_batch(folders, settings, cluster=cluster, console=console)


__all__ = ["BuildResult", "ExitCode", "build_many", "build_one", "edition_from_sources", "run_review", "write_outputs"]
