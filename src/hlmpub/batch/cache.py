"""The build cache: ``<output>/.hlmpub-cache.json``.

Results are cached by input checksum (:func:`input_checksum`): an unchanged
document whose outputs are still there is not rebuilt.  The sha256 the cache
records for each output also tells when a TEI archive was edited by hand since
hlmpub wrote it (:func:`hlmpub.batch.backup.keep_hand_edits`).  See
docs/design/fetch-batch.md.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import BUNDLED_TEMPLATES, Settings, load_document
from ..errors import HlmpubError
from ..model import Finding
from ..safeio import sha256_file, write_text
from .result import BuildResult

log = logging.getLogger(__name__)

CACHE_NAME = ".hlmpub-cache.json"
CACHE_VERSION = 2

#: Settings that say where or how a build runs, not what it writes.
_NOT_IN_KEY = ("output_dir", "strict", "jobs")


def _settings_key(settings: Settings) -> bytes:
    """The settings that change what a build writes (every field but where, --strict and --jobs)."""
    fields = {k: v for k, v in dataclasses.asdict(settings).items() if k not in _NOT_IN_KEY}
    return json.dumps(fields, sort_keys=True, default=str).encode("utf-8")


@functools.cache
def code_fingerprint() -> str:
    """sha256 of hlmpub's own modules and bundled templates: a code or template change invalidates the cache."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    files = [(package, p) for p in sorted(package.rglob("*.py"))]
    files += [(BUNDLED_TEMPLATES, p) for p in sorted(BUNDLED_TEMPLATES.rglob("*")) if p.is_file()]
    for root, path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + sha256_file(path).encode())
    return h.hexdigest()


def input_checksum(folder: Path, settings: Settings) -> str | None:
    """sha256 of document.toml, every version file, the hlmpub version and the output settings.

    None when the folder cannot be read: such a document is always built (and fails there, with its error).
    """
    h = hashlib.sha256()

    def feed(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    try:
        feed("hlmpub", __version__.encode())
        feed("code", code_fingerprint().encode())
        feed("settings", _settings_key(settings))
        feed("document.toml", (folder / "document.toml").read_bytes())
        for spec in sorted(load_document(folder).versions, key=lambda v: v.lang):
            feed(f"{spec.lang}:{spec.path.name}:{spec.format}", sha256_file(spec.path).encode())
        for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
            feed(f"file:{path.name}", sha256_file(path).encode())  # e.g. review-accepted.toml
        if settings.render.templates_dir is not None:
            for path in sorted(p for p in Path(settings.render.templates_dir).rglob("*") if p.is_file()):
                feed(f"template:{path.relative_to(settings.render.templates_dir)}", sha256_file(path).encode())
    except (HlmpubError, OSError) as exc:
        log.debug("%s: not cacheable (%s)", folder, exc)
        return None
    return h.hexdigest()


class BuildCache:
    """``<output>/.hlmpub-cache.json``: folder → input checksum, result summary, outputs with their sha256."""

    def __init__(self, output_dir: Path) -> None:
        self.root = Path(output_dir)
        self.path = self.root / CACHE_NAME
        self.entries = self._load()
        self.dirty = False

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("%s: unreadable build cache ignored (%s)", self.path, exc)
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("documents", {})
        return entries if isinstance(entries, dict) else {}

    def lookup(self, folder: Path, checksum: str) -> BuildResult | None:
        """The cached result, if the inputs are unchanged and every output is still as written."""
        entry = self.entries.get(str(folder.resolve()))
        if not entry or entry.get("checksum") != checksum:
            return None
        try:
            outputs = [self.root / o["path"] for o in entry["outputs"]]
            for path, stored in zip(outputs, entry["outputs"], strict=True):
                if not path.is_file() or sha256_file(path) != stored["sha256"]:
                    return None
            findings = [Finding(**f) for f in entry["findings"]]
            review = [Finding(**f) for f in entry.get("review_findings", [])]
            langs, rows = tuple(entry["langs"]), int(entry["rows"])
            return BuildResult(folder.name, langs, rows, findings, outputs, cached=True, review_findings=review)
        except (KeyError, TypeError, ValueError, OSError):
            return None

    def _stored(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(Path(path).resolve())

    def store(self, folder: Path, checksum: str, result: BuildResult) -> None:
        """Remember a successful build."""
        self.entries[str(folder.resolve())] = {
            "checksum": checksum,
            "langs": list(result.langs),
            "rows": result.rows,
            "findings": [dataclasses.asdict(f) for f in result.findings],
            "review_findings": [dataclasses.asdict(f) for f in result.review_findings],
            "outputs": [{"path": self._stored(p), "sha256": sha256_file(p)} for p in result.outputs],
        }
        self.dirty = True

    def written_sha(self, path: Path) -> str | None:
        """The sha256 of ``path`` when a build last wrote it, or None when no build recorded that file."""
        stored = self._stored(path)
        for entry in self.entries.values():
            for output in entry.get("outputs", ()) if isinstance(entry, dict) else ():
                if isinstance(output, dict) and output.get("path") == stored:
                    return str(output.get("sha256"))
        return None

    def save(self) -> None:
        """Write the cache atomically (only when something changed)."""
        if self.dirty:
            data = {"version": CACHE_VERSION, "hlmpub": __version__, "documents": self.entries}
            write_text(self.path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
            self.dirty = False
