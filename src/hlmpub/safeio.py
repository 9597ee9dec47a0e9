"""Safe input and output shared by every stage.

* Output is written to a temporary file in the target folder and renamed into
  place, so a failure never leaves a half-written file.
* XML from users (TEI, DOCX parts, UDHR files) is parsed with entity
  resolution, DTD loading and network access off, and with size limits on.
* Document symbols such as ``A/68/563`` become path components only through
  :func:`slug`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from .errors import InputError, OutputError

#: Largest XML file accepted (bytes); a 200 MB text node is refused.
MAX_XML_BYTES = 64 * 1024 * 1024


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path) -> str:
    """Hex sha256 of a file, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def slug(symbol: str) -> str:
    """A safe file/folder name for a document symbol: ``A/68/563`` → ``A_68_563``."""
    cleaned = re.sub(r"[^0-9A-Za-z.\-]+", "_", symbol.strip()).strip("._-")
    if not cleaned:
        raise InputError(f"document symbol {symbol!r} gives no usable file name")
    return cleaned


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; rename it into place on success."""
    target = Path(target)
    if target.is_dir():
        raise OutputError("is a folder; expected a file name", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", target) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_bytes(target: str | Path, data: bytes) -> Path:
    """Write atomically: temporary file, then rename."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_text(target: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    return write_bytes(target, text.encode("utf-8"))


def xml_parser(**options: bool) -> etree.XMLParser:
    """An lxml parser that resolves no entities and touches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        **options,
    )


_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DOCTYPE_REFUSED = "{what} carries a DOCTYPE, which is refused (external DTD, entities, entity expansion)"


def _prolog(data: bytes) -> bytes:
    """The bytes before the root element's start tag (where a DOCTYPE would be)."""
    match = _ROOT_START.search(data)
    return data[: match.start()] if match else data


def parse_xml(data: bytes, path: str | Path, what: str = "XML") -> etree._Element:
    """Parse untrusted XML bytes; any problem is one :class:`InputError` line.

    Refused: over :data:`MAX_XML_BYTES`, any entity declaration or DOCTYPE (where
    external entities and expansion bombs live, also in UTF-16 files the byte
    check cannot read), malformed XML.  IDs are not collected while parsing, so a
    duplicate ``xml:id`` reaches a validator instead of aborting the parse.
    """
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"{what} is {len(data)} bytes, over the {MAX_XML_BYTES}-byte limit", path)
    if b"<!ENTITY" in data:
        raise InputError(f"{what} declares entities, which are refused (XXE / entity expansion)", path)
    if b"<!DOCTYPE" in _prolog(data):
        raise InputError(_DOCTYPE_REFUSED.format(what=what), path)
    try:
        root = etree.fromstring(data, parser=xml_parser(collect_ids=False))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed {what}: {_syntax_message(exc)}", path) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise InputError(_DOCTYPE_REFUSED.format(what=what), path)
    return root


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    """lxml's message without its ``(<string>, line N)`` suffix; the line is in the message already."""
    return re.sub(r"\s*\(<string>, line \d+\)$", "", str(exc))


def read_xml(path: str | Path, what: str = "XML") -> etree._Element:
    """Check the size, then read and parse a file with :func:`parse_xml`."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_XML_BYTES:
            raise InputError(f"{what} is {size} bytes, over the {MAX_XML_BYTES}-byte limit", path)
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", path) from None
    if not data.strip():
        raise InputError(f"empty {what} file", path)
    return parse_xml(data, path, what)
