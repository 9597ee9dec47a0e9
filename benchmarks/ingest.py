"""Speed of the readers: the text reader on the seed repeated, the PDF readers (tagged and untagged) on long PDFs.

Run:  .venv/bin/python benchmarks/ingest.py [--text] [--pdf]      (both when neither is given)

The repeated document is the seed sources/A_68_563/zh.txt copied N times with
its paragraph numbers renumbered (copy k numbers its paragraphs from 79*k + 1),
so the numbering keeps going and every copy yields its chapters, sections and
paragraphs.  If segmentation were quadratic, the time per unit would grow with
N; it should stay flat.

The PDF cases read ``note_en.docx``'s body repeated to about 50 and 100 pages
and exported by LibreOffice (``benchmarks/long_pdf.py``, cached in
``benchmarks/.cache/``; made on the first run, which needs ``soffice``).  Each
case runs in a fresh Python process: the reader's time, the segmenter's, the
peak of Python's own allocations during ``read_version`` (tracemalloc, in a
second run) and the process's peak resident memory (PDFium's included).
Cost linear in pages shows as a flat ms/page.  Add a case to ``PDF_CASES``:
(label, copies, kind), kind as ``long_pdf.FILTERS`` names it.  This prints
numbers and asserts nothing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from hlmpub.ingest import parse_text
from hlmpub.model import Source

SEED = Path(__file__).resolve().parents[1] / "sources" / "A_68_563" / "zh.txt"
PARA = re.compile(r"^(\s*)(\d+)\.", re.MULTILINE)
SOURCE = Source(path="zh.txt", format="txt", sha256="")
ROOT = Path(__file__).resolve().parents[1]

#: (label, copies of the note's body, LibreOffice export): one copy is about 1.5 pages.
PDF_CASES = [
    ("tagged 50 p.", 32, "tagged"),
    ("tagged 100 p.", 64, "tagged"),
    ("untagged 50 p.", 32, "untagged"),
    ("untagged 100 p.", 64, "untagged"),
]

#: Run in a fresh process per case, so that the peak resident memory is that case's.
MEASURE_PDF = """
import json, resource, sys, time, tracemalloc
from pathlib import Path
from hlmpub.ingest import read_version
from hlmpub.ingest.readers import pdf
from hlmpub.ingest.segment import to_version
path = Path(sys.argv[1])
start = time.perf_counter()
reading = pdf.read(path, "en")
read = time.perf_counter() - start
start = time.perf_counter()
version = to_version(reading, "en")
segment = time.perf_counter() - start
tracemalloc.start()  # a second reading, for the peak of Python's allocations (tracemalloc slows it down)
read_version(path, "en")
python_peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"pages": int(reading.meta["pages"]), "blocks": len(reading.blocks), "units": len(version.units),
                  "read": read, "segment": segment, "python_mb": python_peak / 2**20,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


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


def measure_pdf(path: Path) -> dict:
    """One PDF read in a fresh process: pages, blocks, units, seconds, peak memory."""
    env = {"PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_PDF, str(path)], check=True, capture_output=True, text=True, env=env
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def pdf_table() -> None:
    """Print the PDF cases: pages, blocks, units, reader and segmenter seconds, ms per page, peak memory."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from long_pdf import long_pdf

    print(f"{'PDF':<14} {'pages':>5} {'blocks':>6} {'units':>6} {'read s':>7} {'segm. s':>7} {'ms/page':>7}"
          f" {'py MB':>6} {'RSS MB':>6}")  # fmt: skip
    for label, copies, kind in PDF_CASES:
        m = measure_pdf(long_pdf(copies, kind))
        per_page = 1000 * (m["read"] + m["segment"]) / m["pages"]
        print(f"{label:<14} {m['pages']:>5} {m['blocks']:>6} {m['units']:>6} {m['read']:>7.2f} {m['segment']:>7.2f}"
              f" {per_page:>7.1f} {m['python_mb']:>6.1f} {m['rss_mb']:>6.0f}")  # fmt: skip


def main() -> None:
    """Print the text-reader table and the PDF table (or the one asked for)."""
    both = not {"--text", "--pdf"} & set(sys.argv[1:])
    if both or "--text" in sys.argv:
        text_table()
    if both or "--pdf" in sys.argv:
        pdf_table()


def text_table() -> None:
    """Print a small table: copies, characters, units, seconds, units/s, microseconds per unit."""
    seed = SEED.read_text(encoding="utf-8")
    print(f"{'copies':>6} {'chars':>9} {'units':>7} {'seconds':>8} {'units/s':>9} {'µs/unit':>8}")
    for copies, rounds in ((1, 20), (10, 5), (100, 2)):
        text = repeated(seed, copies)
        units, seconds = measure(text, rounds)
        rate, per_unit = units / seconds, 1e6 * seconds / units
        print(f"{copies:>6} {len(text):>9} {units:>7} {seconds:>8.3f} {rate:>9.0f} {per_unit:>8.1f}")


if __name__ == "__main__":
    main()
