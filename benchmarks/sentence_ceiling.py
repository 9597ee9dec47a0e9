"""The best a monotone sentence aligner can do on a gold set: the ceiling of ``align_sentences``.

Run:  .venv/bin/python benchmarks/sentence_ceiling.py [--gold DIR] [--set text+berg]

An oracle DP over each document's gold: beads of the aligner's shapes (and
skips) in order, maximising the number of beads equal to a gold bead, then
the fewest beads.  Prints how many gold beads are not consecutive runs, how
many an in-order path can reach, and the strict / lax scores of that path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hlmpub.align.evaluate import BeadPair, read_beads, score_beads
from hlmpub.align.sentences import SHAPES

GOLD = Path("/work/shared/corpora/sentence-gold")
SETS = {"bible": ("en", "zh"), "text+berg": ("de", "fr")}
MOVES = ((1, 0), (0, 1), *SHAPES)


def _consecutive(indexes: tuple[int, ...]) -> bool:
    return all(b - a == 1 for a, b in zip(indexes, indexes[1:], strict=False))


def oracle(gold: list[BeadPair], n: int, m: int) -> list[BeadPair]:
    """The in-order bead path with the most gold beads (then the fewest beads)."""
    wanted = {bead for bead in gold if bead[0] or bead[1]}
    best: dict[tuple[int, int], tuple[int, int]] = {(0, 0): (0, 0)}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) not in best:
                continue
            hits, beads = best[(i, j)]
            for a, b in MOVES:
                if i + a > n or j + b > m:
                    continue
                bead = (tuple(range(i, i + a)), tuple(range(j, j + b)))
                value = (hits + (bead in wanted), beads - 1)
                if value > best.get((i + a, j + b), (-1, 0)):
                    best[(i + a, j + b)] = value
                    back[(i + a, j + b)] = (a, b)
    path: list[BeadPair] = []
    i, j = n, m
    while i or j:
        a, b = back[(i, j)]
        i, j = i - a, j - b
        path.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
    return path[::-1]


def main(argv: list[str]) -> None:
    """Print the ceiling of one gold set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--set", choices=sorted(SETS), default="text+berg")
    args = parser.parse_args(argv)
    base = args.gold / args.set
    src_lang, tgt_lang = SETS[args.set]
    golds, paths, total, gapped, reached = [], [], 0, 0, 0
    for doc in sorted(p.name for p in (base / src_lang).iterdir()):
        gold = read_beads(base / "gold" / (f"{doc}.align" if args.set == "bible" else doc))
        n = len((base / src_lang / doc).read_text(encoding="utf-8").splitlines())
        m = len((base / tgt_lang / doc).read_text(encoding="utf-8").splitlines())
        beads = {bead for bead in gold if bead[0] or bead[1]}
        path = oracle(gold, n, m)
        total += len(beads)
        gapped += sum(not (_consecutive(s) and _consecutive(t)) for s, t in beads)
        reached += sum(bead in beads for bead in path)
        golds.append(gold)
        paths.append(path)
    score = score_beads(golds, paths)
    print(f"{args.set}: {total} gold beads, {gapped} not consecutive runs, {reached} reachable in order")
    for kind, s in (("strict", score.strict), ("lax", score.lax)):
        print(f"  {kind:6} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
