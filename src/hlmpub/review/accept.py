"""Finding ids and the reviewer's accepted-findings file.

A finding's id is a short hash of its code, language, unit id and evidence:
it does not depend on the row number or the message wording, so it survives
re-alignment and rewording.  A reviewer accepts findings by listing their ids
in ``review-accepted.toml`` in the document's source folder (next to its
``document.toml``; ``hlmpub build`` reads it from there)::

    # hlmpub review: findings accepted by the reviewer (not reported again)
    [[accepted]]
    id = "5d0c2b8e41aa"
    reason = "zh merges the three proclamation paragraphs into one"

A bare list ``accepted = ["5d0c2b8e41aa", ...]`` works too.  ``hlmpub review
EDITION.tei.xml`` takes ``--accept FILE``; without it, it uses the file next to
the TEI, else ``sources/<slug>/review-accepted.toml`` below the current folder
(:func:`find_accepted_file`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from ..errors import ConfigError
from ..findings import finding_id
from ..model import Finding

__all__ = [
    "ACCEPT_FILE",
    "accepted_file_text",
    "find_accepted_file",
    "finding_id",
    "load_accepted",
    "split_accepted",
    "unknown_accepted",
]


ACCEPT_FILE = "review-accepted.toml"


def find_accepted_file(tei_path: Path, slug: str, name: str = ACCEPT_FILE) -> Path | None:
    """``name`` next to the TEI, else in ``sources/<slug>/`` relative to the current folder; None if neither."""
    for candidate in (Path(tei_path).parent / name, Path("sources") / slug / name):
        if candidate.is_file():
            return candidate
    return None


def load_accepted(path: Path) -> dict[str, str]:
    """id → reason from an accepted-findings file; a missing file accepts nothing."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"malformed accepted-findings file: {exc}", path) from None
    accepted: dict[str, str] = {}
    for entry in data.get("accepted", []):
        if isinstance(entry, str):
            accepted[entry] = ""
        elif isinstance(entry, dict) and isinstance(entry.get("id"), str):
            accepted[entry["id"]] = str(entry.get("reason", ""))
        else:
            raise ConfigError("each [[accepted]] entry needs an id string", path)
    return accepted


def split_accepted(findings: list[Finding], accepted: dict[str, str]) -> tuple[list[Finding], list[Finding]]:
    """(still open, accepted) findings."""
    open_: list[Finding] = []
    done: list[Finding] = []
    for f in findings:
        (done if finding_id(f) in accepted else open_).append(f)
    return open_, done


def unknown_accepted(accepted: dict[str, str], known: Iterable[str], path: Path) -> list[Finding]:
    """One warning per accepted id that matches none of the ``known`` finding ids (the review's and the
    aligner's): a finding that went away, or an id mistyped, would otherwise stay in the file unnoticed."""
    known_ids = set(known)

    def warning(fid: str) -> Finding:
        message = f"accepted id {fid} in {path} matches no current finding (gone, or mistyped): remove it from the file"
        return Finding("warning", "review-accepted-unknown", message, evidence=fid)

    warnings = {fid: warning(fid) for fid in accepted if fid not in known_ids}
    # A warning is a finding too: a reviser who accepts it (keeping the stale id on purpose) is not warned again.
    own_ids = {finding_id(w) for w in warnings.values()}
    return [w for fid, w in warnings.items() if fid not in own_ids]


def accepted_file_text(findings: list[Finding]) -> str:
    """The text of an accepted-findings file listing ``findings`` (for a reviewer to edit)."""
    lines = ["# hlmpub review: findings accepted by the reviewer (not reported again)", ""]
    for f in findings:
        comment = f"# {f.code} {f.lang} {f.unit_id}: {' '.join(f.evidence.split())}"[:200]
        lines += ["[[accepted]]", f'id = "{finding_id(f)}"', comment, 'reason = ""', ""]
    return "\n".join(lines)
