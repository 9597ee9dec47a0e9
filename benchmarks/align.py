"""Wall time and peak memory of the aligner.

Run:  .venv/bin/python benchmarks/align.py

1. The UDHR six-way alignment from a cold start: the sentence encoder is
   imported and loaded inside the measurement.
2. A SYNTHETIC document 10× longer: the six UDHR versions each repeated ten
   times (keys and ids suffixed with the copy number, texts unchanged), aligned
   with the model already loaded, against the 1× document under the same
   conditions.  The DP runs per gap between anchors: the DP cells and the span
   texts handed to the encoder grow exactly 10× (not 100×); identical copies
   are encoded once (the per-run cache), so the wall time shows the rest of the
   work, which also grows about 10×.  Changing the copies' texts to defeat the
   cache would change the alignment itself, so the encoder's share is given
   by the span-text count (one encoder call per span text).
3. The banded DP core alone on one anchor-free window of n × n units with
   synthetic costs: time per unit should stay flat as n grows.

Peak memory is tracemalloc's peak of Python allocations (numpy included) for
each step; the process maximum RSS is printed at the end.  This prints numbers
and asserts nothing.
"""

from __future__ import annotations

import resource
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from hlmpub.align import align_versions, dp
from hlmpub.align.encoder import Encoder, load_model
from hlmpub.config import load_document
from hlmpub.ingest import read_version
from hlmpub.model import Version

UDHR = Path(__file__).resolve().parents[1] / "sources" / "udhr"
#: language → file, as the bundled document.toml names them
FILES = {v.lang: v.path.name for v in load_document(UDHR).versions}


def measured(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """Result, wall seconds and tracemalloc peak (MB) of one call."""
    tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, seconds, peak / 2**20


def rss_mb() -> float:
    """Maximum resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class CountingEncoder(Encoder):
    """Counts the span texts the aligner asks for (before the cache answers)."""

    def __init__(self) -> None:
        super().__init__()
        self.requested = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.requested += len(texts)
        return super().encode(texts)


class CellCounter:
    """Wraps the DP core to count the band cells it fills."""

    def __init__(self) -> None:
        self.cells = 0
        self.windows = 0
        self._inner = dp.align_window

    def __call__(self, n: int, m: int, cost: dp.CostFn, band: int = dp.DEFAULT_BAND) -> dp.Path:
        lo, hi = dp.band_limits(n, m, band)
        self.cells += int((hi - lo + 1).sum())
        self.windows += 1
        return self._inner(n, m, cost, band)


def repeated(version: Version, copies: int) -> Version:
    """SYNTHETIC: the version ``copies`` times, keys and ids made unique per copy (texts unchanged)."""
    units = []
    for k in range(copies):
        for u in version.units:
            key = f"r{k}/{u.key}" if u.key else ""
            units.append(replace(u, id=f"{u.id}-r{k}", key=key))
    return replace(version, units=tuple(units))


def six_way_cold(versions: list[Version]) -> None:
    """Step 1: model load included (no tracemalloc: it slows the tokenizer load several times)."""
    before = rss_mb()
    start = time.perf_counter()
    links, _ = align_versions(versions, encoder=Encoder())
    seconds = time.perf_counter() - start
    print(
        f"UDHR six-way, model load included: {seconds:6.2f} s, {len(links)} rows, "
        f"peak RSS {rss_mb():.0f} MB (+{rss_mb() - before:.0f} MB)"
    )


def ten_times(versions: list[Version]) -> None:
    """Step 2: 1× against 10×, model already loaded, vectors never reused."""
    load_model()
    base = None
    for copies in (1, 10):
        doc = [repeated(v, copies) for v in versions]
        counter = CellCounter()
        dp.align_window = counter  # type: ignore[assignment]
        try:
            start, cpu = time.perf_counter(), time.process_time()
            align_versions(doc, encoder=Encoder())  # timed without tracemalloc, which slows the tokenizer
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            counter.cells = counter.windows = 0
            enc = CountingEncoder()
            (links, _), _, peak = measured(lambda doc=doc, enc=enc: align_versions(doc, encoder=enc))
        finally:
            dp.align_window = counter._inner
        units = sum(len(v.units) for v in doc)
        base = base or (cpu, counter.cells, enc.requested)
        print(
            f"UDHR six-way ×{copies:<2} (synthetic): {units:5d} units, {len(links):4d} rows, "
            f"{counter.windows:4d} DP windows, {counter.cells:6d} DP cells ({counter.cells / base[1]:4.1f}×), "
            f"{enc.requested:6d} span texts ({enc.requested / base[2]:4.1f}×), "
            f"{seconds:5.2f} s wall, {cpu:5.2f} s CPU ({cpu / base[0]:4.1f}×), peak {peak:5.1f} MB"
        )


def dp_core() -> None:
    """Step 3: the banded DP on one window without anchors."""
    rng = np.random.default_rng(0)
    for n in (250, 1000, 4000):
        table = rng.random(n + 3)

        def cost(a: int, b: int, i0: int, j0s: np.ndarray, table: np.ndarray = table, n: int = n) -> np.ndarray:
            return np.where(j0s + b <= n, table[(i0 + j0s) % n] + 0.2 * (a + b), np.inf)

        path, seconds, peak = measured(lambda n=n, cost=cost: dp.align_window(n, n, cost))
        print(
            f"DP core, one {n}×{n} window (synthetic costs): {seconds:6.2f} s, "
            f"{1e3 * seconds / n:5.2f} ms per unit, peak {peak:6.1f} MB, {len(path.beads)} beads"
        )


def main() -> None:
    """Run the three measurements."""
    versions = [read_version(UDHR / name, lang, "udhr-xml") for lang, name in FILES.items()]
    six_way_cold(versions)
    ten_times(versions)
    dp_core()
    print(f"process peak RSS: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
