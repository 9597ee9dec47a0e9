"""The PDF edition: every unit's text in order per column, fonts embedded, outline, metadata, variants."""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path

import pypdfium2
import pytest

from hlmpub import model
from hlmpub.config import Settings
from hlmpub.errors import ConfigError
from hlmpub.render import render_edition
from hlmpub.render.pdf import lay_out
from hlmpub.render.rows import build_table

pytestmark = pytest.mark.slow

EMBEDDED_FAMILIES = ("Noto-Serif", "NotoSerif", "Noto-Naskh-Arabic", "Amiri")


def _render(edition: model.Edition, tmp_path: Path, langs: tuple[str, ...] = (), **kw) -> Path:
    settings = Settings(langs=langs).with_(pdf_variant=kw.pop("pdf_variant", None))
    return render_edition(edition, "pdf", tmp_path / f"{edition.meta.slug}.pdf", settings, **kw)


def _check_fidelity(tc, edition: model.Edition, pdf: Path, langs: tuple[str, ...] = ()) -> None:
    table = build_table(edition, langs)
    columns = tc.column_texts(pdf, lay_out(table, Settings(langs=langs)))
    whole = tc.full_text(pdf)
    for lang in table.langs:
        units = edition.version(lang).units
        body = [u for u in units if u.kind != "meta"]
        assert tc.missing_in_order(body, columns[lang], lang) == [], lang
        titles = [u for u in units if u.kind == "meta"]
        assert tc.missing_in_order(titles, whole, lang) == [], lang


def test_small_edition_every_unit_in_order_per_column(small_edition, tmp_path, textcheck):
    _check_fidelity(textcheck, small_edition, _render(small_edition, tmp_path))


def test_fidelity_check_notices_a_missing_unit(small_edition, tmp_path, textcheck):
    tc = textcheck
    pdf = _render(small_edition, tmp_path)
    columns = tc.column_texts(pdf, lay_out(build_table(small_edition), Settings()))
    intruder = model.Unit("ar-x", "ar", "para", "", "", "هذه فقرة ليست في النص")
    assert tc.missing_in_order([intruder], columns["ar"], "ar") == ["ar-x"]
    zh = small_edition.version("zh").units
    assert tc.missing_in_order([zh[-1], zh[3]], columns["zh"], "zh") == [zh[3].id]  # order matters


def test_seed_edition_every_unit_in_order(seed_edition, tmp_path, textcheck):
    _check_fidelity(textcheck, seed_edition, _render(seed_edition, tmp_path))


@pytest.mark.parametrize("langs", [("zh", "en", "ar"), ()])
def test_udhr_edition_every_unit_in_order_all_scripts(udhr_edition, tmp_path, langs, textcheck):
    pdf = _render(udhr_edition, tmp_path, langs)
    _check_fidelity(textcheck, udhr_edition, pdf, langs)


def _fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def test_all_fonts_embedded_and_only_the_chosen_faces(udhr_edition, tmp_path):
    rows = _fonts(_render(udhr_edition, tmp_path))
    names = [r[0].split("+", 1)[-1] for r in rows]
    assert rows and all("yes" in r[-5:-2][0] for r in rows), rows
    assert all(n.startswith(EMBEDDED_FAMILIES) for n in names), names
    assert any("CJK-SC" in n for n in names) and any("Naskh" in n for n in names)


def test_outline_from_chapters_and_sections(seed_edition, tmp_path):
    pdf = pypdfium2.PdfDocument(_render(seed_edition, tmp_path))
    toc = list(pdf.get_toc())
    units = seed_edition.version("zh").units
    chapters = [u for u in units if u.kind == "chapter"]
    sections = [u for u in units if u.kind == "section"]
    assert len(toc) == len(chapters) + len(sections)
    assert [t.get_title() for t in toc if t.level == 0] == [f"{u.marker} {u.text}".strip() for u in chapters]
    assert sum(1 for t in toc if t.level == 1) == len(sections)


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_metadata_page_size_running_header_and_footer(small_edition, tmp_path):
    pdf = _render(small_edition, tmp_path)
    info = _info(pdf)
    assert info["Title"] == "世界人权宣言"
    assert info["Creator"].startswith("hlmpub")
    assert info["Keywords"] == "A/RES/217(III), zh, ar, en, es, fr, ru"
    assert info["Page size"].startswith("841.89 x 595.2")  # six languages: A4 landscape
    pages = int(info["Pages"])
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "A/RES/217(III)" in text and f"{page}/{pages}" in text.replace(" ", "")
        assert "English" in text and "Русский" in text  # the header row repeats
    three = _info(_render(small_edition, tmp_path, ("zh", "en", "ar")))
    assert three["Page size"].startswith("595.2")


def test_pdf_a3b_carries_the_tei(small_edition, tmp_path):
    tei = b'<?xml version="1.0"?><teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>'
    pdf = _render(small_edition, tmp_path, pdf_variant="pdf/a-3b", tei_bytes=tei)
    listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "udhr-small.tei.xml" in listing
    out = tmp_path / "back.xml"
    subprocess.run(["pdfdetach", "-save", "1", "-o", str(out), str(pdf)], check=True)
    assert out.read_bytes() == tei
    xmp = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "pdfaid:part" in xmp and "3" in xmp


def _af_arrays(pdf: Path) -> list[list[bytes]]:
    """The references of every ``/AF`` array in the PDF, its compressed object streams included."""
    data = pdf.read_bytes()
    bodies = [data]
    for start in re.finditer(rb"stream\r?\n", data):
        try:
            bodies.append(zlib.decompressobj().decompress(data[start.end() :]))
        except zlib.error:
            continue
    arrays = [m for body in bodies for m in re.findall(rb"/AF\s*\[([^\]]*)\]", body)]
    return [re.findall(rb"\d+ \d+ R", refs) for refs in arrays]


def test_pdf_a3b_lists_the_tei_in_af_once(small_edition, tmp_path):
    """weasyprint 70 puts each attachment in the catalog's /AF twice (from the name tree and from its filespec)."""
    tei = b'<?xml version="1.0"?><teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>'
    pdf = _render(small_edition, tmp_path, ("en", "fr"), pdf_variant="pdf/a-3b", tei_bytes=tei)
    [af] = _af_arrays(pdf)
    assert len(af) == 1
    listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert listing.splitlines()[0] == "1 embedded files"


def test_pdf_ua_variant_is_tagged(small_edition, tmp_path):
    assert _info(_render(small_edition, tmp_path, ("en", "fr"), pdf_variant="pdf/ua-1"))["Tagged"] == "yes"


def test_unknown_variant_is_one_line_error(small_edition, tmp_path):
    with pytest.raises(ConfigError, match="pdf_variant = 'pdf/x-9': expected one of pdf/a-3b"):
        _render(small_edition, tmp_path, pdf_variant="pdf/x-9")


def test_review_pdf_shows_findings_column(small_edition, tmp_path, textcheck):
    pdf = _render(small_edition, tmp_path, ("zh", "en", "ar"), review=True)
    text = re.sub(r"\s+", " ", textcheck.full_text(pdf))
    assert "findings" in text and "missing-unit" in text and "length-ratio" in text


def test_collector_runs_less_often_during_a_render_and_is_restored(small_edition, tmp_path, monkeypatch):
    import gc

    from hlmpub.render import pdf as pdf_module

    seen: list[tuple[int, int, int]] = []
    real_lay_out = pdf_module.lay_out

    def spying(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real_lay_out(*args, **kwargs)

    monkeypatch.setattr(pdf_module, "lay_out", spying)
    before = gc.get_threshold()
    render_edition(small_edition, "pdf", tmp_path / "e.pdf", Settings())
    assert seen and seen[0][0] == max(before[0], pdf_module.YOUNG_THRESHOLD)
    assert gc.get_threshold() == before
    # restored when the render fails too
    monkeypatch.setattr(pdf_module, "lay_out", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        render_edition(small_edition, "pdf", tmp_path / "f.pdf", Settings())
    assert gc.get_threshold() == before


def test_survivors_are_left_to_the_os_at_exit():
    """A fresh interpreter that rendered a PDF freezes the collector at exit (skips the final collection)."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import atexit, gc, sys
        from hlmpub.render import pdf
        registered = []
        atexit.register = lambda f, *a, **k: registered.append(f)  # observe only
        pdf.free_at_exit(); pdf.free_at_exit()
        sys.exit(0 if registered == [gc.freeze] else 1)
        """
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 0
