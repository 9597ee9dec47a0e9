"""Long PDFs for the ingest benchmark: note_en.docx's body repeated, exported by LibreOffice.

The body of ``tests/fixtures/real_un/note_en.docx`` after the title block
(paragraphs 1–7 with the unnumbered heading, the 31-row table and its note, two
footnote references) is copied ``copies`` times, paragraph numbers continuing
(copy k numbers its paragraphs from 7k + 1), and the DOCX exported with
LibreOffice as tagged or untagged PDF (the filters of
``tests/fixtures/real_un/make_fixtures.py``).  One copy is about 1.5 pages.
The PDFs are kept in ``benchmarks/.cache/`` (git-ignored) and made again only
when missing.  Needs python-docx and ``soffice``.

    .venv/bin/python benchmarks/long_pdf.py 67 [--untagged]     # → benchmarks/.cache/note_en_x67.tagged.pdf
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTE = ROOT / "tests" / "fixtures" / "real_un" / "note_en.docx"
CACHE = Path(__file__).resolve().parent / ".cache"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILTERS = {
    "tagged": 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}',
    "untagged": "pdf:writer_pdf_Export",
}
#: Body elements of note_en.docx repeated: paragraph 1 (index 7) to paragraph 7 (index 18), before w:sectPr.
FIRST, LAST = 7, 19
PARAGRAPHS_PER_COPY = 7


def long_docx(copies: int, out: Path) -> Path:
    """note_en.docx with its body after the title block repeated ``copies`` times in all, each copy its own notes."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    document = docx.Document(str(NOTE))
    notes_part = document.part.part_related_by(RT.FOOTNOTES)
    notes = etree.fromstring(notes_part.blob)
    by_id = {n.get(f"{W}id"): n for n in notes.iter(f"{W}footnote")}
    body = list(document.element.body)
    part, section = body[FIRST:LAST], body[LAST]
    for k in range(1, copies):
        for element in part:
            new = copy.deepcopy(element)
            first = next(new.iter(f"{W}t"), None)  # the typed paragraph number "1." is the first text run
            if first is not None and (m := re.fullmatch(r"(\d+)\.", first.text or "")):
                first.text = f"{int(m.group(1)) + PARAGRAPHS_PER_COPY * k}."
            for ref in new.iter(f"{W}footnoteReference"):  # a footnote referenced twice is read as an empty one
                note = copy.deepcopy(by_id[ref.get(f"{W}id")])
                note.set(f"{W}id", str(int(ref.get(f"{W}id")) + 100 * k))
                ref.set(f"{W}id", note.get(f"{W}id"))
                notes.append(note)
            section.addprevious(new)
    notes_part._blob = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    document.save(str(out))
    return out


def long_pdf(copies: int, kind: str = "tagged") -> Path:
    """The long note as a tagged or untagged PDF (made once, then taken from the cache)."""
    target = CACHE / f"note_en_x{copies}.{kind}.pdf"
    if target.exists():
        return target
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hlmpub-long-") as tmp:
        source = long_docx(copies, Path(tmp) / f"note_en_x{copies}.docx")
        profile = Path(tmp) / "profile"
        command = [
            "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", FILTERS[kind], "--outdir", tmp, str(source),
        ]  # fmt: skip
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        (Path(tmp) / f"note_en_x{copies}.pdf").replace(target)
    return target


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(long_pdf(int(args[0]) if args else 67, "untagged" if "--untagged" in sys.argv else "tagged"))
