"""Edition → table rows: the one layout decision both renderers share.

One :class:`Row` per :class:`~hlmpub.model.Link`, one :class:`Cell` per column
language in the requested order.  Rows whose units are all headings (meta,
chapter, section) become heading rows; the paragraph number goes into its own
narrow column (the "gutter"); a row that is not 1:1 keeps every unit of every
language and is *marked* so the reader sees the merge or the gap.

For the review edition the rows also carry the findings that concern them, the
cells named by a finding are *flagged*, and every row has a confidence band
derived from the link's score.  Everything here is pure: no I/O, no rendering.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..config import Orientation
from ..conventions import PAREN_IDEOGRAPHS
from ..errors import RenderError
from ..model import HEADING_KINDS, LANG_NAMES, Edition, Finding, Link, Unit, text_direction
from .grid import BODY_PT, grid
from .grid import text_ems as _ems

log = logging.getLogger(__name__)

#: Preferred column order when the user names none: Chinese first, then the UN order.
DEFAULT_ORDER: tuple[str, ...] = ("zh", "ar", "en", "es", "fr", "ru")

#: Column heads as each language names itself.
NATIVE_NAMES = {
    "zh": "中文",
    "ar": "العربية",
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "ru": "Русский",
}

#: Score thresholds of the confidence bands (review edition shading).
HIGH_CONFIDENCE = 0.9
LOW_CONFIDENCE = 0.6

_HEADING_RANK = {"meta": 0, "chapter": 1, "section": 2}
_PARA_KEY = re.compile(r"^p:(\d+)$")
#: The k-th item of an article's numbered list (``art:26.i2``), as ingest.segment.structured keys it.
_ITEM_KEY = re.compile(r"^art:\d+\.i(\d+)$")
#: How each language numbers those items when its source prints no marker ("UDHR in XML" tags only the
#: Chinese items, ㈠ ...; the official texts number them 1., 2. and, in Arabic, (1), (2)).
ITEM_MARKERS = {"ar": "({})"}


@dataclass(frozen=True)
class Cell:
    """What one language shows in one row: zero, one or several units."""

    lang: str
    units: tuple[Unit, ...]
    flagged: bool = False

    @property
    def direction(self) -> str:
        return text_direction(self.lang)

    @property
    def empty(self) -> bool:
        return not self.units

    @property
    def multi(self) -> bool:
        return len(self.units) > 1


@dataclass(frozen=True)
class Row:
    """One aligned row.  ``kind`` is title, chapter, section or body.

    ``bands``: the row holds a table too wide for the language columns; each language's part of it is
    shown as a full-width band, one language under another (:func:`table_layout`).
    """

    index: int
    kind: str
    number: str
    cells: tuple[Cell, ...]
    shape: str
    score: float
    anchor: str
    findings: tuple[Finding, ...] = ()
    bands: bool = False

    @property
    def heading(self) -> bool:
        return self.kind != "body"

    @property
    def marked(self) -> bool:
        """True for a row that is not 1:1 in every language (a merge or a gap)."""
        return any(len(c.units) != 1 for c in self.cells)

    @property
    def confidence(self) -> str:
        if self.score >= HIGH_CONFIDENCE:
            return "high"
        return "mid" if self.score >= LOW_CONFIDENCE else "low"

    def show_marker(self, unit: Unit) -> bool:
        """A unit's own marker is printed unless the gutter already shows its number."""
        return bool(unit.marker) and not (self.number and unit.kind == "para")


@dataclass(frozen=True)
class Table:
    """The whole edition as rows, ready for a template."""

    symbol: str
    title: str
    langs: tuple[str, ...]
    rows: tuple[Row, ...]
    review: bool = False
    loose_findings: tuple[Finding, ...] = field(default_factory=tuple)
    orientation: Orientation = "auto"  # settings.render.orientation
    base_pt: float = BODY_PT  # the stylesheet's base size (edition.css --base): ems are of this size

    @property
    def landscape(self) -> bool:
        """Whether the pages are landscape: the one decision both renderers and :attr:`short_rows` follow.

        ``auto``: more than three languages do not fit an A4 portrait page.
        """
        if self.orientation == "auto":
            return len(self.langs) > 3
        return self.orientation == "landscape"

    @property
    def shares(self) -> tuple[float, ...]:
        """Each language column's share of the text width (sums to 1), from how much room its text needs.

        Chinese needs about half the width of English for the same content; equal columns would leave
        it half empty and make the Russian or French column set the height of every row.  Shares are
        proportional to the estimated set width, kept within ±30 % of an equal share.
        """
        if not self.rows or len(self.langs) == 1:
            return tuple(1 / len(self.langs) for _ in self.langs)
        need = [sum(_ems(u.text) for r in self.rows for u in r.cells[i].units) or 1.0 for i in range(len(self.langs))]
        equal = 1 / len(self.langs)
        raw = [min(max(n / sum(need), equal * 0.7), equal * 1.3) for n in need]
        return tuple(round(x / sum(raw), 4) for x in raw)

    @property
    def short_rows(self) -> frozenset[int]:
        """Indexes of the body rows whose every cell is estimated shorter than :data:`UNSPLITTABLE` lines.

        Such a row cannot split inside any cell (orphans and widows 2), so a page break in it would only
        move whole cells (one language here, the rest on the next page); the template keeps it in one
        piece.  The estimate is rough on purpose: a longer row taken for short moves whole, leaving a few
        lines' gap; a short row taken for long may split, as any row could before.
        """
        widths = column_ems(self)

        def lines(cell: Cell, width: float) -> int:
            return sum(math.ceil(_ems(u.text) / width) for u in cell.units)

        return frozenset(
            row.index
            for row in self.rows
            if row.kind == "body" and all(lines(c, w) < UNSPLITTABLE for c, w in zip(row.cells, widths, strict=True))
        )

    @property
    def names(self) -> dict[str, str]:
        return {lang: NATIVE_NAMES.get(lang, LANG_NAMES.get(lang, lang)) for lang in self.langs}


#: How a row's tables are shown: in their language's column, or as full-width bands (see docs/design/render.md).
TABLE_LAYOUTS = ("auto", "columns", "bands")


#: Ems of body text (9.5 pt) across an A4 page's text width less the gutter, as templates/pdf/edition.css
#: sets them (margins 14 mm portrait, 12 mm landscape; gutter 8 mm): 174 mm and 265 mm.  A larger base size
#: fits fewer (:func:`line_ems`).
LINE_EMS = {False: 52.0, True: 79.0}
#: Share of that width left to the language columns in the review edition (its findings column).
FINDINGS_ROOM = 0.8
#: A cell's left and right padding (1.5 mm each), in ems.
CELL_PADDING_EMS = 0.9
#: orphans + widows in edition.css: a cell with fewer lines cannot split.
UNSPLITTABLE = 4


def column_order(edition: Edition, wanted: Sequence[str] = ()) -> tuple[str, ...]:
    """The languages to show, in order: as asked (those present), else zh first then UN order."""
    present = edition.langs
    if wanted:
        missing = [lang for lang in wanted if lang not in present]
        if missing:
            log.warning("%s: no %s version; column left out", edition.meta.symbol, ", ".join(missing))
        order = tuple(dict.fromkeys(lang for lang in wanted if lang in present))
    else:
        known = tuple(lang for lang in DEFAULT_ORDER if lang in present)
        order = known + tuple(lang for lang in present if lang not in known)
    if not present:
        raise RenderError("the edition has no language version to render", edition.meta.symbol)
    if not order:
        raise RenderError(f"none of the languages {', '.join(wanted)} is in the edition", edition.meta.symbol)
    return order


def _row_kind(units: Sequence[Unit]) -> str:
    if units and all(u.kind in HEADING_KINDS for u in units):
        top = min(units, key=lambda u: _HEADING_RANK[u.kind])
        return "title" if top.kind == "meta" else top.kind
    return "body"


def _number(link: Link, first: Sequence[Unit]) -> str:
    match = _PARA_KEY.match(link.key)
    if match:
        return f"{match.group(1)}."
    paras = [u for u in first if u.kind == "para" and u.marker]
    return paras[0].marker if paras else ""


def _links(edition: Edition) -> tuple[Link, ...]:
    """The edition's links; a one-language edition without links gets one row per unit."""
    if edition.links or len(edition.versions) != 1:
        return edition.links
    version = edition.versions[0]
    return tuple(Link({version.lang: (u.id,)}, "structural", 1.0, u.key) for u in version.units)


def _place_findings(edition: Edition, links: Sequence[Link]) -> tuple[dict[int, list[Finding]], list[Finding]]:
    """Findings by row index (through the unit id, else the finding's row); the rest unplaced."""
    row_of_unit = {uid: i for i, lk in enumerate(links) for ids in lk.units.values() for uid in ids}
    placed: dict[int, list[Finding]] = {}
    loose: list[Finding] = []
    for f in edition.findings:
        index = row_of_unit.get(f.unit_id, f.row if 0 <= f.row < len(links) else -1)
        if index < 0:
            loose.append(f)
        else:
            placed.setdefault(index, []).append(f)
    return placed, loose


def _flagged(lang: str, ids: Sequence[str], findings: Sequence[Finding]) -> bool:
    """A cell is flagged by a finding naming one of its units in its language (or in none), or naming its
    language without a unit (an empty cell).  The aligner names a unit of another language than the one it
    is about ("row 1: no counterpart in en" names zh-n1): that does not accuse the Chinese cell."""
    return any((f.unit_id in ids and f.lang in ("", lang)) or (not f.unit_id and f.lang == lang) for f in findings)


def item_marker(unit: Unit) -> str:
    """The marker a unit is shown with: its own, or for an unmarked list item its language's number (``2.``,
    ``㈡``, ``(2)``), so that every column numbers the items of a list as the one whose source tags them."""
    match = _ITEM_KEY.match(unit.key) if unit.kind == "subpara" and not unit.marker else None
    if match is None:
        return unit.marker
    k = int(match.group(1))
    if unit.lang == "zh" and k <= len(PAREN_IDEOGRAPHS):
        return PAREN_IDEOGRAPHS[k - 1]
    return ITEM_MARKERS.get(unit.lang, "{}.").format(k)


def _shown(unit: Unit) -> Unit:
    marker = item_marker(unit)
    return unit if marker == unit.marker else replace(unit, marker=marker)


def _row(index: int, link: Link, langs: Sequence[str], units: dict[str, Unit], findings: list[Finding]) -> Row:
    cells = []
    for lang in langs:
        ids = link.units.get(lang, ())
        cells.append(Cell(lang, tuple(_shown(units[i]) for i in ids if i in units), _flagged(lang, ids, findings)))
    every = [u for c in cells for u in c.units]
    first = next((c.units for c in cells if c.units), ())
    anchor = first[0].id if first else f"row{index}"
    return Row(
        index,
        _row_kind(every),
        _number(link, first),
        tuple(cells),
        link.shape(tuple(langs)),
        link.score,
        anchor,
        tuple(findings),
    )


def _title(edition: Edition, langs: Sequence[str]) -> str:
    for lang in langs:
        if edition.meta.titles.get(lang):
            return edition.meta.titles[lang]
    for unit in edition.version(langs[0]).units:
        if unit.kind == "meta" and unit.key in ("meta:title", ""):
            return unit.text
    return edition.meta.symbol


def build_table(
    edition: Edition,
    langs: Sequence[str] = (),
    review: bool = False,
    orientation: Orientation = "auto",
    tables: str = "auto",
    base_pt: float = BODY_PT,
) -> Table:
    """Lay the edition out as rows; ``review`` keeps the findings with their rows; ``orientation``: of the pages.

    ``tables``: how rows holding a table unit are shown (:data:`TABLE_LAYOUTS`, :func:`table_layout`);
    ``base_pt``: the base size of the stylesheet, which sets how many ems a column holds.
    """
    if tables not in TABLE_LAYOUTS:
        raise RenderError(f"unknown table layout {tables!r}; known: {', '.join(TABLE_LAYOUTS)}", edition.meta.symbol)
    order = column_order(edition, langs)
    links = _links(edition)
    units = edition.units_by_id()
    placed, loose = _place_findings(edition, links) if review else ({}, [])
    rows = [_row(i, lk, order, units, placed.get(i, [])) for i, lk in enumerate(links)]
    rows = [r for r in rows if any(c.units for c in r.cells)]
    covered = {u.id for r in rows for c in r.cells for u in c.units}
    lost = [u.id for lang in order for u in edition.version(lang).units if u.id not in covered]
    if lost:
        log.warning("%s: %d unit(s) in no link are not shown: %s", edition.meta.symbol, len(lost), ", ".join(lost[:5]))
    title = _title(edition, order)
    table = Table(edition.meta.symbol, title, order, tuple(rows), review, tuple(loose), orientation, base_pt)
    return table_layout(table, tables)


def table_layout(table: Table, mode: str = "auto") -> Table:
    """Decide, for every body row holding a table unit, whether its tables are shown as bands.

    ``columns``: never; ``bands``: always; ``auto``: when some language's table needs more than its column's
    width (:attr:`.grid.Grid.ems` against :func:`column_ems`).  Rows without a table are left as they are.
    """
    if not any(u.kind == "table" for r in table.rows for c in r.cells for u in c.units):
        return table
    widths = column_ems(table)
    rows = []
    for row in table.rows:
        tabled = row.kind == "body" and any(u.kind == "table" for c in row.cells for u in c.units)
        if tabled and mode != "columns":
            found = [(u, room) for c, room in zip(row.cells, widths, strict=True) for u in c.units if u.kind == "table"]
            bands = mode == "bands" or any(grid(u).ems > room for u, room in found)
            row = replace(row, bands=bands)
        rows.append(row)
    return replace(table, rows=tuple(rows))


def line_ems(table: Table) -> float:
    """The width of the language columns together, in ems of body text at the table's base size."""
    return LINE_EMS[table.landscape] * BODY_PT / table.base_pt * (FINDINGS_ROOM if table.review else 1.0)


def column_ems(table: Table) -> list[float]:
    """The text width of each language column, in ems of body text (cell padding taken off)."""
    return [max(line_ems(table) * share - CELL_PADDING_EMS, 1.0) for share in table.shares]


def band_ems(table: Table) -> float:
    """The text width of a band (all the language columns), in ems of body text."""
    return line_ems(table) - CELL_PADDING_EMS
