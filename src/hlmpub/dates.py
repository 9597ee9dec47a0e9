"""Dates in the six UN languages → ISO values.

``2013年9月26日`` = ``26 September 2013`` = ``26 septembre 2013`` =
``26 de septiembre de 2013`` = ``26 сентября 2013 года`` =
``26 أيلول/سبتمبر 2013`` → ``2013-09-26``.  A day and month without a year
give ``--09-26``; a month and year give ``2013-09``.

:func:`find_dates` returns spans so the number extractor can mask them: the
day and year of a date are not counted again as plain numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import parse_chinese

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    # stems: genitive (сентября), nominative (сентябрь), prepositional (сентябре)
    "ru": (
        "январ[яьеюё]", "феврал[яьеюё]", "март[аеу]?", "апрел[яьеюё]", "ма[йяеюё]", "июн[яьеюё]",
        "июл[яьеюё]", "август[аеу]?", "сентябр[яьеюё]", "октябр[яьеюё]", "ноябр[яьеюё]", "декабр[яьеюё]",
    ),
}  # fmt: skip

#: Arabic: the Levantine (Syriac) name, the Gregorian loan name, or both joined by "/".
AR_LEVANTINE = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)  # fmt: skip
AR_GREGORIAN = (
    "يناير", "فبراير", "مارس", "أبريل|ابريل|إبريل", "مايو", "يونيه|يونيو",
    "يوليه|يوليو", "أغسطس|اغسطس", "سبتمبر", "أكتوبر|اكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip

DAY = r"(?P<d>[0-3]?\d)(?:er|\.?º|\.?ª|-?го)?"
YEAR = r"(?P<y>\d{4})"


@dataclass(frozen=True)
class DateSpan:
    """A recognised date: where it is and its ISO value."""

    start: int
    end: int
    value: str
    text: str


def _month_group(names: tuple[str, ...]) -> str:
    return "|".join(f"(?P<m{i}>{name})" for i, name in enumerate(names, start=1))


def _ar_month_group() -> str:
    parts = []
    for i, (lev, greg) in enumerate(zip(AR_LEVANTINE, AR_GREGORIAN, strict=True), start=1):
        parts.append(rf"(?P<m{i}>(?:{lev})\s*/\s*(?:{greg})|(?:{greg})\s*/\s*(?:{lev})|(?:{lev})|(?:{greg}))")
    return "|".join(parts)


def _patterns(lang: str) -> list[re.Pattern[str]]:
    """Full date, day–month and month–year patterns for one language, longest first."""
    flags = 0 if lang == "en" else re.IGNORECASE
    if lang == "ar":
        month = _ar_month_group()
        dm = rf"{DAY}\s+(?:{month})"
        return [
            re.compile(rf"{dm}\s*(?:،|,)?\s*(?:عام|سنة)?\s*{YEAR}"),
            re.compile(rf"(?:{month})\s*(?:،|,)?\s*(?:عام|سنة)?\s*{YEAR}"),
            re.compile(rf"{dm}(?!\s*\d)"),
        ]
    if lang in MONTHS:
        names = tuple(n.capitalize() for n in MONTHS[lang]) if lang == "en" else MONTHS[lang]
        month = rf"\b(?:{_month_group(names)})\b"
        de = r"\s+(?:de\s+)?" if lang == "es" else r"\s+"
        return [
            re.compile(rf"\b{DAY}{de}{month}{de}{YEAR}", flags),
            re.compile(rf"{month},?\s+{DAY},?\s+{YEAR}", flags),  # September 26, 2013
            re.compile(rf"{month}{de}{YEAR}", flags),
            re.compile(rf"\b{DAY}{de}{month}", flags),
        ]
    return []


_CACHE: dict[str, list[re.Pattern[str]]] = {}

CN_YEAR = r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})"
CN_SMALL = r"[0-3]?\d|[一二三四五六七八九十]{1,3}"
ZH_PATTERNS = [
    re.compile(rf"{CN_YEAR}\s*年\s*(?P<mz>{CN_SMALL})\s*月\s*(?P<d>{CN_SMALL})\s*日"),
    re.compile(rf"{CN_YEAR}\s*年\s*(?P<mz>{CN_SMALL})\s*月"),
    re.compile(rf"(?<![\d年])(?P<mz>{CN_SMALL})\s*月\s*(?P<d>{CN_SMALL})\s*日"),
]
ISO_PATTERN = re.compile(r"\b(?P<y>\d{4})-(?P<mi>[01]\d)-(?P<d>[0-3]\d)\b")


def _month(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("mz"):
        return parse_chinese(groups["mz"]) if not groups["mz"].isdigit() else int(groups["mz"])
    if groups.get("mi"):
        return int(groups["mi"])
    for name, value in groups.items():
        if name.startswith("m") and name[1:].isdigit() and value:
            return int(name[1:])
    return None


def _int(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else parse_chinese(text)


def _value(match: re.Match[str]) -> str | None:
    """ISO form of a match, or None when the parts are out of range."""
    groups = match.groupdict()
    month = _month(match)
    day = _int(groups.get("d"))
    year = _int(groups.get("y"))
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year is not None:
        return f"{year:04d}-{month:02d}"
    return f"--{month:02d}-{day:02d}"


def patterns_for(lang: str) -> list[re.Pattern[str]]:
    """The compiled patterns for ``lang`` (ISO dates are recognised in every language)."""
    if lang not in _CACHE:
        own = ZH_PATTERNS if lang == "zh" else _patterns(lang)
        _CACHE[lang] = [ISO_PATTERN, *own]
    return _CACHE[lang]


def find_dates(text: str, lang: str) -> list[DateSpan]:
    """Every date in ``text`` (digits already normalised to ASCII), without overlaps."""
    found: list[DateSpan] = []
    taken = [False] * (len(text) + 1)
    for pattern in patterns_for(lang):
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            value = _value(m)
            if value is None:
                continue
            found.append(DateSpan(m.start(), m.end(), value, m.group(0)))
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    return sorted(found, key=lambda d: d.start)
