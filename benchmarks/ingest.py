"""Speed of the text reader: units per second on the seed and on the seed repeated; the untagged PDF reader.

Run:  .venv/bin/python benchmarks/ingest.py

The repeated document is the seed sources/A_68_563/zh.txt copied N times with
its paragraph numbers renumbered (copy k numbers its paragraphs from 79*k + 1),
so the numbering keeps going and every copy yields its chapters, sections and
paragraphs.  If segmentation were quadratic, the time per unit would grow with
N; it should stay flat.  This prints numbers and asserts nothing.

Untagged PDFs (the layout reader, readers/pdf_layout.py): the untagged
LibreOffice export of the synthetic note (tests/fixtures/real_un/
note_en.untagged.pdf, 2 pages) and the seed re-measured on A4
(seed_zh_a4_lo_sans.pdf, 10 pages), their pages repeated with PDFium up to 50
and 100 pages; time (best of a few runs) and peak memory (tracemalloc, Python
allocations, in a run of its own) of ``read_version``.  The time per page
should not grow with the pages.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from hlmpub.ingest import parse_text, read_version
from hlmpub.model import Source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "sources" / "A_68_563" / "zh.txt"
REAL_UN = ROOT / "tests" / "fixtures" / "real_un"
#: Untagged PDFs measured: (file, language, pages it has).
UNTAGGED = (("note_en.untagged.pdf", "en", 2), ("seed_zh_a4_lo_sans.pdf", "zh", 10))
PARA = re.compile(r"^(\s*)(\d+)\.", re.MULTILINE)
SOURCE = Source(path="zh.txt", format="txt", sha256="")


def repeated(text: str, copies: int, per_copy: int = 79) -> str:
    """The seed ``copies`` times, paragraphs renumbered to continue across copies."""
    parts = []
    for k in range(copies):
        parts.append(PARA.sub(lambda m, k=k: f"{m.group(1)}{int(m.group(2)) + per_copy * k}.", text))
    return "\n\n\n".join(parts)


def measure(text: str, rounds: int) -> tuple[int, float]:
    """Units and best wall time over ``rounds`` runs."""
    best = float("inf")
    units = 0
    for _ in range(rounds):
        start = time.perf_counter()
        version = parse_text(text, "zh", SOURCE)
        best = min(best, time.perf_counter() - start)
        units = len(version.units)
    return units, best


def repeated_pdf(source: Path, copies: int, out: Path) -> Path:
    """``source`` with its pages repeated ``copies`` times (PDFium imports the pages; no other tool needed)."""
    import pypdfium2 as pdfium

    doc, pages = pdfium.PdfDocument.new(), pdfium.PdfDocument(source)
    for _ in range(copies):
        doc.import_pages(pages)
    doc.save(out)
    return out


def measure_pdf(path: Path, lang: str, rounds: int) -> tuple[int, float, float]:
    """Units, best wall time over ``rounds`` runs and the peak of Python allocations (MB) of one more run."""
    import logging
    import tracemalloc

    logging.disable(logging.WARNING)  # the numbering warnings of a document repeated
    best, units = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        units = len(read_version(path, lang).units)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    read_version(path, lang)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    logging.disable(logging.NOTSET)
    return units, best, peak


def main() -> None:
    """Print a small table: copies, characters, units, seconds, units/s, microseconds per unit; then the PDFs."""
    import tempfile

    seed = SEED.read_text(encoding="utf-8")
    print(f"{'copies':>6} {'chars':>9} {'units':>7} {'seconds':>8} {'units/s':>9} {'µs/unit':>8}")
    for copies, rounds in ((1, 20), (10, 5), (100, 2)):
        text = repeated(seed, copies)
        units, seconds = measure(text, rounds)
        rate, per_unit = units / seconds, 1e6 * seconds / units
        print(f"{copies:>6} {len(text):>9} {units:>7} {seconds:>8.3f} {rate:>9.0f} {per_unit:>8.1f}")
    print(f"\n{'untagged PDF':<24} {'pages':>5} {'units':>6} {'seconds':>8} {'ms/page':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="hlmpub-bench-") as tmp:
        for name, lang, per_copy in UNTAGGED:
            for pages in (50, 100):
                path = repeated_pdf(REAL_UN / name, pages // per_copy, Path(tmp) / f"{pages}_{name}")
                units, seconds, peak = measure_pdf(path, lang, 3)
                print(f"{name:<24} {pages:>5} {units:>6} {seconds:>8.2f} {1e3 * seconds / pages:>8.1f} {peak:>8.1f}")


if __name__ == "__main__":
    main()
