"""TEI stage timings on the UDHR six-language edition: write, read, validate.

Run: .venv/bin/python benchmarks/tei.py [--repeat N]
The tei_all compile (once per process) is reported apart from validation.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from hlmpub.config import Settings
from hlmpub.pipeline import edition_from_sources
from hlmpub.safeio import read_xml
from hlmpub.tei import schema
from hlmpub.tei.reader import read_tei
from hlmpub.tei.validate import rule_findings, schema_findings
from hlmpub.tei.writer import write_tei

UDHR = Path(__file__).resolve().parents[1] / "sources" / "udhr"


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    schema.install()
    start = time.perf_counter()
    edition = edition_from_sources(UDHR, Settings())
    print(f"ingest + align (not TEI): {time.perf_counter() - start:.2f} s")
    units = sum(len(v.units) for v in edition.versions)
    print(f"UDHR: {len(edition.langs)} languages, {units} units, {len(edition.links)} rows")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "udhr.tei.xml"
        t_write, _ = timed(lambda: write_tei(edition, path), args.repeat)
        print(f"write     {t_write * 1000:8.1f} ms  ({path.stat().st_size / 1024:.0f} KiB)")
        t_read, _ = timed(lambda: read_tei(path), args.repeat)
        print(f"read      {t_read * 1000:8.1f} ms")
        t_compile, _ = timed(schema.relaxng, 1)
        print(f"compile   {t_compile * 1000:8.1f} ms  (tei_all, once per process)")
        root = read_xml(path, "TEI")
        t_valid, found = timed(lambda: schema_findings(root) + rule_findings(root), args.repeat)
        print(f"validate  {t_valid * 1000:8.1f} ms  (tei_all + rules, {len(found)} findings)")


if __name__ == "__main__":
    main()
