"""Markers inside running sentences: does a line that begins like a marker open a unit, or continue one?

Text laid out in another measure wraps elsewhere, and a wrapped line may then
begin with ``三、`` (an enumeration inside a Chinese sentence), ``26.``, ``(a)``
or ``1 -``.  The numbering (:class:`~.markers.Numbering`) already refuses what
does not continue it; what does fit is doubted here when

* the line before it runs on: a wide line (wrapped because it was full) that
  does not end a clause (``。！？；：``, ``. : ; ! ?``, Arabic ``؛ ؟``; a list
  item's ``; and``) — strong inside body text, weak after a comma or a full
  heading or title line (they end without punctuation); never where the
  layout gives a paragraph boundary (a reader's paragraphs are certain, blank
  lines in extracted text are not);
* its form differs from the form the document uses at that level (``三、``
  where the chapters are ``一.``, ``a)`` where the sub-paragraphs are ``(a)``);
* a chapter, section or paragraph text starts with a lower-case letter;
* the number jumps (chapter 三 after 一).

A doubted marker is settled by the sequence: the next clean marker of the
same kind (:class:`Judge.verdict`) either continues after it (it was real: a
gap in the numbering, logged) or continues the numbering as it stood before
it (it was a wrapped line).  Without a verdict, a line after a running
sentence (a strong doubt), or one with two doubts, is a wrapped line.  So one false marker
never renumbers the rest.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from ...conventions import Marker, marker_candidates
from .joining import is_cjk

log = logging.getLogger(__name__.rsplit(".", 1)[0] + ".markers")  # reported with the numbering's messages

#: A line at least this share of the full line width was wrapped because it was full.
WIDE_LINE = 0.75

#: Characters that end a clause; a line ending otherwise runs on into the next.
CLAUSE_END = frozenset("。！？；：.!?;:…؛؟")
#: Closing brackets and quotes that may follow the end of a clause.
CLOSERS = ")]}）】」』”’\"'»›》〉"
#: Note references printed after the end of a clause (``…brotherhood.1``, ``…会议。²``).
TRAILING_REF = re.compile(r"(?<=[。！？；：.!?;:…؛؟])[0-9¹²³⁰-⁹*]+$")
#: A list item ending in a conjunction after its semicolon (``…; and``, ``…؛ و``).
CONJUNCTION_END = re.compile(r"[;；؛]\s*\w+$")

#: Markers of these kinds end the search for the next marker of a kind (its numbering restarts there).
ENDS_SEARCH = {
    "chapter": (),
    "section": ("chapter",),
    "para": (),
    "subpara": ("chapter", "section", "para"),
    "subsub": ("chapter", "section", "para", "subpara"),
}

#: Unit kinds holding running text, where a sentence may run on from line to line.
BODY_KINDS = ("para", "subpara", "other")

#: The doubts about a marker, as logged.  About the line before: a sentence that runs on (body text) is strong
#: evidence on its own; a full title or heading line (they end without punctuation) or a comma (a list item may
#: end in one: ``(a) apples,``) only with another doubt or the sequence's word.
RUNS_ON, FULL_LINE, COMMA, JUMP = (
    "the sentence before runs on",
    "the heading or title line before is full",
    "the line before ends in a comma",
    "the numbering would jump",
)
COMMAS = ",，、،"


def display_width(line: str) -> int:
    """Columns the line takes: two for a CJK character, one for others."""
    return sum(2 if is_cjk(c) else 1 for c in line)


def ends_clause(line: str) -> bool:
    """Does the line end a clause (a sentence, a list item, a lead-in), so that a new unit may follow?"""
    text = TRAILING_REF.sub("", line.rstrip()).rstrip(CLOSERS)
    text = TRAILING_REF.sub("", text)
    return bool(text) and (text[-1] in CLAUSE_END or CONJUNCTION_END.search(text) is not None)


def marker_form(printed: str) -> str:
    """The shape of a marker without its number: ``三、`` → ``N、``, ``(a)`` → ``(N)``, ``1 -`` → ``N-``."""
    text = unicodedata.normalize("NFKC", printed).replace("–", "-")
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))  # ثانياً: its tanwin
    return re.sub(r"\s+", "", re.sub(r"\w+", "N", text))


class Context(NamedTuple):
    """Where a marker line stands: the kind of the open segment, the line before it, the blank lines between."""

    open_kind: str
    prev: str
    blanks: int


@dataclass
class Judge:
    """Doubts and verdicts on markers that fit the numbering, for one run of lines."""

    lines: list[str]
    lang: str
    width: int  # the full line width (:func:`~.markers.full_width`)
    needed: int  # blank lines that end a segment
    known_paragraphs: bool  # the reader gave paragraphs: a blank line is a certain boundary
    steps: dict[str, int]  # largest step forward of each kind (the numbering's gaps: ``markers.MAX_STEP``)
    forms: dict[str, str] = field(default_factory=dict)  # kind → the form of its first marker

    def runs_on(self, line: str) -> bool:
        """A wide line that does not end a clause: its sentence goes on in the next line."""
        return display_width(line) >= WIDE_LINE * self.width and not ends_clause(line)

    def doubts(self, marker: Marker, value: int, current: int, context: Context) -> list[str]:
        """Why the marker (read as ``value``, the numbering at ``current``) may be a wrapped line."""
        found = []
        boundary = self.known_paragraphs and context.blanks >= self.needed
        if not boundary and self.runs_on(context.prev):
            if context.open_kind not in BODY_KINDS:
                found.append(FULL_LINE)
            else:
                found.append(COMMA if context.prev.rstrip()[-1:] in COMMAS else RUNS_ON)
        expected = self.forms.get(marker.kind)
        if expected is not None and marker_form(marker.printed) != expected:
            found.append(f"not in the form {expected}")
        if _lower_start(marker):
            found.append("its text starts in lower case")
        if value > current + 1:
            found.append(f"{JUMP} from {current} to {value}")
        return found

    def settle(self, marker: Marker) -> None:
        """An accepted marker: the first of its kind sets the form of that level."""
        self.forms.setdefault(marker.kind, marker_form(marker.printed))

    def verdict(self, index: int, kind: str, value: int, current: int) -> bool | None:
        """Does the numbering go on after ``value`` (True) or from ``current`` as if it were not there (False)?

        Read from the next clean marker of the same kind after line ``index``
        (None when a marker that restarts the kind, or the end, comes first).
        """
        prev, blanks = self.lines[index].strip(), 0
        for j in range(index + 1, len(self.lines)):
            line = self.lines[j].strip()
            if not line:
                blanks += 1
                continue
            clean = not self.runs_on(prev) or (self.known_paragraphs and blanks >= self.needed)
            prev, blanks = line, 0
            found = [m for m in marker_candidates(line, self.lang) if self._plain(m)] if clean else []
            if any(m.kind in ENDS_SEARCH[kind] for m in found):
                return None
            for m in found:
                answer = _reads_after(m.values, value, current, self.steps[kind]) if m.kind == kind else None
                if answer is not None:
                    return answer
        return None

    def _plain(self, marker: Marker) -> bool:
        """In the document's form for its level, and not starting a heading or paragraph in lower case."""
        expected = self.forms.get(marker.kind)
        return (expected is None or marker_form(marker.printed) == expected) and not _lower_start(marker)

    def is_wrapped_line(self, index: int, chosen: tuple[Marker, int], current: int, context: Context) -> bool:
        """Is the marker chosen for line ``index`` a wrapped line inside a running sentence?"""
        marker, value = chosen
        found = self.doubts(marker, value, current, context)
        if not found:
            return False
        answer = self.verdict(index, marker.kind, value, current)
        wrapped = (not answer) if answer is not None else (len(found) > 1 or RUNS_ON in found)
        _report(self.lang, self.lines[index].strip()[:16], chosen, (found, answer, wrapped))
        return wrapped


def _lower_start(marker: Marker) -> bool:
    """A chapter, section or paragraph text that starts with a lower-case letter (never in UN documents)."""
    return marker.kind in ("chapter", "section", "para") and marker.rest[:1].islower()


def _reads_after(values: tuple[int, ...], value: int, current: int, step: int) -> bool | None:
    """True when a later number continues from ``value``, False when it continues from ``current``."""
    for w in values:
        if w == value + 1:
            return True
        if w == current + 1:
            return False
    for w in values:
        if value < w <= value + step:
            return True
        if current < w <= max(value, current + step):
            return False
    return None


SEQUENCE = {True: "the numbering goes on after it", False: "the numbering goes on without it", None: "no verdict"}


def _report(lang: str, shown: str, chosen: tuple[Marker, int], judged: tuple[list[str], bool | None, bool]) -> None:
    """Log a doubted marker; a jump avoided (a false marker that would have renumbered the rest) is a warning."""
    (marker, value), (doubts, answer, wrapped) = chosen, judged
    what = "a wrapped line, kept as text" if wrapped else "a marker"
    level = logging.WARNING if wrapped and any(d.startswith(JUMP) for d in doubts) else logging.INFO
    log.log(
        level,
        "%s: %r read as %s %d is %s (%s; %s)",
        lang,
        shown,
        marker.kind,
        value,
        what,
        "; ".join(doubts),
        SEQUENCE[answer],
    )
