"""Safety checks on a DOCX package before python-docx opens it.

A DOCX is a zip of XML parts.  We refuse, with one line naming the file: what
is not a zip, a zip without ``word/document.xml``, a zip that would unpack to
more than :data:`MAX_UNPACKED` bytes (zip bomb), and any XML part that is
malformed or declares entities (parsed with :func:`hlmpub.safeio.parse_xml`:
no entity expansion, no DTD, no network).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ...errors import InputError
from ...safeio import parse_xml

MAIN_PART = "word/document.xml"
MAX_UNPACKED = 256 * 1024 * 1024
XML_SUFFIXES = (".xml", ".rels")
ZIP_MAGIC = b"PK\x03\x04"


def check_package(path: Path) -> None:
    """Raise InputError unless ``path`` is a well-formed, entity-free DOCX package."""
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as fh:
            if fh.read(4) == ZIP_MAGIC:
                raise InputError("truncated or corrupt DOCX (damaged zip package); get the file again", path)
        raise InputError("not a DOCX file (not a zip package); save it as Word .docx", path)
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            names = {info.filename for info in infos}
            if MAIN_PART not in names:
                raise InputError(f"corrupt DOCX: the package has no {MAIN_PART}", path)
            unpacked = sum(info.file_size for info in infos)
            if unpacked > MAX_UNPACKED:
                raise InputError(f"DOCX unpacks to {unpacked} bytes, over the {MAX_UNPACKED}-byte limit", path)
            for info in infos:
                if info.filename.endswith(XML_SUFFIXES):
                    parse_xml(package.read(info), path, f"XML part {info.filename} of the DOCX")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise InputError(f"corrupt DOCX package: {exc}", path) from None
