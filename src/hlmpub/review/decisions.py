"""The revisers' decisions, kept with the sources: ``<sources>/review-decisions.toml``.

A build into any output folder (or after ``make clean``) reads this file and applies it, so a
correction made in the workbench is never lost with the output.  One table per decision, each with
who (``by``) and when (``at``, ISO 8601 UTC)::

    # hlmpub review decisions (written by `hlmpub review serve`; applied by every `hlmpub build`)
    [[link]]                       # a row fixed by hand: exactly these units, a manual link
    op = "merge"
    units = { zh = ["zh-u4", "zh-u5"], en = ["en-u4"], fr = [] }
    fingerprint = "9c1f0e3a2b7d"   # of the units' texts: a changed source makes the decision stale
    by = "A. Reviser"
    at = "2026-12-05T01:50:00Z"

    [[checked]]                    # a row a reviser marked as checked, by its units
    units = { zh = ["zh-p1"], en = ["en-p1"] }
    fingerprint = "..."
    by = "A. Reviser"
    at = "..."

    [[finding]]                    # a finding accepted or rejected, with a comment
    id = "5d0c2b8e41aa"
    status = "accepted"
    comment = "zh merges the two paragraphs"
    by = "A. Reviser"
    at = "..."

:func:`decided_links` and :func:`checked_rows` check a decision against the versions of a build: one
whose unit is gone or whose text changed is a ``decision-stale`` warning naming it, never dropped in
silence.  See docs/design/review.md, "Decisions".
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Change, Finding, Link, Unit, Version
from ..safeio import write_text

DECISIONS_FILE = "review-decisions.toml"
FINDING_STATUSES = ("accepted", "rejected")
HEADER = "# hlmpub review decisions (written by `hlmpub review serve`; applied by every `hlmpub build`)\n"

Units = dict[str, tuple[str, ...]]
#: ``at``: an xsd:date or xsd:dateTime (what TEI's @when takes)
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?")


@dataclass(frozen=True)
class LinkDecision:
    """A row fixed by hand (merge, split, move): exactly ``units``, as a manual link."""

    op: str
    units: Units
    fingerprint: str
    by: str
    at: str


@dataclass(frozen=True)
class CheckedDecision:
    """A row marked as checked, named by its units."""

    units: Units
    fingerprint: str
    by: str
    at: str


@dataclass(frozen=True)
class FindingDecision:
    """A finding accepted or rejected, by its id (:func:`hlmpub.review.finding_id`)."""

    id: str
    status: str
    comment: str
    by: str
    at: str


@dataclass(frozen=True)
class Decisions:
    """Everything in a decisions file, in the order it was decided."""

    links: tuple[LinkDecision, ...] = ()
    checked: tuple[CheckedDecision, ...] = ()
    findings: tuple[FindingDecision, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.links or self.checked or self.findings)


def fingerprint(units: Units, texts: dict[str, Unit]) -> str:
    """12 hex digits of sha256 over the units' ids and texts, in language order: what a decision was made on."""
    parts = [f"{uid}\x1e{texts[uid].text}" for lang in sorted(units) for uid in units[lang]]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def unit_set(units: Units) -> frozenset[str]:
    """Every unit id of a row, whatever its language."""
    return frozenset(u for ids in units.values() for u in ids)


def describe(units: Units) -> str:
    """The units of a decision as one short line: ``zh-u4 zh-u5 en-u4``."""
    return " ".join(u for ids in units.values() for u in ids)


# ------------------------------------------------------------------ read


def _str(entry: dict[str, Any], name: str, where: str, path: Path) -> str:
    value = entry.get(name, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {name} must be a string", path)
    if name == "at" and value and not _MOMENT.fullmatch(value):  # the TEI's change/@when takes only these
        raise ConfigError(f"{where}: at must be an ISO 8601 date or UTC time (2026-12-05T01:50:00Z)", path)
    return value


def _units(entry: dict[str, Any], where: str, path: Path) -> Units:
    value = entry.get("units")
    ok = isinstance(value, dict) and all(
        isinstance(ids, list) and all(isinstance(u, str) for u in ids) for ids in value.values()
    )
    if not ok or not any(value.values()):  # type: ignore[union-attr]
        raise ConfigError(f"{where}: units must be a table of languages to lists of unit ids, not all empty", path)
    return {str(lang): tuple(ids) for lang, ids in value.items()}  # type: ignore[union-attr]


def _entries(data: dict[str, Any], table: str, path: Path) -> list[dict[str, Any]]:
    entries = data.get(table, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(f"{table} must be an array of tables ([[{table}]])", path)
    return entries


def load_decisions(path: Path) -> Decisions:
    """The decisions in ``path``; a missing file decides nothing, a malformed one is a one-line ConfigError."""
    path = Path(path)
    if not path.exists():
        return Decisions()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"malformed decisions file: {exc}", path) from None
    unknown = sorted(set(data) - {"link", "checked", "finding"})
    if unknown:
        raise ConfigError(f"unknown table {unknown[0]!r} (known: link, checked, finding)", path)
    links = []
    for k, e in enumerate(_entries(data, "link", path), start=1):
        where = f"link {k}"
        args = (_str(e, n, where, path) for n in ("op", "fingerprint", "by", "at"))
        op, fp, by, at = args
        links.append(LinkDecision(op or "link", _units(e, where, path), fp, by, at))
    checked = []
    for k, e in enumerate(_entries(data, "checked", path), start=1):
        where = f"checked {k}"
        fp, by, at = (_str(e, n, where, path) for n in ("fingerprint", "by", "at"))
        checked.append(CheckedDecision(_units(e, where, path), fp, by, at))
    findings = []
    for k, e in enumerate(_entries(data, "finding", path), start=1):
        where = f"finding {k}"
        ident, status, comment, by, at = (_str(e, n, where, path) for n in ("id", "status", "comment", "by", "at"))
        if not ident or status not in FINDING_STATUSES:
            raise ConfigError(f"{where}: needs an id and a status of {' or '.join(FINDING_STATUSES)}", path)
        findings.append(FindingDecision(ident, status, comment, by, at))
    return Decisions(tuple(links), tuple(checked), tuple(findings))


# ------------------------------------------------------------------ write


def _q(text: str) -> str:
    """A TOML basic string (JSON's escapes are all valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def _units_line(units: Units) -> str:
    inner = ", ".join(f"{lang} = [{', '.join(_q(u) for u in ids)}]" for lang, ids in units.items())
    return f"units = {{ {inner} }}"


def decisions_text(decisions: Decisions) -> str:
    """The file's text: readable and diffable, one table per decision, in the order they were made."""
    blocks = [HEADER]
    for d in decisions.links:
        blocks.append(f"[[link]]\nop = {_q(d.op)}\n{_units_line(d.units)}\nfingerprint = {_q(d.fingerprint)}\n")
        blocks[-1] += f"by = {_q(d.by)}\nat = {_q(d.at)}\n"
    for c in decisions.checked:
        blocks.append(f"[[checked]]\n{_units_line(c.units)}\nfingerprint = {_q(c.fingerprint)}\n")
        blocks[-1] += f"by = {_q(c.by)}\nat = {_q(c.at)}\n"
    for f in decisions.findings:
        blocks.append(f"[[finding]]\nid = {_q(f.id)}\nstatus = {_q(f.status)}\ncomment = {_q(f.comment)}\n")
        blocks[-1] += f"by = {_q(f.by)}\nat = {_q(f.at)}\n"
    return "\n".join(blocks)


def write_decisions(path: Path, decisions: Decisions) -> Path:
    """Write the file atomically (the text is parsed back first: what is written always reads)."""
    text = decisions_text(decisions)
    tomllib.loads(text)
    return write_text(path, text)


# ------------------------------------------------------------------ apply


def _who(kind: str, k: int, units: Units, by: str, at: str) -> str:
    return f"{kind} decision {k} ({describe(units)}; by {by or 'an unnamed reviser'} at {at or '?'})"


def _fit(
    kind: str, k: int, decision: LinkDecision | CheckedDecision, versions: Sequence[Version]
) -> tuple[Units, Finding | None]:
    """The decision's units in the languages of ``versions`` (empty: it names none of them, nothing to do),
    or why it no longer fits them (a unit gone; a text changed, when every language it names is there)."""
    now = {u.id: u for v in versions for u in v.units}
    langs = [v.lang for v in versions]
    units = {lang: tuple(decision.units.get(lang, ())) for lang in langs}
    if not any(units.values()):
        return {}, None
    who = _who(kind, k, decision.units, decision.by, decision.at)
    for lang, ids in units.items():
        for uid in ids:
            if uid not in now or now[uid].lang != lang:
                msg = f"{who}: unit {uid} is no longer in the {lang} version; the decision is not applied"
                return {}, Finding("warning", "decision-stale", msg, lang=lang, unit_id=uid)
    whole = all(lang in langs for lang, ids in decision.units.items() if ids)
    if whole and decision.fingerprint and fingerprint(decision.units, now) != decision.fingerprint:
        msg = f"{who}: the text of its units changed since; the decision is not applied"
        return {}, Finding("warning", "decision-stale", msg, unit_id=next(iter(unit_set(units)), ""))
    return units, None


def decided_links(decisions: Decisions, versions: Sequence[Version]) -> tuple[list[Link], list[Finding]]:
    """The link decisions that still fit ``versions``, as manual links (resp: who made them) in the languages
    of ``versions``; a warning for each one that does not."""
    keys = {u.id: u.key for v in versions for u in v.units}
    links: list[Link] = []
    findings: list[Finding] = []
    for k, d in enumerate(decisions.links, start=1):
        units, problem = _fit("link", k, d, versions)
        if problem is not None:
            findings.append(problem)
        elif units:
            key = next((keys[u] for ids in units.values() for u in ids if keys[u]), "")
            links.append(Link(units, "manual", 1.0, key, resp=d.by))
    return links, findings


def checked_rows(
    decisions: Decisions, versions: Sequence[Version], links: Iterable[Link]
) -> tuple[list[Link], list[Finding]]:
    """``links`` with the rows that checked decisions name marked checked; a warning for each decision that
    fits no row (a unit gone, a text changed, or no row holds exactly its units any more)."""
    out = list(links)
    row_of = {unit_set(link.units): n for n, link in enumerate(out)}
    findings: list[Finding] = []
    for k, c in enumerate(decisions.checked, start=1):
        units, problem = _fit("checked", k, c, versions)
        n = row_of.get(unit_set(units)) if units else None
        if problem is None and units and n is None:
            msg = f"{_who('checked', k, c.units, c.by, c.at)}: no row holds exactly these units any more; "
            msg += "the decision is not applied"
            problem = Finding("warning", "decision-stale", msg, unit_id=next(iter(unit_set(units)), ""))
        if problem is not None:
            findings.append(problem)
        elif n is not None:
            out[n] = replace(out[n], checked=True)
    return out, findings


def decision_changes(decisions: Decisions) -> tuple[Change, ...]:
    """The TEI's record of the decisions (``revisionDesc/change``), one per decision, oldest first (by ``at``;
    decisions made at the same moment in the file's order)."""
    changes = [Change(d.by, d.at, f"{d.op}: {describe(d.units)}") for d in decisions.links]
    changes += [Change(c.by, c.at, f"check: {describe(c.units)}") for c in decisions.checked]
    for f in decisions.findings:
        verb = "accept" if f.status == "accepted" else "reject"
        changes.append(Change(f.by, f.at, f"{verb} finding {f.id}" + (f": {f.comment}" if f.comment else "")))
    return tuple(sorted(changes, key=lambda c: c.when))
