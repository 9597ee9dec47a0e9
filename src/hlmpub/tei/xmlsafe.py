"""Loading TEI (or any user-supplied XML) without trusting it.

On top of :func:`hlmpub.safeio.parse_xml` (no entity resolution, no DTD, no
network, a file-size limit, libxml2's own text-node limit) this refuses a file
before reading it when it is too large, and refuses any DOCTYPE: a TEI archive
never needs one, and a DTD is where external entities and entity-expansion
bombs live (also when the file is UTF-16 and the byte check cannot see them).

IDs are not collected while parsing, so that a duplicate ``xml:id`` reaches the
validator (which reports it with its line number) instead of aborting the parse.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..safeio import MAX_XML_BYTES, xml_parser

_DOCTYPE_REFUSED = "{what} carries a DOCTYPE, which is refused (external DTD, entities, entity expansion)"
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _prolog(data: bytes) -> bytes:
    """The bytes before the root element's start tag (where a DOCTYPE would be)."""
    match = _ROOT_START.search(data)
    return data[: match.start()] if match else data


def parse_untrusted(data: bytes, path: str | Path, what: str = "TEI") -> etree._Element:
    """Parse bytes from a user; every refusal is one :class:`InputError` line.

    The same checks as :func:`hlmpub.safeio.parse_xml` (size, entity declarations,
    the safe parser), plus the DOCTYPE refusal.
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
        raise InputError(f"malformed {what}: {exc}", path) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise InputError(_DOCTYPE_REFUSED.format(what=what), path)
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
