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

# ----------------------------------------------------------------- data tables

#: Arabic-Indic, Eastern Arabic-Indic and full-width digits → ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_TEN = "十"

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}

#: Arabic chapter ordinals (``أولا -`` = I.), written without diacritics.
ARABIC_ORDINALS: tuple[str, ...] = (
    "اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا",
    "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر",
    "سادس عشر", "سابع عشر", "ثامن عشر", "تاسع عشر", "عشرون",
)  # fmt: skip

#: Arabic section letters by name (``ألف -`` = A.), in abjad order.
ARABIC_LETTER_NAMES: tuple[str, ...] = (
    "الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون",
    "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد", "ظاء", "غين",
)  # fmt: skip

#: Arabic sub-paragraph letters (``(أ)`` = (a)), abjad order, written without hamza.
ARABIC_ABJAD: tuple[str, ...] = (
    "ا", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن",
    "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
)  # fmt: skip

#: Russian letters in list order (ё, й, ъ, ы, ь are not used for numbering).
CYRILLIC_ORDER = "абвгдежзиклмнопрстуфхцчшщэюя"

#: Cyrillic letters that print like Latin ones (Russian versions often use them as A. B. C.).
CYRILLIC_LOOKALIKES = {
    "а": "a", "в": "b", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
    "к": "k", "м": "m", "н": "h", "т": "t",
}  # fmt: skip

#: Parenthesised ideographs ㈠ ... ㈩ (Chinese sub-paragraphs).
PAREN_IDEOGRAPHS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"

ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # tashkeel, superscript alef, tatweel

#: UDHR-style article titles → article number (group "n" is digits or a numeral word).
ARTICLE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?:Article|Artículo|Articulo|Статья)\s+(?P<n>[0-9]+|premier|primero)\b", re.IGNORECASE),
    re.compile(r"^المادة\s+(?P<n>[0-9٠-٩]+)"),
    re.compile(r"^第(?P<n>[一二三四五六七八九十〇零]+|[0-9]+)条"),
)
ARTICLE_WORDS = {"premier": 1, "primero": 1}

# ------------------------------------------------------------------ numerals


def ascii_digits(text: str) -> str:
    """Arabic-Indic and full-width digits → ASCII digits."""
    return text.translate(DIGITS)


def plain_arabic(text: str) -> str:
    """Arabic without diacritics and tatweel, hamza-carrying alefs as bare alef, for matching."""
    text = ARABIC_DIACRITICS.sub("", text)
    return text.translate(str.maketrans("أإآ", "ااا"))


def chinese_number(text: str) -> int | None:
    """``一`` → 1, ``十`` → 10, ``二十九`` → 29; None when not a numeral below 100."""
    if not text or any(c not in CHINESE_DIGITS and c != CHINESE_TEN for c in text):
        return None
    if CHINESE_TEN not in text:
        return CHINESE_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition(CHINESE_TEN)
    if len(tens) > 1 or len(units) > 1 or CHINESE_TEN in units:
        return None
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)


def roman_number(text: str) -> int | None:
    """``IV`` → 4 for I, V, X, L numerals in canonical form; None otherwise."""
    if not text or any(c not in ROMAN_VALUES for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = ROMAN_VALUES[c]
        nxt = ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total if to_roman(total) == text else None


def to_roman(n: int) -> str:
    """1 → ``I``, 49 → ``XLIX`` (up to 89)."""
    out = []
    for value, digits in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def letter(index: int) -> str:
    """1 → ``a`` ... 26 → ``z``, then 27 → ``aa``, 28 → ``bb`` (UN style, as in item 99 (aa))."""
    if index < 1:
        raise ValueError(f"letter index {index} < 1")
    rounds, pos = divmod(index - 1, 26)
    return chr(ord("a") + pos) * (rounds + 1)


def letter_index(text: str) -> int | None:
    """Inverse of :func:`letter` for Latin letters (either case); None for anything else."""
    low = text.lower()
    if not low or not low.isascii() or not low.isalpha() or len(set(low)) != 1:
        return None
    return (len(low) - 1) * 26 + ord(low[0]) - ord("a") + 1


def cyrillic_indexes(text: str) -> tuple[int, ...]:
    """Possible list positions of a Cyrillic letter: as a Latin look-alike and in Russian order."""
    low = text.lower()
    found: list[int] = []
    if low in CYRILLIC_LOOKALIKES:
        found.append(ord(CYRILLIC_LOOKALIKES[low]) - ord("a") + 1)
    if len(low) == 1 and low in CYRILLIC_ORDER:
        found.append(CYRILLIC_ORDER.index(low) + 1)
    return tuple(dict.fromkeys(found))


def letter_indexes(text: str) -> tuple[int, ...]:
    """List positions a printed letter may stand for (Latin, Cyrillic, Arabic abjad)."""
    latin = letter_index(text)
    if latin is not None:
        return (latin,)
    plain = plain_arabic(text)
    if plain in ARABIC_ABJAD:
        return (ARABIC_ABJAD.index(plain) + 1,)
    return cyrillic_indexes(text)


# ------------------------------------------------------------------ keys


def chapter_key(n: int) -> str:
    """``ch:3``."""
    return f"ch:{n}"


def section_key(chapter: int, index: int) -> str:
    """``sec:2.B`` (chapter number, Latin capital; chapter 0 when there is none)."""
    return f"sec:{chapter}.{letter(index).upper()}"


def para_key(n: int) -> str:
    """``p:19``."""
    return f"p:{n}"


def subpara_key(para: int, index: int) -> str:
    """``p:19.a``."""
    return f"p:{para}.{letter(index)}"


def note_key(n: int) -> str:
    """``note:1`` (a footnote, by its number)."""
    return f"note:{n}"


def subsub_key(para: int, sub: int, index: int) -> str:
    """``p:19.a.i`` (the sub-sub-paragraph number as a lower-case roman numeral)."""
    return f"{subpara_key(para, sub)}.{to_roman(index).lower()}"


def article_key(n: int) -> str:
    """``art:3``."""
    return f"art:{n}"


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
    ``p:`` key; note ``{lang}-n{N}`` from a ``note:N`` key (else the order of
    notes); anything else ``{lang}-u{n}``.
    """
    if kind == "meta":
        return f"{lang}-m{n}"
    if kind in ("chapter", "section"):
        return f"{lang}-h{n}"
    if kind in ("para", "subpara") and key.startswith("p:"):
        return f"{lang}-p{_ID_SAFE.sub('_', key[2:])}"
    if kind == "note":
        return f"{lang}-n{_ID_SAFE.sub('_', key[5:])}" if key.startswith("note:") else f"{lang}-n{n}"
    return f"{lang}-u{n}"


def _family(kind: str, key: str) -> str:
    if kind in ("para", "subpara") and key.startswith("p:"):
        return "p"
    return {"meta": "m", "chapter": "h", "section": "h", "note": "n"}.get(kind, "u")


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

_DIACRITIC_CLASS = "[\u064b-\u065f\u0670\u0640]*"


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


def _arabic_position(table: tuple[str, ...]) -> Parse:
    def parse(raw: str) -> tuple[int, ...]:
        plain = " ".join(plain_arabic(raw).split())
        return (table.index(plain) + 1,) if plain in table else ()

    return parse


def _one(func: Callable[[str], int | None]) -> Parse:
    def parse(raw: str) -> tuple[int, ...]:
        value = func(raw)
        return (value,) if value else ()

    return parse


def _paren_ideograph(raw: str) -> tuple[int, ...]:
    return (PAREN_IDEOGRAPHS.index(raw) + 1,) if raw in PAREN_IDEOGRAPHS else ()


def _cyrillic_upper(raw: str) -> tuple[int, ...]:
    return cyrillic_indexes(raw)


def _roman_lower(raw: str) -> tuple[int, ...]:
    value = roman_number(raw.upper())
    return (value,) if value else ()


_PARA_DIGITS = "[0-9٠-٩۰-۹０-９]{1,4}"
_END = r"(?=\s|$)"
_END_CJK = r"(?=\s|$|[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"  # Chinese may run on without a space

#: (kind, pattern, parser, languages or "" for all) — tried in order; every match is a candidate.
MARKER_TABLE: tuple[tuple[str, re.Pattern[str], Parse, str], ...] = (
    ("chapter", re.compile(rf"^(?P<v>[IVXL]{{1,7}})\.{_END}"), _one(roman_number), ""),
    ("chapter", re.compile(r"^(?P<v>[一二三四五六七八九十]{1,3})\s*[.．、]"), _one(chinese_number), "zh"),
    ("chapter", _AR_CHAPTER, _arabic_position(ARABIC_ORDINALS), "ar"),
    ("section", re.compile(rf"^(?P<v>[A-Z])\.{_END}"), _one(letter_index), ""),
    ("section", re.compile(rf"^(?P<v>[А-ЯЁ])\.{_END}"), _cyrillic_upper, "ru"),
    ("section", _AR_SECTION, _arabic_position(ARABIC_LETTER_NAMES), "ar"),
    ("para", re.compile(rf"^(?P<v>{_PARA_DIGITS})\s?[.．]{_END_CJK}"), _one(lambda s: int(ascii_digits(s))), ""),
    ("para", re.compile(rf"^(?P<v>{_PARA_DIGITS})\s*[-–]\s+"), _one(lambda s: int(ascii_digits(s))), "ar"),
    ("subpara", re.compile(r"^[(（](?P<v>[a-z]{1,2})[)）](?![A-Za-z0-9])"), letter_indexes, ""),
    ("subpara", re.compile(rf"^(?P<v>[a-z]{{1,2}})\){_END}"), letter_indexes, "en es fr ru"),
    ("subpara", re.compile(rf"^\(?(?P<v>[а-я])\){_END}"), letter_indexes, "ru"),
    ("subpara", re.compile(r"^[(（](?P<v>[\u0621-\u064a]\u0640?)[)）]"), letter_indexes, "ar"),
    ("subpara", re.compile(r"^\)(?P<v>[\u0621-\u064a]\u0640?)\("), letter_indexes, "ar"),
    ("subpara", re.compile(r"^(?P<v>[㈠-㈩])"), _paren_ideograph, "zh"),
    ("subsub", re.compile(r"^[(（](?P<v>[ivxl]{1,6})[)）](?![A-Za-z0-9])"), _roman_lower, "en es fr ru zh"),
    ("subsub", re.compile(rf"^(?P<v>[ivxl]{{1,6}})\){_END}"), _roman_lower, "en es fr ru"),
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
