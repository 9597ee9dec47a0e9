"""Batch build benchmark: 200 document folders, TEI only, ``--jobs 1`` vs ``--jobs 2``.

    .venv/bin/python benchmarks/batch.py [--count 200] [--udhr-every 20] [--jobs 1,2]

The folders are copies of the bundled sources (sources/A_68_563, and every
``--udhr-every``-th one sources/udhr) with a changed symbol (and slug), so each
has its own output folder; the texts are the bundled ones, byte for byte.  Each
run is a fresh ``python -m hlmpub build`` process with an empty output folder
(no cache).  Printed per run: wall time, speed-up over the first run, peak
resident memory of the whole process tree (main process + workers, sampled
every 50 ms), and whether the TEI bytes equal those of the first run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
PYTHON = sys.executable


def copy_folder(src: Path, dst: Path, k: int) -> None:
    """Copy a bundled folder, giving it the test-only symbol ``<symbol>-BENCH<k>`` (and a matching slug)."""
    shutil.copytree(src, dst)
    toml = dst / "document.toml"
    text = toml.read_text(encoding="utf-8")
    text, n = re.subn(r'^symbol = "([^"]+)"', lambda m: f'symbol = "{m.group(1)}-BENCH{k:03d}"', text, flags=re.M)
    assert n == 1, f"{toml}: no symbol line"
    text = re.sub(r'^slug = "([^"]+)"', lambda m: f'slug = "{m.group(1)}-bench{k:03d}"', text, flags=re.M)
    toml.write_text(text, encoding="utf-8")


def make_folders(root: Path, count: int, udhr_every: int) -> dict[str, int]:
    kinds = {"A_68_563 (zh)": 0, "udhr (6 languages)": 0}
    for k in range(count):
        if udhr_every and k % udhr_every == udhr_every - 1:
            copy_folder(SOURCES / "udhr", root / f"doc{k:03d}", k)
            kinds["udhr (6 languages)"] += 1
        else:
            copy_folder(SOURCES / "A_68_563", root / f"doc{k:03d}", k)
            kinds["A_68_563 (zh)"] += 1
    return kinds


def tree_rss(proc) -> int:
    """Resident bytes of a psutil process and all its descendants."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_build(src: Path, out: Path, jobs: int, env: dict[str, str]) -> tuple[float, int, int, str]:
    """Wall seconds, peak tree RSS (bytes), exit code, and where the memory figure comes from."""
    cmd = [PYTHON, "-m", "hlmpub", "build", str(src), "-o", str(out), "--to", "tei", "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    peak, how = 0, "process tree, sampled"
    try:
        import psutil

        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            peak = max(peak, tree_rss(watched))
            time.sleep(0.05)
    except ImportError:
        how = "largest single process (no psutil)"
    code = proc.wait()
    wall = time.perf_counter() - start
    if how.startswith("largest"):
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return wall, peak, code, how


def digest(out: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(out.rglob("*.tei.xml")):
        h.update(path.relative_to(out).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--udhr-every", type=int, default=20, help="every N-th folder is a UDHR copy (0: none)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to compare")
    ap.add_argument(
        "--blas-threads",
        type=int,
        default=0,
        help="set OMP/OPENBLAS/MKL_NUM_THREADS for the build (0: leave the environment as it is; "
        "worker processes use 1 unless these are set)",
    )
    args = ap.parse_args()
    env = dict(os.environ)
    if args.blas_threads:
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = str(args.blas_threads)
    with tempfile.TemporaryDirectory(prefix="hlmpub-bench-") as tmp:
        src = Path(tmp) / "sources"
        kinds = make_folders(src, args.count, args.udhr_every)
        print(f"{args.count} document folders: " + ", ".join(f"{n} × {kind}" for kind, n in kinds.items()))
        print(f"{'jobs':>4}  {'wall s':>8}  {'speed-up':>8}  {'peak MB':>8}  exit  same TEI")
        base_wall, base_digest = None, None
        for jobs in (int(j) for j in args.jobs.split(",")):
            out = Path(tmp) / f"out-{jobs}"
            wall, peak, code, how = run_build(src, out, jobs, env)
            files = len(list(out.rglob("*.tei.xml")))
            same = digest(out)
            base_wall = base_wall or wall
            base_digest = base_digest or same
            print(
                f"{jobs:>4}  {wall:8.1f}  {base_wall / wall:7.2f}x  {peak / 2**20:8.0f}  {code:>4}  "
                f"{'yes' if same == base_digest else 'NO'} ({files} files)"
            )
        threads = env.get("OPENBLAS_NUM_THREADS", "library default")
        cores, load = len(os.sched_getaffinity(0)), os.getloadavg()[0]
        print(f"peak memory: {how}; {cores} usable core(s); load average {load:.1f}")
        print(f"BLAS threads in the main process: {threads}; in worker processes: 1 unless set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
