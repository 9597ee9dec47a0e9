"""Word automatic numbering: ``w:numPr`` of a paragraph → the marker Word prints (``19.``, ``(a)``, ``1 -``).

In the Word files of UN documents the paragraph numbers and sub-paragraph
letters are often list numbering, not typed text: the paragraph says only
``<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>`` and
``word/numbering.xml`` says how to print it.  :class:`ListNumbering` reads the
definitions and keeps the counters, so that each numbered paragraph, taken in
document order, gets its marker text:

* ``w:num`` (``numId``) → ``w:abstractNum`` (``abstractNumId``), with optional
  ``w:lvlOverride`` (``w:startOverride`` restarts the list, ``w:lvl`` replaces
  the level);
* ``w:lvl`` (``ilvl`` 0–8): ``w:start``, ``w:numFmt`` (decimal, lowerLetter,
  upperLetter, lowerRoman, upperRoman, decimalZero, Chinese counting,
  Russian and Arabic letters, full-width digits; bullet and none print no
  marker), ``w:lvlText`` (``%1.``, ``(%2)``, ``%1 -``), ``w:lvlRestart``,
  ``w:isLgl``, ``w:suff`` (tab, space or nothing after the marker);
* counters are kept per abstract list (instances of one list continue each
  other) unless an instance restarts with ``w:startOverride``; a level
  restarts at its start value when a shallower level is used (or as
  ``w:lvlRestart`` says).

Malformed definitions (a ``w:num`` naming no ``w:abstractNum``, a value that is
not a number) are refused with one :class:`~hlmpub.errors.InputError` line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ...errors import InputError
from ...numerals import (
    ARABIC_ABJAD,
    ARABIC_ALPHABETICAL,
    CYRILLIC,
    LATIN,
    script_digits,
    to_chinese,
    to_letters,
    to_roman,
)

log = logging.getLogger(__name__)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = 9
PLACEHOLDER = re.compile(r"%([1-9])")
SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
NO_MARKER = frozenset({"bullet", "none"})


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


def val(element: Any, tag: str) -> str | None:
    """``w:val`` of the child ``tag`` of ``element`` (None when there is no such child)."""
    child = element.find(w(tag)) if element is not None else None
    return None if child is None else child.get(w("val"))


@dataclass(frozen=True)
class Level:
    """One level of a list: how its number starts, looks and restarts."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    suffix: str = "\t"


@dataclass
class _List:
    """Counters of one list (an abstract list, or a restarted instance of it)."""

    levels: dict[int, Level]
    counters: list[int | None] = field(default_factory=lambda: [None] * LEVELS)


def format_number(n: int, fmt: str) -> str:
    """The number ``n`` written in the Word number format ``fmt`` (unknown formats as decimal)."""
    if n < 1 and fmt not in ("decimal", "decimalZero", "decimalFullWidth"):
        return str(n)
    formats = {
        "decimal": lambda: str(n),
        "decimalZero": lambda: f"{n:02d}",
        "decimalFullWidth": lambda: script_digits(str(n), "fullwidth"),
        "lowerLetter": lambda: to_letters(n, LATIN),
        "upperLetter": lambda: to_letters(n, LATIN).upper(),
        "lowerRoman": lambda: to_roman(n).lower(),
        "upperRoman": lambda: to_roman(n),
        "russianLower": lambda: to_letters(n, CYRILLIC),
        "russianUpper": lambda: to_letters(n, CYRILLIC).upper(),
        "arabicAlpha": lambda: to_letters(n, ARABIC_ALPHABETICAL),
        "arabicAbjad": lambda: to_letters(n, ARABIC_ABJAD),
    }
    if fmt in formats:
        return formats[fmt]()
    if fmt.startswith(("chineseCounting", "taiwaneseCounting", "ideographDigital", "japaneseCounting")):
        return to_chinese(n) if n < 1000 else str(n)  # counting below 1000 only, larger numbers as decimal
    log.debug("number format %s printed as decimal", fmt)
    return str(n)


def _int(value: str | None, default: int, what: str, path: Path) -> int:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise InputError(f"malformed numbering in word/numbering.xml: {what} {value!r} is not a number", path) from None


def _flag(element: Any, tag: str) -> bool:
    """An on/off property (``<w:isLgl/>``, ``w:val="0"`` turns it off)."""
    child = element.find(w(tag))
    return child is not None and child.get(w("val"), "1") not in ("0", "false", "off")


def parse_level(lvl: Any, path: Path) -> tuple[int, Level, str | None]:
    """``w:lvl`` → (ilvl, level, the paragraph style it is linked to)."""
    ilvl = _int(lvl.get(w("ilvl")), -1, "w:ilvl", path)
    if not 0 <= ilvl < LEVELS:
        raise InputError(f"malformed numbering in word/numbering.xml: list level {ilvl} (expected 0-8)", path)
    restart = val(lvl, "lvlRestart")
    level = Level(
        start=_int(val(lvl, "start"), 1, "w:start", path),
        fmt=val(lvl, "numFmt") or "decimal",
        text=val(lvl, "lvlText") or "",
        restart=None if restart is None else _int(restart, 0, "w:lvlRestart", path),
        legal=_flag(lvl, "isLgl"),
        suffix=SUFFIX.get(val(lvl, "suff") or "tab", "\t"),
    )
    return ilvl, level, val(lvl, "pStyle")


@dataclass(frozen=True)
class _Instance:
    """A ``w:num``: the abstract list it draws on, and what it overrides."""

    abstract: str
    levels: dict[int, Level]
    restarts: bool


@dataclass
class _Style:
    """What a paragraph style says about numbering, and the style it is based on."""

    num_id: str | None
    ilvl: str | None
    based_on: str | None


class ListNumbering:
    """The lists of one Word document: definitions (numbering and styles parts) and running counters.

    Call :meth:`marker` for every paragraph in document order; it returns the
    marker Word prints before that paragraph, with its suffix (tab, space or
    nothing), or None for a paragraph without numbering.
    """

    def __init__(self, numbering: Any | None, styles: Any | None, path: Path) -> None:
        self.path = path
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_levels: dict[str, dict[str, int]] = {}  # abstractNumId → {styleId: ilvl}
        self.links: dict[str, str] = {}  # abstractNumId → style whose numPr names the real list
        self.instances: dict[str, _Instance] = {}
        self.styles: dict[str, _Style] = {}
        self.default_style: str | None = None
        self.lists: dict[str, _List] = {}
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(w("style")):
            kind = style.get(w("type"))
            if kind not in ("paragraph", "numbering") or not style.get(w("styleId")):
                continue  # numbering styles hold the list that a w:numStyleLink points at
            ppr = style.find(w("pPr"))
            numpr = ppr.find(w("numPr")) if ppr is not None else None
            sid = style.get(w("styleId"))
            self.styles[sid] = _Style(val(numpr, "numId"), val(numpr, "ilvl"), val(style, "basedOn"))
            if kind == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                self.default_style = sid

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"))
            if aid is None:
                raise InputError("malformed numbering in word/numbering.xml: w:abstractNum without an id", self.path)
            levels: dict[int, Level] = {}
            for lvl in abstract.findall(w("lvl")):
                ilvl, level, pstyle = parse_level(lvl, self.path)
                levels[ilvl] = level
                if pstyle:
                    self.style_levels.setdefault(aid, {})[pstyle] = ilvl
            self.abstract[aid] = levels
            link = val(abstract, "numStyleLink")
            if link:
                self.links[aid] = link
        for num in root.iter(w("num")):
            self._read_instance(num)

    def _read_instance(self, num: Any) -> None:
        nid, aid = num.get(w("numId")), val(num, "abstractNumId")
        if nid is None or aid is None or aid not in self.abstract:
            raise InputError(
                f"malformed numbering in word/numbering.xml: list w:num {nid!r} names no defined w:abstractNum"
                f" ({aid!r})",
                self.path,
            )
        levels: dict[int, Level] = {}
        restarts = False
        for override in num.findall(w("lvlOverride")):
            ilvl = _int(override.get(w("ilvl")), 0, "w:lvlOverride/@w:ilvl", self.path)
            lvl = override.find(w("lvl"))
            if lvl is not None:
                levels[ilvl] = parse_level(lvl, self.path)[1]
            start = val(override, "startOverride")
            if start is not None:
                base = levels.get(ilvl) or self.abstract[aid].get(ilvl, Level())
                levels[ilvl] = replace(base, start=_int(start, 1, "w:startOverride", self.path))
                restarts = True
        self.instances[nid] = _Instance(aid, levels, restarts)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None, str | None]:
        """(numId, ilvl, style that gave them) along the ``basedOn`` chain of a paragraph style."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            if style.num_id is not None:
                return style.num_id, style.ilvl, style_id
            style_id = style.based_on
        return None, None, None

    def _list(self, num_id: str) -> tuple[_List, str] | None:
        """The counters of list instance ``num_id`` and its abstract list id (following a style link once)."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        aid = instance.abstract
        if aid in self.links:  # the abstract list only points at a numbering style: use that style's list
            linked, _, _ = self._style_numbering(self.links[aid])
            target = self.instances.get(linked) if linked is not None else None
            if target is not None and target.abstract not in self.links:
                aid = target.abstract
        key = f"num:{num_id}" if instance.restarts else aid
        if key not in self.lists:
            self.lists[key] = _List({**self.abstract[aid], **instance.levels})
        return self.lists[key], aid

    def marker(self, p: Any) -> str | None:
        """The marker Word prints before paragraph ``p`` (a ``w:p`` element), suffix included; None if none."""
        ppr = p.find(w("pPr"))
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id, ilvl = val(numpr, "numId"), val(numpr, "ilvl")
        style_id = val(ppr, "pStyle") or self.default_style
        if num_id is None:
            num_id, style_ilvl, style_id = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        found = self._list(num_id)
        if found is None:
            log.warning("%s: a paragraph names list %s, which numbering.xml does not define", self.path.name, num_id)
            return None
        lst, aid = found
        if ilvl is None:
            ilvl = str(self.style_levels.get(aid, {}).get(style_id or "", 0))
        return self._count(lst, _int(ilvl, 0, "w:ilvl", self.path))

    def _count(self, lst: _List, ilvl: int) -> str | None:
        level = lst.levels.get(ilvl)
        if level is None or not 0 <= ilvl < LEVELS:
            return None
        counters = lst.counters
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            below = lst.levels.get(deeper)
            restart = below.restart if below is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt in NO_MARKER:
            return None
        text = PLACEHOLDER.sub(lambda m: self._value(lst, int(m.group(1)) - 1, level.legal), level.text).strip()
        return text + level.suffix if text else None

    @staticmethod
    def _value(lst: _List, index: int, legal: bool) -> str:
        level = lst.levels.get(index, Level())
        current = lst.counters[index]
        n = level.start if current is None else current
        return format_number(n, "decimal" if legal else level.fmt)
