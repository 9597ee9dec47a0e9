"""Fixtures for the review tests.

``udhr_handmade``: the six real UDHR texts read straight from sources/udhr/*.xml
(title, note, preamble, articles and their paragraphs), with a HAND-MADE
alignment written here (structural by article and paragraph; the preamble
recitals mapped by reading them).  It lets the review checks be tested on real
text without depending on the ingest and align stages; the tests also run on
the real ``udhr_edition`` fixture when those stages are available.

``replace_text`` / ``drop_unit`` inject faults into a copy of an edition.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

from hlmpub import model
from hlmpub.config import load_document

ROOT = Path(__file__).resolve().parents[2]
UDHR = ROOT / "sources" / "udhr"
#: language → file, as the bundled document.toml names them
FILES = {v.lang: v.path.name for v in load_document(UDHR).versions}
NS = "{http://efele.net/udhr}"

#: Preamble rows by hand: for each row, the recital indexes in each language
#: (en/es have 10 paragraphs, fr/ru 9, ar 9 without the "friendly relations"
#: recital, zh 8 with the proclamation in one paragraph).
PREAMBLE_ROWS: list[dict[str, tuple[int, ...]]] = [
    *({lang: (k,) for lang in FILES} for k in range(3)),
    {"zh": (3,), "en": (3,), "es": (3,), "fr": (3,), "ru": (3,), "ar": ()},
    *({"zh": (k,), "en": (k,), "es": (k,), "fr": (k,), "ru": (k,), "ar": (k - 1,)} for k in (4, 5, 6)),
    {"zh": (7,), "en": (7, 8, 9), "es": (7, 8, 9), "fr": (7, 8), "ru": (7, 8), "ar": (6, 7, 8)},
]


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _units(lang: str) -> list[model.Unit]:
    root = etree.parse(str(UDHR / FILES[lang])).getroot()
    units = [model.Unit(f"{lang}-h0", lang, "meta", "meta:title", "", _text(root.find(NS + "title")))]
    note = root.find(NS + "note")
    if note is not None:
        for k, para in enumerate(note.findall(NS + "para"), start=1):
            units.append(model.Unit(f"{lang}-n{k}", lang, "note", f"meta:note.{k}", "", _text(para)))
    pre = root.find(NS + "preamble")
    units.append(model.Unit(f"{lang}-h1", lang, "chapter", "ch:pre", "", _text(pre.find(NS + "title"))))
    for k, para in enumerate(pre.findall(NS + "para")):
        units.append(model.Unit(f"{lang}-pu{k}", lang, "para", "", "", _text(para)))
    for art in root.findall(NS + "article"):
        n = int(art.get("number"))
        units.append(model.Unit(f"{lang}-h{n + 1}", lang, "section", f"art:{n}", "", _text(art.find(NS + "title"))))
        items = art.findall(f"{NS}orderedlist/{NS}listitem")
        if items:
            for j, item in enumerate(items, start=1):
                marker = item.get("tag") or f"{j}."
                text = " ".join(_text(p) for p in item.findall(NS + "para"))
                units.append(model.Unit(f"{lang}-p{n}-{j}", lang, "para", f"p:{n}.{j}", marker, text))
        else:
            for j, para in enumerate(art.findall(NS + "para"), start=1):
                units.append(model.Unit(f"{lang}-p{n}-{j}", lang, "para", f"p:{n}.{j}", "", _text(para)))
    return units


def _links(versions: dict[str, list[model.Unit]]) -> list[model.Link]:
    langs = list(versions)
    links = []
    by_key: dict[str, dict[str, list[str]]] = {}
    for lang, units in versions.items():
        for u in units:
            if u.key:
                by_key.setdefault(u.key, {}).setdefault(lang, []).append(u.id)
    for key, ids in by_key.items():
        score = 1.0 if len(ids) == len(langs) else 0.6
        links.append(model.Link({lang: tuple(ids.get(lang, ())) for lang in langs}, "structural", score, key))
        if key == "ch:pre":
            for row in PREAMBLE_ROWS:
                units = {lang: tuple(f"{lang}-pu{k}" for k in row[lang]) for lang in langs}
                one_to_one = all(len(v) == 1 for v in units.values())
                links.append(model.Link(units, "manual", 0.9 if one_to_one else 0.6, ""))
    return links


def build_udhr_handmade() -> model.Edition:
    """The six UDHR texts with the hand-made alignment (see module docstring)."""
    versions = {lang: _units(lang) for lang in FILES}
    meta = model.DocumentMeta(symbol="A/RES/217(III)", slug="udhr", session="3", date="1948-12-10")
    return model.Edition(
        meta=meta,
        versions=tuple(
            model.Version(lang, tuple(units), model.Source(FILES[lang], "udhr-xml", ""))
            for lang, units in versions.items()
        ),
        links=tuple(_links(versions)),
    )


@pytest.fixture(scope="session")
def udhr_handmade() -> model.Edition:
    return build_udhr_handmade()


def replace_text(edition: model.Edition, unit_id: str, old: str, new: str) -> model.Edition:
    """A copy of ``edition`` with ``old`` replaced by ``new`` in one unit (must occur).

    The copy has no sentence alignment: the unit's sentence spans no longer fit its text.
    """
    versions = []
    for v in edition.versions:
        units = []
        for u in v.units:
            if u.id == unit_id:
                assert old in u.text, f"{old!r} not in {unit_id}: {u.text[:80]}"
                u = dataclasses.replace(u, text=u.text.replace(old, new, 1), sentences=())
            units.append(u)
        versions.append(dataclasses.replace(v, units=tuple(units)))
    return dataclasses.replace(edition, versions=tuple(versions), sentence_links=())


def set_text(edition: model.Edition, unit_id: str, text: str) -> model.Edition:
    """A copy of ``edition`` with one unit's whole text replaced."""
    old = edition.units_by_id()[unit_id].text
    return replace_text(edition, unit_id, old, text)


def drop_unit(edition: model.Edition, unit_id: str) -> model.Edition:
    """A copy of ``edition`` without one unit (removed from its version and its link)."""
    versions = tuple(
        dataclasses.replace(v, units=tuple(u for u in v.units if u.id != unit_id)) for v in edition.versions
    )
    links = tuple(
        dataclasses.replace(lk, units={lang: tuple(i for i in ids if i != unit_id) for lang, ids in lk.units.items()})
        for lk in edition.links
    )
    return dataclasses.replace(edition, versions=versions, links=links)


@pytest.fixture(scope="session")
def edit() -> SimpleNamespace:
    """The fault injectors (pytest's importlib mode cannot import conftest from a test module)."""
    return SimpleNamespace(replace_text=replace_text, set_text=set_text, drop_unit=drop_unit)
