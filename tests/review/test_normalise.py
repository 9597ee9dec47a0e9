"""Number, date, symbol and Chinese-numeral normalisation, one table per idea, all six languages.

The phrases are short SYNTHETIC snippets written for these tests (not quotations
of a UN document), except where marked as taken from sources/udhr.
"""

from __future__ import annotations

import pytest

from hlmpub.dates import find_dates
from hlmpub.numerals import parse_chinese
from hlmpub.review.numbers import extract, parse_number_run, to_ascii_digits
from hlmpub.review.symbols import find_symbols


def hard_keys(text: str, lang: str) -> list[str]:
    return [t.key for t in extract(text, lang) if t.hard]


@pytest.mark.parametrize(
    ("lang", "text", "iso"),
    [
        ("zh", "2013年9月26日", "2013-09-26"),
        ("zh", "2013 年 9 月 26 日", "2013-09-26"),
        ("zh", "二〇一三年九月二十六日", "2013-09-26"),
        ("zh", "一九四八年十二月十日", "1948-12-10"),
        ("en", "26 September 2013", "2013-09-26"),
        ("en", "September 26, 2013", "2013-09-26"),
        ("fr", "26 septembre 2013", "2013-09-26"),
        ("fr", "1er janvier 2014", "2014-01-01"),
        ("es", "26 de septiembre de 2013", "2013-09-26"),
        ("es", "1º de enero de 2014", "2014-01-01"),
        ("ru", "26 сентября 2013 года", "2013-09-26"),
        ("ru", "26-го сентября 2013 г.", "2013-09-26"),
        ("ar", "26 أيلول/سبتمبر 2013", "2013-09-26"),
        ("ar", "26 سبتمبر 2013", "2013-09-26"),
        ("ar", "10 كانون الأول / ديسمبر 1948", "1948-12-10"),
        ("ar", "٢٦ أيلول/سبتمبر ٢٠١٣", "2013-09-26"),
        ("zh", "２０１３年９月２６日", "2013-09-26"),
        ("en", "2013-09-26", "2013-09-26"),
    ],
)
def test_full_dates(lang: str, text: str, iso: str) -> None:
    assert [d.value for d in find_dates(to_ascii_digits(text), lang)] == [iso]
    assert hard_keys(f"({text})", lang) == [f"date {iso}"]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("zh", "2013年9月", "2013-09"),
        ("en", "in September 2013", "2013-09"),
        ("fr", "en septembre 2013", "2013-09"),
        ("es", "en septiembre de 2013", "2013-09"),
        ("ru", "в сентябре 2013 года", "2013-09"),
        ("ar", "في أيلول/سبتمبر 2013", "2013-09"),
        ("zh", "9月26日", "--09-26"),
        ("en", "on 26 September", "--09-26"),
        ("fr", "le 26 septembre", "--09-26"),
        ("es", "el 26 de septiembre", "--09-26"),
        ("ru", "26 сентября", "--09-26"),
        ("ar", "26 أيلول/سبتمبر", "--09-26"),
    ],
)
def test_partial_dates(lang: str, text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, lang)] == [value]


def test_english_may_is_a_month_only_when_capitalised() -> None:
    assert find_dates("Everyone may 2013", "en") == []
    assert [d.value for d in find_dates("in May 2013", "en")] == ["2013-05"]


@pytest.mark.parametrize(
    ("lang", "text", "keys"),
    [
        ("en", "1,000 people", ["number 1000"]),
        ("en", "2.5 tonnes", ["number 2.5"]),
        ("en", "1,234,567", ["number 1234567"]),
        ("fr", "1 000 personnes", ["number 1000"]),
        ("fr", "1\u00a0000 personnes", ["number 1000"]),
        ("fr", "1\u202f000 personnes", ["number 1000"]),
        ("fr", "2,5 tonnes", ["number 2.5"]),
        ("es", "1.000 personas", ["number 1000"]),
        ("es", "1 000 personas", ["number 1000"]),
        ("es", "2,5 toneladas", ["number 2.5"]),
        ("ru", "1 000 человек", ["number 1000"]),
        ("ru", "2,5 тонны", ["number 2.5"]),
        ("ar", "١٬٠٠٠ شخص", ["number 1000"]),
        ("ar", "٢٫٥ طن", ["number 2.5"]),
        ("ar", "1,000 شخص", ["number 1000"]),
        ("ar", "۷۴ رئیس", ["number 74"]),
        ("zh", "１，０００人", ["number 1000"]),
        ("zh", "1,000人", ["number 1000"]),
        ("zh", "２．５吨", ["number 2.5"]),
        ("en", "1948 2013", ["number 1948", "number 2013"]),
        ("en", "articles 1, 2 and 3", ["number 1", "number 2", "number 3"]),
    ],
)
def test_numbers_and_separators(lang: str, text: str, keys: list[str]) -> None:
    assert hard_keys(text, lang) == keys


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "12.5 per cent"),
        ("en", "12.5%"),
        ("fr", "12,5 %"),
        ("fr", "12,5 pour cent"),
        ("es", "12,5 por ciento"),
        ("ru", "12,5 процента"),
        ("ar", "12.5 في المائة"),
        ("ar", "١٢٫٥٪"),
        ("zh", "12.5%"),
        ("zh", "百分之12.5"),
    ],
)
def test_percentages(lang: str, text: str) -> None:
    assert hard_keys(text, lang) == ["percent 12.5"]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "one third of the members", "1/3"),
        ("en", "two-thirds majority", "2/3"),
        ("fr", "un tiers des membres", "1/3"),
        ("fr", "la majorité des deux tiers", "2/3"),
        ("es", "un tercio de los miembros", "1/3"),
        ("es", "mayoría de dos tercios", "2/3"),
        ("ru", "одна треть членов", "1/3"),
        ("ru", "большинством в две трети", "2/3"),
        ("ar", "ثلث الأعضاء", "1/3"),
        ("ar", "بأغلبية الثلثين", "2/3"),
        ("zh", "三分之一的成员", "1/3"),
        ("zh", "三分之二多数", "2/3"),
    ],
)
def test_fractions_in_words(lang: str, text: str, value: str) -> None:
    assert hard_keys(text, lang) == [f"fraction {value}"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("一九四八", 1948), ("二〇一三", 2013), ("二十九", 29), ("十", 10), ("十二", 12), ("六十八", 68),
     ("一百零五", 105), ("三千五百二十", 3520), ("三万五千", 35000), ("两", 2), ("abc", None), ("", None)],
)  # fmt: skip
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert parse_chinese(text) == value


def test_chinese_numerals_are_soft_except_years() -> None:
    tokens = extract("第十条 一九四八年", "zh")
    assert [(t.key, t.hard) for t in tokens] == [("number 10", False), ("number 1948", True)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "联合国大会一九四八年十二月十日第217A(III)号决议通过并颁布"),  # sources/udhr zh note
        ("ar", "اعتُمد بموجب قرار الجمعية العامة 217 ألف (د-3) المؤرخ في 10 كانون الأول / ديسمبر 1948."),  # udhr ar
        ("ru", "Принята и провозглашена резолюцией 217 А (III) Генеральной Ассамблеи от 10 декабря 1948 года."),  # udhr
        ("en", "Adopted by General Assembly resolution 217 A (III) of 10 December 1948."),
        ("fr", "Adoptée par la résolution 217 A (III) de l’Assemblée générale du 10 décembre 1948."),
        ("es", "Adoptada por la resolución 217 A (III) de la Asamblea General, de 10 de diciembre de 1948."),
    ],
)
def test_udhr_adoption_note_in_six_languages(lang: str, text: str) -> None:
    assert sorted(hard_keys(text, lang)) == ["date 1948-12-10", "symbol res 217A(III)"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("根据大会第 67/39 号决议", ["res 67/39"]),
        ("resolution 67/39", ["res 67/39"]),
        ("A/RES/67/39", ["res 67/39"]),
        ("قرار الجمعية العامة 67/39", ["res 67/39"]),
        ("A/68/563 and A/C.1/68/L.1", ["A/68/563", "A/C.1/68/L.1"]),
        ("S/RES/2118 (2013)", ["S/RES/2118(2013)"]),
        ("1514 (XV)", ["res 1514(XV)"]),
        ("2/3 of the members", []),
    ],
)
def test_symbols(text: str, values: list[str]) -> None:
    assert [s.value for s in find_symbols(text)] == values


def test_number_run_splits_unrelated_numbers() -> None:
    assert parse_number_run("2013 2014", "fr") == ["2013", "2014"]
    assert parse_number_run("1,2", "en") == ["1", "2"]


def test_soft_number_words() -> None:
    tokens = extract("Article premier", "fr")
    assert [(t.key, t.hard) for t in tokens] == [("number 1", False)]
