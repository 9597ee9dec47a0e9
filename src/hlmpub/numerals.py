"""Numerals of the scripts and list styles UN documents use, read and written in one place.

* digits: ASCII, Arabic-Indic (``٠-٩``), Extended Arabic-Indic / Persian
  (``۰-۹``) and full-width (``０-９``) — :func:`ascii_digits`, :func:`script_digits`;
* Chinese numerals: :func:`parse_chinese` (``二十九``, ``一百零五``, ``两万``, and
  digit runs such as ``一九四八``), :func:`to_chinese` (Word's Chinese counting);
* roman numerals: :func:`parse_roman`, :func:`to_roman`;
* letter sequences (``a`` … ``z``, ``aa``, ``bb`` …) in Latin, Russian and the two
  Arabic orders: :func:`to_letters`, :func:`parse_letters`, and the readings of
  one printed letter, :func:`letter_values` (a Cyrillic ``В`` is 2 as a look-alike
  of ``B`` and 3 in Russian order);
* Arabic chapter ordinals and letter names (``ثانيا`` = 2, ``باء`` = 2):
  :func:`parse_arabic_ordinal`, :func:`parse_arabic_letter_name`.

A foundation module: it imports nothing from hlmpub.  ``conventions`` (the UN
marker grammar), ``review.numbers`` and ``ingest.docx_numbering`` draw on it.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------ digits

#: The ten digits of each script, 0 to 9.
DIGITS: dict[str, str] = {
    "ascii": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",  # Extended Arabic-Indic
    "fullwidth": "０１２３４５６７８９",
}

#: ``str.translate`` table: every non-ASCII digit of :data:`DIGITS` → its ASCII digit.
TO_ASCII: dict[int, int] = str.maketrans(
    "".join(d for script, d in DIGITS.items() if script != "ascii"), DIGITS["ascii"] * (len(DIGITS) - 1)
)

#: A regex character class matching one digit of any script in :data:`DIGITS`.
ANY_DIGIT = "[" + "".join(f"{d[0]}-{d[9]}" for d in DIGITS.values()) + "]"


def ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and full-width digits → ASCII digits (same length, nothing else changed)."""
    return text.translate(TO_ASCII)


def script_digits(text: str, script: str) -> str:
    """ASCII digits → the digits of ``script`` (a key of :data:`DIGITS`): ``19``, fullwidth → ``１９``."""
    return text.translate(str.maketrans(DIGITS["ascii"], DIGITS[script]))


# ------------------------------------------------------------------ Chinese

#: The digits Word's Chinese counting prints, 0 to 9.
CHINESE_DIGITS = "〇一二三四五六七八九"
#: Every digit character read, with its value (``零`` is 0 in running text, ``两`` is 2 before a unit).
CHINESE_DIGIT_VALUES = {**{c: i for i, c in enumerate(CHINESE_DIGITS)}, "零": 0, "两": 2}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
#: The large units, largest first: each counts the whole numeral before it (``三千五百万``).
CHINESE_BIG = {"亿": 10**8, "万": 10**4}
#: A regex for one run of Chinese numeral characters (digits and units).
CHINESE_NUMERAL = "[" + "".join(CHINESE_DIGIT_VALUES) + "".join(CHINESE_UNITS) + "".join(CHINESE_BIG) + "]+"
_CHINESE_NUMERAL_RE = re.compile(CHINESE_NUMERAL)
_ZERO = "零"


def to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 19 → 十九, 105 → 一百零五, 110 → 一百一十, 20 013 → 二万零一十三 (0 → 〇).

    Below 1000 this is what Word prints for ``chineseCounting`` list numbers.
    """
    if n < 0:
        raise ValueError(f"no Chinese numeral for {n}")
    return CHINESE_DIGITS[0] if n == 0 else _chinese(n, leading=True)


def _chinese(n: int, leading: bool) -> str:
    """``n`` > 0; ``leading``: it opens the numeral, so 10-19 are written 十… rather than 一十…."""
    for char, big in CHINESE_BIG.items():
        if n >= big:
            head, rest = divmod(n, big)
            out = _chinese(head, leading) + char
            if rest:  # a gap below the large unit is marked with 零: 一万零五
                out += (_ZERO if rest < big // 10 else "") + _chinese(rest, False)
            return out
    out, gap = "", False
    for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if not digit:
            gap = gap or bool(out)
            continue
        if gap:
            out, gap = out + _ZERO, False
        out += ("" if unit == 10 and digit == 1 and leading and not out else CHINESE_DIGITS[digit]) + char
    return out


def _chinese_value(text: str) -> int:
    """Value of a run with units read positionally, loosely: :func:`parse_chinese` checks the form."""
    for char, big in CHINESE_BIG.items():
        head, found, rest = text.partition(char)
        if found:
            return (_chinese_value(head) if head else 1) * big + (_chinese_value(rest) if rest else 0)
    total, digit = 0, 0
    for ch in text:
        if ch in CHINESE_UNITS:
            total, digit = total + (digit or 1) * CHINESE_UNITS[ch], 0
        else:
            digit = CHINESE_DIGIT_VALUES[ch]
    return total + digit


def _written_form(text: str) -> str:
    """One spelling for the ways Chinese writes a value: 〇 as 零, 两 as 二, a leading unit counts one (百万)."""
    text = text.replace(CHINESE_DIGITS[0], _ZERO).replace("两", "二")
    return "一" + text if text[0] in CHINESE_UNITS or text[0] in CHINESE_BIG else text


def parse_chinese(text: str, *, digit_runs: bool = True) -> int | None:
    """Value of a Chinese numeral, or None when ``text`` is not one.

    A run of digits only is read digit by digit (``一九四八`` → 1948, ``二〇一三``
    → 2013), as Chinese writes years, or refused with ``digit_runs=False``; a
    single digit is its value (``两`` → 2, ``〇`` → 0).  A run with units
    (十百千万亿) must be a numeral as written (``十一``, ``二十``, ``一百零五``,
    ``两千``, ``三万五千``, ``百万``); ``十二三`` (twelve or thirteen), ``三千五``
    (colloquial 3500) and ``一百十`` are refused.
    """
    if not _CHINESE_NUMERAL_RE.fullmatch(text):
        return None
    if all(ch in CHINESE_DIGIT_VALUES for ch in text):
        if len(text) == 1:
            return CHINESE_DIGIT_VALUES[text]
        return int("".join(str(CHINESE_DIGIT_VALUES[ch]) for ch in text)) if digit_runs else None
    value = _chinese_value(text)
    return value if _written_form(text) == _written_form(to_chinese(value)) else None


# ------------------------------------------------------------------ roman

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    """1 → ``I``, 49 → ``XLIX``, 1990 → ``MCMXC`` (upper case; 0 → empty, there is no roman zero)."""
    if n < 0:
        raise ValueError(f"no roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def parse_roman(text: str) -> int | None:
    """``IV`` or ``iv`` → 4; None unless ``text`` is a roman numeral written the usual way, in one case.

    ``IIII``, ``VX``, ``IC`` and ``Iv`` are refused: only what :func:`to_roman` writes is read.
    """
    upper = text.upper()
    if not text or not set(upper) <= _ROMAN_VALUES.keys() or text not in (upper, upper.lower()):
        return None
    total = 0
    for i, c in enumerate(upper):
        value = _ROMAN_VALUES[c]
        nxt = _ROMAN_VALUES[upper[i + 1]] if i + 1 < len(upper) else 0
        total += -value if value < nxt else value
    return total if to_roman(total) == upper else None


# ------------------------------------------------------------------ letters

#: Arabic diacritics (tashkeel), superscript alef and tatweel: left out when Arabic is matched.
ARABIC_MARKS = "[\u064b-\u065f\u0670\u0640]"
_ARABIC_MARKS_RE = re.compile(ARABIC_MARKS)
_PLAIN_ALEF = str.maketrans("أإآ", "ااا")


def plain_arabic(text: str) -> str:
    """Arabic without diacritics and tatweel, hamza-carrying alefs as bare alef, for matching."""
    return _ARABIC_MARKS_RE.sub("", text).translate(_PLAIN_ALEF)


LATIN = "abcdefghijklmnopqrstuvwxyz"
#: Russian letters in UN list order (ё, й, ъ, ы, ь are not used for numbering).
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
#: Arabic letters in alphabetical (hijā'ī) order, as Word's ``arabicAlpha`` prints them.
ARABIC_ALPHABETICAL = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
#: Arabic letters in abjad order (أ ب ج د), the order of UN sub-paragraphs ``(أ)`` ``(ب)`` ``(ج)``.
ARABIC_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"

#: Cyrillic letters that print like Latin ones (Russian versions often use them as A. B. C.).
CYRILLIC_LOOKALIKES = {
    "а": "a", "в": "b", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
    "к": "k", "м": "m", "н": "h", "т": "t",
}  # fmt: skip

_ABJAD_PLAIN = plain_arabic(ARABIC_ABJAD)


def to_letters(n: int, alphabet: str = LATIN) -> str:
    """1 → ``a`` … 26 → ``z``, then 27 → ``aa``, 28 → ``bb`` (UN and Word style, as in item 99 (aa))."""
    if n < 1:
        raise ValueError(f"letter index {n} < 1")
    rounds, pos = divmod(n - 1, len(alphabet))
    return alphabet[pos] * (rounds + 1)


def parse_letters(text: str, alphabet: str = LATIN) -> int | None:
    """Inverse of :func:`to_letters` (either case): ``B`` → 2, ``aa`` → 27; None for ``ab`` or another script."""
    low = text.lower()
    if not low or len(set(low)) != 1 or low[0] not in alphabet:
        return None
    return (len(low) - 1) * len(alphabet) + alphabet.index(low[0]) + 1


def cyrillic_values(text: str) -> tuple[int, ...]:
    """List positions of Cyrillic letters: read as Latin look-alikes, then in Russian order (``В`` → 2, 3)."""
    low = text.lower()
    lookalike = "".join(CYRILLIC_LOOKALIKES.get(c, "?") for c in low)
    found = (parse_letters(lookalike), parse_letters(low, CYRILLIC))
    return tuple(dict.fromkeys(v for v in found if v is not None))


def letter_values(text: str) -> tuple[int, ...]:
    """List positions a printed letter may stand for: Latin, else Arabic (abjad order), else Cyrillic."""
    latin = parse_letters(text)
    if latin is not None:
        return (latin,)
    arabic = parse_letters(plain_arabic(text), _ABJAD_PLAIN)
    if arabic is not None:
        return (arabic,)
    return cyrillic_values(text)


# ------------------------------------------------------------------ Arabic words

#: Arabic chapter ordinals (``أولا -`` = I.), 1 to 20, written plain (see :func:`plain_arabic`).
ARABIC_ORDINALS: tuple[str, ...] = (
    "اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا",
    "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر",
    "سادس عشر", "سابع عشر", "ثامن عشر", "تاسع عشر", "عشرون",
)  # fmt: skip

#: Arabic letters by name (``ألف -`` = A.), in abjad order, written plain.
ARABIC_LETTER_NAMES: tuple[str, ...] = (
    "الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون",
    "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد", "ظاء", "غين",
)  # fmt: skip


def _word_position(words: tuple[str, ...], text: str) -> int | None:
    plain = " ".join(plain_arabic(text).split())
    return words.index(plain) + 1 if plain in words else None


def parse_arabic_ordinal(text: str) -> int | None:
    """``أولاً`` → 1, ``حادي عشر`` → 11 (diacritics, hamza and spacing as printed); None otherwise."""
    return _word_position(ARABIC_ORDINALS, text)


def parse_arabic_letter_name(text: str) -> int | None:
    """``ألف`` → 1, ``باء`` → 2, ``جيم`` → 3 (abjad order); None otherwise."""
    return _word_position(ARABIC_LETTER_NAMES, text)
