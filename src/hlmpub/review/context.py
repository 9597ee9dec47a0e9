"""What every check sees: the rows of the edition as cells, and the review settings.

The settings are ``settings.review`` (:class:`hlmpub.config.ReviewSettings`), read and
checked from ``[tool.hlmpub.review]`` (pyproject.toml) or ``[review]`` (hlmpub.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..config import ReviewSettings, Settings
from ..model import HEADING_KINDS, Edition, Finding, Link, Severity, Unit, is_severity


@dataclass(frozen=True)
class Cell:
    """What one language has in one row."""

    lang: str
    units: tuple[Unit, ...]

    @property
    def text(self) -> str:
        return "\n".join(u.text for u in self.units)

    @property
    def unit_id(self) -> str:
        return self.units[0].id if self.units else ""


@dataclass(frozen=True)
class Row:
    """One link of the edition, with its cells."""

    index: int
    link: Link
    cells: dict[str, Cell]

    @property
    def is_heading(self) -> bool:
        kinds = [u.kind for c in self.cells.values() for u in c.units]
        return bool(kinds) and all(k in HEADING_KINDS for k in kinds)

    def filled(self) -> dict[str, Cell]:
        """Cells that hold at least one unit."""
        return {lang: c for lang, c in self.cells.items() if c.units}


@dataclass(frozen=True)
class Context:
    """The edition as rows, plus the settings; built once per review."""

    edition: Edition
    rows: tuple[Row, ...]
    config: ReviewSettings
    pivot: str

    @property
    def langs(self) -> tuple[str, ...]:
        return self.edition.langs

    def finding(self, severity: Severity, code: str, message: str, **where: Any) -> Finding:
        """A Finding, with the configured severity override for ``code`` applied."""
        override = self.config.severity.get(code, severity)  # checked against SEVERITIES when read
        return Finding(severity=override if is_severity(override) else severity, code=code, message=message, **where)


def edition_links(edition: Edition) -> tuple[Link, ...]:
    """The edition's links; without links (one version, not aligned) one row per unit."""
    if edition.links:
        return edition.links
    return tuple(Link({v.lang: (u.id,)}, "none", 1.0, u.key) for v in edition.versions for u in v.units)


def build_context(edition: Edition, settings: Settings) -> Context:
    """Rows and cells of ``edition``; unknown unit ids in a link are skipped."""
    units = edition.units_by_id()
    rows = []
    for index, link in enumerate(edition_links(edition)):
        cells = {
            lang: Cell(lang, tuple(units[i] for i in link.units.get(lang, ()) if i in units)) for lang in edition.langs
        }
        rows.append(Row(index, link, cells))
    wanted = settings.align.pivot
    pivot = wanted if wanted in edition.langs else (edition.langs[0] if edition.langs else "")
    return Context(edition, tuple(rows), settings.review, pivot)
