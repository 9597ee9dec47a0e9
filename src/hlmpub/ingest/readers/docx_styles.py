"""How a Word paragraph is printed: heading level, weight, size and indent, from its styles and runs.

The segmenter tells a title or a heading from body text by what the reader
says of its layout (:class:`~hlmpub.ingest.blocks.Layout`).  Word says it in
layers, the nearer one winning: the document defaults (``w:docDefaults``), the
paragraph style and the styles it is ``w:basedOn``, the run's character style,
the run's own properties.

* **Heading level**: ``w:outlineLvl`` (0 = level 1; 9 is body text) of the
  paragraph or its style chain — what Word's navigation pane shows, and what
  the UN templates' own heading styles carry (``HCh``, ``H1``, ``H23``); the
  built-in ``heading 1``–``heading 9`` and ``Title`` by their names when a
  style has no outline level.
* **Bold**: every run with text is bold (``w:b``; ``w:bCs`` for right-to-left
  and complex-script runs).
* **Size**: the size of most of the characters (``w:sz``/``w:szCs``, half points).
* **Indent**: the first line's indent (``w:ind`` left/start plus first line,
  less hanging), in points.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .docx_numbering import val, w
from .docx_runs import runs

HEADING_NAME = re.compile(r"^heading ([1-9])$", re.IGNORECASE)
BODY_TEXT_LEVEL = 9
ON = ("1", "true", "on")


@dataclass(frozen=True)
class _Style:
    based_on: str | None
    name: str
    ppr: Any | None
    rpr: Any | None


@dataclass(frozen=True)
class Printed:
    """How one paragraph is printed: heading level (0 for body text), bold throughout, size and indent in points."""

    level: int = 0
    bold: bool = False
    size: float = 0.0
    indent: float = 0.0


def _toggle(rpr: Any | None, tag: str) -> bool | None:
    el = rpr.find(w(tag)) if rpr is not None else None
    return None if el is None else el.get(w("val"), "1") in ON


def _half_points(rpr: Any | None, tag: str) -> float | None:
    value = val(rpr, tag) if rpr is not None else None
    try:
        return int(value) / 2 if value is not None else None
    except ValueError:
        return None


class StyleSheet:
    """The styles part of a DOCX, resolved along ``w:basedOn`` chains."""

    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.defaults: Any | None = None
        if root is None:
            return
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.defaults = defaults
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if not sid:
                continue
            name = val(style, "name") or sid
            self.styles[sid] = _Style(val(style, "basedOn"), name, style.find(w("pPr")), style.find(w("rPr")))
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ON:
                self.default_paragraph = sid

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            chain.append(self.styles[style_id])
            style_id = chain[-1].based_on
        return chain

    def level(self, ppr: Any | None) -> int:
        """The heading level of a paragraph (1 the highest), 0 for body text."""
        own = val(ppr, "outlineLvl") if ppr is not None else None
        chain = self._chain(val(ppr, "pStyle") if ppr is not None else self.default_paragraph)
        if own is None:
            own = next((val(s.ppr, "outlineLvl") for s in chain if val(s.ppr, "outlineLvl") is not None), None)
        if own is not None:
            return int(own) + 1 if own.isdigit() and int(own) < BODY_TEXT_LEVEL else 0
        for style in chain:
            m = HEADING_NAME.match(style.name)
            if m:
                return int(m.group(1))
            if style.name.casefold() == "title":
                return 1
        return 0

    def _run_property(self, chains: list[list[_Style]], run_rpr: Any | None, get: Any) -> Any:
        """The first value ``get(rPr)`` gives: the run, its character style chain, the paragraph's, the defaults."""
        sources = [run_rpr, *(style.rpr for chain in chains for style in chain), self.defaults]
        return next((value for value in map(get, sources) if value is not None), None)

    def indent(self, ppr: Any | None) -> float:
        """The first line's indent in points (left or start, plus first line, less hanging)."""
        sources = [ppr] if ppr is not None else []
        sources += [s.ppr for s in self._chain(val(ppr, "pStyle") if ppr is not None else self.default_paragraph)]
        values: dict[str, int] = {}
        for source in sources:
            ind = source.find(w("ind")) if source is not None else None
            if ind is None:
                continue
            for attr in ("left", "start", "firstLine", "hanging"):
                raw = ind.get(w(attr))
                if raw is not None and attr not in values and raw.lstrip("-").isdigit():
                    values[attr] = int(raw)
        left = values.get("left", values.get("start", 0))
        return (left + values.get("firstLine", 0) - values.get("hanging", 0)) / 20

    def printed(self, p: Any) -> Printed:
        """How paragraph ``p`` is printed (see the module docstring)."""
        ppr = p.find(w("pPr"))
        paragraph_chain = self._chain(val(ppr, "pStyle") if ppr is not None else self.default_paragraph)
        sizes: Counter[float] = Counter()
        bold = True
        for run in runs(p):
            text = "".join(t.text or "" for t in run.iter(w("t")))
            if not text.strip():
                continue
            rpr = run.find(w("rPr"))
            complex_script = rpr is not None and rpr.find(w("rtl")) is not None
            chains = [self._chain(val(rpr, "rStyle") if rpr is not None else None), paragraph_chain]
            b_tag, sz_tag = ("bCs", "szCs") if complex_script else ("b", "sz")
            bold = bold and bool(self._run_property(chains, rpr, lambda r, t=b_tag: _toggle(r, t)))
            size = self._run_property(chains, rpr, lambda r, t=sz_tag: _half_points(r, t))
            sizes[size or 0.0] += len(text.strip())
        if not sizes:
            return Printed(self.level(ppr), False, 0.0, self.indent(ppr))
        return Printed(self.level(ppr), bold, sizes.most_common(1)[0][0], self.indent(ppr))
