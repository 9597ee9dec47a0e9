"""A POST /api/edit body → the next state of a session (filled in by the edits step)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .session import Session, State


def apply_op(session: Session, op: dict[str, Any]) -> tuple[State, list[str]]:
    """The state after ``op`` and the ids of the rows it changed; EditRefused when it cannot be made."""
    from .session import EditRefused

    raise EditRefused(f"unknown op {op.get('op')!r}")
