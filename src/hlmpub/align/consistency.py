"""Cross-check the pivot-based rows against direct alignments between the other versions.

For every pair of non-pivot versions A and B, align B to A directly (same
structural pass and DP) and compare each direct bead with what the rows imply
for A and B (the rows projected onto the pair).  A direct bead that lies inside
one row only shows that the row is coarser than needed (``info``); one that
straddles rows contradicts the pivot-based decision (``warning``).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from ..model import Finding, Link, Severity, Version
from .encoder import Encoder
from .pairwise import Bead, PairInput, align_pair

PairAligner = Callable[[PairInput, PairInput], tuple[list[Bead], list[Finding]]]


def projected_pairs(links: list[Link], a: str, b: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The rows seen from languages ``a`` and ``b`` only (rows empty on both sides dropped)."""
    out = set()
    for link in links:
        ids_a, ids_b = link.units.get(a, ()), link.units.get(b, ())
        if ids_a or ids_b:
            out.add((ids_a, ids_b))
    return out


def check_consistency(
    links: list[Link], inputs: list[PairInput], pivot_lang: str, encoder: Encoder, pair: PairAligner | None = None
) -> list[Finding]:
    """Findings for direct pairwise beads that the n-way rows do not reproduce.

    ``pair`` aligns two versions directly (default: :func:`.pairwise.align_pair` with ``encoder``; the
    aligner passes one that keeps the manual links)."""
    row_of = {uid: r for r, link in enumerate(links) for ids in link.units.values() for uid in ids}
    others = [p for p in inputs if p.version.lang != pivot_lang]
    findings: list[Finding] = []
    for x, y in combinations(others, 2):
        beads, _ = pair(x, y) if pair is not None else align_pair(x, y, encoder)
        implied = projected_pairs(links, x.version.lang, y.version.lang)
        for bead in beads:
            ids_x = tuple(x.version.units[i].id for i in bead.src)
            ids_y = tuple(y.version.units[j].id for j in bead.tgt)
            if (ids_x, ids_y) in implied:
                continue
            findings.append(_finding(x.version, y.version, ids_x, ids_y, row_of))
    return findings


def _finding(x: Version, y: Version, ids_x: tuple[str, ...], ids_y: tuple[str, ...], row_of: dict[str, int]) -> Finding:
    rows = sorted({row_of[uid] for uid in ids_x + ids_y})
    direct = f"{' '.join(ids_x) or '∅'} ↔ {' '.join(ids_y) or '∅'}"
    severity: Severity
    if len(rows) == 1:
        severity, code = "info", "align-row-coarse"
        message = f"aligned directly, {x.lang}/{y.lang} pair finer inside row {rows[0]}: {direct}"
    else:
        severity, code = "warning", "align-inconsistent"
        message = f"direct {x.lang}/{y.lang} alignment {direct} spans rows {', '.join(map(str, rows))}"
    return Finding(severity, code, message, lang=y.lang, unit_id=(ids_y or ids_x)[0], row=rows[0])
