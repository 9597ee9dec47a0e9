"""Chinese numerals → integers: ``一九四八`` (digit by digit), ``二十九``, ``三千五百``."""

from __future__ import annotations

import re

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}

#: One run of Chinese numeral characters (digits and units).
CN_NUMERAL = "[〇零一二两三四五六七八九十百千万亿]+"
CN_NUMERAL_RE = re.compile(CN_NUMERAL)


def _small(chars: str) -> int:
    """Value of a run below 10 000 such as ``三千五百二十``."""
    total, digit = 0, -1
    for ch in chars:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            unit = CN_UNITS[ch]
            total += (digit if digit >= 0 else 1) * unit
            digit = -1
    return total + max(digit, 0)


def cn_to_int(text: str) -> int | None:
    """Integer value of a Chinese numeral, or None when ``text`` is not one.

    Runs made only of digits (``一九四八``, ``二〇一三``) are read digit by digit,
    as Chinese writes years; runs with 十/百/千/万/亿 are read positionally.
    """
    if not text or not CN_NUMERAL_RE.fullmatch(text):
        return None
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return CN_DIGITS[text]
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total, rest = 0, text
    for big_char, big in sorted(CN_BIG.items(), key=lambda kv: -kv[1]):
        if big_char in rest:
            head, rest = rest.split(big_char, 1)
            if big_char in rest:
                return None
            total += (_small(head) if head else 1) * big
    if any(ch in CN_BIG for ch in rest):
        return None
    return total + _small(rest.lstrip("零〇"))


def number_value(text: str) -> int | None:
    """Value of ASCII digits or a Chinese numeral."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return int(text)
    return cn_to_int(text)
