"""``document.toml``: a source folder's metadata and version files, checked when read."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from ..model import UN_LANGS, UN_LICENCE, DocumentMeta
from ..safeio import slug
from .keys import key as _key
from .keys import read_table, read_toml, sha256_hex, shown
from .vocabulary import (
    FORMAT_BY_SUFFIX,
    VERSION_FORMATS,
)

# ------------------------------------------------------------ document.toml


@dataclass(frozen=True)
class VersionTable:
    """One line of ``[versions]``: ``lang = "file"``, or ``lang = { file = "...", format = "..." }``."""

    file: str = field(default="", metadata=_key("The file, relative to the document's folder.", default="(required)"))
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
        metadata=_key("The file's checksum, recorded by `hlmpub fetch`.", check=sha256_hex, allowed="64 hex digits"),
    )


@dataclass(frozen=True)
class DocumentTable:
    """``[document]``: what is known about the document."""

    symbol: str = field(default="", metadata=_key("The UN document symbol, e.g. `A/68/563`.", default="(required)"))
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
            default="each version's own title",
            allowed='a table: language = title, e.g. `{ en = "..." }`',
            keys=UN_LANGS,
        ),
    )
    licence: str = field(
        default=UN_LICENCE,
        metadata=_key(
            "The terms the text may be used under, one sentence with its address: the TEI's `availability`.",
            default="the United Nations' terms of use",
        ),
    )
    reviser: str = field(
        default="",
        metadata=_key(
            "Who corrects the alignment by hand: named in the TEI as responsible for the manual links.",
            default='"reviewer", unnamed',
        ),
    )


@dataclass(frozen=True, slots=True)
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


def source_folder(folder: str | Path) -> Path:
    """``folder`` as a Path when it is an existing folder; else an InputError saying so (not "no document.toml")."""
    folder = Path(folder)
    if not folder.exists():
        raise InputError("no such folder", folder)
    if not folder.is_dir():
        raise InputError("not a folder; a source folder holds a document.toml", folder)
    return folder


def load_document(folder: str | Path) -> DocumentSpec:
    """Read and check ``folder/document.toml``."""
    folder = source_folder(folder)
    toml_path = folder / "document.toml"
    data = read_toml(toml_path)
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
        licence=doc.get("licence", UN_LICENCE),
        reviser=doc.get("reviser", ""),
    )
    specs = tuple(_version_spec(folder, lang, entry, toml_path) for lang, entry in versions.items())
    return DocumentSpec(folder=folder, meta=meta, versions=specs)
