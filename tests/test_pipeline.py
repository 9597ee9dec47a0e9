"""The recipe end to end on the bundled real sources."""

from __future__ import annotations

from hlmpub.config import Settings
from hlmpub.model import Source, Unit, Version
from hlmpub.pipeline import document_titles, order_langs


def test_titles_come_from_each_version(udhr_edition, seed_edition):
    titles = udhr_edition.meta.titles
    assert list(titles) == ["zh", "ar", "en", "es", "fr", "ru"]
    assert titles["zh"] == "世界人权宣言"
    assert titles["en"] == "Universal Declaration of Human Rights"
    assert titles["ru"] == "Всеобщая декларация прав человека"
    assert seed_edition.meta.titles == {"zh": "大会核裁军问题高级别会议的摘要"}


def test_document_toml_title_wins_over_the_title_unit():
    # synthetic one-unit version
    v = Version("en", (Unit("en-m1", "en", "meta", "meta:title", "", "Printed title"),), Source("en.txt", "txt", "0"))
    assert document_titles([v], {"en": "Title from document.toml"}) == {"en": "Title from document.toml"}
    assert document_titles([v], {}) == {"en": "Printed title"}


def test_column_order_pivot_first_then_alphabetical_or_as_asked():
    langs = ["ar", "en", "zh", "ru"]
    assert order_langs(langs, Settings()) == ("zh", "ar", "en", "ru")
    assert order_langs(langs, Settings(langs=("en", "zh"))) == ("en", "zh")
