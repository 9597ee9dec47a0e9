"""Ingest: a file of one language version → :class:`hlmpub.model.Version`.

Two halves that do not import each other (``tests/ingest/test_layers.py``),
speaking the block type of :mod:`.blocks`::

    file ──readers/<format>──▶ Reading (blocks of lines + layout) ──segment──▶ Version (units)

``READERS`` maps a format name to the module under :mod:`.readers` that reads
it; each such module exposes ``read(path: Path, lang: str) -> Reading`` and is
imported only when used.  :func:`read_version` is the one entry point: it
checks the language and the file, runs the reader and the segmenter
(:func:`.segment.to_version`) and turns every failure into one
:class:`~hlmpub.errors.HlmpubError` line naming the file.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from ..config import FORMAT_BY_SUFFIX, check_lang
from ..errors import HlmpubError, InputError
from ..model import Source, Version
from .blocks import Reading

log = logging.getLogger(__name__)

#: format name → module exposing ``read(path, lang) -> Reading``
READERS: dict[str, str] = {
    "txt": "hlmpub.ingest.readers.txt",
    "pdf": "hlmpub.ingest.readers.pdf",
    "docx": "hlmpub.ingest.readers.docx",
    "udhr-xml": "hlmpub.ingest.readers.udhr",
}


def format_of(path: Path, fmt: str | None = None) -> str:
    """The reader name: ``fmt`` when given, else from the file extension."""
    if fmt is not None:
        name = fmt.strip().lower()
        if name not in READERS:
            raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(READERS)}", path)
        return name
    found = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if found is None:
        known = " ".join(sorted(FORMAT_BY_SUFFIX))
        raise InputError(f"cannot tell the format from the extension {path.suffix!r} ({known}); give --format", path)
    return found


def check_file(path: Path) -> None:
    """Refuse a missing, unreadable or empty file with one clear line."""
    if not path.exists():
        raise InputError("no such file", path)
    if not path.is_file():
        raise InputError("not a regular file", path)
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path) from None
    if size == 0:
        raise InputError("the file is empty", path)


def read_version(path: str | Path, lang: str, fmt: str | None = None) -> Version:
    """Read one language version with the reader for ``fmt`` (default: from the extension), then segment it."""
    from .segment import to_version

    path = Path(path)
    code = check_lang(lang, path)
    name = format_of(path, fmt)
    check_file(path)
    try:
        module = importlib.import_module(READERS[name])
    except ImportError as exc:
        raise InputError(f"the {name} reader is not available ({exc})", path) from None
    log.debug("reading %s as %s (%s)", path, name, code)
    try:
        reading: Reading = module.read(path, code)
        version = to_version(reading, code)
    except HlmpubError as exc:
        if exc.path is None:
            raise type(exc)(exc.message, path) from None
        raise
    except (OSError, UnicodeError, ValueError, LookupError) as exc:
        raise InputError(f"cannot read as {name}: {type(exc).__name__}: {exc}", path) from None
    return version


def parse_text(text: str, lang: str, source: Source, *, gap: int | None = None) -> Version:
    """The text reader and the segmenter on decoded text, as for a ``.txt`` file (tests, benchmarks).

    ``gap``: how many blank lines end a unit; None detects it (see
    :func:`.segment.units.text_units`).  ``gap=1`` treats text whose
    paragraphs are joined with blank lines as a DOCX reader's paragraphs.
    """
    from .readers.txt import text_reading
    from .segment import to_version

    return to_version(text_reading(text, source), lang, gap=gap)
