"""Numbers, years, dates, percentages and fractions in a cell → comparable tokens.

The text is first brought to ASCII digits (Arabic-Indic ``٠-٩``, Persian
``۰-۹`` and full-width ``０-９``).  Then, in this order, each recognised span is
*masked* so its digits are not counted twice: document symbols, dates,
percentages, fractions written in words, Chinese numerals, plain numbers with
the language's thousands and decimal separators.

A token is *hard* when it is written with digits or in a form that is the usual
way to write it (a Chinese year or date); it is *soft* when it is a number word
(``premier``, ``第十条``, ``two``).  Soft tokens can excuse a language that does
not write a number with digits, but never accuse one (see checks_numbers).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..dates import find_dates
from ..numerals import CHINESE_NUMERAL, TO_ASCII, parse_chinese
from .symbols import find_symbols

#: Digits of every script, and the Arabic and full-width per cent sign and decimal and thousands marks, → ASCII.
DIGITS = {**TO_ASCII, **str.maketrans("٪٫٬％", "%.,%")}
FULLWIDTH_SEPARATOR = re.compile(r"(?<=\d)[，．](?=\d)")
SPACES = "\u0020\u00a0\u202f\u2009\u2007"
#: Thousands separators and decimal mark per language (UN editorial practice).
THOUSANDS = {"en": ",", "zh": ",", "ar": ",", "fr": "", "ru": "", "es": "."}
DECIMAL = {"en": ".", "zh": ".", "ar": ".", "fr": ",", "ru": ",", "es": ","}

NUMBER_RUN = re.compile(rf"\d+(?:[{SPACES},.']\d+)*")
PERCENT = {
    "en": r"\s?(?:%|per\s?cent\b|percent\b)",
    "fr": r"\s?(?:%|pour\s?cent\b|p\.\s?100\b)",
    "es": r"\s?(?:%|por\s?ciento\b)",
    "ru": r"\s?(?:%|процент\w*)",
    "ar": r"\s?(?:%|في\s?الم[ائ]+ة)",
    "zh": r"\s?%",
}
FRACTION_WORDS = {
    "en": {r"\bone[- ]third\b|\ba third\b": "1/3", r"\btwo[- ]thirds\b": "2/3", r"\bone[- ]quarter\b": "1/4",
           r"\bthree[- ]quarters\b": "3/4", r"\bone[- ]half\b": "1/2"},
    "fr": {r"\bun tiers\b": "1/3", r"\bdeux tiers\b": "2/3", r"\bun quart\b": "1/4", r"\btrois quarts\b": "3/4"},
    "es": {r"\bun tercio\b|\buna tercera parte\b": "1/3", r"\bdos tercios\b|\bdos terceras partes\b": "2/3",
           r"\bun cuarto\b": "1/4", r"\btres cuartos\b|\btres cuartas partes\b": "3/4"},
    "ru": {r"\bодн\w+ трет\w+": "1/3", r"\bдв\w+ трет\w+": "2/3", r"\bодн\w+ четверт\w+": "1/4",
           r"\bтр\w+ четверт\w+": "3/4"},
    "ar": {r"\bثلث\b": "1/3", r"\bثلث[يا]\b|\bالثلثين\b": "2/3", r"\bربع\b": "1/4", r"\bثلاثة أرباع\b": "3/4"},
}  # fmt: skip
ZH_FRACTION = re.compile(rf"(?P<den>{CHINESE_NUMERAL}|\d+)\s*分之\s*(?P<num>{CHINESE_NUMERAL}|\d+)")
ZH_PERCENT = re.compile(rf"百分之\s*(?P<num>{CHINESE_NUMERAL}|\d+(?:\.\d+)?)")
ZH_YEAR = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})\s*年")
SOFT_WORDS = {
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "first": 1, "second": 2, "third": 3, "twelve": 12, "twenty": 20, "hundred": 100},
    "fr": {"un": 1, "une": 1, "premier": 1, "première": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
           "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "vingt": 20, "cent": 100},
    "es": {"uno": 1, "una": 1, "primero": 1, "primera": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
           "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "veinte": 20, "cien": 100},
    "ru": {"один": 1, "одна": 1, "первый": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
           "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двенадцать": 12, "двадцать": 20},
    "ar": {"واحد": 1, "الأولى": 1, "الأول": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5,
           "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10, "عشرين": 20, "مائة": 100},
}  # fmt: skip


@dataclass(frozen=True)
class Token:
    """A comparable value found in a cell: ``kind`` number|date|percent|fraction|symbol."""

    kind: str
    value: str
    text: str
    hard: bool = True
    start: int = 0

    @property
    def key(self) -> str:
        """What is compared across languages (``date 2013-09-26``)."""
        return f"{self.kind} {self.value}"


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and full-width digits (and %, decimal marks) → ASCII, same length."""
    text = text.translate(DIGITS)
    return FULLWIDTH_SEPARATOR.sub(lambda m: "," if m.group(0) == "，" else ".", text)


def _mask(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = [" "] * (end - start)


def _canonical(value: str) -> str:
    try:
        d = Decimal(value)
    except InvalidOperation:
        return value
    return str(d.quantize(Decimal(1))) if d == d.to_integral() else format(d.normalize(), "f")


def parse_number_run(run: str, lang: str) -> list[str]:
    """``1 000`` / ``1,000`` / ``1.000`` / ``2,5`` → canonical values; unrelated numbers split."""
    parts = re.split(rf"([{SPACES},.'])", run)
    groups, seps = parts[0::2], parts[1::2]
    thousands = set(SPACES) | set(THOUSANDS.get(lang, ",")) | {"'"}
    decimal = DECIMAL.get(lang, ".")
    values: list[str] = []
    current, lead, has_decimal, grouped = groups[0], len(groups[0]), False, False
    for sep, group in zip(seps, groups[1:], strict=True):
        if sep in thousands and len(group) == 3 and not has_decimal and (grouped or lead <= 3):
            current, grouped = current + group, True
        elif sep == decimal and not has_decimal:
            current, has_decimal = f"{current}.{group}", True
        else:
            values.append(current)
            current, lead, has_decimal, grouped = group, len(group), False, False
    values.append(current)
    return [_canonical(v) for v in values]


def _find_percent(text: str, lang: str) -> list[tuple[int, int, str]]:
    out = []
    pattern = re.compile(rf"(?P<n>\d+(?:[.,]\d+)?){PERCENT.get(lang, PERCENT['en'])}", re.IGNORECASE)
    for m in pattern.finditer(text):
        out.append((m.start(), m.end(), _canonical(m.group("n").replace(",", "."))))
    if lang == "zh":
        for m in ZH_PERCENT.finditer(text):
            n = m.group("num")
            value = n if n[0].isdigit() else parse_chinese(n)
            if value is not None:  # None: a malformed numeral (十二三)
                out.append((m.start(), m.end(), _canonical(str(value))))
    return out


def _find_fractions(text: str, lang: str) -> list[tuple[int, int, str]]:
    out = []
    if lang == "zh":
        for m in ZH_FRACTION.finditer(text):
            den, num = (parse_chinese(x) if not x.isdigit() else int(x) for x in (m.group("den"), m.group("num")))
            if den and num is not None:
                out.append((m.start(), m.end(), f"{num}/{den}"))
    for pattern, value in FRACTION_WORDS.get(lang, {}).items():
        for m in re.finditer(pattern, text, re.IGNORECASE):
            out.append((m.start(), m.end(), value))
    return out


def _cjk_tokens(text: str, chars: list[str]) -> list[Token]:
    """Chinese years (hard) and other Chinese numerals (soft)."""
    tokens = []
    for m in ZH_YEAR.finditer(text):
        tokens.append(Token("number", str(parse_chinese(m.group("y"))), m.group(0), True, m.start()))
        _mask(chars, m.start(), m.end())
    for m in re.finditer(CHINESE_NUMERAL, "".join(chars)):
        value = parse_chinese(m.group(0))
        if value is not None:
            tokens.append(Token("number", str(value), m.group(0), False, m.start()))
    return tokens


def _word_tokens(text: str, lang: str) -> list[Token]:
    words = SOFT_WORDS.get(lang)
    if not words:
        return []
    return [
        Token("number", str(words[m.group(0).lower()]), m.group(0), False, m.start())
        for m in re.finditer(r"\w+", text)
        if m.group(0).lower() in words
    ]


def _spans(text: str, lang: str) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, value) of symbols, dates, percentages and fractions, without overlaps."""
    found: list[tuple[str, int, int, str]] = []
    found += [("symbol", s.start, s.end, s.value) for s in find_symbols(text)]
    found += [("date", d.start, d.end, d.value) for d in find_dates(text, lang)]
    found += [("percent", a, b, v) for a, b, v in _find_percent(text, lang)]
    found += [("fraction", a, b, v) for a, b, v in _find_fractions(text, lang)]
    taken = [False] * (len(text) + 1)
    kept = []
    for kind, a, b, value in found:  # earlier kinds win
        if not any(taken[a:b]):
            kept.append((kind, a, b, value))
            taken[a:b] = [True] * (b - a)
    return kept


def extract(text: str, lang: str) -> list[Token]:
    """Every comparable token of one cell, in text order."""
    return list(_extract_cached(text, lang))


@functools.lru_cache(maxsize=8192)
def _extract_cached(text: str, lang: str) -> tuple[Token, ...]:
    text = to_ascii_digits(text)
    chars = list(text)
    tokens = []
    for kind, a, b, value in _spans(text, lang):
        tokens.append(Token(kind, value, text[a:b], True, a))
        _mask(chars, a, b)
    if lang == "zh":
        tokens += _cjk_tokens("".join(chars), chars)
    masked = "".join(chars)
    for m in NUMBER_RUN.finditer(masked):
        for value in parse_number_run(m.group(0), lang):
            tokens.append(Token("number", value, m.group(0), True, m.start()))
    tokens += _word_tokens(masked, lang)
    return tuple(sorted(tokens, key=lambda t: t.start))
