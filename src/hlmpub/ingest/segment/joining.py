"""Joining hard-wrapped lines into one block of text, per language.

* CJK: no space where either side of the line break is a CJK character.
* Latin and Cyrillic: a space, except a line-end hyphen that is a break
  (``disarma-`` + ``ment`` → ``disarmament``); the hyphen stays when the word
  is a compound (see :func:`keep_hyphen`).
* Arabic: a space; the text stays in logical order.
* Whitespace: runs become one space.  In Chinese, no space is kept next to a
  CJK character (``第 67/39 号`` → ``第67/39号``, ``2013年 6月 19日`` →
  ``2013年6月19日``); no non-whitespace character is ever removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .compounds import is_compound

#: Languages whose line-end hyphens may be hyphenation breaks.
HYPHENATING = frozenset({"en", "es", "fr", "ru"})

SOFT_HYPHEN = "\u00ad"
HYPHENS = "-\u2010"  # hyphen-minus and Unicode hyphen
WORD = re.compile(r"\w+(?:[-\u2010]\w+)*")
LAST_WORD = re.compile(r"(\w+)[-\u2010]$")
FIRST_WORD = re.compile(r"^(\w+)")
SPACES = re.compile(r"[ \t\u3000]+")
CJK_RANGES = (
    (0x2E80, 0x303F),
    (0x3040, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FFFF),
)


def is_cjk(ch: str) -> bool:
    """CJK ideographs, kana, CJK punctuation, enclosed and full-width forms."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


def vocabulary(lines: Iterable[str]) -> frozenset[str]:
    """Lower-cased words (hyphenated ones whole) found inside lines, as evidence for hyphenation."""
    words: set[str] = set()
    for line in lines:
        words.update(w.casefold() for w in WORD.findall(line))
    return frozenset(words)


def keep_hyphen(left: str, right: str, lang: str, vocab: frozenset[str]) -> bool:
    """Does the hyphen at the end of ``left-`` belong to the word (not a hyphenation break)?

    Kept when ``right`` starts with a capital or a digit or ``left`` ends with a
    digit; when the document itself writes the hyphenated form elsewhere (and
    not the solid one); when the two words form a compound of the language's
    tables (:mod:`.compounds`: ``non-``, ``государства-члены``, ``ci-dessus``).
    Otherwise the hyphen was a break and goes.
    """
    if right[:1].isupper() or right[:1].isdigit() or left[-1:].isdigit():
        return True
    hyphenated, solid = f"{left}-{right}".casefold(), f"{left}{right}".casefold()
    if hyphenated in vocab and solid not in vocab:
        return True
    if solid in vocab:
        return False
    return is_compound(left, right, lang)


def _glue(prev: str, nxt: str, lang: str, vocab: frozenset[str]) -> str:
    """``prev`` joined to the next line ``nxt`` (both stripped)."""
    if prev.endswith(SOFT_HYPHEN):
        return prev[:-1]
    if lang in HYPHENATING and prev[-1:] in HYPHENS and prev[-2:-1].isalnum():
        left, right = LAST_WORD.search(prev), FIRST_WORD.match(nxt)
        if left and right:
            return prev if keep_hyphen(left.group(1), right.group(1), lang, vocab) else prev[:-1]
    if is_cjk(prev[-1]) or is_cjk(nxt[0]):
        return prev
    return prev + " "


def normalise_space(text: str, lang: str) -> str:
    """One space for each whitespace run; in Chinese, none next to a CJK character."""
    text = SPACES.sub(" ", text).strip()
    if lang != "zh" or " " not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        if ch == " " and (is_cjk(text[i - 1]) or is_cjk(text[i + 1])):
            continue
        out.append(ch)
    return "".join(out)


def join_lines(lines: list[str], lang: str, vocab: frozenset[str] = frozenset()) -> str:
    """Join the wrapped lines of one block."""
    parts = [p for p in (line.strip() for line in lines) if p]
    if not parts:
        return ""
    pieces = [_glue(prev, nxt, lang, vocab) for prev, nxt in zip(parts, parts[1:], strict=False)]
    pieces.append(parts[-1])
    return normalise_space("".join(pieces), lang)
