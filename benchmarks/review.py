"""Time the translator review on the UDHR edition and on a 10× synthetic one.

    .venv/bin/python benchmarks/review.py [--times N]

The UDHR edition is built by the real ingest + aligner (not timed here).  The
10× edition is SYNTHETIC: the UDHR's units and links repeated ten times with
fresh ids (920 rows), to see how the checks scale.  Its texts repeat, so the
number extractor's per-text cache helps the whole review there (not the
per-check lines, which start with an empty cache).  Prints the best of N runs
for every check, the whole review and the JSON report.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from hlmpub.config import ReviewSettings, Settings
from hlmpub.model import Edition, Link
from hlmpub.pipeline import edition_from_sources, write_review
from hlmpub.review import numbers, review_edition
from hlmpub.review.checks import CHECKS
from hlmpub.review.context import build_context

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Settings(review=ReviewSettings(edition_formats=()))


def repeated(edition: Edition, times: int) -> Edition:
    """SYNTHETIC: the edition's units and links repeated ``times`` times with fresh ids."""

    def rid(unit_id: str, k: int) -> str:
        return f"{unit_id}-x{k}"

    versions = tuple(
        dataclasses.replace(
            v, units=tuple(dataclasses.replace(u, id=rid(u.id, k)) for k in range(times) for u in v.units)
        )
        for v in edition.versions
    )
    links = tuple(
        Link({lang: tuple(rid(i, k) for i in ids) for lang, ids in lk.units.items()}, lk.method, lk.score, lk.key)
        for k in range(times)
        for lk in edition.links
    )
    return dataclasses.replace(edition, versions=versions, links=links)


def best(fn, times: int) -> float:  # type: ignore[no-untyped-def]
    """Best wall time of ``times`` calls, in seconds; the token cache is emptied before each call."""
    spent = []
    for _ in range(times):
        numbers._extract_cached.cache_clear()
        start = time.perf_counter()
        fn()
        spent.append(time.perf_counter() - start)
    return min(spent)


def measure(name: str, edition: Edition, times: int) -> None:
    ctx = build_context(edition, SETTINGS)
    units = sum(len(v.units) for v in edition.versions)
    print(f"\n{name}: {len(edition.versions)} languages, {units} units, {len(edition.links)} rows")
    for check, fn in CHECKS.items():
        print(f"  {check:16s} {best(lambda fn=fn: list(fn(ctx)), times) * 1000:8.1f} ms")
    findings: list = []
    total = best(lambda: findings.__setitem__(slice(None), review_edition(edition, SETTINGS)), times)
    print(f"  {'whole review':16s} {total * 1000:8.1f} ms  ({len(findings)} findings)")
    with tempfile.TemporaryDirectory() as tmp:
        report = best(lambda: write_review(edition, findings, Path(tmp), SETTINGS), times)
    print(f"  {'JSON report':16s} {report * 1000:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=3, help="runs per measurement (best is shown)")
    args = parser.parse_args()
    udhr = edition_from_sources(ROOT / "sources" / "udhr", Settings())
    measure("UDHR (real, ingest + aligner)", udhr, args.times)
    measure("UDHR x10 (synthetic)", repeated(udhr, 10), args.times)


if __name__ == "__main__":
    main()
