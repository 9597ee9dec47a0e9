"""The PDF reader: the seed laid out as a UN-style PDF reads back as the same units; RTL order; bad PDFs.

Every PDF here is generated in tmp_path (weasyprint, HTML built with lxml) from units: the seed's, as the text
reader gives them, and the synthetic Arabic and Russian units in tests/fixtures/ingest_formats/.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import builder as E

from hlmpub.cli import run
from hlmpub.errors import ExitCode, InputError
from hlmpub.ingest import read_version
from hlmpub.ingest.readers.pdf_bidi import Char, logical_line, orient_brackets, resolve_levels
from hlmpub.ingest.readers.pdf_text import pdf_pages
from hlmpub.model import Unit

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sources" / "A_68_563" / "zh.txt"
FORMATS = ROOT / "tests" / "fixtures" / "ingest_formats"

FONTS = {"zh": '"Noto Serif CJK SC"', "ar": '"Amiri"', "ru": '"Noto Serif"'}


def load_rows(lang: str) -> list[tuple[str, str, str, str]]:
    """(kind, key, marker, text) rows of a synthetic fixture (tests/fixtures/ingest_formats/<lang>_synthetic.tsv)."""
    lines = (FORMATS / f"{lang}_synthetic.tsv").read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]
    assert all(len(r) == 4 for r in rows)
    return rows  # type: ignore[return-value]


def page_css(lang: str, symbol: str, job: str, barcode: str) -> str:
    """A4, running symbol header, ``2/9`` page numbers and the job number at the foot, as UN documents do.

    The margin boxes use Noto Serif: sharing the body's Arabic font makes weasyprint map the mirrored bracket
    glyphs of the RTL body to the wrong characters in the LTR footer (docs/design/pdf-reader.md).
    """
    body_font = FONTS[lang]
    box = '"Noto Serif", "Noto Serif CJK SC"'
    return f"""
@page {{ size: A4; margin: 2.4cm 2.2cm 2.6cm 2.2cm;
  @top-left {{ content: "{symbol}"; font: 9pt {box}; }}
  @bottom-left {{ content: counter(page) "/" counter(pages); font: 9pt {box}; }}
  @bottom-right {{ content: "{job}"; font: 8pt {box}; }} }}
@page :first {{ @top-left {{ content: none; }} @bottom-left {{ content: "{job}"; font: 8pt {box}; }}
  @bottom-right {{ content: "{barcode}"; font: 8pt {box}; }} }}
body {{ font: 12pt/1.7 {body_font}; }}
p, h1, h2 {{ margin: 0 0 8pt 0; text-align: justify; }}
h1, h2 {{ font-size: 12pt; font-weight: bold; }}
p.sub {{ margin-inline-start: 1.5cm; }}
p.masthead {{ margin: 0; font-size: 10pt; }}
p {{ orphans: 1; widows: 1; }}
div.spacer {{ break-before: page; height: 23.6cm; }}
"""


def un_html(units: list[tuple[str, str, str]], lang: str, symbol: str, job: str, cross: int = -1) -> str:
    """UN-style HTML for units given as (kind, marker, text): masthead, headings, paragraphs.

    With ``cross`` the unit of that index starts on the last line of a page (after an empty spacer), so it
    runs across the page break whatever the fonts.
    """
    barcode = "*" + job.split()[0].replace("-", "") + "*"
    direction = "rtl" if lang == "ar" else "ltr"
    body = E.BODY(dir=direction, lang=lang)
    for line in (
        "United Nations",
        symbol,
        "General Assembly",
        "Distr.: General",
        "30 October 2013",
        "Original: English",
    ):
        body.append(E.P(line, E.CLASS("masthead"), dir="ltr"))
    for index, (kind, marker, text) in enumerate(units):
        if index == cross:
            body.append(E.DIV(E.CLASS("spacer")))
        label = f"{marker} {text}" if marker else text
        if kind == "chapter":
            body.append(E.H1(label))
        elif kind == "section":
            body.append(E.H2(label))
        else:
            body.append(E.P(label, E.CLASS("sub" if kind == "subpara" else kind)))
    head = E.HEAD(E.META(charset="utf-8"), E.STYLE(page_css(lang, symbol, job, barcode)))
    return etree.tostring(E.HTML(head, body, lang=lang), method="html", encoding="unicode")


def render_pdf(
    path: Path, units: list[tuple[str, str, str]], lang: str, symbol: str, job: str, cross: int = -1
) -> Path:
    import weasyprint

    path.write_bytes(weasyprint.HTML(string=un_html(units, lang, symbol, job, cross)).write_pdf())
    return path


def as_rows(units: tuple[Unit, ...]) -> list[tuple[str, str, str, str, str]]:
    return [(u.id, u.kind, u.key, u.marker, u.text) for u in units]


def crosses_a_page(pages: list[str], texts: list[str]) -> bool:
    """True when some unit starts on one page and ends on the next."""
    flat = ["".join(p.split()) for p in pages]
    for text in texts:
        t = "".join(text.split())
        for a, b in zip(flat, flat[1:], strict=False):
            if t[:12] in a and t[-12:] in b and t[-12:] not in a:
                return True
    return False


# ------------------------------------------------------------------ the seed


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    seed = read_version(SEED, "zh")
    units = [(u.kind, u.marker, u.text) for u in seed.units]
    pdf = render_pdf(tmp_path_factory.mktemp("pdf") / "A_68_563_zh.pdf", units, "zh", "A/68/563", "13-53431 (C)")
    return seed, pdf


@pytest.mark.slow
def test_seed_as_un_pdf_gives_the_same_units(seed_pdf):
    seed, pdf = seed_pdf
    version = read_version(pdf, "zh")
    assert as_rows(version.units) == as_rows(seed.units)
    assert len(version.units) == 102
    assert version.source.format == "pdf" and version.source.path == "A_68_563_zh.pdf"
    assert version.source.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    # the furniture went into metadata, not into the text
    assert version.meta["symbol"] == "A/68/563" and version.meta["original"] == "en"
    assert version.meta["job"] == "13-53431 (C)"
    assert int(version.meta["pages"]) >= 5


@pytest.mark.slow
def test_seed_pdf_really_has_the_layout(seed_pdf):
    """Not a trivial PDF: headers, x/y page numbers, job numbers, wrapped lines, a page-crossing paragraph."""
    seed, pdf = seed_pdf
    pages = pdf_pages(pdf.read_bytes(), pdf, "zh")
    n = len(pages)
    assert n >= 5
    for i, page in enumerate(pages[1:], start=2):
        lines = page.splitlines()
        assert "A/68/563" in lines and any(f"{i}/{n}" in line for line in lines)
        assert any("13-53431 (C)" in line for line in lines)
    paras = [u.text for u in seed.units if u.kind == "para"]
    body_lines = [line for page in pages for line in page.splitlines()]
    assert len(body_lines) > len(seed.units) + 60  # paragraphs wrap over several lines
    assert crosses_a_page(pages, paras)


# ----------------------------------------------------------- synthetic RTL / Cyrillic


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_synthetic_pdf_reads_back_in_logical_order(tmp_path, lang):
    # synthetic: tests/fixtures/ingest_formats/{ar,ru}_synthetic.tsv (invented symbol A/99/001, job 99-00001)
    rows = load_rows(lang)
    units = [(kind, marker, text) for kind, _key, marker, text in rows]
    job = f"99-00001 ({'A' if lang == 'ar' else 'R'})"
    last = len(rows) - 1  # the last paragraph runs across a page break
    pdf = render_pdf(tmp_path / f"{lang}.pdf", units, lang, "A/99/001", job, cross=last)
    version = read_version(pdf, lang)
    assert [(u.kind, u.key, u.marker, u.text) for u in version.units] == [tuple(r) for r in rows]
    assert version.meta["symbol"] == "A/99/001"
    assert version.meta["job"] == job
    pages = pdf_pages(pdf.read_bytes(), pdf, lang)
    assert len(pages) >= 3 and crosses_a_page(pages, [rows[last][3]])


@pytest.mark.slow
def test_arabic_markers_and_numbers_in_logical_order(tmp_path):
    """The places where PDFium alone goes wrong: a comma after a number, brackets, a Latin symbol inside Arabic."""
    rows = load_rows("ar")
    pdf = render_pdf(tmp_path / "ar.pdf", [(k, m, t) for k, _, m, t in rows], "ar", "A/99/001", "99-00001 (A)")
    lines = [line for page in pdf_pages(pdf.read_bytes(), pdf, "ar") for line in page.splitlines()]
    assert any(line.startswith("1 - تتناول") for line in lines)
    assert any(line.startswith("ألف - المسائل") for line in lines)
    assert any(line.startswith("(أ) البند الأول") for line in lines)
    text = " ".join(lines)
    assert "للقرار 98/12، وشارك" in text
    assert "(انظر الوثيقة A/99/001)" in text


# ------------------------------------------------------------- bidi, no PDF needed


def _word(text: str, right: float, step: float = 5.0) -> list[Char]:
    """An Arabic word as PDFium reports it: logical order, each letter drawn left of the one before."""
    return [Char(c, right - (i + 1) * step, right - i * step) for i, c in enumerate(text)]


def _ltr(text: str, left: float, step: float = 5.0) -> list[Char]:
    return [Char(c, left + i * step, left + (i + 1) * step) for i, c in enumerate(text)]


def test_comma_after_a_number_goes_back_after_it():
    # PDFium order and glyph boxes as measured on a weasyprint PDF: "للقرار ،67/39 وشارك"
    chars = _word("للقرار", 270) + [Char(" ", 236, 240), Char("،", 202, 206)]
    chars += _ltr("67/39", 207) + [Char(" ", 196, 200)] + _word("وشارك", 195)
    assert "".join(c.text for c in chars) == "للقرار ،67/39 وشارك"
    assert logical_line(chars, rtl_base=True) == "للقرار 67/39، وشارك"


def test_latin_symbol_stays_whole_and_brackets_turn():
    # "(انظر A/99/001)." drawn right to left; PDFium reports ")انظر /99/001A)."
    chars = [Char(")", 296, 300)] + _word("انظر", 295) + [Char(" ", 270, 274)]
    chars += [Char("/", 225, 229)] + _ltr("99/001", 230)
    chars += [Char("A", 219, 224), Char(")", 214, 218), Char(".", 209, 212)]
    assert logical_line(chars, rtl_base=True) == "(انظر A/99/001)."


def test_orient_brackets_by_spacing():
    assert orient_brackets(")أ( البند") == "(أ) البند"
    assert orient_brackets("13-53431 )A(") == "13-53431 (A)"
    assert orient_brackets("a) b)(c") == "a) b)(c"  # no clear spacing: left alone


def test_resolve_levels_arabic_digits_and_latin():
    # R paragraph: Arabic letters 1, European digits and Latin letters 2, the space between them 1
    assert resolve_levels(["AL", "WS", "EN", "CS", "EN", "WS", "L"], 1) == [1, 1, 2, 2, 2, 1, 2]
    # L paragraph: an Arabic word inside English text is raised to 1
    assert resolve_levels(["L", "WS", "AL", "WS", "L"], 0) == [0, 0, 1, 0, 0]


# ------------------------------------------------------------------ bad PDFs


def _fails(capsys, path: Path, needle: str, lang: str = "zh") -> str:
    before = sorted(path.parent.iterdir())
    assert run(["ingest", str(path), "--lang", lang]) == ExitCode.INPUT
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    assert path.name in err and needle in err, err
    assert "Traceback" not in captured.err and captured.out == ""
    assert sorted(path.parent.iterdir()) == before  # nothing written
    return err


def test_not_a_pdf(tmp_path, capsys):
    f = tmp_path / "letter.pdf"
    f.write_text("1. 这不是PDF文件。\n", encoding="utf-8")
    _fails(capsys, f, "not a PDF")


def test_corrupt_pdf(tmp_path, capsys):
    f = tmp_path / "corrupt.pdf"
    f.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    _fails(capsys, f, "corrupt PDF")


@pytest.mark.slow
def test_truncated_pdf(tmp_path, capsys, seed_pdf):
    _seed, pdf = seed_pdf
    f = tmp_path / "cut.pdf"
    f.write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 2])
    _fails(capsys, f, "truncated")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def encrypted_pdf(user_password: bytes) -> bytes:
    """A one-page PDF under the PDF 1.1 standard security handler (RC4 40-bit, revision 2)."""
    file_id = bytes(range(16))
    pad = (user_password + PAD)[:32]
    owner = _rc4(hashlib.md5((b"owner" + PAD)[:32]).digest()[:5], pad)
    perms = -4
    key = hashlib.md5(pad + owner + struct.pack("<i", perms) + file_id).digest()[:5]
    user = _rc4(key, PAD)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <" + user.hex().encode() + b">"
        b" /P " + str(perms).encode() + b" >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    ident = file_id.hex().encode()
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (len(objects) + 1, ident, ident)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_encrypted_pdf(tmp_path, capsys):
    import pypdfium2 as pdfium

    data = encrypted_pdf(b"secret")
    doc = pdfium.PdfDocument(data, password="secret")  # the fixture is a real encrypted PDF ...
    assert len(doc) == 1
    doc.close()
    f = tmp_path / "locked.pdf"
    f.write_bytes(data)
    err = _fails(capsys, f, "encrypted")  # ... that needs a password we do not have
    assert "password" in err


@pytest.mark.slow
def test_pdf_without_text_layer(tmp_path, capsys):
    import weasyprint

    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='200'><rect width='300' height='200'/></svg>"
    html = etree.tostring(E.HTML(E.BODY(E.IMG(src="data:image/svg+xml;utf8," + svg))), encoding="unicode")
    f = tmp_path / "scanned.pdf"
    f.write_bytes(weasyprint.HTML(string=html).write_pdf())
    err = _fails(capsys, f, "no text layer")
    assert "OCR" in err


def test_errors_name_the_file_through_the_api(tmp_path):
    f = tmp_path / "nothing.pdf"
    f.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(InputError) as err:
        read_version(f, "en")
    assert "nothing.pdf" in str(err.value)
