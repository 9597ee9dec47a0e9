"""Golden files: the HTML handed to weasyprint and the DOCX word/document.xml for the small synthetic model.

Regenerate with ``pytest tests/render --update-golden`` and review the diff.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from hlmpub import __version__
from hlmpub.config import Settings
from hlmpub.render import docx, pdf
from hlmpub.render.rows import build_table


def _neutral(text: str) -> str:
    return text.replace(f"hlmpub {__version__}", "hlmpub VERSION")


def _canonical_xml(data: bytes) -> str:
    canonical = etree.canonicalize(xml_data=data.decode("utf-8"), strip_text=True)
    root = etree.fromstring(canonical.encode("utf-8"), etree.XMLParser(remove_blank_text=True))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def _document_xml(table, settings: Settings) -> str:
    buffer = io.BytesIO()
    docx.build_document(table, settings).save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return _canonical_xml(archive.read("word/document.xml"))


def test_html_six_languages(small_edition, golden):
    html, base = pdf.render_html(build_table(small_edition), Settings())
    assert base.name == "pdf" and '<link rel="stylesheet" href="edition.css">' in html
    golden("render/udhr_small.html", _neutral(html))


def test_html_review_three_languages(small_edition, golden):
    html, _ = pdf.render_html(build_table(small_edition, ("zh", "en", "ar"), review=True), Settings())
    assert re.search(r'class="l-ar[^"]* flagged"', html) and re.search(r'class="l-en[^"]* flagged"', html)
    golden("render/udhr_small.review.html", _neutral(html))


@pytest.mark.slow
def test_docx_document_xml(small_edition, golden):
    golden("render/udhr_small.document.xml", _document_xml(build_table(small_edition), Settings()))


@pytest.mark.slow
def test_docx_review_document_xml(small_edition, golden):
    table = build_table(small_edition, ("zh", "en", "ar"), review=True)
    golden("render/udhr_small.review.document.xml", _document_xml(table, Settings()))
