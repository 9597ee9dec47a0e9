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

MODEL_VERSION = 4
#: Versions :func:`load` reads: 1 had no tables, 2 no sentences, 3 no reviser records (Link.resp, .checked,
#: Edition.changes); their JSON is version 4's without them.
READABLE_VERSIONS = frozenset({1, 2, 3, 4})

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

#: What a unit is; the first three are headings.  A ``table`` carries its cells in ``Unit.rows``.
Kind = Literal["meta", "chapter", "section", "para", "subpara", "note", "other", "table"]
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


#: The rows of a table unit, header rows first; each row a tuple of plain-text cells.
Rows = tuple[tuple[str, ...], ...]
#: A unit's sentences: (start, end) character offsets into its ``text``, in order.
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Unit:
    """One block of one language version.

    ``key`` is language-independent (``p:19``, ``sec:2.B``, ``ch:3``,
    ``meta:title``, ``art:3``, ``table:1``); empty when the block carries no label.
    ``marker`` is the label as printed (``19.``, ``一.``, ``ألف -``).
    ``id`` is the stable xml:id assigned once at segmentation (``zh-p19``).

    A ``table`` unit holds its cells in ``rows`` (plain text, note references
    kept as text; the first ``header_rows`` rows are the header) and, in
    ``text``, the cells in reading order as :func:`table_text` makes them, so
    that every stage reading only ``text`` (the encoder, the review's text
    checks) still sees the whole table.  Build one with :func:`table_unit`.
    A table has at least one row and every row at least one cell (a cell may
    be empty); other kinds have no rows.

    ``sentences``: spans into ``text``, one per sentence, set by the aligner
    stage when it aligns sentences (empty before, and always for a table:
    its cells already correspond by position).  Their ids are
    :func:`sentence_id` of the unit id and the 1-based position.
    """

    id: str
    lang: str
    kind: Kind
    key: str
    marker: str
    text: str
    rows: Rows = ()
    header_rows: int = 0
    sentences: Spans = ()

    def __post_init__(self) -> None:
        # A table's cells would be lost by every writer that expects none (TEI p, DOCX paragraph): refuse them early.
        if self.rows and self.kind != "table":
            raise ValueError(f"unit {self.id}: a {self.kind} unit has no rows (only a table has)")
        if self.kind == "table" and not (self.rows and all(self.rows)):
            raise ValueError(f"unit {self.id}: a table needs at least one row, and every row a cell")
        if not 0 <= self.header_rows <= len(self.rows):
            raise ValueError(f"unit {self.id}: {self.header_rows} header rows of {len(self.rows)}")
        end = 0
        for start, stop in self.sentences:
            if not end <= start < stop <= len(self.text):
                raise ValueError(f"unit {self.id}: sentence span ({start}, {stop}) out of order or outside the text")
            end = stop

    def sentence_ids(self) -> tuple[str, ...]:
        """The ids of this unit's sentences, in order."""
        return tuple(sentence_id(self.id, i) for i in range(1, len(self.sentences) + 1))

    @property
    def direction(self) -> str:
        return text_direction(self.lang)

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns) of a table, the widest row counting; (0, 0) for any other unit."""
        return table_shape(self.rows)


def sentence_id(unit_id: str, n: int) -> str:
    """The id of the ``n``-th (1-based) sentence of a unit: ``zh-p19`` → ``zh-p19-s2``."""
    return f"{unit_id}-s{n}"


def table_text(rows: Rows) -> str:
    """A table's ``text``: its non-blank cells in reading order (row by row), one per line."""
    return "\n".join(cell for row in rows for cell in row if cell.strip())


def table_shape(rows: Rows) -> tuple[int, int]:
    """(rows, columns) of a table's cells; the widest row gives the columns."""
    return len(rows), max((len(row) for row in rows), default=0)


def table_unit(uid: str, lang: str, rows: Rows, header_rows: int = 0, key: str = "", marker: str = "") -> Unit:
    """A ``table`` unit whose ``text`` is made from its cells: what every reader and the TEI reader build."""
    cells = tuple(tuple(row) for row in rows)
    return Unit(uid, lang, "table", key, marker, table_text(cells), cells, header_rows)


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
    ``score`` is the confidence in 0..1; ``key`` is the shared structural key where there is one.
    ``resp``: the reviser who made a manual row ("" if unnamed); ``checked``: a reviser checked the row.
    """

    units: dict[str, tuple[str, ...]]
    method: str
    score: float
    key: str = ""
    resp: str = ""
    checked: bool = False

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
class Change:
    """A reviser's decision as the TEI records it (``revisionDesc/change``): who, when (ISO 8601 UTC), what."""

    who: str
    when: str
    what: str


#: The licence of a UN document when its document.toml names none (the TEI's ``availability``).
UN_LICENCE = (
    "United Nations document: use and reproduction under the terms of use of the United Nations, "
    "https://www.un.org/en/about-us/terms-of-use"
)


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about the document as a whole (from document.toml).

    ``licence``: the terms the text may be used under (the TEI's ``availability``); ``reviser``: who
    corrects the alignment by hand, named as responsible for the manual links ("" when not named).
    """

    symbol: str
    slug: str
    session: str = ""
    agenda_item: str = ""
    date: str = ""
    original_lang: str = ""
    titles: dict[str, str] = field(default_factory=dict)
    licence: str = UN_LICENCE
    reviser: str = ""


@dataclass(frozen=True)
class Edition:
    """The whole aligned document: metadata, versions, links, findings.

    ``sentence_links``: the sentence alignment inside the rows of ``links``, one Link per
    sentence row whose ``units`` map each language to sentence ids (``zh-p19-s2``).
    ``changes``: the revisers' decisions applied to it, in order (none for a plain build).
    """

    meta: DocumentMeta
    versions: tuple[Version, ...]
    links: tuple[Link, ...] = ()
    findings: tuple[Finding, ...] = ()
    sentence_links: tuple[Link, ...] = ()
    changes: tuple[Change, ...] = ()

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


_TABLE_FIELDS = ("rows", "header_rows")  # written for tables only: other units' JSON is as in model version 1


def _drop_empty(record: dict[str, Any], *names: str) -> dict[str, Any]:
    """``record`` without those of the fields ``names`` that are empty, so that older JSON stays as it was."""
    return {key: value for key, value in record.items() if value or key not in names}


def _unit_plain(unit: Unit) -> dict[str, Any]:
    return _drop_empty(asdict(unit), "sentences", *(_TABLE_FIELDS if unit.kind != "table" else ()))


def _plain(obj: Any) -> Any:
    """The JSON form of a model object: ``asdict``, with each unit's empty table fields left out (and the
    document's default licence and unnamed reviser, so that older JSON stays as it was)."""
    record = asdict(obj)
    if isinstance(obj, Edition):
        for name, default in (("licence", UN_LICENCE), ("reviser", "")):
            if record["meta"][name] == default:
                del record["meta"][name]
        for version, plain in zip(obj.versions, record["versions"], strict=True):
            plain["units"] = [_unit_plain(u) for u in version.units]
        for name in ("links", "sentence_links"):
            record[name] = [_drop_empty(plain, "resp", "checked") for plain in record[name]]
        record = _drop_empty(record, "sentence_links", "changes")
    elif isinstance(obj, Version):
        record["units"] = [_unit_plain(u) for u in obj.units]
    return record


def dump(edition: Edition) -> str:
    """Serialise an Edition to versioned, deterministic JSON."""
    payload = {"hlmpub_model": MODEL_VERSION, "edition": _plain(edition)}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def dump_version(version: Version) -> str:
    """Serialise one Version to versioned JSON (what the ingest golden files hold)."""
    payload = {"hlmpub_model": MODEL_VERSION, "version": _plain(version)}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def unit_record(unit: Unit) -> dict[str, Any]:
    """One unit as ``hlmpub ingest --json`` prints it: every field of :class:`Unit` but its language.

    ``rows`` (lists of cells, header rows first) and ``header_rows`` only for a table.
    """
    record = _unit_plain(unit)
    del record["lang"]
    return record


def unit_from_dict(d: dict[str, Any]) -> Unit:
    """Rebuild a Unit from its JSON form (``rows`` are lists of cells there)."""
    fields = dict(d)
    if "rows" in fields:
        fields["rows"] = tuple(tuple(str(cell) for cell in row) for row in fields["rows"])
    if "sentences" in fields:
        fields["sentences"] = tuple((int(a), int(b)) for a, b in fields["sentences"])
    return Unit(**fields)


def version_from_dict(d: dict[str, Any]) -> Version:
    """Rebuild a Version from its JSON form."""
    units = tuple(unit_from_dict(u) for u in d["units"])
    return Version(d["lang"], units, Source(**d["source"]), dict(d.get("meta", {})))


def link_from_dict(d: dict[str, Any]) -> Link:
    """Rebuild a Link from its JSON form."""
    units = {lang: tuple(ids) for lang, ids in d["units"].items()}
    resp, checked = str(d.get("resp", "")), bool(d.get("checked", False))
    return Link(units, d["method"], float(d["score"]), d.get("key", ""), resp, checked)


def edition_from_dict(d: dict[str, Any]) -> Edition:
    """Rebuild an Edition from its JSON form."""
    return Edition(
        meta=DocumentMeta(**d["meta"]),
        versions=tuple(version_from_dict(v) for v in d["versions"]),
        links=tuple(link_from_dict(lk) for lk in d.get("links", ())),
        findings=tuple(Finding(**f) for f in d.get("findings", ())),
        sentence_links=tuple(link_from_dict(lk) for lk in d.get("sentence_links", ())),
        changes=tuple(Change(**c) for c in d.get("changes", ())),
    )


def _payload(text: str, part: str) -> dict[str, Any]:
    """The ``part`` of versioned model JSON; anything else is a :class:`ModelError`."""
    try:
        payload = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"not JSON: {exc}") from None
    found = payload.get("hlmpub_model") if isinstance(payload, dict) else None
    if found not in READABLE_VERSIONS or isinstance(found, bool):
        known = ", ".join(str(v) for v in sorted(READABLE_VERSIONS))
        raise ModelError(f"model JSON version {found!r}, expected one of {known}")
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
