"""Hyphenated compounds of UN usage, per language, as data: which line-end hyphens belong to the word.

A line-end hyphen between two word fragments is either a hyphenation break
(``разоруже-`` + ``ние`` → ``разоружение``) or the hyphen of a compound
(``государствами-`` + ``членами``).  When the document itself gives no
evidence (see :func:`hlmpub.ingest.segment.joining.keep_hyphen`), these tables decide:

* ``FIRST_ELEMENTS``: whole words written with a hyphen before the next
  element (``non-``, ``социально-``, ``vingt-``).  Matched against the whole
  fragment before the hyphen.
* ``SECOND_ELEMENTS``: stems of words that follow a hyphen (``член`` in
  ``государства-члены``, ``участник`` in ``государств-участников``, ``dessus``
  in ``ci-dessus``, ``based`` in ``rights-based``).  A stem of four letters or
  more matches the word after the hyphen with up to ``MAX_ENDING`` more
  letters (its inflection); a shorter one (``ci``, ``là``) only the whole word.
* ``PAIRS``: a first element that is trusted only before a given second
  stem, because alone it also begins solid words: ``porte-parole`` but
  ``portefeuille``, ``ci-joint`` but ``adjoint``, ``socio-económico`` but
  ``sociología``.
* ``INSEPARABLE``: prefixes that are written solid (``рас``, ``со``, ``re``,
  ``un``, ``inter``): a fragment equal to one of them is a break even before a
  second element (``рас-`` + ``членение``, ``un-`` + ``related``).

Russian adverb-like first elements also end hyphenation fragments
(``общественно-`` + ``сти`` in общественности), so a first element is only
trusted before a word of at least ``MIN_SECOND`` letters.
"""

from __future__ import annotations

#: Inflection letters a second-element stem may carry (``член`` + ``ами``).
MAX_ENDING = 3

#: Stems shorter than this match only the whole word after the hyphen.
MIN_STEM = 4

#: The word after a first element must have at least this many letters.
MIN_SECOND = 4

FIRST_ELEMENTS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {"non", "co", "self", "anti", "ex", "all", "high", "low", "well", "so", "follow", "long", "short",
         "half", "cross", "mid", "decision", "nuclear", "medium"}
    ),
    "fr": frozenset({"non", "anti", "auto", "contre", "sous", "vice", "ex", "demi", "semi", "mi", "post", "après",
                     "avant", "grand", "extra", "ultra", "franco", "vis", "dix", "vingt", "trente", "quarante",
                     "cinquante", "soixante"}),
    "es": frozenset({"ex", "franco", "hispano", "latino", "ítalo", "afro", "político", "económico", "técnico",
                     "jurídico", "científico", "teórico"}),
    "ru": frozenset({"социально", "военно", "научно", "финансово", "торгово", "политико", "экономико",
                     "ядерно", "северо", "юго", "ближне", "дальне", "бело", "красно", "вице", "экс", "генерал",
                     "премьер", "пост", "анти", "технико", "медико", "историко", "нормативно", "организационно",
                     "административно", "морально", "культурно"}),
}  # fmt: skip

SECOND_ELEMENTS: dict[str, tuple[str, ...]] = {
    "en": ("based", "related", "oriented", "specific", "sensitive", "driven", "owned"),
    "fr": ("dessus", "dessous", "après", "delà", "être", "ci", "là"),
    "es": (),
    "ru": ("член", "участник", "участниц", "наблюдател", "донор", "получател", "кандидат", "партнер", "партнёр",
           "основател", "учредител"),
}  # fmt: skip

PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("porte", "parole"), ("ci", "joint"), ("ci", "contre"), ("socio", "économi"), ("socio", "cultur")),
    "es": (("socio", "económic"), ("socio", "polític"), ("socio", "cultur")),
    "en": (("socio", "economic"), ("socio", "cultural"), ("socio", "political")),
}

INSEPARABLE: dict[str, frozenset[str]] = {
    "en": frozenset({"un", "re", "pre", "de", "dis", "in", "im", "inter", "over", "under", "sub", "super", "trans",
                     "mis", "out", "hyper", "hypo"}),
    "fr": frozenset({"re", "ré", "dé", "pré", "in", "im", "con", "com", "dis", "sur", "trans", "inter", "entre",
                     "pro", "féli"}),
    "es": frozenset({"re", "des", "pre", "in", "im", "con", "dis", "sub", "sobre", "trans", "inter"}),
    "ru": frozenset({"рас", "раз", "со", "пере", "пред", "не", "без", "бес", "под", "над", "при", "про", "вос",
                     "воз", "из", "ис", "от", "об", "до", "за", "по", "на", "вы", "в", "с", "о", "у"}),
}  # fmt: skip


def _second_element(word: str, lang: str) -> bool:
    """Is ``word`` (lower-case) a listed second element, possibly inflected?"""
    for stem in SECOND_ELEMENTS.get(lang, ()):
        if word == stem:
            return True
        if len(stem) >= MIN_STEM and word.startswith(stem) and len(word) - len(stem) <= MAX_ENDING:
            return True
    return False


def is_compound(left: str, right: str, lang: str) -> bool:
    """Do ``left-`` and ``right`` (the words around a line-end hyphen) form a listed compound?"""
    first, second = left.casefold(), right.casefold()
    if first in INSEPARABLE.get(lang, frozenset()):
        return False
    if first in FIRST_ELEMENTS.get(lang, frozenset()) and len(second) >= MIN_SECOND:
        return True
    if any(first == a and second.startswith(b) for a, b in PAIRS.get(lang, ())):
        return True
    return _second_element(second, lang)
