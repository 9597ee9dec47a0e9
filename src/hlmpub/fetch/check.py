"""Is a downloaded answer really the PDF or DOCX that was asked for?

Two checks, both before anything is written: the declared content type, then
the bytes themselves (magic number, and a complete file: a PDF ends with
``%%EOF``, a DOCX is a readable zip holding ``word/document.xml``).
"""

from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import FetchError

FORMATS = ("pdf", "docx")

_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: Content types accepted per format; the bytes are checked afterwards anyway.
CONTENT_TYPES: dict[str, frozenset[str]] = {
    "pdf": frozenset({"application/pdf", "application/x-pdf"}),
    "docx": frozenset({_DOCX_TYPE}),
}
#: Types servers use for "some file"; accepted only when the bytes prove the format.
GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/download"})

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word .doc


def check_content_type(content_type: str, fmt: str, url: str) -> None:
    """Refuse an answer whose Content-Type is not the format asked for (e.g. an HTML page)."""
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in CONTENT_TYPES[fmt] or mime in GENERIC_TYPES:
        return
    hint = " (an HTML page: the symbol may not exist in this language)" if mime == "text/html" else ""
    raise FetchError(f"expected a {fmt.upper()} file, the server sent {mime or 'no content type'}{hint}", url)


def _check_pdf(body: bytes, url: str) -> None:
    if b"%PDF-" not in body[:1024]:
        raise FetchError("not a PDF: no %PDF- header", url)
    if b"%%EOF" not in body[-2048:]:
        raise FetchError(f"truncated PDF: no %%EOF at the end of {len(body)} bytes", url)


def _check_docx(body: bytes, url: str) -> None:
    if body.startswith(_OLE2_MAGIC):
        raise FetchError("a legacy Word .doc, not a DOCX; convert it with LibreOffice or fetch the PDF", url)
    if not body.startswith(b"PK\x03\x04"):
        raise FetchError("not a DOCX: not a zip file", url)
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            if "word/document.xml" not in zf.namelist():
                raise FetchError("not a DOCX: the zip holds no word/document.xml", url)
            broken = zf.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise FetchError(f"truncated or damaged DOCX: {exc}", url) from None
    if broken is not None:
        raise FetchError(f"damaged DOCX: member {broken} fails its CRC check", url)


def check_payload(body: bytes, fmt: str, url: str) -> None:
    """Refuse bytes that are empty, of another format, or cut short."""
    if not body:
        raise FetchError("empty answer", url)
    if body.lstrip()[:1] == b"<":
        raise FetchError(f"expected a {fmt.upper()} file, got markup (an HTML or XML page)", url)
    if fmt == "pdf":
        _check_pdf(body, url)
    else:
        _check_docx(body, url)
