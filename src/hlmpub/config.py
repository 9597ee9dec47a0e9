"""One ``Settings`` object for the CLI and the API, and the ``document.toml`` spec, both checked when read.

Settings live in the ``[tool.hlmpub]`` table of a pyproject.toml, or at the top of a
``hlmpub.toml``, with one table per stage::

    [tool.hlmpub]                  # hlmpub.toml: these keys at the top level
    langs = ["zh", "en", "ar"]
    [tool.hlmpub.render]           # hlmpub.toml: [render]
    orientation = "landscape"

Every key is a field of one of the frozen dataclasses below, its help text and
allowed values in the field's metadata (:mod:`hlmpub.configkeys`).  The same
fields check a file (:func:`load_settings`), give the stages typed values
(``settings.render.orientation``) and write the reference ``docs/configuration.md``
(:func:`reference_markdown`): a key cannot be read without being checked and
documented.  An unknown key or a bad value is a :class:`~hlmpub.errors.ConfigError`
(exit code 9) naming the file, the key and what is allowed.

A source folder holds one file per language version and a ``document.toml``::

    [document]
    symbol = "A/68/563"
    session = "68"
    agenda_item = "99 (aa)"
    date = "2013-10-30"

    [versions]
    zh = "zh.txt"                              # format from the extension
    ar = { file = "udhr_arb.xml", format = "udhr-xml" }

Adding a language is one more line under ``[versions]``.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .configkeys import checked, is_table, key_of, keys_of, markdown_table, read_table, shown
from .configkeys import key as _key
from .errors import ConfigError, InputError, LanguageError
from .model import SEVERITIES, UN_LANGS, DocumentMeta
from .safeio import slug


def _bundled_templates() -> Path:
    """The repository's ``templates/`` (editable install), else ``<prefix>/share/hlmpub/templates``."""
    in_repo = Path(__file__).resolve().parents[2] / "templates"
    return in_repo if in_repo.is_dir() else Path(sys.prefix) / "share" / "hlmpub" / "templates"


#: The bundled templates; ``--templates DIR`` overrides them file by file.
BUNDLED_TEMPLATES = _bundled_templates()

#: What ``hlmpub build`` can write, in the order it writes them.
OUTPUT_FORMATS: tuple[str, ...] = ("tei", "docx", "pdf", "tmx", "review")

FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".xml": "udhr-xml",
}

# The names below are the settings' vocabulary.  The stages that implement them sit in layers above this
# module and are not imported here; tests/test_config.py checks that each list matches its stage.

#: The formats a language version is read from: one reader each in ``ingest.READERS``.
VERSION_FORMATS: tuple[str, ...] = ("txt", "pdf", "docx", "udhr-xml")
#: The review checks, in the order they run: one function each in ``review.checks.CHECKS``.
REVIEW_CHECKS: tuple[str, ...] = (
    "unaligned",
    "beads",
    "confidence",
    "numbering",
    "paragraph-count",
    "numbers",
    "symbols",
    "untranslated",
    "empty",
    "length-ratio",
    "punctuation",
)
#: The formats of a side-by-side edition (the renderers).
EDITION_FORMATS: tuple[str, ...] = ("docx", "pdf")
#: PDF variants weasyprint writes that hlmpub accepts (None: a plain PDF).
PDF_VARIANTS: tuple[str, ...] = ("pdf/a-3b", "pdf/a-3u", "pdf/a-2b", "pdf/ua-1")
Orientation = Literal["auto", "portrait", "landscape"]


def _existing_folder(value: Path) -> str:
    return "" if value.is_dir() else "no such folder"


def _web_address(value: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    ok = parts.scheme in ("http", "https") and parts.netloc
    return "" if ok else "must start with http:// or https:// and name a host"


def _sha256(value: str) -> str:
    return "" if re.fullmatch(r"[0-9a-f]{64}", value) else "must be 64 lower-case hex digits"


# ------------------------------------------------------------------ settings


@dataclass(frozen=True)
class AlignSettings:
    """How the language versions are aligned."""

    pivot: str = field(
        default="zh",
        metadata=_key(
            "The language every other version is aligned to; also the first column when `langs` is not given, "
            "and the reference the review compares with.",
            choices=UN_LANGS,
        ),
    )


@dataclass(frozen=True)
class RenderSettings:
    """The side-by-side PDF and DOCX editions (and the review edition)."""

    orientation: Orientation = field(
        default="auto",
        metadata=_key("A4 page orientation of both editions; `auto`: portrait up to three languages, else landscape."),
    )
    templates_dir: Path | None = field(
        default=None,
        metadata=_key(
            "A folder whose `pdf/` and `docx/` files replace the bundled templates file by file "
            "(relative to the current folder), as `hlmpub render --templates`.",
            check=_existing_folder,
            allowed="an existing folder",
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
        metadata=_key(
            "A length ratio further than k robust deviations from the median is an outlier.", minimum=0
        ),
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


@dataclass(frozen=True)
class FetchSettings:
    """Where ``hlmpub fetch`` downloads from."""

    base_url: str | None = field(
        default=None,
        metadata=_key(
            "The document link service, asked for `<base_url>/<lang>/<symbol>`; `--base-url` and "
            "`$HLMPUB_FETCH_BASE_URL` win over it.",
            check=_web_address,
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
            "The versions used and the column order, e.g. `[\"zh\", \"en\", \"ar\"]`; empty: every version in "
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
        default=OUTPUT_FORMATS, metadata=_key("What `hlmpub build` writes.", choices=OUTPUT_FORMATS)
    )
    align: AlignSettings = field(default_factory=AlignSettings, metadata=_key("The table [tool.hlmpub.align]."))
    render: RenderSettings = field(default_factory=RenderSettings, metadata=_key("The table [tool.hlmpub.render]."))
    review: ReviewSettings = field(default_factory=ReviewSettings, metadata=_key("The table [tool.hlmpub.review]."))
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


def check_lang(lang: str, path: str | Path | None = None) -> str:
    """Return the normalised language code, or raise LanguageError."""
    code = lang.strip().lower()
    if code not in UN_LANGS:
        known = ", ".join(UN_LANGS)
        raise LanguageError(f"unknown language {lang!r}; expected one of {known}", path)
    return code


def parse_langs(text: str | None) -> tuple[str, ...]:
    """``"zh,en, ar"`` → ``("zh", "en", "ar")``, each checked."""
    if not text:
        return ()
    return tuple(check_lang(part) for part in text.split(",") if part.strip())


# ------------------------------------------------------------ document.toml


@dataclass(frozen=True)
class DocumentTable:
    """``[document]``: what is known about the document."""

    symbol: str = field(
        default="", metadata=_key("The UN document symbol, e.g. `A/68/563`.", default="(required)")
    )
    slug: str = field(
        default="",
        metadata=_key(
            "The name of the output folder and files.", default="the symbol, `/` and spaces as `_` (`A_68_563`)"
        ),
    )
    session: str = field(default="", metadata=_key("The General Assembly session, e.g. `68`.", also=(int,)))
    agenda_item: str = field(default="", metadata=_key("The agenda item, e.g. `99 (aa)`.", also=(int,)))
    date: str = field(default="", metadata=_key("The document's date, `YYYY-MM-DD`.", also=(datetime.date,)))
    original: str = field(default="", metadata=_key("The language the document was written in.", choices=UN_LANGS))
    titles: dict[str, str] = field(
        default_factory=dict,
        metadata=_key(
            "The title in each language, where a version's own title is missing or wrong.",
            keys=UN_LANGS,
            allowed='a table: language = title, e.g. `{ en = "..." }`',
            default="each version's own title",
        ),
    )


@dataclass(frozen=True)
class VersionTable:
    """One line of ``[versions]``: ``lang = "file"``, or ``lang = { file = "...", format = "..." }``."""

    file: str = field(
        default="", metadata=_key("The file, relative to the document's folder.", default="(required)")
    )
    format: str | None = field(
        default=None,
        metadata=_key(
            "The reader.",
            choices=VERSION_FORMATS,
            default="from the extension: .txt, .text, .pdf, .docx, .xml (udhr-xml)",
        ),
    )
    sha256: str | None = field(
        default=None,
        metadata=_key("The file's checksum, recorded by `hlmpub fetch`.", check=_sha256, allowed="64 hex digits"),
    )


@dataclass(frozen=True)
class VersionSpec:
    """One line of [versions]: language, file, reader format."""

    lang: str
    path: Path
    format: str


@dataclass(frozen=True)
class DocumentSpec:
    """What ``document.toml`` says: the document's metadata and its version files."""

    folder: Path
    meta: DocumentMeta
    versions: tuple[VersionSpec, ...]


def _table_name(prefix: str, stage: str = "") -> str:
    """``[tool.hlmpub.review]``, ``[review]``, or "" for the top level of a hlmpub.toml."""
    name = ".".join(part for part in (prefix, stage) if part)
    return f"[{name}]" if name else ""


def _stages() -> dict[str, type]:
    """Name → class of the nested stage tables of :class:`Settings`."""
    return {f.name: hint for f, hint in keys_of(Settings) if is_table(hint)}


def settings_from_table(table: dict[str, Any], path: Path | None = None, prefix: str = "tool.hlmpub") -> Settings:
    """Settings from a ``[tool.hlmpub]`` table (``prefix``: how the file names it, "" for a hlmpub.toml's top)."""
    top = _table_name(prefix)
    stages = _stages()
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


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no document.toml: a source folder needs one", path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"malformed TOML: {exc}", path) from None


def _version_spec(folder: Path, lang: str, entry: Any, toml_path: Path) -> VersionSpec:
    if lang not in UN_LANGS:
        raise ConfigError(f"[versions] unknown language {lang!r}; expected one of {', '.join(UN_LANGS)}", toml_path)
    if isinstance(entry, str):
        entry = {"file": entry}
    if not isinstance(entry, dict) or "file" not in entry:
        raise ConfigError(f"[versions] {lang} needs a file name", toml_path)
    given = read_table(VersionTable, entry, toml_path, f"[versions] {lang}")
    path = folder / given["file"]
    fmt = given.get("format") or FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise ConfigError(f"[versions] {lang}: cannot tell the format of {path.name}; add format = ...", toml_path)
    return VersionSpec(lang, path, fmt)


def load_document(folder: str | Path) -> DocumentSpec:
    """Read and check ``folder/document.toml``."""
    folder = Path(folder)
    toml_path = folder / "document.toml"
    data = _read_toml(toml_path)
    for key in data:
        if key not in ("document", "versions"):
            raise ConfigError(f"unknown table {json.dumps(key)}; allowed: [document], [versions]", toml_path)
    doc = read_table(DocumentTable, data.get("document", {}), toml_path, "[document]")
    if not doc.get("symbol"):
        raise ConfigError("[document] needs a symbol", toml_path)
    versions = data.get("versions", {})
    if not isinstance(versions, dict):
        raise ConfigError(f"[versions] must be a table, not {shown(versions)}", toml_path)
    if not versions:
        raise ConfigError("[versions] lists no language file", toml_path)
    named = "slug" if doc.get("slug") else "symbol"
    try:
        name = slug(doc[named])
    except InputError:
        raise ConfigError(f"[document] {named} = {shown(doc[named])}: gives no usable file name", toml_path) from None
    meta = DocumentMeta(
        symbol=doc["symbol"],
        slug=name,
        session=doc.get("session", ""),
        agenda_item=doc.get("agenda_item", ""),
        date=doc.get("date", ""),
        original_lang=doc.get("original", ""),
        titles=doc.get("titles", {}),
    )
    specs = tuple(_version_spec(folder, lang, entry, toml_path) for lang, entry in versions.items())
    return DocumentSpec(folder=folder, meta=meta, versions=specs)


def _settings_table(path: Path) -> tuple[dict[str, Any], str]:
    """The settings table of a file and how it is named: a pyproject.toml's ``[tool.hlmpub]``; any other file's
    top level, or its ``[tool.hlmpub]`` when it holds nothing but ``[tool.*]`` tables (a pyproject layout)."""
    data = _read_toml(path)
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
        specs[short] = key_of(_stages()[stage], name)
    given = {}
    for name, value in overrides.items():
        if value is None:
            continue
        if name in specs:
            f, hint = specs[name]
            value = checked(value, f, hint, f"load_settings({name}=...)", None)
        given[name] = value
    return settings.with_(**given)


# ------------------------------------------------------------------ reference


def reference_markdown() -> str:
    """docs/configuration.md: every key of every table, from the dataclasses' fields and their help metadata."""
    stages = _stages()
    lines = [
        "# Configuration reference",
        "",
        "<!-- Generated from the settings classes in src/hlmpub/config.py; do not edit by hand.",
        "     Regenerate: PYTHONPATH=src python -m hlmpub.config > docs/configuration.md -->",
        "",
        "hlmpub reads its settings from the `[tool.hlmpub]` table of `pyproject.toml`, or from",
        "`hlmpub.toml` (the same keys at its top level, the stage tables as `[align]`, `[render]`, ...),",
        "in the current folder, or from the file given with `hlmpub --config FILE`. Command-line",
        "options win over the file. An unknown key or a value that is not allowed stops hlmpub with",
        "one line naming the file and the key (exit code 9).",
        "",
        "```toml",
        "[tool.hlmpub]",
        'langs = ["zh", "en", "ar"]',
        "jobs = 2",
        "",
        "[tool.hlmpub.render]",
        'orientation = "landscape"',
        "",
        "[tool.hlmpub.review]",
        'skip = ["punctuation"]',
        'severity = { "bead-not-1-1" = "info" }',
        "```",
        "",
        "## `[tool.hlmpub]`",
        "",
        "Keys used by several stages; each stage has its own table below.",
        "",
        *markdown_table(Settings),
        "",
        "Short forms, accepted in `[tool.hlmpub]` for a stage's key (not both):",
        "",
        "| key | same as |",
        "|---|---|",
        *[f"| `{short}` | `[tool.hlmpub.{stage}] {key}` |" for short, (stage, key) in SHORT_FORMS.items()],
    ]
    for stage, cls in stages.items():
        doc = (cls.__doc__ or "").splitlines()[0].replace("``", "`")
        lines += ["", f"## `[tool.hlmpub.{stage}]`", "", f"{doc} In hlmpub.toml: `[{stage}]`.", ""]
        lines += markdown_table(cls)
    lines += [
        "",
        "## `document.toml`",
        "",
        "Each source folder holds one `document.toml` (see sources/README.md); it is checked the same way.",
        "",
        "### `[document]`",
        "",
        *markdown_table(DocumentTable),
        "",
        "### `[versions]`",
        "",
        "One key per language version (`ar`, `en`, `es`, `fr`, `ru`, `zh`): the file name, or a table:",
        "",
        *markdown_table(VersionTable),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference_markdown(), end="")
