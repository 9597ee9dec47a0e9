"""Two versions → beads: structural anchors, then the DP in each window between them."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

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
    row: int = -1  # the manual row this bead reproduces (see :mod:`.manual`); -1 for a computed bead

    def __str__(self) -> str:
        """The form of the Bertalign and vecalign gold files: ``[0,1]:[0]``, ``[]:[5]`` (0-based)."""
        return f"[{','.join(map(str, self.src))}]:[{','.join(map(str, self.tgt))}]"


#: Positions (in the two versions of a pair) of units that may only be skipped: 1:0 or 0:1 beads.
Hard = tuple[frozenset[int], frozenset[int]]


@dataclass
class PairInput:
    """One side of a pairwise alignment: the version and its usable keys."""

    version: Version
    keys: list[str]


def structural_score(x: Unit, y: Unit) -> float:
    """1.0 for a keyed link between units of the same kind, a little less otherwise."""
    return 1.0 if x.kind == y.kind else KIND_MISMATCH_CONFIDENCE


def align_pair(
    x: PairInput, y: PairInput, encoder: Encoder, ratio: float | None = None, hard: Hard | None = None
) -> tuple[list[Bead], list[Finding]]:
    """Align ``y`` to ``x``: every unit of both in exactly one bead, in document order.

    ``ratio``: the expected length ratio (default: estimated from this pair's anchors); ``hard``: units
    that may only be skipped (:mod:`.manual` passes the units a reviewer fixed into other rows).
    """
    xu, yu = x.version.units, y.version.units
    anchors, dropped = anchor_pairs(x.keys, y.keys)
    findings = _anchor_findings(x.version, y.version, anchors, dropped)
    if ratio is None:
        ratio = estimate_ratio([(xu[i].text, yu[j].text) for i, j in anchors], x.version.lang, y.version.lang)
    wins = windows(anchors, len(xu), len(yu))
    beads: list[Bead] = []
    win_iter = iter(wins)
    current = next(win_iter, None)
    for i, j in anchors:
        while current is not None and current.x1 <= i and current.y1 <= j:
            beads.extend(_window_beads(x, y, current, ratio, encoder, hard))
            current = next(win_iter, None)
        if current is not None and current.x0 <= i < current.x1:
            continue  # this anchor is re-decided inside the window
        beads.append(Bead((i,), (j,), "structural", structural_score(xu[i], yu[j])))
    while current is not None:
        beads.extend(_window_beads(x, y, current, ratio, encoder, hard))
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


def _window_beads(
    x: PairInput, y: PairInput, w: Window, ratio: float, encoder: Encoder, hard: Hard | None = None
) -> list[Bead]:
    xs, ys = list(x.version.units[w.x0 : w.x1]), list(y.version.units[w.y0 : w.y1])
    n, m = len(xs), len(ys)
    if n == 0 or m == 0:
        return [Bead((w.x0 + i,), (), "semantic", SKIP_CONFIDENCE) for i in range(n)] + [
            Bead((), (w.y0 + j,), "semantic", SKIP_CONFIDENCE) for j in range(m)
        ]
    sx = build_spans(xs, x.keys[w.x0 : w.x1], encoder)
    sy = build_spans(ys, y.keys[w.y0 : w.y1], encoder)
    scorer = WindowScorer(sx, sy, ratio)
    cost = scorer.cost if hard is None else skips_only(scorer.cost, hard, w)
    path = dp.align_window(n, m, cost)
    log.debug("window %s: %d beads, cost %.3f", w, len(path.beads), path.cost)
    out = []
    for i0, j0, a, b in path.beads:
        src = tuple(range(w.x0 + i0, w.x0 + i0 + a))
        tgt = tuple(range(w.y0 + j0, w.y0 + j0 + b))
        out.append(_bead(x, y, src, tgt, scorer, (i0, j0, a, b)))
    return out


def skips_only(cost: dp.CostFn, hard: Hard, w: Window) -> dp.CostFn:
    """Wrap a window's cost so that a bead holding a hard unit costs ``inf`` unless it is that unit's skip."""
    hx = np.array([w.x0 + i in hard[0] for i in range(w.x1 - w.x0)], dtype=bool)
    hy = np.concatenate([[0], np.cumsum([w.y0 + j in hard[1] for j in range(w.y1 - w.y0)])])
    if not hx.any() and hy[-1] == 0:
        return cost

    def wrapped(a: int, b: int, i0: int, j0s: np.ndarray) -> np.ndarray:
        out = cost(a, b, i0, j0s)
        if (a, b) != (1, 0) and hx[i0 : i0 + a].any():
            return np.full(j0s.shape[0], np.inf)
        if (a, b) != (0, 1) and b:
            ends = np.minimum(j0s + b, hy.shape[0] - 1)
            out = np.where(hy[ends] - hy[np.minimum(j0s, hy.shape[0] - 1)] > 0, np.inf, out)
        return out

    return wrapped


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
