"""The typed settings, one table per stage, checked when read: :class:`Settings`, :func:`load_settings`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import SEVERITIES, UN_LANGS
from .keys import checked, is_table, key_of, keys_of, read_table, read_toml, web_address
from .keys import key as _key
from .vocabulary import (
    DEFAULT_FORMATS,
    EDITION_FORMATS,
    OUTPUT_FORMATS,
    PDF_VARIANTS,
    REVIEW_CHECKS,
    Orientation,
    templates_folder,
)

# ------------------------------------------------------------------ settings


@dataclass(frozen=True)
class AlignSettings:
    """How the language versions are aligned."""

    pivot: str = field(
        metadata=_key(
            "The language every other version is aligned to; also the first column when `langs` is not given, "
            "and the reference the review compares with.",
            choices=UN_LANGS,
        ),
        default="zh",
    )


@dataclass(frozen=True)
class RenderSettings:
    """The side-by-side PDF and DOCX editions (and the review edition)."""

    orientation: Orientation = field(
        default="auto",
        metadata=_key(
            "Page orientation of both editions.  `auto`: landscape for more than three languages, else the "
            "templates' own page (the `@page` of `pdf/edition.css`; the page set-up of `docx/reference.docx`).  "
            "`landscape`: always landscape (edition.css's `@page wide`; the reference's page turned); `portrait`: "
            "never (edition.css's `@page`; the reference's page turned upright).  The DOCX keeps the reference's "
            "page size, margins, header and footer in every case."
        ),
    )
    templates_dir: Path | None = field(
        default=None,
        metadata=_key(
            "A folder whose `pdf/` and `docx/` files replace the bundled templates file by file "
            "(relative to the current folder), as `hlmpub render --templates`: `mytpl` holding "
            "`pdf/edition.css`, not `mytpl/pdf`.",
            check=templates_folder,
            allowed="a folder holding `pdf/edition.html.j2`, `pdf/findings.html.j2`, `pdf/edition.css` "
            "or `docx/reference.docx`",
            default="the bundled `templates/`",
        ),
    )
    pdf_variant: str | None = field(
        default=None,
        metadata=_key(
            "Archival PDF: `pdf/a-3b` and `pdf/a-3u` attach the TEI, `pdf/a-2b` does not, `pdf/ua-1` is tagged; "
            "as `hlmpub render --pdf-variant`.",
            choices=PDF_VARIANTS,
            default="a plain PDF",
        ),
    )


@dataclass(frozen=True)
class ReviewSettings:
    """The review checks, their thresholds and the review outputs."""

    checks: tuple[str, ...] = field(
        default=(), metadata=_key("The checks to run; empty: every check.", choices=REVIEW_CHECKS)
    )
    skip: tuple[str, ...] = field(default=(), metadata=_key("Checks not to run.", choices=REVIEW_CHECKS))
    low_confidence: float = field(
        default=0.5, metadata=_key("Rows aligned with a confidence below this are flagged.", minimum=0, maximum=1)
    )
    length_k: float = field(
        default=5.0,
        metadata=_key("A length ratio further than k robust deviations from the median is an outlier.", minimum=0),
    )
    length_min_chars: int = field(
        default=40, metadata=_key("Cells shorter than this (characters) are not length-checked.", minimum=0)
    )
    length_min_rows: int = field(
        default=8, metadata=_key("Fewer comparable rows than this: no length statistics.", minimum=0)
    )
    script_min_letters: int = field(
        default=12, metadata=_key("Cells with fewer letters than this get no script check.", minimum=0)
    )
    script_min_share: float = field(
        default=0.5,
        metadata=_key(
            "A cell whose share of letters in its language's own script is below this is untranslated.",
            minimum=0,
            maximum=1,
        ),
    )
    language_min_words: int = field(
        default=8, metadata=_key("Cells with fewer words than this get no en/fr/es language guess.", minimum=0)
    )
    accept_file: str = field(
        default="review-accepted.toml",
        metadata=_key("The name of the accepted-findings file, looked for in the document's source folder."),
    )
    severity: dict[str, str] = field(
        default_factory=dict,
        metadata=_key(
            'A finding code → the severity it is reported with, e.g. `{ "bead-not-1-1" = "info" }`.',
            choices=SEVERITIES,
            allowed="a table: finding code = `error`, `warning` or `info`",
        ),
    )
    edition_formats: tuple[str, ...] = field(
        default=EDITION_FORMATS,
        metadata=_key("The review edition's formats; `[]` writes only the JSON report.", choices=EDITION_FORMATS),
    )


#: TMX language codes as CAT tools expect them for UN work (Chinese is simplified, of mainland China).
TMX_LANGS: dict[str, str] = {"ar": "ar", "en": "en", "es": "es", "fr": "fr", "ru": "ru", "zh": "zh-CN"}
#: What one TMX translation unit (and one XCES link) holds: a sentence row or a paragraph row.
EXPORT_LEVELS: tuple[str, ...] = ("sentence", "paragraph")


@dataclass(frozen=True)
class ExportSettings:
    """The TMX and XCES exports."""

    tmx_langs: dict[str, str] = field(
        default_factory=dict,
        metadata=_key(
            "Language codes a TMX writes (`xml:lang`, `srclang`) instead of the built-in ones, e.g. "
            '`{ zh = "zh-Hans" }`; every language not named keeps its built-in code.',
            keys=UN_LANGS,
            allowed="a table: language = code",
            default="built in: `zh-CN`, `ar`, `en`, `es`, `fr`, `ru`",
        ),
    )

    level: str = field(
        default="sentence",
        metadata=_key(
            "What one TMX unit and one XCES link hold: a sentence row of the sentence alignment, or a whole "
            "paragraph row; `hlmpub export --level` wins over it.  An edition without a sentence alignment "
            "(an archive written before it) is exported by paragraph.",
            choices=EXPORT_LEVELS,
        ),
    )

    def tmx_codes(self) -> dict[str, str]:
        """Language → TMX code: the built-in codes with ``tmx_langs`` over them."""
        return {**TMX_LANGS, **self.tmx_langs}


@dataclass(frozen=True)
class FetchSettings:
    """Where ``hlmpub fetch`` downloads from."""

    base_url: str | None = field(
        default=None,
        metadata=_key(
            "The document link service, asked for `<base_url>/<lang>/<symbol>`; `--base-url` and "
            "`$HLMPUB_FETCH_BASE_URL` win over it.",
            check=web_address,
            allowed="an http:// or https:// address",
            default="`https://undocs.org`",
        ),
    )


@dataclass(frozen=True)
class Settings:
    """Options shared by the CLI and the Python API: the keys of ``[tool.hlmpub]``, one table per stage.

    Command-line options override them (:meth:`with_`); ``hlmpub --help`` shows the defaults.
    """

    langs: tuple[str, ...] = field(
        default=(),
        metadata=_key(
            'The versions used and the column order, e.g. `["zh", "en", "ar"]`; empty: every version in '
            "document.toml, the pivot first, then the rest alphabetically.",
            choices=UN_LANGS,
        ),
    )
    output_dir: Path = field(
        default=Path("output"),
        metadata=_key(
            "Where each document's outputs go, in `<output_dir>/<doc>/` (relative to the current folder).",
            allowed="a folder",
        ),
    )
    strict: bool = field(default=False, metadata=_key("Exit with code 1 when there is an error-level finding."))
    jobs: int = field(default=1, metadata=_key("Documents `hlmpub build` builds in parallel processes.", minimum=1))
    formats: tuple[str, ...] = field(
        default=DEFAULT_FORMATS,
        metadata=_key("What `hlmpub build` writes (`xces` only when asked).", choices=OUTPUT_FORMATS),
    )
    align: AlignSettings = field(default_factory=AlignSettings, metadata=_key("The table [tool.hlmpub.align]."))
    render: RenderSettings = field(default_factory=RenderSettings, metadata=_key("The table [tool.hlmpub.render]."))
    review: ReviewSettings = field(default_factory=ReviewSettings, metadata=_key("The table [tool.hlmpub.review]."))
    export: ExportSettings = field(default_factory=ExportSettings, metadata=_key("The table [tool.hlmpub.export]."))
    fetch: FetchSettings = field(default_factory=FetchSettings, metadata=_key("The table [tool.hlmpub.fetch]."))

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes``: fields (``jobs=2``, ``render=RenderSettings(...)``) or short forms (``pivot="en"``).

        The CLI passes its options by the names of the ``[tool.hlmpub]`` keys, short forms included.
        """
        stages: dict[str, dict[str, Any]] = {}
        own: dict[str, Any] = {}
        for key, value in changes.items():
            if key in SHORT_FORMS:
                stage, name = SHORT_FORMS[key]
                stages.setdefault(stage, {})[name] = value
            else:
                own[key] = value
        for stage, values in stages.items():
            own[stage] = replace(own.get(stage, getattr(self, stage)), **values)
        return replace(self, **own)


#: Keys of ``[tool.hlmpub]`` that stand for a stage's key: ``orientation = "landscape"`` is
#: ``[tool.hlmpub.render] orientation = "landscape"`` (the flat names came first and stay accepted).
SHORT_FORMS: dict[str, tuple[str, str]] = {
    "pivot": ("align", "pivot"),
    "templates_dir": ("render", "templates_dir"),
    "pdf_variant": ("render", "pdf_variant"),
    "orientation": ("render", "orientation"),
    "fetch_base_url": ("fetch", "base_url"),
}


def _table_name(prefix: str, stage: str = "") -> str:
    """``[tool.hlmpub.review]``, ``[review]``, or "" for the top level of a hlmpub.toml."""
    name = ".".join(part for part in (prefix, stage) if part)
    return f"[{name}]" if name else ""


def stage_tables() -> dict[str, type]:
    """Name → class of the nested stage tables of :class:`Settings`."""
    return {f.name: hint for f, hint in keys_of(Settings) if is_table(hint)}


def settings_from_table(table: dict[str, Any], path: Path | None = None, prefix: str = "tool.hlmpub") -> Settings:
    """Settings from a ``[tool.hlmpub]`` table (``prefix``: how the file names it, "" for a hlmpub.toml's top)."""
    top = _table_name(prefix)
    stages = stage_tables()
    values: dict[str, Any] = read_table(Settings, table, path, top, (*SHORT_FORMS, *stages), tables=tuple(stages))
    for stage, cls in stages.items():
        name = _table_name(prefix, stage)
        given = table.get(stage, {})
        stage_values = read_table(cls, given, path, name)
        for short, (target, name_in_stage) in SHORT_FORMS.items():
            if target != stage or short not in table:
                continue
            if name_in_stage in given:
                raise ConfigError(f"{top} {short} and {name} {name_in_stage} both set; keep one".strip(), path)
            f, hint = key_of(cls, name_in_stage)
            stage_values[name_in_stage] = checked(table[short], f, hint, f"{top} {short}".strip(), path)
        values[stage] = cls(**stage_values)
    return Settings(**values)


def _settings_table(path: Path) -> tuple[dict[str, Any], str]:
    """The settings table of a file and how it is named: a pyproject.toml's ``[tool.hlmpub]``; any other file's
    top level, or its ``[tool.hlmpub]`` when it holds nothing but ``[tool.*]`` tables (a pyproject layout)."""
    data = read_toml(path)
    tool = data.get("tool", {})
    if path.name == "pyproject.toml" or (set(data) == {"tool"} and isinstance(tool, dict) and "hlmpub" in tool):
        return (tool.get("hlmpub", {}) if isinstance(tool, dict) else {}), "tool.hlmpub"
    return data, ""


def load_settings(project_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the settings of a pyproject.toml / hlmpub.toml (checked), then ``overrides``.

    ``overrides`` are Settings fields or short forms (``pivot="en"``), checked like the file's keys; None
    means not given.
    """
    settings = Settings()
    if project_file is not None and Path(project_file).exists():
        path = Path(project_file)
        table, prefix = _settings_table(path)
        settings = settings_from_table(table, path, prefix)
    specs = {f.name: (f, hint) for f, hint in keys_of(Settings) if not is_table(hint)}
    for short, (stage, name) in SHORT_FORMS.items():
        specs[short] = key_of(stage_tables()[stage], name)
    given = {}
    for name, value in overrides.items():
        if value is None:
            continue
        if name in specs:
            f, hint = specs[name]
            value = checked(value, f, hint, f"load_settings({name}=...)", None)
        given[name] = value
    return settings.with_(**given)
