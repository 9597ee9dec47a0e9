"""Exports generated from the alignment: TMX 1.4b for CAT tools, XCES cesAlign pairs.

* TMX: one ``tu`` per row, one ``tuv`` per language that has text in the row (the
  pivot's first), ``segtype="paragraph"``, ``srclang`` the pivot (the alignment's
  pivot when the edition has it, else the first version); language codes as CAT
  tools expect them (``zh-CN``; ``[tool.hlmpub.export] tmx_langs`` overrides them); a header
  ``prop`` ``x-document`` names the document (its symbol).  A TMX needs two
  languages: a one-language edition gets none.  Several
  units of one language in a row are joined into one ``seg``.  A row of tables
  of the same shape (rows × columns) in every language gives one ``tu`` per cell
  instead (``segtype="block"``, ``prop`` ``x-table-row`` / ``x-table-col``,
  1-based, header rows included); tables whose shapes differ stay one ``tu``.
* Sentence level (the default, ``[tool.hlmpub.export] level``; needs an edition with a
  sentence alignment, else the paragraph level is written): one ``tu`` per sentence row
  instead of per paragraph row (``segtype="sentence"``, ``tuid`` ``row.sN``, ``prop``
  ``x-row`` the 1-based paragraph row), each ``tuv`` naming its sentences in
  ``x-sentences``; a row with a table stays as above (cells are not split into sentences).
* XCES: one ``cesAlign`` file per pair pivot → other language, in the style of
  the UN Parallel Corpus, OPUS and InterText: ``linkGrp[@fromDoc][@toDoc]`` and
  ``link[@xtargets="id1 id2;id3"][@certainty]``; both documents are the TEI.  At sentence
  level ``targType="s"`` and the targets are the ``s`` of the TEI.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .. import __version__
from ..align.tables import aligned_tables
from ..config import ExportSettings, Settings
from ..errors import ConfigError
from ..model import Edition, Link, Unit
from ..safeio import slug, write_bytes
from .names import XML_LANG, format_cert

#: Languages written without spaces between joined units.
NO_SPACE_LANGS = frozenset({"zh", "ja"})


def _joined(edition: Edition, link: Link, lang: str) -> str:
    units = edition.units_by_id()
    texts = [units[uid].text for uid in link.units.get(lang, ()) if uid in units]
    return ("" if lang in NO_SPACE_LANGS else " ").join(t for t in texts if t)


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    prop = etree.SubElement(parent, "prop", type=kind)
    prop.text = value


def table_cells(units: dict[str, Unit], link: Link) -> dict[str, Unit] | None:
    """lang → table when the row's tables correspond cell by cell (:func:`hlmpub.align.tables.aligned_tables`)."""
    return aligned_tables({lang: [units[i] for i in ids if i in units] for lang, ids in link.units.items()})


def _tu(body: etree._Element, tuid: str, link: Link, segtype: str) -> etree._Element:
    tu = etree.SubElement(body, "tu", tuid=tuid, segtype=segtype)
    if link.key:
        _prop(tu, "x-key", link.key)
    _prop(tu, "x-method", link.method)
    _prop(tu, "x-confidence", format_cert(link.score))
    return tu


class _Codes(dict[str, str]):
    """Our language code → the TMX's; a language not in the table keeps its own."""

    def __missing__(self, lang: str) -> str:
        return lang


def _tuv(tu: etree._Element, code: str, ids: list[str], text: str, prop: str = "x-units") -> None:
    tuv = etree.SubElement(tu, "tuv")
    tuv.set(XML_LANG, code)
    _prop(tuv, prop, " ".join(ids))
    etree.SubElement(tuv, "seg").text = text


def sentence_level(edition: Edition, level: str) -> bool:
    """True when an export at ``level`` is written by sentence: asked, and the edition has sentences."""
    return level == "sentence" and bool(edition.sentence_links)


def sentence_rows(edition: Edition) -> dict[int, list[Link]]:
    """The sentence links of each paragraph row (0-based row → its sentence links, in order)."""
    row_of_unit = {uid: r for r, lk in enumerate(edition.links) for ids in lk.units.values() for uid in ids}
    unit_of = {sid: u.id for v in edition.versions for u in v.units for sid in u.sentence_ids()}
    rows: dict[int, list[Link]] = {}
    for link in edition.sentence_links:
        first = next(sid for ids in link.units.values() for sid in ids)
        rows.setdefault(row_of_unit[unit_of[first]], []).append(link)
    return rows


def sentence_texts(edition: Edition) -> dict[str, str]:
    """Sentence id → its text."""
    return {
        sid: u.text[a:b]
        for v in edition.versions
        for u in v.units
        for sid, (a, b) in zip(u.sentence_ids(), u.sentences, strict=True)
    }


def _sentence_tus(
    body: etree._Element, row: int, links: list[Link], texts: dict[str, str], langs: tuple[str, ...], codes: _Codes
) -> None:
    """One ``tu`` per sentence row of paragraph row ``row`` (1-based); ``tuid`` row.sN."""
    for k, link in enumerate(links, start=1):
        tu = _tu(body, f"{row}.s{k}", link, "sentence")
        _prop(tu, "x-row", str(row))
        for lang in langs:
            ids = list(link.units.get(lang, ()))
            if ids:
                joiner = "" if lang in NO_SPACE_LANGS else " "
                _tuv(tu, codes[lang], ids, joiner.join(texts[i] for i in ids), "x-sentences")


def _cell_tus(
    body: etree._Element, row: int, link: Link, tables: dict[str, Unit], langs: tuple[str, ...], codes: _Codes
) -> None:
    """One ``tu`` per cell that holds text in some language; ``tuid`` row.r.c."""
    n_rows, n_cols = next(iter(tables.values())).shape
    for r in range(n_rows):
        for c in range(n_cols):
            cells = {lang: _cell(t, r, c) for lang, t in tables.items()}
            if not any(text.strip() for text in cells.values()):
                continue
            tu = _tu(body, f"{row}.{r + 1}.{c + 1}", link, "block")
            _prop(tu, "x-table-row", str(r + 1))
            _prop(tu, "x-table-col", str(c + 1))
            for lang in langs:
                if lang in cells and cells[lang].strip():
                    _tuv(tu, codes[lang], [tables[lang].id], cells[lang])


def _cell(table: Unit, r: int, c: int) -> str:
    row = table.rows[r]
    return row[c] if c < len(row) else ""  # a short row of a ragged table


def tmx_pivot(edition: Edition, pivot: str | None = None) -> str:
    """The source language of a TMX: ``pivot`` when the edition has it, else its first language."""
    return pivot if pivot in edition.langs else edition.langs[0]


def tmx_tree(
    edition: Edition, codes: dict[str, str] | None = None, pivot: str | None = None, level: str = "paragraph"
) -> etree._ElementTree:
    """The TMX 1.4b document of an edition's alignment; ``codes``: our language → the TMX's code.

    ``level`` ``sentence``: one ``tu`` per sentence row (when the edition has a sentence alignment).
    """
    by_sentence = sentence_level(edition, level)
    codes = _Codes(ExportSettings().tmx_codes() if codes is None else codes)
    source = tmx_pivot(edition, pivot)
    langs = (source, *(lang for lang in edition.langs if lang != source))
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        creationtool="hlmpub",
        creationtoolversion=__version__,
        segtype="sentence" if by_sentence else "paragraph",
        adminlang="en",
        srclang=codes[source],
        datatype="plaintext",
    )
    header.set("o-tmf", "hlmpub-tei")
    _prop(header, "x-document", edition.meta.symbol)
    body = etree.SubElement(root, "body")
    units = edition.units_by_id()
    rows = sentence_rows(edition) if by_sentence else {}
    texts = sentence_texts(edition) if by_sentence else {}
    for row, link in enumerate(edition.links, start=1):
        tables = table_cells(units, link)
        if tables is not None:
            _cell_tus(body, row, link, tables, langs, codes)
            continue
        if row - 1 in rows and not any(units[i].kind == "table" for ids in link.units.values() for i in ids):
            _sentence_tus(body, row, rows[row - 1], texts, langs, codes)
            continue
        tu = _tu(body, str(row), link, "paragraph")
        for lang in langs:
            ids = [uid for uid in link.units.get(lang, ()) if uid in units]
            if ids:
                _tuv(tu, codes[lang], ids, _joined(edition, link, lang))
    return root.getroottree()


def xces_tree(edition: Edition, lang: str, tei_name: str, level: str = "paragraph") -> etree._ElementTree:
    """A ``cesAlign`` document pivot → ``lang``: one link per row (or sentence row) that has either side."""
    pivot = edition.langs[0]
    by_sentence = sentence_level(edition, level)
    root = etree.Element("cesAlign", version="1.0")
    group = etree.SubElement(root, "linkGrp", targType="s" if by_sentence else "p", fromDoc=tei_name, toDoc=tei_name)
    group.set("fromLang", pivot)
    group.set("toLang", lang)
    for row, link in enumerate(edition.sentence_links if by_sentence else edition.links, start=1):
        left, right = link.units.get(pivot, ()), link.units.get(lang, ())
        if not left and not right:
            continue
        el = etree.SubElement(group, "link", id=f"SL{row}", xtargets=f"{' '.join(left)};{' '.join(right)}")
        el.set("certainty", format_cert(link.score))
    return root.getroottree()


def _serialise(tree: etree._ElementTree) -> bytes:
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def write_tmx(edition: Edition, target: Path, settings: Settings | None = None) -> Path:
    """Write the TMX file ``target`` atomically (language codes and pivot from ``settings``)."""
    if len(edition.langs) < 2:
        raise ConfigError(f"{edition.meta.symbol}: no TMX, the edition has one language ({edition.langs[0]})")
    settings = settings or Settings()
    tree = tmx_tree(edition, settings.export.tmx_codes(), settings.align.pivot, settings.export.level)
    return write_bytes(target, _serialise(tree))


def write_xces(edition: Edition, out_dir: Path, level: str = "paragraph") -> list[Path]:
    """Write ``<slug>.<pivot>-<lang>.xces.xml`` for every non-pivot language (by sentence at ``level`` sentence)."""
    name = slug(edition.meta.slug or edition.meta.symbol)
    pivot = edition.langs[0]
    written = []
    for lang in edition.langs[1:]:
        tree = xces_tree(edition, lang, f"{name}.tei.xml", level)
        written.append(write_bytes(out_dir / f"{name}.{pivot}-{lang}.xces.xml", _serialise(tree)))
    return written


def export_edition(edition: Edition, fmt: str, target: Path, settings: Settings | None = None) -> list[Path]:
    """Export as ``tmx`` (a file, or ``<slug>.tmx`` in a folder) or ``xces`` (files in a folder).

    A TMX of a one-language edition is a ConfigError: a memory with no targets helps no CAT tool.
    """
    if not edition.versions:
        raise ConfigError(f"{edition.meta.symbol}: nothing to export, the edition has no language version")
    target = Path(target)
    if fmt == "tmx":
        path = target if target.suffix.lower() == ".tmx" else target / f"{slug(edition.meta.slug)}.tmx"
        return [write_tmx(edition, path, settings)]
    if fmt == "xces":
        return write_xces(edition, target, (settings or Settings()).export.level)
    raise ConfigError(f"unknown export format {fmt!r}; known: tmx, xces")
