"""Write or update ``document.toml`` after a fetch, keeping everything else as it was.

The standard library reads TOML but does not write it, and a round trip
through a dict would lose the user's comments and order.  So the file is
edited as text, one line at a time: the line of the fetched language under
``[versions]`` is replaced (or added at the end of that table), and the
result is parsed again and compared with what was meant — every other key
must come back unchanged, or nothing is written.
"""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path
from typing import Any

from ..errors import FetchError
from ..safeio import slug, write_text

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def version_entry(file: str, sha256: str) -> dict[str, str]:
    """What ``[versions] <lang>`` holds after a fetch."""
    return {"file": file, "sha256": sha256}


def version_line(lang: str, file: str, sha256: str) -> str:
    """``en = { file = "en.pdf", sha256 = "…" }``."""
    return f"{lang} = {{ file = {toml_string(file)}, sha256 = {toml_string(sha256)} }}"


def new_document_text(symbol: str) -> str:
    """A fresh document.toml naming only the symbol; the versions are added line by line."""
    return (
        f"# {symbol}: language versions downloaded by hlmpub fetch.\n"
        "# Add session, agenda_item, date and titles under [document] if you know them.\n"
        "\n"
        "[document]\n"
        f"symbol = {toml_string(symbol)}\n"
        "\n"
        "[versions]\n"
    )


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FetchError(f"malformed TOML, not updated: {exc}", path) from None


def _section(lines: list[str], table: str) -> tuple[int, int] | None:
    """(header index, end index) of ``[table]`` in ``lines``, or None."""
    start = None
    for i, line in enumerate(lines):
        match = _HEADER.match(line)
        if match is None:
            continue
        if start is not None:
            return start, i
        if match.group(1) == table and not line.lstrip().startswith("[["):
            start = i
    return (start, len(lines)) if start is not None else None


def set_key_line(text: str, table: str, key: str, line: str) -> str:
    """Replace the ``key = …`` line of ``[table]``, or add it after the table's last entry."""
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith(("\n", "\r")):
        text += newline
    lines = text.splitlines(keepends=True)
    bounds = _section(lines, table)
    if bounds is None:
        gap = newline if text.strip() else ""
        return text + f"{gap}[{table}]{newline}{line}{newline}"
    start, end = bounds
    key_re = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    last = start
    for i in range(start + 1, end):
        if key_re.match(lines[i]):
            ending = lines[i][len(lines[i].rstrip("\r\n")) :] or newline
            lines[i] = line + ending
            return "".join(lines)
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            last = i
    lines.insert(last + 1, line + newline)
    return "".join(lines)


def check_symbol(path: Path, symbol: str) -> None:
    """Refuse to add files of one document to the document.toml of another."""
    if not path.exists():
        return
    found = _parse(path.read_text(encoding="utf-8"), path).get("document", {}).get("symbol")
    if found is not None and slug(str(found)) != slug(symbol):
        raise FetchError(f"this folder holds document {found!r}, not {symbol!r}", path)


def record_version(path: Path, symbol: str, lang: str, file: str, sha256: str) -> bool:
    """Write or update ``path`` so that [versions] names ``file`` for ``lang``; True if it changed."""
    original = path.read_text(encoding="utf-8") if path.exists() else new_document_text(symbol)
    before = _parse(original, path)
    text = original
    if "symbol" not in before.get("document", {}):
        text = set_key_line(text, "document", "symbol", f"symbol = {toml_string(symbol)}")
    text = set_key_line(text, "versions", lang, version_line(lang, file, sha256))
    expected = copy.deepcopy(before)
    expected.setdefault("document", {}).setdefault("symbol", symbol)
    expected.setdefault("versions", {})[lang] = version_entry(file, sha256)
    try:
        after = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        after = None
    if after != expected:
        hint = version_line(lang, file, sha256)
        raise FetchError(f"cannot update [versions] {lang} safely; add this line by hand: {hint}", path)
    if path.exists() and text == original:
        return False
    write_text(path, text)
    return True
