"""The data of the sentence splitter (:mod:`.sentences`): end marks, quotes, abbreviations per language.

Abbreviations are lower-cased and written without their final full stop (``i.e``, ``т.д``).
Two kinds matter, because they are decided differently (docs/design/ingest.md, "Sentences"):

- ``NONFINAL``: never end a sentence (a title before a name, "i.e.", "e.g.", "see").
- ``NUMBERED``: stand before a number ("para. 5", "art. IV", "п. 3"); a following digit
  already keeps the sentence whole, so they matter only before a roman numeral.

Anything else ("etc.", "и т.д.") ends a sentence when the next word begins with a capital.
"""

from __future__ import annotations

#: End marks written with a space after them (Latin, Cyrillic, Arabic scripts).
SPACED_ENDS = ".!?…؟۔‼⁇⁈⁉"
#: Full-width end marks: a sentence ends right after them, space or not.  The
#: semicolons ；؛; are not here: a list "(a) …; (b) …" stays one sentence in every language.
CJK_ENDS = "。！？"
#: Closing quotes and brackets that belong to the sentence they follow.
CLOSERS = "\"'”’»›」』）)]】》〉"
#: Opening quotes and brackets (and Spanish ¿ ¡) skipped to find a sentence's first letter.
OPENERS = "\"'“‘«‹「『（([【《〈¿¡"

_TITLES = {
    "en": {"mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "h.e", "st", "sr", "jr"},
    "fr": {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "s.e", "ste", "st"},
    "es": {"sr", "sra", "srta", "sres", "sras", "dr", "dra", "d", "dª", "s.e", "excmo", "excma", "lic", "ing"},
    "ru": {"г-н", "г-жа", "гг-н", "им", "проф", "акад", "св"},
    "ar": set(),
    "zh": {"mr", "mrs", "ms", "dr"},
}
_NONFINAL_WORDS = {
    "en": {"i.e", "e.g", "cf", "viz", "vs", "v", "incl", "approx"},
    "fr": {"c.-à-d", "cf", "p.ex", "ex", "env"},
    "es": {"p.ej", "ej", "cf", "vid", "aprox"},
    "ru": {"т.е", "т.к", "см", "ср", "напр", "т.н", "т.ч", "ок"},
    "ar": set(),
    "zh": {"i.e", "e.g"},
}
NONFINAL: dict[str, frozenset[str]] = {lang: frozenset(_TITLES[lang] | _NONFINAL_WORDS[lang]) for lang in _TITLES}

NUMBERED: dict[str, frozenset[str]] = {
    "en": frozenset({"para", "paras", "no", "nos", "art", "arts", "vol", "vols", "p", "pp", "ch", "chap", "fig"}),
    "fr": frozenset({"par", "al", "art", "n", "no", "nos", "vol", "p", "pp", "chap", "sect", "fig", "t"}),
    "es": frozenset({"párr", "párrs", "núm", "núms", "art", "arts", "vol", "p", "pp", "pág", "págs", "cap", "secc"}),
    "ru": frozenset({"п", "пп", "ст", "стр", "с", "т", "гл", "разд", "рис", "№"}),
    "ar": frozenset(),
    "zh": frozenset({"para", "no", "art", "vol", "p"}),
}

#: An abbreviation that does not end a sentence before one word: UN Russian writes "5 млн. долл. США".
BEFORE_WORD: dict[str, frozenset[tuple[str, str]]] = {"ru": frozenset({("долл", "сша")})}

#: A label opening a list item: ``(a)``, ``(iv)``, ``(12)``, ``b)``; after a full stop it starts a sentence.
ITEM_LABEL = r"\(?(?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[а-я]|[\u0621-\u064a])\)"
#: A roman numeral standing as a word (``art. IV``, ``vol. II``).
ROMAN = r"[IVXLC]{1,7}\b"


def nonfinal(lang: str) -> frozenset[str]:
    """The abbreviations that never end a sentence in ``lang`` (none for a language without rules)."""
    return NONFINAL.get(lang, frozenset())


def before_word(lang: str) -> frozenset[tuple[str, str]]:
    """(abbreviation, next word) pairs that stay in one sentence in ``lang``."""
    return BEFORE_WORD.get(lang, frozenset())


def numbered(lang: str) -> frozenset[str]:
    """The abbreviations that stand before a number in ``lang``."""
    return NUMBERED.get(lang, frozenset())
