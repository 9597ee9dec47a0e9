"""One ``Settings`` object for the CLI and the API, and the ``document.toml`` spec, both checked when read.

Settings live in the ``[tool.hlmpub]`` table of a pyproject.toml, or at the top of a
``hlmpub.toml``, with one table per stage::

    [tool.hlmpub]                  # hlmpub.toml: these keys at the top level
    langs = ["zh", "en", "ar"]
    [tool.hlmpub.render]           # hlmpub.toml: [render]
    orientation = "landscape"

Every key is a field of one of the frozen dataclasses below, its help text in the
field's metadata.  The same fields check a file (:func:`load_settings`), give the
stages typed values (``settings.render.orientation``) and write the reference
``docs/configuration.md`` (:func:`reference_markdown`): a key cannot be read
without being checked and documented.  An unknown key or a bad value is a
:class:`~hlmpub.errors.ConfigError` (exit code 9) naming the file, the key and
what is allowed.

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

import dataclasses
import datetime
import difflib
import json
import re
import sys
import tomllib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar

from .errors import ConfigError, LanguageError
from .model import UN_LANGS, DocumentMeta, Severity
from .safeio import slug


def _bundled_templates() -> Path:
    """The repository's ``templates/`` (editable install), else ``<prefix>/share/hlmpub/templates``."""
    in_repo = Path(__file__).resolve().parents[2] / "templates"
    return in_repo if in_repo.is_dir() else Path(sys.prefix) / "share" / "hlmpub" / "templates"


#: The bundled templates; ``--templates DIR`` overrides them file by file.
BUNDLED_TEMPLATES = _bundled_templates()

FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".xml": "udhr-xml",
}

#: What ``hlmpub build`` can write, in the order it writes them; the default of ``formats``.
OUTPUT_FORMATS: tuple[str, ...] = ("tei", "docx", "pdf", "tmx", "review")
#: The formats of a side-by-side edition (the renderers).
EDITION_FORMATS: tuple[str, ...] = ("docx", "pdf")
#: PDF variants weasyprint writes that hlmpub accepts (None: a plain PDF).
PDF_VARIANTS: tuple[str, ...] = ("pdf/a-3b", "pdf/a-3u", "pdf/a-2b", "pdf/ua-1")
Orientation = Literal["auto", "portrait", "landscape"]
ORIENTATIONS: tuple[str, ...] = typing.get_args(Orientation)
SEVERITIES: tuple[str, ...] = typing.get_args(Severity)

Choices = tuple[str, ...] | Callable[[], tuple[str, ...]]


def _key(
    help: str,
    *,
    choices: Choices | None = None,
    keys: Choices | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    also: tuple[type, ...] = (),
    check: Callable[[Any], str] | None = None,
    allowed: str = "",
    default: str = "",
) -> dict[str, Any]:
    """Field metadata of a configuration key: its help text and what it accepts.

    ``choices``: the values a string (or each item of a list, or each value of a table) may take;
    ``keys``: the same for a table's keys; ``minimum``/``maximum``: a number's range; ``also``: other
    TOML types read as text (``session = 68``); ``check``: value → problem ("" when fine);
    ``allowed``/``default``: the reference's wording where the type alone says too little.
    """
    return {
        "help": help,
        "choices": choices,
        "keys": keys,
        "minimum": minimum,
        "maximum": maximum,
        "also": also,
        "check": check,
        "allowed": allowed,
        "default": default,
    }


def _check_names() -> tuple[str, ...]:
    """The review checks' names; imported when needed, as the review stage imports this module."""
    from .review.checks import CHECKS

    return tuple(CHECKS)


def _reader_names() -> tuple[str, ...]:
    """The formats a language version can be read from (the ingest stage's readers)."""
    from .ingest import READERS

    return tuple(READERS)


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
        default=(), metadata=_key("The checks to run; empty: every check.", choices=_check_names)
    )
    skip: tuple[str, ...] = field(default=(), metadata=_key("Checks not to run.", choices=_check_names))
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
    source_dir: Path | None = None  # the document's source folder, set by the pipeline for a build

    # pipeline.py and batch.py still read these three by their old flat names; other code reads the stage's.
    @property
    def pivot(self) -> str:
        """``align.pivot``."""
        return self.align.pivot

    @property
    def templates_dir(self) -> Path | None:
        """``render.templates_dir``."""
        return self.render.templates_dir

    @property
    def pdf_variant(self) -> str | None:
        """``render.pdf_variant``."""
        return self.render.pdf_variant

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
            choices=_reader_names,
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


# ------------------------------------------------------ reading and checking


class _Bad(Exception):
    """A value that does not fit its key; the message says what would."""


_T = TypeVar("_T")


def _spec_fields(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    """(field, resolved type) of each configuration key of ``cls``: the fields with help text."""
    hints = typing.get_type_hints(cls)  # the annotations are strings (``from __future__ import annotations``)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls) if "help" in f.metadata]


def _is_stage(hint: Any) -> bool:
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def _choices(spec: dict[str, Any], name: str = "choices") -> tuple[str, ...] | None:
    found = spec.get(name)
    return found() if callable(found) else found


def _shown(value: Any) -> str:
    """``value`` as TOML would write it, cut short."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(_shown(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{ " + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + " }" if value else "{}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _one_of(values: tuple[str, ...]) -> str:
    return "expected one of " + ", ".join(values)


def _text(value: Any, spec: dict[str, Any]) -> str:
    if isinstance(value, spec["also"]) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _Bad("must be a string")
    choices = _choices(spec)
    if choices is not None and value not in choices:
        raise _Bad(_one_of(choices))
    return value


def _number(value: Any, hint: Any, spec: dict[str, Any]) -> int | float:
    whole = hint is int
    if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
        raise _Bad("must be a whole number" if whole else "must be a number")
    low, high = spec["minimum"], spec["maximum"]
    if (low is not None and value < low) or (high is not None and value > high):
        span = f"from {low:g} to {high:g}" if high is not None else f"at least {low:g}"
        raise _Bad(f"must be {'a whole number' if whole else 'a number'} {span}")
    return value if whole else float(value)


def _strings(value: Any, spec: dict[str, Any]) -> tuple[str, ...]:
    """A list of strings, or one string of comma-separated items (``langs = "zh,en"``)."""
    if isinstance(value, str):
        items = [part.strip() for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise _Bad("must be a list of strings, or one comma-separated string")
    choices = _choices(spec)
    for item in items:
        if choices is not None and item not in choices:
            raise _Bad(f"{json.dumps(item, ensure_ascii=False)} is not allowed; {_one_of(choices)}")
        if items.count(item) > 1:
            raise _Bad(f"names {json.dumps(item, ensure_ascii=False)} twice")
    return tuple(items)


def _table_of_strings(value: Any, spec: dict[str, Any]) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _Bad("must be a table")
    keys, choices = _choices(spec, "keys"), _choices(spec)
    for k, v in value.items():
        if keys is not None and k not in keys:
            raise _Bad(f"key {json.dumps(k, ensure_ascii=False)} is not allowed; {_one_of(keys)}")
        if not isinstance(v, str):
            raise _Bad(f"{k} must be a string")
        if choices is not None and v not in choices:
            raise _Bad(f"{k} = {json.dumps(v, ensure_ascii=False)} is not allowed; {_one_of(choices)}")
    return dict(value)


def _convert(value: Any, hint: Any, spec: dict[str, Any]) -> Any:
    """``value`` from TOML as the field's type, or :class:`_Bad`."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):  # X | None: TOML has no None
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    origin = typing.get_origin(hint)
    if origin is Literal:
        return _text(value, {**spec, "choices": typing.get_args(hint)})
    if hint is bool:
        if not isinstance(value, bool):
            raise _Bad("must be true or false")
        converted: Any = value
    elif hint in (int, float):
        converted = _number(value, hint, spec)
    elif hint is str:
        converted = _text(value, spec)
    elif hint is Path:
        if not isinstance(value, str | Path) or not str(value):
            raise _Bad("must be a folder name")
        converted = Path(value)
    elif origin is tuple:
        converted = _strings(value, spec)
    elif origin is dict:
        converted = _table_of_strings(value, spec)
    else:  # a new kind of field needs a rule here
        raise TypeError(f"no rule to read {hint!r}")
    problem = spec["check"](converted) if spec["check"] else ""
    if problem:
        raise _Bad(problem)
    return converted


def _unknown(key: str, allowed: list[str], table: str, path: Path | None) -> NoReturn:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    where = f"{table} " if table else ""
    raise ConfigError(f"{where}unknown key {json.dumps(key)}{hint}; allowed: {', '.join(allowed)}", path)


def _read_table(
    cls: type, table: Any, path: Path | None, name: str, more: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The keys of ``cls`` that ``table`` sets, checked and converted; ``more``: other keys the table may hold.

    ``name`` (``[tool.hlmpub.review]``, ``[versions] en`` or "" for a file's top level) and ``path`` name
    the key in the error message.
    """
    if not isinstance(table, dict):
        raise ConfigError(f"{name or 'the file'} must be a table, not {_shown(table)}", path)
    specs = {f.name: (f, hint) for f, hint in _spec_fields(cls) if not _is_stage(hint)}
    values = {}
    for key, value in table.items():
        if key in more:
            continue
        if key not in specs:
            _unknown(key, [*specs, *more], name, path)
        f, hint = specs[key]
        values[key] = _checked(value, hint, f.metadata, f"{name} {key}".strip(), path)
    return values


def _checked(value: Any, hint: Any, spec: Any, label: str, path: Path | None) -> Any:
    try:
        return _convert(value, hint, dict(spec))
    except _Bad as bad:
        raise ConfigError(f"{label} = {_shown(value)}: {bad}", path) from None


def _table_name(prefix: str, stage: str = "") -> str:
    """``[tool.hlmpub.review]``, ``[review]``, or "" for the top level of a hlmpub.toml."""
    name = ".".join(part for part in (prefix, stage) if part)
    return f"[{name}]" if name else ""


def _stages() -> dict[str, type]:
    """Name → class of the nested stage tables of :class:`Settings`."""
    return {f.name: hint for f, hint in _spec_fields(Settings) if _is_stage(hint)}


def settings_from_table(table: dict[str, Any], path: Path | None = None, prefix: str = "tool.hlmpub") -> Settings:
    """Settings from a ``[tool.hlmpub]`` table (``prefix``: how the file names it, "" for a hlmpub.toml's top)."""
    top = _table_name(prefix)
    stages = _stages()
    values: dict[str, Any] = _read_table(Settings, table, path, top, (*SHORT_FORMS, *stages))
    for stage, cls in stages.items():
        name = _table_name(prefix, stage)
        given = table.get(stage, {})
        stage_values = _read_table(cls, given, path, name)
        for short, (target, key) in SHORT_FORMS.items():
            if target != stage or short not in table:
                continue
            if key in given:
                raise ConfigError(f"{top} {short} and {name} {key} both set; keep one".strip(), path)
            f, hint = next((f, h) for f, h in _spec_fields(cls) if f.name == key)
            stage_values[key] = _checked(table[short], hint, f.metadata, f"{top} {short}".strip(), path)
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
    given = _read_table(VersionTable, entry, toml_path, f"[versions] {lang}")
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
    doc = _read_table(DocumentTable, data.get("document", {}), toml_path, "[document]")
    if not doc.get("symbol"):
        raise ConfigError("[document] needs a symbol", toml_path)
    versions = data.get("versions", {})
    if not isinstance(versions, dict):
        raise ConfigError(f"[versions] must be a table, not {_shown(versions)}", toml_path)
    if not versions:
        raise ConfigError("[versions] lists no language file", toml_path)
    meta = DocumentMeta(
        symbol=doc["symbol"],
        slug=slug(doc.get("slug") or doc["symbol"]),
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
    top level, or its ``[tool.hlmpub]`` when that is all it holds."""
    data = _read_toml(path)
    tool = data.get("tool", {})
    if path.name == "pyproject.toml" or (set(data) == {"tool"} and isinstance(tool, dict) and set(tool) == {"hlmpub"}):
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
    specs = {f.name: (f, hint) for f, hint in _spec_fields(Settings) if not _is_stage(hint)}
    for short, (stage, key) in SHORT_FORMS.items():
        specs[short] = next((f, h) for f, h in _spec_fields(_stages()[stage]) if f.name == key)
    given = {}
    for key, value in overrides.items():
        if value is None:
            continue
        if key in specs:
            f, hint = specs[key]
            value = _checked(value, hint, f.metadata, f"load_settings({key}=...)", None)
        given[key] = value
    return settings.with_(**given)


# ------------------------------------------------------------------ reference


def _default_text(f: dataclasses.Field[Any], spec: dict[str, Any]) -> str:
    if spec["default"]:
        return spec["default"]
    value = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
    if value is None or value == "":
        return "—"
    return f"`{_shown(str(value) if isinstance(value, Path) else value)}`"


def _allowed_text(hint: Any, spec: dict[str, Any]) -> str:
    if spec["allowed"]:
        return spec["allowed"]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    choices = typing.get_args(hint) if typing.get_origin(hint) is Literal else _choices(spec)
    listed = ", ".join(f"`{c}`" for c in choices or ())
    if hint is bool:
        return "`true`, `false`"
    if hint in (int, float):
        kind = "a whole number" if hint is int else "a number"
        low, high = spec["minimum"], spec["maximum"]
        if low is not None and high is not None:
            return f"{kind} from {low:g} to {high:g}"
        return f"{kind} ≥ {low:g}" if low is not None else kind
    if typing.get_origin(hint) is tuple:
        return f"a list of {listed}, or one comma-separated string" if listed else "a list of strings"
    if listed:
        return listed
    return "text or a number" if int in spec["also"] else "text or a date" if spec["also"] else "text"


def _rows(cls: type) -> list[str]:
    rows = []
    for f, hint in _spec_fields(cls):
        if _is_stage(hint):
            continue
        spec = dict(f.metadata)
        help_text = spec["help"].replace("|", "\\|")
        rows.append(f"| `{f.name}` | {_default_text(f, spec)} | {_allowed_text(hint, spec)} | {help_text} |")
    return rows


_HEAD = ["| key | default | allowed | meaning |", "|---|---|---|---|"]


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
        *_HEAD,
        *_rows(Settings),
        "",
        "Short forms, accepted in `[tool.hlmpub]` for a stage's key (not both):",
        "",
        "| key | same as |",
        "|---|---|",
        *[f"| `{short}` | `[tool.hlmpub.{stage}] {key}` |" for short, (stage, key) in SHORT_FORMS.items()],
    ]
    for stage, cls in stages.items():
        doc = (cls.__doc__ or "").splitlines()[0].replace("``", "`")
        lines += ["", f"## `[tool.hlmpub.{stage}]`", "", f"{doc} In hlmpub.toml: `[{stage}]`.", "", *_HEAD, *_rows(cls)]
    lines += [
        "",
        "## `document.toml`",
        "",
        "Each source folder holds one `document.toml` (see sources/README.md); it is checked the same way.",
        "",
        "### `[document]`",
        "",
        *_HEAD,
        *_rows(DocumentTable),
        "",
        "### `[versions]`",
        "",
        "One key per language version (`ar`, `en`, `es`, `fr`, `ru`, `zh`): the file name, or a table:",
        "",
        *_HEAD,
        *_rows(VersionTable),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference_markdown(), end="")
