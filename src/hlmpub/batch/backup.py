"""Hand edits of an output are never lost silently: a copy is kept before a rebuild overwrites them.

The TEI archive is where a reviewer works.  Manual links in it are kept by the
aligner (docs/design/align.md § 9); any other hand edit (a header typo fixed, a
comment added) would be overwritten by the next build, so the edited file is
first copied to ``<name>.bak``.  "Edited" is decided with the sha256 the build
cache (:class:`hlmpub.batch.cache.BuildCache`) recorded when hlmpub wrote the file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import HlmpubError
from ..safeio import sha256_bytes, write_bytes
from ..tei import read_tei, tei_bytes
from .cache import BuildCache

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".bak"


def keep_hand_edits(path: Path, output_dir: Path) -> Path | None:
    """Before a rebuild overwrites ``path``: keep a copy ``<name>.bak`` if it was edited since hlmpub wrote it.

    Edited means: its sha256 differs from the one the build cache recorded (or there is no record: written by
    ``hlmpub align`` or the review workbench, or the cache is gone) and it is not what hlmpub writes for the
    edition it holds.  A TEI the workbench saved is such a file: its decisions are in the source folder's
    ``review-decisions.toml`` and the rebuild applies them, so it needs no copy.  Returns the backup (written
    atomically), or None when there is nothing to keep.
    """
    path = Path(path)
    if not path.is_file():
        return None
    data = path.read_bytes()
    recorded = BuildCache(output_dir).written_sha(path)
    edited = sha256_bytes(data) != recorded and data != _as_hlmpub_writes(path)
    if not edited:
        return None
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    if backup.is_file() and backup.read_bytes() == data:
        log.info("%s: edited by hand; the copy %s is up to date", path, backup)
        return backup
    write_bytes(backup, data)
    log.warning("%s: edited by hand since hlmpub wrote it; kept as %s before it is rebuilt", path, backup)
    return backup


def _as_hlmpub_writes(path: Path) -> bytes | None:
    """The bytes hlmpub writes for the edition read from the TEI at ``path`` (None: it cannot be read)."""
    try:
        return tei_bytes(read_tei(path))
    except HlmpubError:
        return None
