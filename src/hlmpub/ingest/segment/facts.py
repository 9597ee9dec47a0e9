"""Masthead facts as the archive stores them: an ISO date, a language code, the distribution in English.

A UN masthead prints its facts in the version's language or in English
(``15 March 2099`` in the Chinese version, ``15 mars 2099`` in the French one;
``Original: English``, ``Original : anglais``, ``原文：英文``); ``Version.meta``
and the TEI header want one form for all: ``2099-03-15``, ``en``, ``General``.
A value that cannot be read is kept as printed.
"""

from __future__ import annotations

import re

from ...dates import find_dates
from ...numerals import ascii_digits

#: The languages whose date formats are tried, in order (a masthead date may be in English in any version).
DATE_LANGS = ("en", "fr", "es", "ru", "ar", "zh")

#: Language names as UN mastheads print them (``Original: …``, the version-language line) → code.
LANGUAGE_NAMES: dict[str, str] = {
    name: code
    for code, names in {
        "ar": ("arabic", "arabe", "árabe", "арабский", "عربي", "العربية", "بالعربية", "阿拉伯文", "阿拉伯语"),
        "zh": ("chinese", "chinois", "chino", "китайский", "صيني", "الصينية", "بالصينية", "中文", "汉语"),
        "en": ("english", "anglais", "inglés", "ingles", "английский", "انكليزي", "الإنكليزية", "بالإنكليزية",
               "الانكليزية", "بالانكليزية", "الإنجليزية", "بالإنجليزية", "英文", "英语"),
        "fr": ("french", "français", "francais", "francés", "frances", "французский", "فرنسي", "الفرنسية",
               "بالفرنسية", "法文", "法语"),
        "ru": ("russian", "russe", "ruso", "русский", "روسي", "الروسية", "بالروسية", "俄文", "俄语"),
        "es": ("spanish", "espagnol", "español", "espanol", "испанский", "اسباني", "الإسبانية", "بالإسبانية",
               "الاسبانية", "بالاسبانية", "西班牙文", "西班牙语"),
    }.items()
    for name in names
}  # fmt: skip

#: Distribution categories in the languages a masthead prints them → the English category.
DISTRIBUTIONS = {
    "general": "General", "générale": "General", "generale": "General",
    "limited": "Limited", "limitée": "Limited", "limitee": "Limited", "limitada": "Limited",
    "restricted": "Restricted", "restreinte": "Restricted", "reservada": "Restricted",
}  # fmt: skip


def iso_date(text: str) -> str | None:
    """``15 March 2099``, ``15 mars 2099``, ``2099年3月15日``, ``15 آذار/مارس 2099`` → ``2099-03-15``.

    Only a text that is a whole date (day, month and year, punctuation and
    ``года``/``г.`` around it allowed) gives one; None otherwise.
    """
    plain = ascii_digits(text.strip())
    for lang in DATE_LANGS:
        for found in find_dates(plain, lang):
            rest = plain[: found.start] + plain[found.end :]
            if len(found.value) == 10 and not re.sub(r"[\s.,،]|года|год|г\.?", "", rest):
                return found.value
    return None


def language_code(name: str) -> str | None:
    """``English``, ``anglais``, ``Español``, ``英文``, ``بالإنكليزية`` → the language code; None if unknown."""
    return LANGUAGE_NAMES.get(name.strip().strip(".").casefold())


def distribution(category: str) -> str:
    """``General``, ``générale``, ``general`` → ``General`` (unknown categories as printed)."""
    return DISTRIBUTIONS.get(category.strip().casefold(), category.strip())
