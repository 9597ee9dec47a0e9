"""Speed of the text reader: units per second on the seed and on the seed repeated.

Run:  .venv/bin/python benchmarks/ingest.py

The repeated document is the seed sources/A_68_563/zh.txt copied N times with
its paragraph numbers renumbered (copy k numbers its paragraphs from 79*k + 1),
so the numbering keeps going and every copy yields its chapters, sections and
paragraphs.  If segmentation were quadratic, the time per unit would grow with
N; it should stay flat.  This prints numbers and asserts nothing.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from hlmpub.ingest import parse_text
from hlmpub.model import Source

SEED = Path(__file__).resolve().parents[1] / "sources" / "A_68_563" / "zh.txt"
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


def main() -> None:
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
