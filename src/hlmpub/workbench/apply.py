"""A ``POST /api/edit`` body → the session's next state: the edited edition, the decisions, the accepted file.

The body is checked here (unknown op, missing or ill-typed field, unknown row, unit or finding →
:class:`~.state.EditRefused`).  Row edits replace the decisions about the rows they touch by one
``[[link]]`` per changed row (and drop their ``[[checked]]``: a changed row is checked again);
``check`` adds or removes a ``[[checked]]``; accept and reject record a ``[[finding]]`` and keep
``review-accepted.toml`` in step (an accepted id is listed there, a rejected one is not).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..model import Edition
from ..review.accept import load_accepted
from ..review.decisions import (
    CheckedDecision,
    Decisions,
    FindingDecision,
    LinkDecision,
    decision_changes,
    fingerprint,
    unit_set,
)
from . import edits
from .rowsjson import FindingView, finding_row, row_ids, unit_rows
from .state import EditRefused, State

OPS = ("merge", "split", "move", "check", "accept", "reject")


@dataclass(frozen=True)
class Context:
    """What an edit needs from the session besides its state."""

    reviewer: str
    at: str
    pivot: str
    findings: Sequence[FindingView]
    accepted_path: Path  # the accepted-findings file, as the current state saved it


def _field(op: dict[str, Any], name: str, kind: type, what: str) -> Any:
    value = op.get(name)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise EditRefused(f'"{op.get("op")}" needs "{name}": {what}')
    return value


def _row_index(edition: Edition, ident: object) -> int:
    ids = row_ids(edition)
    if not isinstance(ident, str) or ident not in ids:
        raise EditRefused(f"there is no row {ident!r} (reload the rows)")
    return ids.index(ident)


def apply_op(state: State, op: dict[str, Any], ctx: Context) -> tuple[State, list[str]]:
    """The state after ``op`` and the ids of the rows it changed (in the new edition)."""
    name = op.get("op")
    if name not in OPS:
        raise EditRefused(f"unknown op {name!r}; known: {', '.join(OPS)}")
    if name in ("accept", "reject"):
        return _finding(state, op, ctx)
    edition = state.edition
    if name == "merge":
        rows = _field(op, "rows", list, "the ids of a row and the next row")
        if len(rows) != 2:
            raise EditRefused('"merge" needs "rows": the ids of a row and the next row')
        new, changed = edits.merge(edition, _row_index(edition, rows[0]), _row_index(edition, rows[1]), ctx.reviewer)
    elif name == "split":
        units = _field(op, "units", list, "the ids of the units that go to the new row")
        if not all(isinstance(u, str) for u in units):
            raise EditRefused('"split" needs "units": a list of unit ids')
        new, changed = edits.split(edition, _row_index(edition, op.get("row")), set(units), ctx.reviewer)
    elif name == "move":
        unit = _field(op, "unit", str, "a unit id")
        new, changed = edits.move(edition, unit, _field(op, "to", str, '"prev" or "next"'), ctx.reviewer)
    else:
        checked = op.get("checked", True)
        if not isinstance(checked, bool):
            raise EditRefused('"check" takes "checked": true or false')
        n = _row_index(edition, op.get("row"))
        new, changed = edits.check(edition, n, checked)
        decisions = _checked(state.decisions, new, n, checked, ctx)
        return _state(new, decisions, state.accepted), [row_ids(new)[n]]
    new, changed = edits.canonical_order(new, ctx.pivot, changed)
    new = edits.realign_sentences(new, changed, ctx.pivot)
    decisions = _relinked(state.decisions, new, changed, str(name), ctx)
    return _state(new, decisions, state.accepted), [row_ids(new)[n] for n in changed]


def _state(edition: Edition, decisions: Decisions, accepted: str | None) -> State:
    return State(replace(edition, changes=decision_changes(decisions)), decisions, accepted)


def _relinked(decisions: Decisions, edition: Edition, changed: list[int], op: str, ctx: Context) -> Decisions:
    """The decisions with those about the changed rows' units replaced by one link decision per changed row."""
    texts = edition.units_by_id()
    rows = [edition.links[n] for n in changed]
    touched = set().union(*(unit_set(link.units) for link in rows))
    links = [d for d in decisions.links if not unit_set(d.units) & touched]
    links += [LinkDecision(op, dict(lk.units), fingerprint(lk.units, texts), ctx.reviewer, ctx.at) for lk in rows]
    checked = tuple(c for c in decisions.checked if not unit_set(c.units) & touched)
    return replace(decisions, links=tuple(links), checked=checked)


def _checked(decisions: Decisions, edition: Edition, n: int, checked: bool, ctx: Context) -> Decisions:
    link = edition.links[n]
    kept = [c for c in decisions.checked if unit_set(c.units) != unit_set(link.units)]
    if checked:
        fp = fingerprint(link.units, edition.units_by_id())
        kept.append(CheckedDecision(dict(link.units), fp, ctx.reviewer, ctx.at))
    return replace(decisions, checked=tuple(kept))


def _finding(state: State, op: dict[str, Any], ctx: Context) -> tuple[State, list[str]]:
    ident = _field(op, "finding", str, "a finding id")
    comment = op.get("comment", "")
    if not isinstance(comment, str):
        raise EditRefused(f'"{op["op"]}" takes "comment": a string')
    view = next((v for v in ctx.findings if v.id == ident), None)
    if view is None:
        raise EditRefused(f"there is no finding {ident} (reload the rows)")
    status = "accepted" if op["op"] == "accept" else "rejected"
    kept = [d for d in state.decisions.findings if d.id != ident]
    kept.append(FindingDecision(ident, status, comment.strip(), ctx.reviewer, ctx.at))
    decisions = replace(state.decisions, findings=tuple(kept))
    accepted = _accepted_text(state.accepted, ident, comment.strip() if status == "accepted" else None, ctx)
    row_of = unit_rows(state.edition)
    n = finding_row(view.finding, row_of, len(state.edition.links))
    changed = [row_ids(state.edition)[n]] if n >= 0 else []
    return _state(state.edition, decisions, accepted), changed


def _accepted_text(text: str | None, ident: str, reason: str | None, ctx: Context) -> str | None:
    """The accepted-findings file with ``ident`` listed (``reason`` given) or not (None).

    An id added is appended as a new ``[[accepted]]`` block, so the reviser's own comments in the file stay;
    one taken out rewrites the file from what it lists.
    """
    listed = load_accepted(ctx.accepted_path) if text is not None else {}
    if reason is not None:
        if ident in listed and listed[ident] == reason:
            return text
        if ident not in listed:
            head = text if text is not None else _ACCEPTED_HEAD
            block = f'[[accepted]]\nid = "{ident}"\nreason = {_toml(reason)}\n'
            return head.rstrip("\n") + "\n\n" + block
        listed[ident] = reason
    elif ident not in listed:
        return text
    else:
        del listed[ident]
    blocks = [f'[[accepted]]\nid = "{i}"\nreason = {_toml(r)}\n' for i, r in listed.items()]
    return "\n".join([_ACCEPTED_HEAD, *blocks])


_ACCEPTED_HEAD = "# hlmpub review: findings accepted by the reviser (not reported again)\n"


def _toml(text: str) -> str:
    """A TOML basic string (JSON's escapes are all valid TOML)."""
    return json.dumps(text, ensure_ascii=False)
