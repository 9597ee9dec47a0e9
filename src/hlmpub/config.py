"""One ``Settings`` object for the CLI and the API, and the ``document.toml`` spec.

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

import sys
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, LanguageError
from .model import UN_LANGS, DocumentMeta
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


@dataclass(frozen=True)
class Settings:
    """Options shared by the CLI and the Python API; defaults shown in ``--help``."""

    langs: tuple[str, ...] = ()  # order of columns; empty: pivot first, then the rest
    pivot: str = "zh"
    output_dir: Path = Path("output")
    templates_dir: Path | None = None  # None: the bundled templates/
    pdf_variant: str | None = None  # e.g. "pdf/a-3b"
    strict: bool = False
    jobs: int = 1
    formats: tuple[str, ...] = ("tei",)  # what `build` writes: tei, docx, pdf, tmx, review
    extra: dict[str, Any] = field(default_factory=dict)  # [tool.hlmpub] keys for stages
    source_dir: Path | None = None  # the document's source folder, set by the pipeline for a build

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


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


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no document.toml: a source folder needs one", path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"malformed TOML: {exc}", path) from None


def _version_spec(folder: Path, lang: str, entry: Any, toml_path: Path) -> VersionSpec:
    code = check_lang(lang, toml_path)
    if isinstance(entry, str):
        entry = {"file": entry}
    if not isinstance(entry, dict) or "file" not in entry:
        raise ConfigError(f"[versions] {lang} needs a file name", toml_path)
    path = folder / str(entry["file"])
    fmt = entry.get("format") or FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise ConfigError(f"[versions] {lang}: cannot tell the format of {path.name}; add format = ...", toml_path)
    return VersionSpec(code, path, str(fmt))


def load_document(folder: str | Path) -> DocumentSpec:
    """Read ``folder/document.toml``."""
    folder = Path(folder)
    toml_path = folder / "document.toml"
    data = _read_toml(toml_path)
    doc = data.get("document", {})
    if "symbol" not in doc:
        raise ConfigError("[document] needs a symbol", toml_path)
    versions = data.get("versions", {})
    if not versions:
        raise ConfigError("[versions] lists no language file", toml_path)
    titles = {check_lang(k, toml_path): str(v) for k, v in doc.get("titles", {}).items()}
    meta = DocumentMeta(
        symbol=str(doc["symbol"]),
        slug=slug(str(doc.get("slug") or doc["symbol"])),
        session=str(doc.get("session", "")),
        agenda_item=str(doc.get("agenda_item", "")),
        date=str(doc.get("date", "")),
        original_lang=str(doc.get("original", "")),
        titles=titles,
    )
    specs = tuple(_version_spec(folder, lang, entry, toml_path) for lang, entry in versions.items())
    return DocumentSpec(folder=folder, meta=meta, versions=specs)


def load_settings(project_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``[tool.hlmpub]`` of a pyproject.toml / hlmpub.toml, then overrides."""
    values: dict[str, Any] = {}
    if project_file is not None and Path(project_file).exists():
        data = _read_toml(Path(project_file))
        table = data.get("tool", {}).get("hlmpub", data if Path(project_file).name == "hlmpub.toml" else {})
        known = set(Settings.__dataclass_fields__)
        values = {k: v for k, v in table.items() if k in known}
        values["extra"] = {k: v for k, v in table.items() if k not in known}
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key in ("output_dir", "templates_dir"):
        if isinstance(values.get(key), str):
            values[key] = Path(values[key])
    for key in ("langs", "formats"):
        if isinstance(values.get(key), list):
            values[key] = tuple(values[key])
    return Settings(**values)
