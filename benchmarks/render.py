"""Render benchmark: wall time, CPU time and peak memory of our PDF and DOCX editions, against LibreOffice.

For the seed edition (A/68/563, Chinese) and the UDHR in 2, 3 and 6 languages, each
edition is rendered in a fresh Python process (as ``hlmpub render`` would be): the
process's wall time, its CPU time (user + system) and its peak RSS are recorded, and
inside it the import, layout+write time.  Then LibreOffice converts our DOCX of the
same edition to PDF (``soffice --headless --convert-to pdf``, a private profile,
warmed up once) and the ratio ours / LibreOffice is printed.  Our runs and LibreOffice's
alternate (PDF, DOCX, LibreOffice, PDF, …), so that a busy spell of the shared machine
hits both sides; best of ``--repeat`` runs.  Wall time on a shared machine is noisy; CPU
time is the steadier comparison.

``--python`` renders with another interpreter (hlmpub is taken from this checkout's
``src``; the interpreter needs weasyprint and the other dependencies), e.g. a venv on
Debian's PGO-built ``/usr/bin/python3.11`` to compare with pyenv's non-PGO build.

    .venv/bin/python benchmarks/render.py [--repeat 2] [--json results.json] [--python PATH] [--cases udhr-6]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = [
    ("seed", "A_68_563", ""),
    ("udhr-2", "udhr", "zh,en"),
    ("udhr-3", "udhr", "zh,en,ar"),
    ("udhr-6", "udhr", ""),
]


def child(model_json: str, langs: str, fmt: str, target: str) -> None:
    """Run in the child process: import, render, report JSON on stdout."""
    start = time.perf_counter()
    from hlmpub import model
    from hlmpub.config import Settings
    from hlmpub.render import render_edition

    if fmt == "pdf":
        from hlmpub.render import wpload

        wpload.load()  # import cost counted separately, loaded as the renderer loads it
    imported = time.perf_counter()
    edition = model.load(Path(model_json).read_text(encoding="utf-8"))
    settings = Settings(langs=tuple(x for x in langs.split(",") if x))
    render_edition(edition, fmt, Path(target), settings)
    done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"import_s": imported - start, "render_s": done - imported, "peak_mb": peak_mb}))


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall and CPU seconds of a child process, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def _ours(python: str, model_json: Path, langs: str, fmt: str, target: Path) -> dict[str, float]:
    """One fresh-process render: its wall, CPU, and the child's own import / render / peak figures."""
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    cmd = [python, __file__, "--child", str(model_json), langs, fmt, str(target)]
    wall, cpu, out = _timed(cmd, env)
    return json.loads(out.strip().splitlines()[-1]) | {"wall_s": wall, "cpu_s": cpu}


def _libreoffice(docx: Path, out_dir: Path, profile: Path) -> dict[str, float]:
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        str(docx),
    ]
    wall, cpu, _ = _timed(cmd)
    return {"wall_s": wall, "cpu_s": cpu}


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda r: r["wall_s"])


def _case(python: str, model_json: Path, langs: str, work: Path, name: str, repeat: int) -> dict[str, dict]:
    """PDF, DOCX and LibreOffice's DOCX → PDF, alternating, ``repeat`` times; the best run of each."""
    profile = work / "lo-profile"
    runs: dict[str, list[dict[str, float]]] = {"pdf": [], "docx": [], "libreoffice": []}
    for _ in range(repeat):
        runs["pdf"].append(_ours(python, model_json, langs, "pdf", work / f"{name}.pdf"))
        runs["docx"].append(_ours(python, model_json, langs, "docx", work / f"{name}.docx"))
        if not profile.exists():  # first start creates the profile: not counted
            _libreoffice(work / f"{name}.docx", work / "warm", profile)
        runs["libreoffice"].append(_libreoffice(work / f"{name}.docx", work / "lo", profile))
    return {key: _best(value) for key, value in runs.items()}


def _editions(work: Path) -> dict[str, Path]:
    from hlmpub import model
    from hlmpub.config import Settings
    from hlmpub.pipeline import edition_from_sources

    paths = {}
    for folder in {c[1] for c in CASES}:
        path = work / f"{folder}.json"
        path.write_text(model.dump(edition_from_sources(ROOT / "sources" / folder, Settings())), encoding="utf-8")
        paths[folder] = path
    return paths


def _row(name: str, pdf: dict[str, float], docx: dict[str, float], lo: dict[str, float]) -> str:
    return (
        f"{name:8s} | pdf {pdf['wall_s']:5.2f} s wall {pdf['cpu_s']:5.2f} s cpu (import {pdf['import_s']:.2f}, "
        f"render {pdf['render_s']:.2f}) {pdf['peak_mb']:5.0f} MB | docx {docx['wall_s']:4.2f} s "
        f"{docx['cpu_s']:4.2f} cpu {docx['peak_mb']:4.0f} MB | LibreOffice {lo['wall_s']:5.2f} s {lo['cpu_s']:5.2f} cpu"
        f" | ratio pdf/LO wall {pdf['wall_s'] / lo['wall_s']:.2f} cpu {pdf['cpu_s'] / lo['cpu_s']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--python", default=sys.executable, help="interpreter for our renders")
    parser.add_argument("--cases", default=",".join(c[0] for c in CASES), help="comma-separated subset of: %(default)s")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="hlmpub-bench-") as tmp:
        work = Path(tmp)
        models = _editions(work)
        for name, folder, langs in [c for c in CASES if c[0] in args.cases.split(",")]:
            results[name] = _case(args.python, models[folder], langs, work, name, args.repeat)
            print(_row(name, results[name]["pdf"], results[name]["docx"], results[name]["libreoffice"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
    else:
        main()
