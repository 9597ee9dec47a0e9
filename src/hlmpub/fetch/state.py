"""What the server said last time (ETag, Last-Modified, sha256), kept next to the files.

``sources/<slug>/.fetch.json`` lets the next fetch ask "only if changed"
(``If-None-Match`` / ``If-Modified-Since``).  It is a cache: when it is missing
or unreadable the files are simply fetched again and compared by checksum.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from ..safeio import sha256_file, write_text

log = logging.getLogger(__name__)

STATE_NAME = ".fetch.json"
STATE_VERSION = 1


@dataclass(frozen=True)
class Fetched:
    """One language file as last fetched."""

    file: str
    url: str
    final_url: str
    sha256: str
    etag: str = ""
    last_modified: str = ""


def load_state(folder: Path) -> dict[str, Fetched]:
    """The recorded files of ``folder`` by language; empty when none or unreadable."""
    path = folder / STATE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION:
            return {}
        return {lang: Fetched(**entry) for lang, entry in data["languages"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("%s: unreadable, ignored (%s)", path, exc)
        return {}


def save_state(folder: Path, state: dict[str, Fetched]) -> None:
    """Write the record atomically."""
    data = {"version": STATE_VERSION, "languages": {lang: asdict(state[lang]) for lang in sorted(state)}}
    write_text(folder / STATE_NAME, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def conditional_headers(folder: Path, prior: Fetched | None) -> dict[str, str]:
    """Validators for a conditional GET, only when the file on disk is the one recorded."""
    if prior is None or not (prior.etag or prior.last_modified):
        return {}
    path = folder / prior.file
    if not path.is_file() or sha256_file(path) != prior.sha256:
        return {}
    headers = {}
    if prior.etag:
        headers["If-None-Match"] = prior.etag
    if prior.last_modified:
        headers["If-Modified-Since"] = prior.last_modified
    return headers
