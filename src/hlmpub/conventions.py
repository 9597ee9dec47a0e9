"""UN numbering conventions per language, as data, and the keys and ids built from them.

The segmenter recognises markers with :func:`marker_candidates` and turns them
into language-independent keys (``ch:3``, ``sec:2.B``, ``p:19``, ``p:19.a``,
``art:3``); the aligner only compares keys.  Every reader assigns ids through
:class:`IdAllocator` so ids look the same whichever reader made them.

=============  ======================  =====================  ========================
thing          zh                      en / fr / es / ru      ar
=============  ======================  =====================  ========================
chapter        ``一.`` ``一、``          ``I.`` ``II.``          ``أولا -`` ``ثانيا -``
section        ``A.`` (Latin)          ``A.`` (ru: ``А. В.``)  ``ألف -`` ``باء -``
paragraph      ``1.``                  ``1.``                  ``1 -`` (also ``١ -``)
sub-paragraph  ``(a)`` ``㈠``           ``(a)`` ``a)`` ``а)``    ``(أ)`` ``(ب)``
sub-sub        ``㈠`` ``(i)``           ``(i)`` ``i)``          ```1``` (backquoted)
=============  ======================  =====================  ========================

Markers of kind ``subsub`` (read inside a sub-paragraph only) give units of
kind ``subpara`` with keys ``p:19.a.i``.  ``(i)``, ``(v)``, ``(x)`` and ``㈠``
have two readings; the segmenter's numbering decides between them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .numerals import (
    ANY_DIGIT,
    ARABIC_LETTER_NAMES,
    ARABIC_MARKS,
    ARABIC_ORDINALS,
    ascii_digits,
    cyrillic_values,
    letter_values,
    parse_arabic_letter_name,
    parse_arabic_ordinal,
    parse_chinese,
    parse_letters,
    parse_roman,
    to_letters,
    to_roman,
)

# ----------------------------------------------------------------- data tables

#: Parenthesised ideographs ㈠ ... ㈩ (Chinese sub-paragraphs).
PAREN_IDEOGRAPHS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"

#: UDHR-style article titles → article number (group "n" is digits or a numeral word).
ARTICLE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?:Article|Artículo|Articulo|Статья)\s+(?P<n>[0-9]+|premier|primero)\b", re.IGNORECASE),
    re.compile(r"^المادة\s+(?P<n>[0-9٠-٩]+)"),
    re.compile(r"^第(?P<n>[一二三四五六七八九十〇零]+|[0-9]+)条"),
)
ARTICLE_WORDS = {"premier": 1, "primero": 1}


def chinese_number(text: str) -> int | None:
    """A Chinese chapter or article number (``二十九`` → 29); a digit run such as ``一二`` is none."""
    return parse_chinese(text, digit_runs=False)


# ------------------------------------------------------------------ keys


def chapter_key(n: int) -> str:
    """``ch:3``."""
    return f"ch:{n}"


def section_key(chapter: int, index: int) -> str:
    """``sec:2.B`` (chapter number, Latin capital; chapter 0 when there is none)."""
    return f"sec:{chapter}.{to_letters(index).upper()}"


def para_key(n: int) -> str:
    """``p:19``."""
    return f"p:{n}"


def subpara_key(para: int, index: int) -> str:
    """``p:19.a``."""
    return f"p:{para}.{to_letters(index)}"


def note_key(n: int | str) -> str:
    """``note:1`` (a footnote, by its number), ``note:*`` (by its mark when it has no number)."""
    return f"note:{n}"


def table_note_key(table: int, mark: str) -> str:
    """``note:t1.a``: the note of table 1 whose mark is ``a``."""
    return f"note:t{table}.{mark}"


def subsub_key(para: int, sub: int, index: int) -> str:
    """``p:19.a.i`` (the sub-sub-paragraph number as a lower-case roman numeral)."""
    return f"{subpara_key(para, sub)}.{to_roman(index).lower()}"


def article_key(n: int) -> str:
    """``art:3``."""
    return f"art:{n}"


def table_key(n: int) -> str:
    """``table:2``: the second table of a version (tables carry no number of their own; they link by order)."""
    return f"table:{n}"


META_KEYS = ("meta:session", "meta:agenda-item", "meta:agenda-title", "meta:title", "meta:subtitle")


def article_number(title: str) -> int | None:
    """``Article premier`` / ``Статья 1`` / ``المادة 1`` / ``第二十九条`` → the article number."""
    text = ascii_digits(title.strip())
    for pattern in ARTICLE_PATTERNS:
        m = pattern.match(text)
        if m:
            raw = m.group("n")
            if raw.isdigit():
                return int(raw)
            return ARTICLE_WORDS.get(raw.lower()) or chinese_number(raw)
    return None


# ----------------------------------------------------------------- ids

_ID_SAFE = re.compile(r"[^0-9A-Za-z.\-_]")


def unit_id(lang: str, kind: str, key: str = "", n: int = 0) -> str:
    """The id a unit gets before de-duplication.

    meta ``{lang}-m{n}``; chapter and section ``{lang}-h{n}`` (n = order of
    headings); para ``{lang}-p{N}`` and subpara ``{lang}-p{N}.{a}`` from a
    ``p:`` key; note ``{lang}-n{N}`` from a ``note:N`` key (``note:*`` →
    ``{lang}-nstar``, a table's note ``note:t1.a`` → ``{lang}-nt1.a``; without a
    key the order of notes); table ``{lang}-t{n}`` (n = order of tables); anything else ``{lang}-u{n}``.
    """
    if kind == "meta":
        return f"{lang}-m{n}"
    if kind in ("chapter", "section"):
        return f"{lang}-h{n}"
    if kind in ("para", "subpara") and key.startswith("p:"):
        return f"{lang}-p{_ID_SAFE.sub('_', key[2:])}"
    if kind == "note":
        mark = key[5:].replace("*", "star")  # note:* → nstar
        return f"{lang}-n{_ID_SAFE.sub('_', mark)}" if key.startswith("note:") else f"{lang}-n{n}"
    if kind == "table":
        return f"{lang}-t{n}"
    return f"{lang}-u{n}"


def _family(kind: str, key: str) -> str:
    if kind in ("para", "subpara") and key.startswith("p:"):
        return "p"
    return {"meta": "m", "chapter": "h", "section": "h", "note": "n", "table": "t"}.get(kind, "u")


@dataclass
class IdAllocator:
    """Hands out ids for one language version in document order; never the same id twice."""

    lang: str
    counters: dict[str, int] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    repeats: dict[str, int] = field(default_factory=dict)

    def assign(self, kind: str, key: str = "") -> str:
        """Next id for a unit of this kind and key (a repeat gets ``-2``, ``-3`` ...)."""
        family = _family(kind, key)
        self.counters[family] = self.counters.get(family, 0) + 1
        base = candidate = unit_id(self.lang, kind, key, self.counters[family])
        while candidate in self.used:
            self.repeats[base] = self.repeats.get(base, 1) + 1
            candidate = f"{base}-{self.repeats[base]}"
        self.used.add(candidate)
        return candidate


# ----------------------------------------------------------------- markers

_DIACRITIC_CLASS = f"{ARABIC_MARKS}*"


def _arabic_word_pattern(word: str) -> str:
    """A regex for an Arabic word written with or without diacritics and hamza on alef."""
    parts = []
    for ch in word:
        if ch == " ":
            parts.append(r"\s+")
        else:
            parts.append(("[اأإآ]" if ch == "ا" else re.escape(ch)) + _DIACRITIC_CLASS)
    return "".join(parts)


def _alternation(words: tuple[str, ...]) -> str:
    ordered = sorted(words, key=len, reverse=True)  # longest first: حادي عشر before حادي
    return "|".join(_arabic_word_pattern(w) for w in ordered)


@dataclass(frozen=True)
class Marker:
    """A numbering marker found at the start of a line.

    ``values`` are the numbers it may stand for (letters as positions: ``B`` = 2;
    a Cyrillic ``В`` may be 2 as a look-alike or 3 in Russian order).
    """

    kind: str
    values: tuple[int, ...]
    printed: str
    rest: str


_ARABIC_DASH = r"\s*[-–—]\s*"
_AR_CHAPTER = re.compile(rf"^(?P<v>{_alternation(ARABIC_ORDINALS)}){_ARABIC_DASH}")
_AR_SECTION = re.compile(rf"^(?P<v>{_alternation(ARABIC_LETTER_NAMES)}){_ARABIC_DASH}")


Parse = Callable[[str], tuple[int, ...]]


def _one(func: Callable[[str], int | None]) -> Parse:
    def parse(raw: str) -> tuple[int, ...]:
        value = func(raw)
        return (value,) if value else ()

    return parse


def _paren_ideograph(raw: str) -> tuple[int, ...]:
    return (PAREN_IDEOGRAPHS.index(raw) + 1,) if raw in PAREN_IDEOGRAPHS else ()


_PARA_DIGITS = f"{ANY_DIGIT}{{1,4}}"
_END = r"(?=\s|$)"
_END_CJK = r"(?=\s|$|[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"  # Chinese may run on without a space

#: (kind, pattern, parser, languages or "" for all) — tried in order; every match is a candidate.
MARKER_TABLE: tuple[tuple[str, re.Pattern[str], Parse, str], ...] = (
    ("chapter", re.compile(rf"^(?P<v>[IVXL]{{1,7}})\.{_END}"), _one(parse_roman), ""),
    ("chapter", re.compile(r"^(?P<v>[一二三四五六七八九十]{1,3})\s*[.．、]"), _one(chinese_number), "zh"),
    ("chapter", _AR_CHAPTER, _one(parse_arabic_ordinal), "ar"),
    ("section", re.compile(rf"^(?P<v>[A-Z])\.{_END}"), _one(parse_letters), ""),
    ("section", re.compile(rf"^(?P<v>[А-ЯЁ])\.{_END}"), cyrillic_values, "ru"),
    ("section", _AR_SECTION, _one(parse_arabic_letter_name), "ar"),
    ("para", re.compile(rf"^(?P<v>{_PARA_DIGITS})\s?[.．]{_END_CJK}"), _one(lambda s: int(ascii_digits(s))), ""),
    ("para", re.compile(rf"^(?P<v>{_PARA_DIGITS})\s*[-–]\s+"), _one(lambda s: int(ascii_digits(s))), "ar"),
    ("subpara", re.compile(r"^[(（](?P<v>[a-z]{1,2})[)）](?![A-Za-z0-9])"), letter_values, ""),
    ("subpara", re.compile(rf"^(?P<v>[a-z]{{1,2}})\){_END}"), letter_values, "en es fr ru"),
    ("subpara", re.compile(rf"^\(?(?P<v>[а-я])\){_END}"), letter_values, "ru"),
    ("subpara", re.compile(r"^[(（](?P<v>[\u0621-\u064a]\u0640?)[)）]"), letter_values, "ar"),
    ("subpara", re.compile(r"^\)(?P<v>[\u0621-\u064a]\u0640?)\("), letter_values, "ar"),
    ("subpara", re.compile(r"^(?P<v>[㈠-㈩])"), _paren_ideograph, "zh"),
    ("subsub", re.compile(r"^[(（](?P<v>[ivxl]{1,6})[)）](?![A-Za-z0-9])"), _one(parse_roman), "en es fr ru zh"),
    ("subsub", re.compile(rf"^(?P<v>[ivxl]{{1,6}})\){_END}"), _one(parse_roman), "en es fr ru"),
    ("subsub", re.compile(r"^(?P<v>[㈠-㈩])"), _paren_ideograph, "zh"),
    ("subsub", re.compile(r"^[`‘’'](?P<v>[0-9٠-٩]{1,2})[`‘’']"), _one(lambda s: int(ascii_digits(s))), "ar"),
)


def marker_candidates(line: str, lang: str) -> list[Marker]:
    """Every reading of a marker at the start of ``line`` (already left-stripped), best first."""
    found: list[Marker] = []
    for kind, pattern, parse, langs in MARKER_TABLE:
        if langs and lang not in langs.split():
            continue
        m = pattern.match(line)
        if not m:
            continue
        values = parse(m.group("v"))
        if values:
            found.append(Marker(kind, values, m.group(0).strip(), line[m.end() :].strip()))
    return found
