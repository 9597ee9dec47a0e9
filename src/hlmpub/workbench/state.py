"""What the session's steps share: a saved state and the two ways a request fails."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import HlmpubError
from ..model import Edition
from ..review.decisions import Decisions


class StaleVersion(HlmpubError):
    """An edit, undo or redo against a version that is not the current one (HTTP 409)."""


class EditRefused(HlmpubError):
    """An edit that is impossible or would make the TEI invalid (HTTP 422); ``str(exc)`` is the message."""


@dataclass(frozen=True)
class State:
    """What one step of the session saved: the edition (its ``changes`` made from the decisions), the
    decisions, and the accepted-findings file's text (None: no file)."""

    edition: Edition
    decisions: Decisions
    accepted: str | None
