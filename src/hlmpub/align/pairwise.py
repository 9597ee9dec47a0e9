"""Two versions → beads: structural anchors, then the DP in each window between them."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..model import Finding, Unit, Version
from . import dp
from .encoder import Encoder
from .score import WindowScorer, build_spans, estimate_ratio
from .structural import Window, anchor_pairs, windows

log = logging.getLogger(__name__)

#: Confidence of a unit left without a counterpart (1:0 or 0:1).
SKIP_CONFIDENCE = 0.5
#: Confidence of a structural link between units of different kinds.
KIND_MISMATCH_CONFIDENCE = 0.9


@dataclass(frozen=True)
class Bead:
    """Positions of consecutive units in the source and target version, and how they were linked."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    method: str
    score: float


@dataclass
class PairInput:
    """One side of a pairwise alignment: the version and its usable keys."""

    version: Version
    keys: list[str]


def structural_score(x: Unit, y: Unit) -> float:
    """1.0 for a keyed link between units of the same kind, a little less otherwise."""
    return 1.0 if x.kind == y.kind else KIND_MISMATCH_CONFIDENCE


def align_pair(x: PairInput, y: PairInput, encoder: Encoder) -> tuple[list[Bead], list[Finding]]:
    """Align ``y`` to ``x``: every unit of both in exactly one bead, in document order."""
    xu, yu = x.version.units, y.version.units
    anchors, dropped = anchor_pairs(x.keys, y.keys)
    findings = _anchor_findings(x.version, y.version, anchors, dropped)
    ratio = estimate_ratio([(xu[i].text, yu[j].text) for i, j in anchors], x.version.lang, y.version.lang)
    wins = windows(anchors, len(xu), len(yu))
    beads: list[Bead] = []
    win_iter = iter(wins)
    current = next(win_iter, None)
    for i, j in anchors:
        while current is not None and current.x1 <= i and current.y1 <= j:
            beads.extend(_window_beads(x, y, current, ratio, encoder))
            current = next(win_iter, None)
        if current is not None and current.x0 <= i < current.x1:
            continue  # this anchor is re-decided inside the window
        beads.append(Bead((i,), (j,), "structural", structural_score(xu[i], yu[j])))
    while current is not None:
        beads.extend(_window_beads(x, y, current, ratio, encoder))
        current = next(win_iter, None)
    return beads, findings


def _anchor_findings(x: Version, y: Version, anchors: list[tuple[int, int]], dropped: list[str]) -> list[Finding]:
    out = []
    if dropped:
        out.append(
            Finding(
                "warning",
                "align-key-order",
                f"{len(dropped)} key(s) of {y.lang} are out of order against {x.lang} "
                f"({', '.join(dropped[:5])}); aligned by content",
                lang=y.lang,
            )
        )
    if not anchors:
        out.append(
            Finding(
                "warning",
                "align-no-anchors",
                f"{y.lang} shares no numbering key with {x.lang}; aligned by content only",
                lang=y.lang,
            )
        )
    return out


def _window_beads(x: PairInput, y: PairInput, w: Window, ratio: float, encoder: Encoder) -> list[Bead]:
    xs, ys = list(x.version.units[w.x0 : w.x1]), list(y.version.units[w.y0 : w.y1])
    n, m = len(xs), len(ys)
    if n == 0 or m == 0:
        return [Bead((w.x0 + i,), (), "semantic", SKIP_CONFIDENCE) for i in range(n)] + [
            Bead((), (w.y0 + j,), "semantic", SKIP_CONFIDENCE) for j in range(m)
        ]
    sx = build_spans(xs, x.keys[w.x0 : w.x1], encoder)
    sy = build_spans(ys, y.keys[w.y0 : w.y1], encoder)
    scorer = WindowScorer(sx, sy, ratio)
    path = dp.align_window(n, m, scorer.cost)
    log.debug("window %s: %d beads, cost %.3f", w, len(path.beads), path.cost)
    out = []
    for i0, j0, a, b in path.beads:
        src = tuple(range(w.x0 + i0, w.x0 + i0 + a))
        tgt = tuple(range(w.y0 + j0, w.y0 + j0 + b))
        out.append(_bead(x, y, src, tgt, scorer, (i0, j0, a, b)))
    return out


def _bead(
    x: PairInput, y: PairInput, src: tuple[int, ...], tgt: tuple[int, ...], scorer: WindowScorer, local: tuple
) -> Bead:
    i0, j0, a, b = local
    if a == 0 or b == 0:
        return Bead(src, tgt, "semantic", SKIP_CONFIDENCE)
    if a == b == 1 and x.keys[src[0]] and x.keys[src[0]] == y.keys[tgt[0]]:
        xu, yu = x.version.units[src[0]], y.version.units[tgt[0]]
        return Bead(src, tgt, "structural", structural_score(xu, yu))
    return Bead(src, tgt, "semantic", scorer.confidence(a, b, i0, j0))
