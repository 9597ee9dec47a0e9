"""hlmpub.numerals: digits of every script, Chinese and roman numerals, letter sequences, Arabic ordinals."""

from __future__ import annotations

import re

import pytest

from hlmpub.numerals import (
    ANY_DIGIT,
    ARABIC_ABJAD,
    ARABIC_ALPHABETICAL,
    ARABIC_LETTER_NAMES,
    ARABIC_ORDINALS,
    CYRILLIC,
    CYRILLIC_LOOKALIKES,
    DIGITS,
    LATIN,
    ascii_digits,
    cyrillic_values,
    letter_values,
    parse_arabic_letter_name,
    parse_arabic_ordinal,
    parse_chinese,
    parse_letters,
    parse_roman,
    plain_arabic,
    script_digits,
    to_chinese,
    to_letters,
    to_roman,
)

# ------------------------------------------------------------------ digits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0123456789", "0123456789"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),  # Extended Arabic-Indic (Persian)
        ("０１２３４５６７８９", "0123456789"),  # full-width
        ("١٩ - نص", "19 - نص"),
        ("第１９段", "第19段"),
        ("۱۳۹۲/۰۶/۳۱", "1392/06/31"),
        ("¹²³ ٪ ٫", "¹²³ ٪ ٫"),  # superscripts and marks are not digits here
        ("", ""),
    ],
)
def test_ascii_digits(text, expected):
    assert ascii_digits(text) == expected


@pytest.mark.parametrize("script", sorted(DIGITS))
def test_script_digits_round_trip(script):
    assert script_digits("0123456789", script) == DIGITS[script]
    assert ascii_digits(script_digits("page 1990-2013", script)) == "page 1990-2013"
    assert re.fullmatch(f"{ANY_DIGIT}+", DIGITS[script])


@pytest.mark.parametrize("char", ["¹", "a", "一", "٪", "-"])
def test_any_digit_is_only_digits(char):
    assert not re.fullmatch(ANY_DIGIT, char)


# ------------------------------------------------------------------ Chinese


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1), ("九", 9), ("〇", 0), ("零", 0), ("两", 2),
        ("十", 10), ("十一", 11), ("十九", 19), ("二十", 20), ("二十九", 29), ("九十九", 99),
        ("一十", 10), ("一十一", 11),
        ("一百", 100), ("百", 100), ("一百零五", 105), ("一百〇五", 105), ("一百一十", 110), ("一百一十九", 119),
        ("两百", 200), ("二百", 200), ("两千", 2000), ("三千五百二十", 3520), ("一千零五十", 1050),
        ("一万", 10000), ("两万", 20000), ("三万五千", 35000), ("一万零五", 10005), ("一万零一十", 10010),
        ("十万", 100000), ("一十万", 100000), ("百万", 1_000_000), ("三千五百万", 35_000_000),
        ("一亿", 10**8), ("一亿零一万", 100_010_000), ("一万亿", 10**12), ("一万五千亿", 15 * 10**11),
        ("一九四八", 1948), ("二〇一三", 2013), ("一一", 11),  # digit runs: years
    ],
)  # fmt: skip
def test_parse_chinese(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "", "abc", "十a", "二十 九",
        "十二三",  # twelve or thirteen
        "三千五",  # colloquial 3500, not 3005
        "一百十", "二十十", "十十", "一五十", "十〇", "〇十", "零十五", "一百零", "一千零零五",
        "万一",  # "just in case", not 10 001
        "一亿二亿",
    ],
)  # fmt: skip
def test_parse_chinese_refuses(text):
    assert parse_chinese(text) is None


@pytest.mark.parametrize(("text", "value"), [("一二", None), ("一九四八", None), ("一", 1), ("二十", 20), ("两", 2)])
def test_parse_chinese_without_digit_runs(text, value):
    assert parse_chinese(text, digit_runs=False) == value


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "〇"), (1, "一"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (23, "二十三"),
        (100, "一百"), (101, "一百零一"), (105, "一百零五"), (110, "一百一十"), (119, "一百一十九"),
        (999, "九百九十九"),
        (1000, "一千"), (1005, "一千零五"), (1050, "一千零五十"), (1100, "一千一百"),
        (10005, "一万零五"), (10010, "一万零一十"), (11000, "一万一千"), (100000, "十万"), (110000, "十一万"),
        (10**8, "一亿"), (100_010_000, "一亿零一万"), (100_100_000, "一亿零一十万"), (10**12, "一万亿"),
    ],
)  # fmt: skip
def test_to_chinese(n, text):
    assert to_chinese(n) == text


@pytest.mark.parametrize("n", range(1, 201))
def test_chinese_round_trip(n):
    assert parse_chinese(to_chinese(n)) == n
    assert parse_chinese(to_chinese(n), digit_runs=False) == n


def test_chinese_round_trip_large():
    for n in [*range(0, 100_000, 7), 10**8 + 1, 2 * 10**8 + 3 * 10**4, 10**12 + 1, 123_456_789_012]:
        assert parse_chinese(to_chinese(n)) == n, to_chinese(n)


def test_to_chinese_refuses_negative():
    with pytest.raises(ValueError, match="-1"):
        to_chinese(-1)


# ------------------------------------------------------------------ roman


@pytest.mark.parametrize(
    ("text", "value"),
    [("I", 1), ("IV", 4), ("iv", 4), ("IX", 9), ("ix", 9), ("XIV", 14), ("XL", 40), ("xlix", 49),
     ("LXXXIX", 89), ("XC", 90), ("C", 100), ("CD", 400), ("MCMXC", 1990), ("MMMCMXCIX", 3999)],
)  # fmt: skip
def test_parse_roman(text, value):
    assert parse_roman(text) == value


@pytest.mark.parametrize("text", ["", "IIII", "VX", "IC", "LL", "VV", "Iv", "iX", "ABC", "I V", "ı", "Ⅳ"])
def test_parse_roman_refuses(text):
    assert parse_roman(text) is None


@pytest.mark.parametrize(
    ("n", "text"), [(0, ""), (1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (49, "XLIX"), (90, "XC"),
                    (99, "XCIX"), (1990, "MCMXC"), (3999, "MMMCMXCIX")]
)  # fmt: skip
def test_to_roman(n, text):
    assert to_roman(n) == text


@pytest.mark.parametrize("n", range(1, 201))
def test_roman_round_trip(n):
    assert parse_roman(to_roman(n)) == n
    assert parse_roman(to_roman(n).lower()) == n


def test_to_roman_refuses_negative():
    with pytest.raises(ValueError, match="-3"):
        to_roman(-3)


# ------------------------------------------------------------------ letters


@pytest.mark.parametrize(
    ("n", "alphabet", "text"),
    [
        (1, LATIN, "a"), (2, LATIN, "b"), (26, LATIN, "z"), (27, LATIN, "aa"), (28, LATIN, "bb"), (53, LATIN, "aaa"),
        (3, CYRILLIC, "в"), (10, CYRILLIC, "к"), (28, CYRILLIC, "я"), (29, CYRILLIC, "аа"),
        (1, ARABIC_ABJAD, "أ"), (3, ARABIC_ABJAD, "ج"), (5, ARABIC_ABJAD, "ه"), (29, ARABIC_ABJAD, "أأ"),
        (3, ARABIC_ALPHABETICAL, "ت"), (28, ARABIC_ALPHABETICAL, "ي"),
    ],
)  # fmt: skip
def test_to_letters(n, alphabet, text):
    assert to_letters(n, alphabet) == text


@pytest.mark.parametrize(
    ("text", "alphabet", "value"),
    [("a", LATIN, 1), ("B", LATIN, 2), ("aa", LATIN, 27), ("BB", LATIN, 28), ("ab", LATIN, None), ("", LATIN, None),
     ("é", LATIN, None), ("в", LATIN, None), ("1", LATIN, None),
     ("в", CYRILLIC, 3), ("Я", CYRILLIC, 28), ("ё", CYRILLIC, None), ("й", CYRILLIC, None), ("b", CYRILLIC, None)],
)  # fmt: skip
def test_parse_letters(text, alphabet, value):
    assert parse_letters(text, alphabet) == value


@pytest.mark.parametrize("alphabet", [LATIN, CYRILLIC, ARABIC_ABJAD, ARABIC_ALPHABETICAL], ids=lambda a: a[:3])
def test_letters_round_trip(alphabet):
    for n in range(1, 201):
        assert parse_letters(to_letters(n, alphabet), alphabet) == n
        assert parse_letters(to_letters(n, alphabet).upper(), alphabet) == n


def test_to_letters_refuses_zero():
    with pytest.raises(ValueError, match="< 1"):
        to_letters(0)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("В", (2, 3)),  # B as a look-alike, or the third Russian letter
        ("в", (2, 3)), ("а", (1,)), ("А", (1,)), ("с", (3, 17)), ("о", (15, 14)), ("н", (8, 13)),
        ("б", (2,)), ("г", (4,)), ("я", (28,)),
        ("ё", ()), ("й", ()), ("b", ()), ("", ()),
    ],
)  # fmt: skip
def test_cyrillic_values(text, values):
    assert cyrillic_values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a", (1,)), ("B", (2,)), ("aa", (27,)), ("x", (24,)),  # Latin wins
        ("أ", (1,)), ("ا", (1,)), ("ب", (2,)), ("ج", (3,)), ("ه", (5,)), ("هـ", (5,)), ("غ", (28,)),  # abjad
        ("В", (2, 3)), ("с", (3, 17)),  # Cyrillic
        ("", ()), ("؟", ()), ("1", ()),
    ],
)  # fmt: skip
def test_letter_values(text, values):
    assert letter_values(text) == values


def test_letter_tables_agree():
    assert sorted(ARABIC_ALPHABETICAL) == sorted(ARABIC_ABJAD) and len(set(ARABIC_ABJAD)) == 28
    # the letter names start with their letter, in the same abjad order
    assert [plain_arabic(name[0]) for name in ARABIC_LETTER_NAMES] == list(plain_arabic(ARABIC_ABJAD))
    assert len(CYRILLIC) == 28 and not set("ёйъыь") & set(CYRILLIC)
    assert set(CYRILLIC_LOOKALIKES) <= set(CYRILLIC) and set(CYRILLIC_LOOKALIKES.values()) <= set(LATIN)


# ------------------------------------------------------------------ Arabic words


@pytest.mark.parametrize(
    ("text", "value"),
    [("أولاً", 1), ("اولا", 1), ("ثانيا", 2), ("ثالثاً", 3), ("عاشراً", 10), ("حادي عشر", 11), ("حادي  عشر", 11),
     ("عشرون", 20), ("ألف", None), ("", None)],
)  # fmt: skip
def test_parse_arabic_ordinal(text, value):
    assert parse_arabic_ordinal(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("ألف", 1), ("باء", 2), ("جيم", 3), ("هاء", 5), ("غين", 28), ("أولا", None), ("ب", None)]
)
def test_parse_arabic_letter_name(text, value):
    assert parse_arabic_letter_name(text) == value


def test_arabic_word_tables_round_trip():
    assert [parse_arabic_ordinal(w) for w in ARABIC_ORDINALS] == list(range(1, 21))
    assert [parse_arabic_letter_name(w) for w in ARABIC_LETTER_NAMES] == list(range(1, 29))


@pytest.mark.parametrize(("text", "plain"), [("ثالثاً", "ثالثا"), ("إ", "ا"), ("آ", "ا"), ("هـ", "ه"), ("abc", "abc")])
def test_plain_arabic(text, plain):
    assert plain_arabic(text) == plain
