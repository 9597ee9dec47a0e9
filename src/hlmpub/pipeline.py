"""The recipe: read → segment → align, then write every output.

:func:`edition_from_sources` turns a source folder into an :class:`~hlmpub.model.Edition`
(ingest reads and segments each version, align links them, keeping a reviewer's
manual links from the previous archive); :func:`write_outputs` writes the
formats asked for (TEI, DOCX, PDF, TMX, XCES, review) through each stage's public
entry point.  Every step takes and returns model objects; this module only
wires them.  Building many folders, the cache and hand-edit backups are the
build layer's (:mod:`hlmpub.batch`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from . import render, review, tei
from .align import align_versions, manual_links
from .align.sentence_rows import align_sentence_rows, with_sentences
from .config import DocumentSpec, Settings, load_document
from .errors import ConfigError, HlmpubError
from .ingest import read_version
from .model import DocumentMeta, Edition, Finding, Link, Version
from .review.decisions import DECISIONS_FILE, checked_rows, decided_links, decision_changes, load_decisions
from .safeio import slug

log = logging.getLogger(__name__)

# ------------------------------------------------------------------ read and align


def read_versions(spec: DocumentSpec, settings: Settings) -> list[Version]:
    """Read every version named in document.toml (only ``settings.langs`` when given)."""
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
    head = [settings.align.pivot] if settings.align.pivot in present else []
    return tuple(head + sorted(lang for lang in present if lang not in head))


def tei_path(meta: DocumentMeta, output_dir: Path) -> Path:
    """Where a build writes the TEI archive of a document: ``output_dir/<slug>/<slug>.tei.xml``."""
    return Path(output_dir) / _name(meta) / f"{_name(meta)}.tei.xml"


def edition_from_sources(folder: str | Path, settings: Settings) -> Edition:
    """Ingest and align one source folder, keeping a reviewer's manual links from its previous TEI archive.

    The rows are aligned first, then the sentences inside each row (:mod:`hlmpub.align.sentence_rows`).

    The revisers' decisions in the folder's ``review-decisions.toml`` (:mod:`hlmpub.review.decisions`) go to
    the aligner as manual links, then the previous archive's (:func:`tei_path` in ``settings.output_dir``)
    manual links that share no unit with them; rows decided checked are marked, and the TEI records every
    decision.  A decision that no longer fits the sources, or an unreadable archive, is a warning.
    """
    spec = load_document(folder)
    versions = read_versions(spec, settings)
    by_lang = {v.lang: v for v in versions}
    ordered = tuple(by_lang[lang] for lang in order_langs(by_lang, settings))
    decisions = load_decisions(spec.folder / DECISIONS_FILE)
    decided, stale = decided_links(decisions, ordered)
    previous, reviser, findings = _previous_manual_links(tei_path(spec.meta, settings.output_dir), ordered)
    taken = {u for link in decided for ids in link.units.values() for u in ids}
    # checked rows come only from the decisions, so that every output folder gives the same rows
    manual = decided + [replace(lk, checked=False) for lk in previous if not taken & _unit_ids(lk)]
    links, found = align_versions(ordered, pivot=settings.align.pivot, manual=manual)
    links, unchecked = checked_rows(decisions, ordered, links)
    ordered = with_sentences(ordered)
    sentence_links = align_sentence_rows(ordered, links, pivot=settings.align.pivot)
    titles = document_titles(ordered, spec.meta.titles)
    meta = replace(spec.meta, titles=titles, reviser=spec.meta.reviser or reviser)
    problems = (*stale, *unchecked, *findings, *found)
    changes = decision_changes(decisions)
    return Edition(meta, ordered, tuple(links), problems, tuple(sentence_links), changes)


def _unit_ids(link: Link) -> set[str]:
    return {u for ids in link.units.values() for u in ids}


def _previous_manual_links(previous: Path, versions: tuple[Version, ...]) -> tuple[list[Link], str, list[Finding]]:
    """The previous archive's manual links, and the reviser it names for them (kept when document.toml names none)."""
    if not previous.is_file():
        return [], "", []
    try:
        edition = tei.read_tei(previous)
        links, findings = manual_links(edition, versions)
        return links, edition.meta.reviser, findings
    except HlmpubError as exc:
        problem = f"{exc.one_line()}; its manual links are not kept"
        return [], "", [Finding("warning", "manual-links-unreadable", problem)]


def document_titles(versions: Iterable[Version], given: dict[str, str]) -> dict[str, str]:
    """The title in each language: document.toml's where given, else the version's own title unit."""
    titles = {}
    for version in versions:
        found = next((u.text for u in version.units if u.key == "meta:title"), "")
        title = given.get(version.lang) or found
        if title:
            titles[version.lang] = title
    return titles


def run_review(edition: Edition, settings: Settings, source_dir: Path | None = None) -> list[Finding]:
    """The review checks on an edition; findings accepted in ``source_dir``'s ``review-accepted.toml`` are dropped."""
    return review.review_edition(edition, settings, accept_dir=source_dir)


# ------------------------------------------------------------------ write


def _name(meta: DocumentMeta) -> str:
    """The file stem of every output (a slug made safe again, never trusted)."""
    return slug(meta.slug or meta.symbol)


class _Build:
    """One :func:`write_outputs` call: the edition, where it goes, and what the writers share."""

    def __init__(self, edition: Edition, settings: Settings, source_dir: Path | None, findings: list[Finding] | None):
        self.edition = edition
        self.settings = settings
        self.source_dir = source_dir
        self.findings = findings
        self.out_dir = Path(settings.output_dir) / _name(edition.meta)
        self.stem = _name(edition.meta)
        self._tei: bytes | None = None

    def target(self, suffix: str) -> Path:
        return self.out_dir / f"{self.stem}{suffix}"

    def tei_bytes(self) -> bytes | None:
        """The TEI of this build, for a PDF/A-3 edition to attach (serialised here: never a stale file)."""
        if not (self.settings.render.pdf_variant or "").startswith("pdf/a-3"):
            return None
        if self._tei is None:
            self._tei = tei.tei_bytes(self.edition)
        return self._tei

    def tei(self) -> list[Path]:
        return [tei.write_tei(self.edition, self.target(".tei.xml"))]

    def tmx(self) -> list[Path]:
        if len(self.edition.langs) < 2:  # a memory with no targets helps no CAT tool
            log.warning("%s: no TMX written, the edition has one language", self.edition.meta.symbol)
            return []
        return tei.export_edition(self.edition, "tmx", self.target(".tmx"), self.settings)

    def xces(self) -> list[Path]:
        """One cesAlign file per pair pivot → language, next to the TEI they point into."""
        return tei.export_edition(self.edition, "xces", self.out_dir, self.settings)

    def pdf(self) -> list[Path]:
        return [self._render(self.edition, "pdf", ".pdf")]

    def docx(self) -> list[Path]:
        return [self._render(self.edition, "docx", ".docx")]

    def review(self) -> list[Path]:
        return write_review(self.edition, self._review_findings(), self.out_dir, self.settings, self.tei_bytes())

    def _review_findings(self) -> list[Finding]:
        if self.findings is None:
            self.findings = run_review(self.edition, self.settings, self.source_dir)
        return self.findings

    def _render(self, edition: Edition, fmt: str, suffix: str) -> Path:
        tei_bytes = self.tei_bytes() if fmt == "pdf" else None
        return render.render_edition(edition, fmt, self.target(suffix), self.settings, tei_bytes=tei_bytes)


#: output format → the writer that makes it
WRITERS: dict[str, Callable[[_Build], list[Path]]] = {
    "tei": _Build.tei,
    "docx": _Build.docx,
    "pdf": _Build.pdf,
    "tmx": _Build.tmx,
    "xces": _Build.xces,
    "review": _Build.review,
}


def write_outputs(
    edition: Edition,
    settings: Settings,
    *,
    source_dir: Path | None = None,
    review_findings: list[Finding] | None = None,
) -> list[Path]:
    """Write every format in ``settings.formats`` into ``output_dir/<slug>/``.

    ``source_dir``: the document's source folder (its ``review-accepted.toml``); ``review_findings``: the
    findings of :func:`run_review` on this edition when the caller already has them.
    """
    build = _Build(edition, settings, source_dir, review_findings)
    written: list[Path] = []
    for fmt in settings.formats:
        if fmt not in WRITERS:
            raise ConfigError(f"unknown output format {fmt!r}; known: {', '.join(WRITERS)}")
        written.extend(WRITERS[fmt](build))
    return written


def write_review(
    edition: Edition, findings: list[Finding], out_dir: Path, settings: Settings, tei_bytes: bytes | None = None
) -> list[Path]:
    """The review report ``<slug>.review.json`` and the review edition (DOCX, PDF) with the findings flagged.

    ``tei_bytes``: the edition's TEI, attached to a PDF/A-3 review PDF.
    """
    out_dir = Path(out_dir)
    written = [review.write_report(edition, findings, out_dir / f"{_name(edition.meta)}.review.json", settings)]
    flagged = review.flag_edition(edition, findings)
    for fmt in review.edition_formats(settings):
        target = out_dir / f"{_name(edition.meta)}.review.{fmt}"
        pdf_tei = tei_bytes if fmt == "pdf" else None
        written.append(render.render_edition(flagged, fmt, target, settings, review=True, tei_bytes=pdf_tei))
    return written


__all__ = [
    "WRITERS",
    "edition_from_sources",
    "order_langs",
    "read_versions",
    "run_review",
    "tei_path",
    "write_outputs",
    "write_review",
]
