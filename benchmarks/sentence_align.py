"""Sentence alignment on the public gold sets of Bertalign and vecalign.

Run:  .venv/bin/python benchmarks/sentence_align.py [--gold DIR] [--set bible|text+berg] [--embed-runs N]

Each document goes through ``hlmpub align-lines`` in a child process (model
load and embedding included); wall time and CPU time (user + system of the
children, which does not grow when other jobs share the cores) are summed over a
set's documents and memory is the largest peak RSS of a child.  Scores use vecalign's conventions
(``hlmpub.align.evaluate.score_beads``), counts summed over a set's documents.

The Bible is scored at verse level, as Bertalign does (its ``eval_bible``
script): test beads that share a verse, on either side, are merged before
scoring (``en.verse`` / ``zh.verse`` give each line's verse).  The gold data
stays in the shared folder (default ``../shared/corpora/sentence-gold``).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hlmpub.align.evaluate import BeadPair, BeadScore, read_beads, score_beads

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path("/work/shared/corpora/sentence-gold")

#: Published strict F1: (Bertalign, vecalign).
PUBLISHED = {"bible": (0.979, 0.978), "text+berg": (0.940, 0.902)}
SETS = {"bible": ("en", "zh"), "text+berg": ("de", "fr")}


def align_lines(src: Path, tgt: Path, langs: tuple[str, str], embed_runs: int | None) -> tuple[list[BeadPair], int]:
    """Beads from ``hlmpub align-lines`` in a child process, and that child's peak RSS in KiB."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "hlmpub", "align-lines", str(src), str(tgt), "--langs", ",".join(langs)]
    if embed_runs is not None:
        cmd += ["--embed-runs", str(embed_runs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # max over children so far
    with tempfile.NamedTemporaryFile("w", suffix=".beads", delete=False) as fh:
        fh.write(out)
    try:
        return read_beads(fh.name), max(peak, before)
    finally:
        os.unlink(fh.name)


def verse_merge(beads: list[BeadPair], src_verse: list[str], tgt_verse: list[str]) -> list[BeadPair]:
    """Merge consecutive beads that share a verse on either side."""
    out: list[BeadPair] = []
    verses: set[str] = set()
    for src, tgt in beads:
        here = {src_verse[i] for i in src} | {tgt_verse[j] for j in tgt}
        if out and here & verses:
            out[-1] = (out[-1][0] + src, out[-1][1] + tgt)
            verses |= here
        else:
            out.append((src, tgt))
            verses = here
    return out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_set(name: str, gold_dir: Path, embed_runs: int | None) -> tuple[BeadScore, float, float, int]:
    """Score one set: (scores, wall seconds, CPU seconds, peak KiB)."""
    base = gold_dir / name
    src_lang, tgt_lang = SETS[name]
    docs = sorted(p.name for p in (base / src_lang).iterdir())
    gold_docs, test_docs, wall, peak = [], [], 0.0, 0
    cpu_before = _children_cpu()
    for doc in docs:
        gold_file = base / "gold" / (f"{doc}.align" if name == "bible" else doc)
        start = time.perf_counter()
        beads, rss = align_lines(base / src_lang / doc, base / tgt_lang / doc, (src_lang, tgt_lang), embed_runs)
        wall += time.perf_counter() - start
        peak = max(peak, rss)
        if name == "bible":
            lines = [(base / f"{lang}.verse").read_text(encoding="utf-8").splitlines() for lang in SETS[name]]
            beads = verse_merge(beads, lines[0], lines[1])
        gold_docs.append(read_beads(gold_file))
        test_docs.append(beads)
    return score_beads(gold_docs, test_docs), wall, _children_cpu() - cpu_before, peak


def main(argv: list[str]) -> None:
    """Run the chosen sets and print scores beside the published figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--set", choices=sorted(SETS), action="append")
    parser.add_argument(
        "--embed-runs", type=int, default=None, help="Runs encoded as one text (default: the aligner's)."
    )
    args = parser.parse_args(argv)
    print(
        f"{'set':10} {'strict P':>8} {'R':>6} {'F1':>6}  {'lax P':>6} {'R':>6} {'F1':>6}"
        f"  {'wall s':>6} {'cpu s':>6} {'peak MB':>7}"
        "  published F1 Bertalign / vecalign"
    )
    for name in args.set or sorted(SETS):
        score, wall, cpu, peak = run_set(name, args.gold, args.embed_runs)
        s, lax = score.strict, score.lax
        bert, vec = PUBLISHED[name]
        print(
            f"{name:10} {s.precision:8.3f} {s.recall:6.3f} {s.f1:6.3f}  {lax.precision:6.3f} {lax.recall:6.3f}"
            f" {lax.f1:6.3f}  {wall:6.1f} {cpu:6.1f} {peak / 1024:7.0f}  {bert:.3f} / {vec:.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
