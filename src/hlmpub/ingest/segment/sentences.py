"""Sentences of a unit's text, as character spans, for the sentence aligner and the TEI ``<s>``.

:func:`split_sentences` finds every end mark (``. ! ? … 。 ！ ？ ؟ ۔``) with the closing quotes,
brackets and glued note reference after it, and keeps it as a sentence end unless a UN rule says
otherwise: a decimal or a symbol (no space after the mark), a lower-case word or a number next,
an abbreviation that never ends a sentence ("Mr.", "i.e.", "т.е."), an abbreviation before a
roman numeral ("art. IV").  Semicolons never end one, so a list "as follows: (a) …; (b) …" is
one sentence up to its final full stop.  The rules and the measurements (pysbd beside them) are
in docs/design/ingest.md, "Sentences"; the word lists in :mod:`.sentence_rules`.

Sentences are computed on request from a :class:`~hlmpub.model.Unit`; nothing here changes a unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Unit
from .sentence_rules import CJK_ENDS, CLOSERS, ITEM_LABEL, OPENERS, ROMAN, SPACED_ENDS, before_word, nonfinal, numbered

Span = tuple[int, int]

_ENDS = re.escape(SPACED_ENDS + CJK_ENDS)
# A French closing guillemet may follow a (narrow) no-break space: « C’est fini. »
_END = re.compile(
    rf"(?P<mark>[{_ENDS}]+)(?P<close>(?:[ \u00a0\u202f]?[»›])?[{re.escape(CLOSERS)}]*)(?P<ref>[\d¹²³⁴-⁹]{{1,3}})?"
)
_ITEM = re.compile(ITEM_LABEL)
_ROMAN = re.compile(ROMAN)
_LAST_WORD = re.compile(r"(\S+)\s*$")
_WORD = re.compile(r"\w*")


def split_sentences(text: str, lang: str) -> list[Span]:
    """(start, end) character offsets of each sentence of ``text``, in order.

    The spans cover every non-space character once; each starts and ends on a non-space
    character, so ``text[start:end]`` is the sentence with no surrounding white space.  A
    language with no rules of its own (not one of the six) gets the end marks only.
    """
    bounds = list(_candidate_ends(text, lang))
    spans: list[Span] = []
    start = 0
    for end in [*bounds, len(text)]:
        span = _trim(text, start, end)
        if span is not None:
            spans.append(span)
        start = end
    return spans


def split_unit(unit: Unit) -> list[Span]:
    """The sentences of ``unit.text``: a table's are its cells (one per line), else :func:`split_sentences`."""
    if unit.kind == "table":
        spans, start = [], 0
        for line in unit.text.split("\n"):
            span = _trim(unit.text, start, start + len(line))
            if span is not None:
                spans.append(span)
            start += len(line) + 1
        return spans
    return split_sentences(unit.text, unit.lang)


def sentence_ids(unit_id: str, n: int) -> list[str]:
    """Stable ids of a unit's ``n`` sentences, 1-based: ``zh-p19`` → ``zh-p19-s1``, ``zh-p19-s2``, …"""
    if n < 0:
        raise ValueError(f"unit {unit_id}: {n} sentences")
    return [f"{unit_id}-s{i}" for i in range(1, n + 1)]


def _trim(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without its outer white space, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _candidate_ends(text: str, lang: str) -> Iterator[int]:
    """Offsets where a sentence ends, before the end of the text."""
    for m in _END.finditer(text):
        end = _end_of(text, m)
        nxt = end  # the next non-space character
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt == len(text):
            return
        if _ends_here(text, m, end, nxt, lang):
            yield end


def _end_of(text: str, m: re.Match[str]) -> int:
    """Where the sentence of end mark ``m`` stops: after its closers, and after digits glued to them
    when they are a note reference (``brotherhood.1``, ``相对待。1``: no digit before the mark, space or
    the end of the text after them) rather than a decimal (``3.5``) or the next sentence's number."""
    if m.group("ref") is None:
        return m.end()
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if not before.isdigit() and after.isspace():
        return m.end()
    return m.end("close")


def _ends_here(text: str, m: re.Match[str], end: int, nxt: int, lang: str) -> bool:
    """Whether end mark ``m`` (its sentence stopping at ``end``, the next non-space at ``nxt``) ends a sentence."""
    mark = m.group("mark")
    if any(c in CJK_ENDS for c in mark):
        return True
    if nxt == end:  # no space after: a decimal, a symbol (A/C.1/68/L.3), a URL, "No.5" …
        # … unless a half-width mark stands between two Chinese characters: "真的吗?是的."
        return m.start() > 0 and _is_han(text[m.start() - 1]) and _is_han(text[end])
    word = _word_before(text, m.start()) if mark.endswith(".") and mark != "..." else ""
    if word in nonfinal(lang) or _is_initial(text, m.start(), word, lang):
        return False
    if _ITEM.match(text, nxt):  # a new list item after a full stop starts a sentence
        return True
    first = nxt
    while first < len(text) and text[first] in OPENERS:
        first += 1
    if first == len(text) or text[first].islower() or text[first].isdigit():
        return False
    if word in numbered(lang) and (m.group("ref") or _ROMAN.match(text, first)):
        return False
    after = _WORD.match(text, first)
    return after is None or (word, after.group().lower()) not in before_word(lang)


def _is_han(char: str) -> bool:
    """A Chinese character (the unified ideographs and extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _word_before(text: str, pos: int) -> str:
    """The word ending at ``pos`` (just before a full stop), lower-cased, leading quotes and brackets dropped."""
    found = _LAST_WORD.search(text, max(0, pos - 40), pos)
    return found.group(1).lstrip(OPENERS).lower() if found else ""


def _is_initial(text: str, pos: int, word: str, lang: str) -> bool:
    """A one-letter capital after a title or another initial: "Mr. J. Smith", "J. R. Smith"."""
    if len(word) != 1 or not word.isalpha():
        return False
    if not text[pos - 1].isupper():
        return False
    before = _word_before(text, pos - 1)
    head = before.rstrip(".")
    return head in nonfinal(lang) or (len(head) == 1 and head.isalpha() and before.endswith("."))
