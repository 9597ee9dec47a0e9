"""Edition → side-by-side PDF: Jinja2 HTML + CSS from ``templates/pdf``, laid out by weasyprint.

The HTML is built by :func:`render_html` (pure, golden-tested); :func:`write_pdf`
hands it to weasyprint with the stylesheet found next to the template, so a user
restyles the edition by copying ``templates/pdf`` and editing the CSS.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from .. import __version__
from ..config import PDF_VARIANTS, Settings
from ..errors import ConfigError, RenderError
from ..findings import finding_id
from ..model import LANG_NAMES, Edition
from ..safeio import atomic_path
from . import templates, wpload
from .grid import BODY_PT, grid
from .rows import Table, band_ems, build_table, column_ems

log = logging.getLogger(__name__)

TEMPLATE = "edition.html.j2"
STYLESHEET = "edition.css"


def _environment(settings: Settings) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([str(p) for p in templates.search_path(settings, "pdf")])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["finding_id"] = finding_id  # the review edition prints each finding's id
    return env


def body_classes(table: Table) -> str:
    """Classes on <body> that the CSS keys on: column count, orientation, review."""
    classes = [f"cols-{len(table.langs)}"]
    if table.landscape:
        classes.append("landscape")
    if table.review:
        classes.append("review")
    return " ".join(classes)


def _meta(table: Table) -> dict[str, str]:
    names = ", ".join(LANG_NAMES.get(lang, lang) for lang in table.langs)
    return {
        "generator": f"hlmpub {__version__}",
        "keywords": ", ".join((table.symbol, *table.langs)),
        "description": f"{table.symbol}: side-by-side edition in {names}",
    }


_LANG_RULE = re.compile(r'\.l-([\w-]+)\s*\{[^}]*-weasy-lang:\s*"([\w-]+)"')


def styled_languages(css: Path) -> frozenset[str]:
    """Languages whose ``.l-xx`` rule in the stylesheet sets ``-weasy-lang: "xx"`` (their cells need no lang)."""
    return frozenset(cls for cls, lang in _LANG_RULE.findall(css.read_text(encoding="utf-8")) if cls == lang)


_BASE_SIZE = re.compile(r"--base:\s*([0-9.]+)pt")


def base_size(css: Path) -> float:
    """The stylesheet's base size in pt (``--base``, the size its other text sizes are multiples of)."""
    found = _BASE_SIZE.search(css.read_text(encoding="utf-8"))
    return float(found.group(1)) if found else BODY_PT


def render_html(table: Table, settings: Settings) -> tuple[str, Path]:
    """The HTML handed to weasyprint and the folder its stylesheet is resolved from."""
    css = templates.find(settings, "pdf", STYLESHEET)
    context = {"table": table, "css": [css.name], "meta": _meta(table), "classes": body_classes(table)}
    try:
        template = _environment(settings).get_template(TEMPLATE)
        rooms = dict(zip(table.langs, column_ems(table), strict=True))
        html = template.render(
            context, styled_langs=styled_languages(css), grid=grid, rooms=rooms, band_room=band_ems(table)
        )
    except jinja2.TemplateError as exc:
        raise RenderError(f"PDF template failed: {exc}", TEMPLATE) from None
    return html, css.parent


@functools.lru_cache(maxsize=1)
def _font_config() -> Any:
    """One FontConfiguration per process: fontconfig set-up is not repeated per document."""
    wpload.load()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _attachments(settings: Settings, tei_path: Path | None, tei_bytes: bytes | None, name: str) -> list[Any]:
    variant = settings.render.pdf_variant or ""
    if not variant.startswith("pdf/a-3"):
        return []
    attachment = wpload.load().Attachment
    if tei_bytes is not None:
        return [attachment(string=tei_bytes, name=name, description="TEI P5 source", relationship="Source")]
    if tei_path is not None and Path(tei_path).is_file():
        return [attachment(filename=str(tei_path), name=name, description="TEI P5 source", relationship="Source")]
    raise RenderError(f"{variant} needs the edition's TEI to attach, and none was given", tei_path or name)


def _af_once(_document: Any, pdf: Any) -> None:
    """A weasyprint finisher: each attachment once in the catalog's ``/AF``.

    weasyprint 70's PDF/A-3 step lists every attachment twice, once from the EmbeddedFiles name tree and
    once from its file specification; PDF/A-3 validators read the array as the document's associated files.
    """
    refs = pdf.catalog.get("AF")
    if refs:
        unique = list(dict.fromkeys(refs))
        refs.clear()
        refs.extend(unique)


def _options(settings: Settings, attachments: list[Any]) -> dict[str, Any]:
    variant = settings.render.pdf_variant
    if variant and variant not in PDF_VARIANTS:
        # a Settings made in Python skips the checks of the CLI and the files: the same mistake, the same error
        raise ConfigError(f"pdf_variant = {variant!r}: expected one of {', '.join(PDF_VARIANTS)}")
    options: dict[str, Any] = {"attachments": attachments or None}
    if variant:
        options["pdf_variant"] = variant
        options["pdf_tags"] = variant == "pdf/ua-1"
    return options


OUTLINE_LEVELS = {"chapter": 1, "section": 2}


def outline(table: Table) -> list[tuple[int, str, str]]:
    """(level, label, row anchor) for each chapter and section row, labelled in the first column's language."""
    entries = []
    for row in table.rows:
        level = OUTLINE_LEVELS.get(row.kind)
        unit = next((c.units[0] for c in row.cells if c.units), None)
        if level and unit is not None:
            entries.append((level, f"{unit.marker} {unit.text}".strip(), row.anchor))
    return entries


def _add_outline(document: Any, table: Table) -> None:
    """Bookmarks at the heading anchors (weasyprint makes none from boxes inside table cells)."""
    pending = outline(table)
    for page in document.pages:
        here = [
            (page.anchors[a][1], level, label, page.anchors[a][:2]) for level, label, a in pending if a in page.anchors
        ]
        page.bookmarks.extend((level, label, point, "open") for _, level, label, point in sorted(here))
        pending = [entry for entry in pending if entry[2] not in page.anchors]


def _add_unit_anchors(document: Any, table: Table) -> None:
    """Every unit's id a PDF destination, at the top of its row.

    The HTML carries one id per row (on the gutter cell): ids on the paragraphs would cost a
    computed style per paragraph (see templates/pdf/edition.html.j2).  So the other units of a
    row are named here, after layout, at the position of the row's anchor.
    """
    others = {row.anchor: [u.id for c in row.cells for u in c.units if u.id != row.anchor] for row in table.rows}
    for page in document.pages:
        for anchor in [a for a in page.anchors if a in others]:
            for unit_id in others[anchor]:
                page.anchors.setdefault(unit_id, page.anchors[anchor])


#: Allocations between two young-generation collections while weasyprint runs (CPython's default: 700).
YOUNG_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Let the cyclic garbage collector run ~70x less often while weasyprint lays out and writes.

    weasyprint allocates some 10^6 boxes, styles and cffi objects for a six-language edition and
    frees nearly all of them by reference counting; with CPython's default threshold the collector
    still walks the young objects every 700 allocations and every surviving object in the
    occasional full pass: 5-7 % of a fresh-process render, with the same peak memory when the
    threshold is raised (benchmarks/render.py, docs/design/render.md).  The old thresholds come back
    afterwards, so a batch of builds still collects between editions.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@functools.lru_cache(maxsize=1)
def free_at_exit() -> None:
    """Once per process: at exit, leave the objects of the render to the OS instead of the collector.

    After a render some 10^5 objects stay alive in weasyprint's module-level caches (font
    configuration, Pango objects, parsed C types).  At interpreter exit CPython clears every
    module and runs the cyclic collector over all of them, which frees them one by one: about
    0.1 s of a six-language fresh-process render (5 % of its CPU time, benchmarks/render.py),
    all of it after the PDF is written and closed.  ``gc.freeze()`` (standard library) as an
    exit handler moves the survivors to the permanent generation, so the final collection skips
    them and the OS reclaims the memory, as it would anyway a moment later.  Exit handlers
    registered earlier (``logging.shutdown``, ``weakref.finalize``) still run: they are
    explicit calls, not the collector's.  A long-running process is unaffected until it exits.
    """
    atexit.register(gc.freeze)


def lay_out(table: Table, settings: Settings, **options: Any) -> Any:
    """The laid-out weasyprint Document of a table (pages, boxes, outline), ready to write."""
    html, base = render_html(table, settings)
    document = wpload.load().HTML(string=html, base_url=str(base) + "/").render(font_config=_font_config(), **options)
    _add_outline(document, table)
    _add_unit_anchors(document, table)
    return document


def write_pdf(
    edition: Edition,
    target: Path,
    settings: Settings,
    *,
    review: bool = False,
    tei_path: Path | None = None,
    tei_bytes: bytes | None = None,
) -> Path:
    """Lay out and write the PDF edition atomically; return ``target``."""
    base = base_size(templates.find(settings, "pdf", STYLESHEET))
    table = build_table(edition, settings.langs, review=review, orientation=settings.render.orientation, base_pt=base)
    tei_name = f"{edition.meta.slug}.tei.xml"
    options = _options(settings, _attachments(settings, tei_path, tei_bytes, tei_name))
    free_at_exit()
    start = time.perf_counter()
    with fewer_collections():
        document = lay_out(table, settings, **options)
        laid_out = time.perf_counter()
        with atomic_path(target) as tmp:
            document.write_pdf(tmp, finisher=_af_once, **options)
    pages, write_s = len(document.pages), time.perf_counter() - laid_out
    log.info("%s: %d pages, layout %.2f s, write %.2f s", target.name, pages, laid_out - start, write_s)
    return Path(target)
