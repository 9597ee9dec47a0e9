"""Align the bundled UDHR (six languages) and score it against the gold file.

Run:  .venv/bin/python benchmarks/align_eval.py [EDITION GOLD]

Without arguments it aligns sources/udhr itself and scores the result against
sources/udhr/gold-alignment.toml; with two arguments it scores an existing
edition (TEI, or model JSON when the name ends in .json) like `hlmpub eval`.
Prints strict precision, recall and F1 per language pair; asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hlmpub.align.evaluate import PairScore, evaluate, load_gold
from hlmpub.config import Settings
from hlmpub.pipeline import edition_from_sources
from hlmpub.tei import read_edition

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "sources" / "udhr"


def show(scores: dict[str, PairScore]) -> None:
    """One line per pair, then the macro average."""
    print(f"{'pair':6} {'P':>6} {'R':>6} {'F1':>6}  links (correct/predicted/gold)")
    for pair, s in scores.items():
        print(f"{pair:6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {s.correct}/{s.predicted}/{s.gold}")
    if scores:
        print(f"macro F1 {sum(s.f1 for s in scores.values()) / len(scores):.4f}")


def main(argv: list[str]) -> None:
    """Score the given edition, or align the UDHR and score it."""
    if len(argv) == 2:
        show(evaluate(read_edition(argv[0]), load_gold(argv[1])))
        return
    start = time.perf_counter()
    edition = edition_from_sources(UDHR, Settings())
    print(f"aligned {UDHR.name}: {len(edition.links)} rows in {time.perf_counter() - start:.2f} s")
    show(evaluate(edition, load_gold(UDHR / "gold-alignment.toml")))


if __name__ == "__main__":
    main(sys.argv[1:])
