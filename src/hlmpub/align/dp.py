"""The numeric core: a banded dynamic programme over one window of two unit sequences.

Nothing here knows about languages, texts or encoders (vecalign's ``dp_core`` is
the model).  The caller supplies a cost callback; the core finds the cheapest
monotone sequence of beads that covers both sequences completely.

Shapes and conventions
----------------------
* The window holds ``n`` source units (rows ``i``) and ``m`` target units
  (columns ``j``).  Cell ``(i, j)`` means "the first ``i`` source and the first
  ``j`` target units are aligned".
* A bead ``(a, b)`` consumes ``a`` source and ``b`` target units: it goes from
  cell ``(i - a, j - b)`` to ``(i, j)``.  ``BEADS`` lists the allowed shapes; the
  order of that tuple breaks ties, so the result never depends on float noise
  between equal costs or on set order.
* ``cost(a, b, i0, j0s)`` returns a float64 array of shape ``(len(j0s),)``: the
  cost of a bead ``(a, b)`` that starts at source unit ``i0`` and at each target
  unit in ``j0s`` (an int64 array).  It may return ``inf`` for impossible beads.
* The band: row ``i`` only keeps the columns ``lo[i] .. hi[i]`` (inclusive) around
  the diagonal ``j = i * m / n``, widened by ``band`` on each side.  Time and
  memory are ``O((n + m) * band)``: linear in the window length.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: Allowed bead shapes (source units, target units), in tie-breaking order.
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3))

CostFn = Callable[[int, int, int, np.ndarray], np.ndarray]

#: Minimum half-width of the band, in units.
DEFAULT_BAND = 12


@dataclass(frozen=True)
class Path:
    """The chosen beads as ``(i0, j0, a, b)`` tuples in document order, and their total cost."""

    beads: tuple[tuple[int, int, int, int], ...]
    cost: float


def band_limits(n: int, m: int, band: int = DEFAULT_BAND) -> tuple[np.ndarray, np.ndarray]:
    """Inclusive column limits ``lo``, ``hi`` (each shape ``(n + 1,)``) of the band per row."""
    rows = np.arange(n + 1, dtype=np.float64)
    centre = rows * (m / n) if n else np.zeros(1)
    half = band + max(1, int(np.ceil(m / n))) if n else m
    lo = np.clip(np.floor(centre).astype(np.int64) - half, 0, m)
    hi = np.clip(np.ceil(centre).astype(np.int64) + half, 0, m)
    lo[0], hi[-1] = 0, m
    return lo, hi


def _gather(values: np.ndarray, lo: int, cols: np.ndarray) -> np.ndarray:
    """``values[cols - lo]`` with ``inf`` where a column falls outside the stored row."""
    idx = cols - lo
    ok = (idx >= 0) & (idx < values.shape[0])
    out = np.full(cols.shape[0], np.inf)
    out[ok] = values[idx[ok]]
    return out


def align_window(n: int, m: int, cost: CostFn, band: int = DEFAULT_BAND) -> Path:
    """Cheapest complete bead path through an ``n`` × ``m`` window (both may be 0)."""
    lo, hi = band_limits(n, m, band)
    totals: list[np.ndarray] = []
    choice: list[np.ndarray] = []
    for i in range(n + 1):
        cols = np.arange(lo[i], hi[i] + 1, dtype=np.int64)
        best = np.full(cols.shape[0], np.inf)
        pick = np.full(cols.shape[0], -1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        for k, (a, b) in enumerate(BEADS):
            if a == 0 or a > i:
                continue  # 0:b beads stay in this row: _fill_same_row
            valid = cols - b >= 0
            if not valid.any():
                continue
            j0s = cols[valid] - b
            prev = np.full(cols.shape[0], np.inf)
            prev[valid] = _gather(totals[i - a], int(lo[i - a]), j0s) + cost(a, b, i - a, j0s)
            better = prev < best
            best[better], pick[better] = prev[better], k
        _fill_same_row(i, cols, best, pick, cost)
        totals.append(best)
        choice.append(pick)
    return _backtrack(n, m, lo, totals, choice)


def _fill_same_row(i: int, cols: np.ndarray, best: np.ndarray, pick: np.ndarray, cost: CostFn) -> None:
    """Apply the 0:b beads, which stay in row ``i`` (a left-to-right scan)."""
    same_row = [(k, b) for k, (a, b) in enumerate(BEADS) if a == 0]
    if not same_row or cols.shape[0] < 2:
        return
    for k, b in same_row:
        steps = cost(0, b, i, cols)
        for t in range(b, cols.shape[0]):
            cand = best[t - b] + steps[t - b]
            if cand < best[t]:
                best[t], pick[t] = cand, k


def _backtrack(n: int, m: int, lo: np.ndarray, totals: list[np.ndarray], choice: list[np.ndarray]) -> Path:
    i, j = n, m
    total = float(totals[n][m - lo[n]])
    if not np.isfinite(total):
        raise ValueError(f"no finite path through a {n}x{m} window")
    beads: list[tuple[int, int, int, int]] = []
    while i > 0 or j > 0:
        k = int(choice[i][j - lo[i]])
        a, b = BEADS[k]
        i, j = i - a, j - b
        beads.append((i, j, a, b))
    beads.reverse()
    return Path(tuple(beads), total)
