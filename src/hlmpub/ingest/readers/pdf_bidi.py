"""Visual → logical order for one line of PDF text that holds right-to-left script.

A PDF stores glyphs where they are drawn, i.e. in visual order.  PDFium puts
them back in logical order with a simplified bidi pass, which gets the
Arabic words right but two things wrong (measured in docs/design/pdf-reader.md):

* a separator next to a number keeps its visual place (``للقرار ،67/39``
  instead of ``للقرار 67/39،``), and a Latin symbol next to digits is split
  (``/99/001A`` for ``A/99/001``);
* brackets in right-to-left runs come out mirrored (``)أ(``, not ``(أ)``),
  though not always: it depends on the producer's ToUnicode map and on how
  PDFium cuts the line into runs.

:func:`logical_line` redoes the reordering from the glyph positions with the Unicode Bidirectional
Algorithm (UAX #9 rules W1–W7, N1–N2, I1–I2 and L2) for a paragraph without
explicit embeddings.  Reordering visual text is ambiguous (``A/99/001`` and
``99/001/A`` look the same in an Arabic line), so a space-free token that
holds a Latin letter is read as one left-to-right word (a document symbol, an
address).  A run of right-to-left letters that PDFium reports together (one
Arabic word) is kept in PDFium's order: its glyphs overlap and stack, so
their x positions are no guide inside a word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

STRONG_RTL = frozenset({"R", "AL"})
NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})
MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
OPENING = frozenset("([{<«‹")
CLOSING = frozenset(")]}>»›")
TRAILING = frozenset(".,;:!?،؛؟")


@dataclass(frozen=True, slots=True)  # one per glyph of every right-to-left line: no __dict__ each
class Char:
    """One character of a PDF text line: its text, left and right edge, and whether PDFium invented it."""

    text: str
    x0: float
    x1: float
    generated: bool = False
    bidi: str = ""  # the bidi class to use instead of the text's (a placeholder standing for a note mark)


@dataclass
class Cluster:
    """Characters that move together: an RTL word, a ligature, a base letter with its marks."""

    text: str
    x: float
    bidi: str
    level: int = 0


def bidi_class(ch: str) -> str:
    """The Unicode bidi class of a character (``ON`` when unassigned)."""
    return unicodedata.bidirectional(ch) or "ON"


def has_rtl(text: str) -> bool:
    """True when the text holds a right-to-left letter."""
    return any(bidi_class(c) in STRONG_RTL for c in text)


def _positions(chars: Sequence[Char]) -> list[float]:
    """Centre x of each char; an invented space sits between its neighbours."""
    centres = [(c.x0 + c.x1) / 2 for c in chars]
    for i, c in enumerate(chars):
        if c.generated:
            near = [centres[j] for j in (i - 1, i + 1) if 0 <= j < len(chars) and not chars[j].generated]
            centres[i] = sum(near) / len(near) if near else centres[i]
    return centres


def _joins(prev: Char, cur: Char) -> bool:
    cls, prev_cls = bidi_class(cur.text), bidi_class(prev.text)
    if cls == "NSM":
        return True
    if cls in STRONG_RTL and prev_cls in STRONG_RTL | {"NSM"}:
        return True
    same_box = not cur.generated and (prev.x0, prev.x1) == (cur.x0, cur.x1) and cur.x1 > cur.x0
    return same_box and not cur.text.isspace()


def clusters(chars: Sequence[Char]) -> list[Cluster]:
    """Group chars (in PDFium's order) into clusters placed at the mean centre of their chars."""
    centres = _positions(chars)
    groups: list[list[int]] = []
    for i, c in enumerate(chars):
        if groups and _joins(chars[groups[-1][-1]], c):
            groups[-1].append(i)
        else:
            groups.append([i])
    out = []
    for g in groups:
        text = "".join(chars[i].text for i in g)
        first = chars[g[0]].bidi or bidi_class(text[0])
        out.append(Cluster(text, sum(centres[i] for i in g) / len(g), "ON" if first == "NSM" else first))
    return out


def orient_brackets(text: str) -> str:
    """Turn each bracket the way its spacing says: ``(`` after a space and before text, ``)`` the other way.

    Whether a bracket in a right-to-left run comes out of the PDF mirrored depends on the producer's
    ToUnicode map and on PDFium's segmenting; the spacing around it does not.
    """
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in MIRROR:
            continue
        before = chars[i - 1] if i > 0 else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        opens = (before.isspace() or before in OPENING) and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in CLOSING or after in TRAILING)
        if opens != closes:
            want_open = opens
            if (ch in OPENING) != want_open:
                chars[i] = MIRROR[ch]
    return "".join(chars)


def _latin_tokens(types: list[str]) -> list[str]:
    """A space-free stretch without RTL letters that holds a Latin letter reads as one LTR word."""
    t = list(types)
    i = 0
    while i < len(t):
        j = i
        while j < len(t) and t[j] not in ("WS", "R", "AL", "S", "B"):
            j += 1
        core = [k for k in range(i, j) if t[k] in ("L", "EN", "AN")]
        if core and any(t[k] == "L" for k in core):
            t[core[0] : core[-1] + 1] = ["L"] * (core[-1] - core[0] + 1)
        i = j + 1
    return t


def _weak(types: list[str], sos: str) -> list[str]:
    """Rules W1–W7 on one level run."""
    t = list(types)
    last_strong = sos
    for i, c in enumerate(t):  # W1, W2, W3
        if c == "NSM":
            t[i] = c = t[i - 1] if i else sos
        if c == "EN" and last_strong == "AL":
            t[i] = "AN"
        if c in ("L", "R", "AL"):
            last_strong = c
        if c == "AL":
            t[i] = "R"
    for i in range(1, len(t) - 1):  # W4
        if t[i] == "ES" and t[i - 1] == t[i + 1] == "EN":
            t[i] = "EN"
        elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    _terminators(t)  # W5
    t = ["ON" if c in ("ES", "ET", "CS") else c for c in t]  # W6
    last_strong = sos
    for i, c in enumerate(t):  # W7
        if c in ("L", "R"):
            last_strong = c
        elif c == "EN" and last_strong == "L":
            t[i] = "L"
    return t


def _terminators(t: list[str]) -> None:
    """W5: a sequence of ETs next to a European number becomes EN."""
    i = 0
    while i < len(t):
        if t[i] != "ET":
            i += 1
            continue
        j = i
        while j < len(t) and t[j] == "ET":
            j += 1
        if (i > 0 and t[i - 1] == "EN") or (j < len(t) and t[j] == "EN"):
            t[i:j] = ["EN"] * (j - i)
        i = j


def _neutrals(t: list[str], base: str) -> list[str]:
    """Rules N1–N2: neutrals between same-direction text take it, else the base direction."""
    strong = ["R" if c in ("EN", "AN") else c for c in t]
    out = list(t)
    i = 0
    while i < len(t):
        if t[i] not in NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(t) and t[j] in NEUTRAL:
            j += 1
        before = strong[i - 1] if i > 0 else base
        after = strong[j] if j < len(t) else base
        out[i:j] = [before if before == after else base] * (j - i)
        i = j
    return out


def resolve_levels(types: list[str], base_level: int) -> list[int]:
    """Embedding level of each char of a paragraph without explicit embeddings (W, N and I rules)."""
    base = "R" if base_level % 2 else "L"
    resolved = _neutrals(_weak(_latin_tokens(types), base), base)
    levels = []
    for c in resolved:
        if base_level % 2 == 0:
            levels.append(base_level + (1 if c == "R" else 2 if c in ("AN", "EN") else 0))
        else:
            levels.append(base_level + (1 if c in ("L", "EN", "AN") else 0))
    return levels


def _unreverse(seq: list[Cluster]) -> list[Cluster]:
    """Undo rule L2: visual order → logical order, reversing runs from the lowest odd level up."""
    top = max((c.level for c in seq), default=0)
    for k in range(1, top + 1):
        i = 0
        while i < len(seq):
            if seq[i].level < k:
                i += 1
                continue
            j = i
            while j < len(seq) and seq[j].level >= k:
                j += 1
            seq[i:j] = seq[i:j][::-1]
            i = j
    return seq


def logical_line(chars: Sequence[Char], rtl_base: bool) -> str:
    """The logical-order text of one line, from its chars (in PDFium's order) and their positions.

    Brackets are then turned by their spacing (:func:`orient_brackets`) instead of by rule L4.
    """
    visual = sorted(clusters(chars), key=lambda c: c.x)
    guess = visual[::-1] if rtl_base else visual  # close to logical order: only LTR runs are reversed
    levels = resolve_levels([c.bidi for c in guess], 1 if rtl_base else 0)
    for cluster, level in zip(guess, levels, strict=True):
        cluster.level = level
    return orient_brackets("".join(c.text for c in _unreverse(visual)))


def _overlap(a: Char, b: Char) -> float:
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))


def _phantom_space(chars: Sequence[Char], k: int) -> bool:
    c = chars[k]
    if not c.text.isspace() or c.generated or c.x1 - c.x0 >= 0.01 or k == 0:
        return False
    after = chars[k + 1 : k + 3]
    return any(unicodedata.category(m.text[:1]) == "Mn" and _overlap(m, chars[k - 1]) > 0 for m in after)


def attach_marks(chars: Sequence[Char]) -> list[Char]:
    """A line's chars with two producer quirks around Arabic combining marks undone (LibreOffice, measured).

    * A space that takes no room (not one PDFium added) between a letter and a combining mark that sits on
      that letter is no word space: it is dropped (``عقلا ً`` → ``عقلاً``, ``لم ّا`` → ``لمّا``).  (Justified
      lines draw real spaces with no room too: they are kept.)
    * A combining mark drawn after a character it does not sit on (``تعسفا .ً``, the tanween after the full
      stop) is moved after the letter among the three before it that its box overlaps most.
    """
    out = [c for k, c in enumerate(chars) if not _phantom_space(chars, k)]
    for k in range(1, len(out)):
        mark = out[k]
        if unicodedata.category(mark.text[:1]) != "Mn":
            continue
        base = k - 1
        while base > 0 and unicodedata.category(out[base].text[:1]) == "Mn":
            base -= 1
        near = [j for j in range(max(0, base - 3), base) if unicodedata.category(out[j].text[:1]).startswith("L")]
        best = max(near, key=lambda j: _overlap(mark, out[j]), default=base)
        if _overlap(mark, out[best]) > _overlap(mark, out[base]):
            out.insert(best + 1, out.pop(k))
    return out
