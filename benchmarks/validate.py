"""How long `hlmpub validate` takes on the UDHR six-language edition, and the options measured for it.

Run: .venv/bin/python benchmarks/validate.py [--repeat N]

Prints the wall time of the command in a fresh process (what a user waits for), the parts of it in
one process (tei_all cut to the document's names: parse, cut, compile; the rules), the whole tei_all's
compile for comparison, a batch of editions validated in one process, and jing when it is installed.
docs/design/tei.md ("Speed") records the numbers and the choice.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from hlmpub.config import Settings
from hlmpub.pipeline import edition_from_sources
from hlmpub.safeio import read_xml
from hlmpub.tei import schema, validate_file
from hlmpub.tei.subset import names_in, subset
from hlmpub.tei.validate import rule_findings
from hlmpub.tei.writer import write_tei

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "sources" / "udhr"
SEED = ROOT / "sources" / "A_68_563"


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(min, median) seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def show(label: str, seconds: tuple[float, float], note: str = "") -> None:
    """One line: min and median in ms."""
    print(f"{label:34} min {seconds[0] * 1000:8.1f} ms  median {seconds[1] * 1000:8.1f} ms  {note}")


def command(*argv: str) -> Callable[[], object]:
    """A call that runs ``argv`` and fails loudly when it fails."""
    return lambda: subprocess.run(argv, check=True, capture_output=True)


def main() -> None:
    """Measure; print one line per option."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng_path = schema.install()
    with tempfile.TemporaryDirectory() as tmp:
        udhr = write_tei(edition_from_sources(UDHR, Settings()), Path(tmp) / "udhr.tei.xml")
        seed = write_tei(edition_from_sources(SEED, Settings()), Path(tmp) / "A_68_563.tei.xml")
        hlmpub = Path(sys.executable).with_name("hlmpub")
        show("hlmpub validate (fresh process)", timed(command(str(hlmpub), "validate", str(udhr)), args.repeat))
        show("python -c 'import hlmpub.cli'", timed(command(sys.executable, "-c", "import hlmpub.cli"), args.repeat))

        root = read_xml(udhr, "TEI")
        data = rng_path.read_bytes()
        show("parse tei_all.rng", timed(lambda: etree.fromstring(data), args.repeat))
        cut = subset(etree.fromstring(data), names_in(root))
        assert cut is not None
        show("cut to the document's names", timed(lambda: subset(etree.fromstring(data), names_in(root)), args.repeat))
        show(
            "compile the cut",
            timed(lambda: etree.RelaxNG(cut), args.repeat),
            f"({len(etree.tostring(cut)) // 1024} KiB)",
        )
        compiled = etree.RelaxNG(cut)
        show("validate against the cut", timed(lambda: compiled.validate(root.getroottree()), args.repeat))
        show("hlmpub rules", timed(lambda: rule_findings(root), args.repeat))
        show("compile the whole tei_all", timed(lambda: etree.RelaxNG(etree.fromstring(data)), 1), "(once)")

        batch = [udhr, seed] * 5
        show(f"batch: {len(batch)} files in one process", timed(lambda: [validate_file(p) for p in batch], 1))

        jing = shutil.which("jing")
        if jing:
            show("jing (Java), whole tei_all", timed(command(jing, str(rng_path), str(udhr)), args.repeat))
        else:
            print("jing: not installed (Debian package jing)")


if __name__ == "__main__":
    main()
