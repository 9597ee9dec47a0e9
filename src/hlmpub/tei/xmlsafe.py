"""Loading TEI (or any user-supplied XML) without trusting it.

On top of :func:`hlmpub.safeio.parse_xml` (no entity resolution, no DTD, no
network, a file-size limit, libxml2's own text-node limit) this refuses a file
before reading it when it is too large, and refuses any DOCTYPE: a TEI archive
never needs one, and a DTD is where external entities and entity-expansion
bombs live (also when the file is UTF-16 and the byte check cannot see them).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..safeio import MAX_XML_BYTES, parse_xml


def parse_untrusted(data: bytes, path: str | Path, what: str = "TEI") -> etree._Element:
    """Parse bytes from a user; every refusal is one :class:`InputError` line."""
    root = parse_xml(data, path, what)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise InputError(f"{what} carries a DOCTYPE, which is refused (external entities, entity expansion)", path)
    return root


def read_untrusted(path: str | Path, what: str = "TEI") -> etree._Element:
    """Check the size, then read and parse a file with :func:`parse_untrusted`."""
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
    return parse_untrusted(data, path, what)
