"""One reviser's session on one edition: the rows, the edits, undo and redo, each step saved at once.

The web layer (:mod:`hlmpub.workbench.app`) holds one :class:`Session` and serialises requests with its
``lock``.  A session writes three files and no others: the TEI archive (re-validated, then replaced
atomically), the decisions file and the accepted-findings file in the source folder.  Every step is a
state (edition, decisions, accepted-file text); undo and redo move between states and write the
files of the state they reach, so the TEI, the decisions and the accepted findings always agree.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import review, tei
from ..config import Settings
from ..errors import HlmpubError, InputError, ValidationError
from ..model import Edition
from ..review.decisions import DECISIONS_FILE, load_decisions, write_decisions
from ..safeio import parse_xml, sha256_file, slug, write_bytes
from ..tei.validate import validate_tree
from .apply import Context, apply_op
from .rowsjson import FindingView, rows_json
from .state import EditRefused, StaleVersion, State

__all__ = ["EditRefused", "Session", "StaleVersion", "State"]


def utc_now() -> datetime.datetime:
    """The wall clock, in UTC (a session's default clock)."""
    return datetime.datetime.now(datetime.UTC)


def iso(moment: datetime.datetime) -> str:
    """ISO 8601 UTC to the second: ``2026-12-05T01:50:00Z``."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_edition(path: Path) -> Edition:
    """The edition of a TEI archive that validates (a one-line error otherwise)."""
    edition = tei.read_tei(path)
    problems = [f for f in tei.validate_file(path) if f.severity == "error"]
    if problems:
        raise ValidationError(f"line {problems[0].evidence}: {problems[0].message}", path)
    return edition


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the file: {exc}", path) from None


class Session:
    """The workbench's model of one edition (docs/design/review.md, "Decisions" and API)."""

    def __init__(
        self,
        tei_path: Path,
        *,
        sources: Path | None = None,
        reviewer: str = "reviewer",
        settings: Settings | None = None,
        clock: Callable[[], datetime.datetime] | None = None,
    ) -> None:
        self.tei_path = Path(tei_path)
        self.settings = settings if settings is not None else Settings()
        self.reviewer = reviewer.strip() or "reviewer"
        self.clock = clock if clock is not None else utc_now
        edition = _read_edition(self.tei_path)
        folder = Path(sources) if sources is not None else Path("sources") / slug(edition.meta.slug)
        if not (folder / "document.toml").is_file():
            raise InputError("no document.toml: not the edition's source folder (give --sources)", folder)
        self.sources = folder
        self.decisions_path = folder / DECISIONS_FILE
        self.accepted_path = folder / self.settings.review.accept_file
        self.version = 1
        self.lock = threading.Lock()
        self._load(edition)

    def _load(self, edition: Edition) -> None:
        """Start from the files as they are: no undo, no redo."""
        self._undo: list[State] = []
        self._redo: list[State] = []
        self._state = State(edition, load_decisions(self.decisions_path), _read_text(self.accepted_path))
        self._seen = self._on_disk()
        self._views: list[FindingView] = self._find(self._state)

    def _on_disk(self) -> tuple[str, str | None, str | None]:
        """What the session's files hold now (the TEI by its checksum)."""
        try:
            tei_sum = sha256_file(self.tei_path)
        except OSError:
            tei_sum = ""
        return tei_sum, _read_text(self.decisions_path), _read_text(self.accepted_path)

    def sync(self) -> bool:
        """Read the files again if someone else changed them (another session, a hand edit): True then, and
        the version moves on, so that a request made against the old files is stale (never an edit lost)."""
        if self._on_disk() == self._seen:
            return False
        self._load(_read_edition(self.tei_path))
        self.version += 1
        return True

    # ------------------------------------------------------------------ reading

    @property
    def edition(self) -> Edition:
        return self._state.edition

    @property
    def pivot(self) -> str:
        wanted = self.settings.align.pivot
        return wanted if wanted in self.edition.langs else self.edition.langs[0]

    def rows(self) -> dict[str, Any]:
        """The JSON of ``GET /api/rows`` (of the files as they are now: see :meth:`sync`)."""
        self.sync()
        return rows_json(
            self.edition,
            self._views,
            version=self.version,
            reviewer=self.reviewer,
            pivot=self.pivot,
            can_undo=bool(self._undo),
            can_redo=bool(self._redo),
        )

    def findings(self) -> list[FindingView]:
        """Every finding of the current state: the review's and the aligner's, with the revisers' decisions."""
        return list(self._views)

    def _find(self, state: State) -> list[FindingView]:
        # The review's and the aligner's findings, one per id, in row order (review.findings_with_ids); the
        # accepted file on disk is the state's own (saved before it is entered); a decision overrides it.
        decided = {d.id: d for d in state.decisions.findings}
        views = []
        for item in review.findings_with_ids(state.edition, self.settings, accept_file=self.accepted_path):
            d = decided.get(item.id)
            if d is not None:
                views.append(FindingView(item.id, item.finding, item.source, d.status, d.comment, d.by, d.at))
            elif item.status == "accepted":
                views.append(FindingView(item.id, item.finding, item.source, "accepted", item.reason))
            else:
                views.append(FindingView(item.id, item.finding, item.source))
        return views

    # ------------------------------------------------------------------ steps

    def _check_version(self, version: object) -> None:
        self.sync()
        if isinstance(version, bool) or not isinstance(version, int):
            raise EditRefused("the request needs the version it was made against (an integer)")
        if version != self.version:
            raise StaleVersion(f"version {version} is not the current version {self.version}; reload the rows")

    def edit(self, op: dict[str, Any]) -> dict[str, Any]:
        """Apply one edit (``POST /api/edit``), save it, and return the new version and the changed rows."""
        if not isinstance(op, dict):
            raise EditRefused("the edit must be a JSON object")
        self._check_version(op.get("version"))
        ctx = Context(self.reviewer, self.now(), self.pivot, self._views, self.accepted_path)
        state, changed = apply_op(self._state, op, ctx)
        self._save(state)
        self._undo.append(self._state)
        self._redo.clear()
        self._enter(state)
        return {"version": self.version, "changed": changed}

    def undo(self, version: int) -> dict[str, Any]:
        """Go back one step (``POST /api/undo``): its files are written again; EditRefused at the start."""
        return self._step(version, self._undo, self._redo, "nothing to undo")

    def redo(self, version: int) -> dict[str, Any]:
        """Make again the step last undone (``POST /api/redo``); a new edit forgets what could be redone."""
        return self._step(version, self._redo, self._undo, "nothing to redo")

    def _step(self, version: int, back: list[State], forth: list[State], empty: str) -> dict[str, Any]:
        # Undo and redo are one move between the two stacks: save the state popped from ``back``
        # (so its files are on disk before it is entered), and keep the current one on ``forth``.
        self._check_version(version)
        if not back:
            raise EditRefused(empty)
        state = back[-1]
        self._save(state)
        back.pop()
        forth.append(self._state)
        self._enter(state)
        return {"version": self.version}

    def _enter(self, state: State) -> None:
        self._state = state
        self.version += 1
        self._views = self._find(state)

    def _save(self, state: State) -> None:
        """Write the state's files: the TEI first (validated in memory; an invalid one refuses the edit and
        nothing is written), then the decisions and the accepted findings."""
        try:
            data = tei.tei_bytes(state.edition)
        except HlmpubError as exc:
            raise EditRefused(f"the edit would make the TEI unwritable: {exc.message}") from None
        errors = [f for f in validate_tree(parse_xml(data, self.tei_path, "TEI")) if f.severity == "error"]
        if errors:
            raise EditRefused(f"the edit would make the TEI invalid: {errors[0].message}")
        write_bytes(self.tei_path, data)
        if state.decisions:
            write_decisions(self.decisions_path, state.decisions)
        elif self.decisions_path.exists():  # no decision left (all undone): no file, as before the first
            self.decisions_path.unlink()
        if state.accepted is not None:
            write_bytes(self.accepted_path, state.accepted.encode("utf-8"))
        elif self.accepted_path.exists():
            self.accepted_path.unlink()
        self._seen = self._on_disk()

    def now(self) -> str:
        """The moment a decision is made, as the decisions file and the TEI record it."""
        return iso(self.clock())
