"""The document model: the one contract every stage speaks.

Readers produce :class:`Version` objects, the aligner adds :class:`Link` rows,
and the TEI writer, the renderers and the review checks consume the resulting
:class:`Edition`.  All classes are frozen dataclasses; the JSON form produced by
:func:`dump` / read by :func:`load` is versioned (``MODEL_VERSION``) so golden
files and caches can tell when they are stale.

No stage imports another stage: they all import this module.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypeGuard, get_args

from .errors import ModelError

MODEL_VERSION = 1

#: The six official UN languages, in alphabetical order of their codes.
UN_LANGS: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh")
RTL_LANGS = frozenset({"ar"})
LANG_NAMES = {
    "ar": "Arabic",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "ru": "Russian",
    "zh": "Chinese",
}

#: What a unit is; the first three are headings.
Kind = Literal["meta", "chapter", "section", "para", "subpara", "note", "other"]
KINDS: tuple[Kind, ...] = get_args(Kind)
HEADING_KINDS: frozenset[Kind] = frozenset({"meta", "chapter", "section"})

#: How serious a finding is, most serious first.
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


def is_kind(value: str) -> TypeGuard[Kind]:
    """True when ``value`` names a unit kind (what a reader of outside data checks)."""
    return value in KINDS


def is_severity(value: str) -> TypeGuard[Severity]:
    """True when ``value`` names a finding severity."""
    return value in SEVERITIES


def text_direction(lang: str) -> str:
    """Return ``"rtl"`` for right-to-left languages, else ``"ltr"``."""
    return "rtl" if lang in RTL_LANGS else "ltr"


@dataclass(frozen=True)
class Unit:
    """One block of one language version.

    ``key`` is language-independent (``p:19``, ``sec:2.B``, ``ch:3``,
    ``meta:title``, ``art:3``); empty when the block carries no label.
    ``marker`` is the label as printed (``19.``, ``一.``, ``ألف -``).
    ``id`` is the stable xml:id assigned once at segmentation (``zh-p19``).
    """

    id: str
    lang: str
    kind: Kind
    key: str
    marker: str
    text: str

    @property
    def direction(self) -> str:
        return text_direction(self.lang)


@dataclass(frozen=True)
class Source:
    """Where a version came from: file name (no directories), format, sha256."""

    path: str
    format: str
    sha256: str


@dataclass(frozen=True)
class Version:
    """One language version of the document.

    ``meta`` holds what page furniture told us (symbol, distribution date,
    job number, original language ...), never mixed into the text.
    """

    lang: str
    units: tuple[Unit, ...]
    source: Source
    meta: dict[str, str] = field(default_factory=dict)

    def unit(self, unit_id: str) -> Unit:
        for u in self.units:
            if u.id == unit_id:
                return u
        raise KeyError(unit_id)


@dataclass(frozen=True)
class Link:
    """One row of the alignment.

    ``units`` maps each language to the ids of the units that row covers in
    that language (an empty tuple where the language has nothing: 1:0).
    ``score`` is the confidence in 0..1; ``key`` is the shared structural key
    where there is one.
    """

    units: dict[str, tuple[str, ...]]
    method: str
    score: float
    key: str = ""

    def shape(self, langs: tuple[str, ...] | list[str]) -> str:
        """Bead shape such as ``1:1:2`` in the order of ``langs``."""
        return ":".join(str(len(self.units.get(lang, ()))) for lang in langs)


@dataclass(frozen=True)
class Finding:
    """A recoverable problem, recorded next to the content it concerns."""

    severity: Severity
    code: str
    message: str
    lang: str = ""
    unit_id: str = ""
    row: int = -1
    evidence: str = ""


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about the document as a whole (from document.toml)."""

    symbol: str
    slug: str
    session: str = ""
    agenda_item: str = ""
    date: str = ""
    original_lang: str = ""
    titles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Edition:
    """The whole aligned document: metadata, versions, links, findings."""

    meta: DocumentMeta
    versions: tuple[Version, ...]
    links: tuple[Link, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(v.lang for v in self.versions)

    def version(self, lang: str) -> Version:
        for v in self.versions:
            if v.lang == lang:
                return v
        raise KeyError(lang)

    def units_by_id(self) -> dict[str, Unit]:
        return {u.id: u for v in self.versions for u in v.units}


# --------------------------------------------------------------------------
# JSON form


def _plain(obj: Any) -> Any:
    return asdict(obj)


def dump(edition: Edition) -> str:
    """Serialise an Edition to versioned, deterministic JSON."""
    payload = {"hlmpub_model": MODEL_VERSION, "edition": _plain(edition)}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def dump_version(version: Version) -> str:
    """Serialise one Version to versioned JSON (what the ingest golden files hold)."""
    payload = {"hlmpub_model": MODEL_VERSION, "version": _plain(version)}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def unit_record(unit: Unit) -> dict[str, Any]:
    """One unit as ``hlmpub ingest --json`` prints it: every field of :class:`Unit` but its language."""
    record = _plain(unit)
    del record["lang"]
    return record


def unit_from_dict(d: dict[str, Any]) -> Unit:
    """Rebuild a Unit from its JSON form."""
    return Unit(**d)


def version_from_dict(d: dict[str, Any]) -> Version:
    """Rebuild a Version from its JSON form."""
    return Version(
        lang=d["lang"],
        units=tuple(unit_from_dict(u) for u in d["units"]),
        source=Source(**d["source"]),
        meta=dict(d.get("meta", {})),
    )


def link_from_dict(d: dict[str, Any]) -> Link:
    """Rebuild a Link from its JSON form."""
    return Link(
        units={lang: tuple(ids) for lang, ids in d["units"].items()},
        method=d["method"],
        score=float(d["score"]),
        key=d.get("key", ""),
    )


def edition_from_dict(d: dict[str, Any]) -> Edition:
    """Rebuild an Edition from its JSON form."""
    return Edition(
        meta=DocumentMeta(**d["meta"]),
        versions=tuple(version_from_dict(v) for v in d["versions"]),
        links=tuple(link_from_dict(lk) for lk in d.get("links", ())),
        findings=tuple(Finding(**f) for f in d.get("findings", ())),
    )


def _payload(text: str, part: str) -> dict[str, Any]:
    """The ``part`` of versioned model JSON; anything else is a :class:`ModelError`."""
    try:
        payload = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"not JSON: {exc}") from None
    found = payload.get("hlmpub_model") if isinstance(payload, dict) else None
    if found != MODEL_VERSION:
        raise ModelError(f"model JSON version {found!r}, expected {MODEL_VERSION}")
    if not isinstance(payload.get(part), dict):
        raise ModelError(f"no {part!r} object in the model JSON")
    return dict(payload[part])


def load(text: str) -> Edition:
    """Inverse of :func:`dump`; malformed JSON is a :class:`~hlmpub.errors.ModelError`."""
    try:
        return edition_from_dict(_payload(text, "edition"))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"malformed edition: {type(exc).__name__}: {exc}") from None


def load_version(text: str) -> Version:
    """Inverse of :func:`dump_version`; malformed JSON is a :class:`~hlmpub.errors.ModelError`."""
    try:
        return version_from_dict(_payload(text, "version"))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"malformed version: {type(exc).__name__}: {exc}") from None
