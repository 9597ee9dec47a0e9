"""What every check sees: the rows of the edition as cells, and the review settings.

Settings come from ``[tool.hlmpub.review]`` (pyproject.toml) or ``[review]``
(hlmpub.toml), which :func:`hlmpub.config.load_settings` leaves in
``settings.extra["review"]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..errors import ConfigError
from ..model import HEADING_KINDS, Edition, Finding, Link, Severity, Unit

#: Defaults of every review setting; a check reads only its own keys.
DEFAULTS: dict[str, Any] = {
    "checks": [],  # empty: every registered check
    "skip": [],  # checks not to run
    "low_confidence": 0.5,  # rows scored below this are flagged
    "length_k": 5.0,  # a length ratio further than k robust deviations from the median is an outlier
    "length_min_chars": 40,  # cells shorter than this are not length-checked
    "length_min_rows": 8,  # fewer comparable rows: no length statistics
    "script_min_letters": 12,  # fewer letters: no script check
    "script_min_share": 0.5,  # share of letters in the language's own script below this: untranslated
    "language_min_words": 8,  # fewer words: no en/fr/es language guess
    "accept_file": "review-accepted.toml",
    "severity": {},  # code → severity override, e.g. {"bead-not-1-1" = "info"}
    "edition_formats": ["docx", "pdf"],  # the review edition's formats ([] for the JSON report only)
}


@dataclass(frozen=True)
class ReviewConfig:
    """The review settings, merged over :data:`DEFAULTS`."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewConfig:
        """Read ``settings.extra["review"]``; unknown keys are a ConfigError."""
        given = settings.extra.get("review", {}) if settings.extra else {}
        if not isinstance(given, dict):
            raise ConfigError("[tool.hlmpub.review] must be a table")
        unknown = sorted(set(given) - set(DEFAULTS))
        if unknown:
            raise ConfigError(f"[tool.hlmpub.review] unknown key(s): {', '.join(unknown)}")
        return cls({**DEFAULTS, **given})


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
    config: ReviewConfig
    pivot: str

    @property
    def langs(self) -> tuple[str, ...]:
        return self.edition.langs

    def finding(self, severity: Severity, code: str, message: str, **where: Any) -> Finding:
        """A Finding, with the configured severity override for ``code`` applied."""
        severity = self.config["severity"].get(code, severity)
        return Finding(severity=severity, code=code, message=message, **where)


def _links(edition: Edition) -> tuple[Link, ...]:
    """The edition's links; without links (one version, not aligned) one row per unit."""
    if edition.links:
        return edition.links
    return tuple(Link({v.lang: (u.id,)}, "none", 1.0, u.key) for v in edition.versions for u in v.units)


def build_context(edition: Edition, settings: Settings) -> Context:
    """Rows and cells of ``edition``; unknown unit ids in a link are skipped."""
    units = edition.units_by_id()
    rows = []
    for index, link in enumerate(_links(edition)):
        cells = {
            lang: Cell(lang, tuple(units[i] for i in link.units.get(lang, ()) if i in units)) for lang in edition.langs
        }
        rows.append(Row(index, link, cells))
    pivot = settings.pivot if settings.pivot in edition.langs else (edition.langs[0] if edition.langs else "")
    return Context(edition, tuple(rows), ReviewConfig.from_settings(settings), pivot)
