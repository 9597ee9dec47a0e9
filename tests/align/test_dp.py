"""The numeric DP core on synthetic cost tables (no encoder, no text)."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from hlmpub.align import dp


def matrix_cost(sim: np.ndarray, skip: float = 0.4, merge: float = 0.38):
    """A cost callback from a synthetic similarity table (sums of cells for merges)."""
    n, m = sim.shape

    def cost(a: int, b: int, i0: int, j0s: np.ndarray) -> np.ndarray:
        out = np.full(j0s.shape[0], np.inf)
        for t, j0 in enumerate(j0s):
            if i0 + a > n or j0 + b > m:
                continue
            if a == 0 or b == 0:
                out[t] = skip
            else:
                block = sim[i0 : i0 + a, j0 : j0 + b]
                out[t] = 1.0 - block.mean() * (a * b) ** 0.5 / max(a, b) ** 0.5 + merge * (a + b - 2)
        return out

    return cost


def brute_force(n: int, m: int, cost) -> float:
    @functools.cache
    def best(i: int, j: int) -> float:
        if i == 0 and j == 0:
            return 0.0
        out = np.inf
        for a, b in dp.BEADS:
            if a <= i and b <= j:
                out = min(out, best(i - a, j - b) + float(cost(a, b, i - a, np.array([j - b]))[0]))
        return out

    return best(n, m)


def test_identity_is_all_one_to_one():
    path = dp.align_window(5, 5, matrix_cost(np.eye(5)))
    assert [(a, b) for _, _, a, b in path.beads] == [(1, 1)] * 5


def test_deleted_row_becomes_one_to_zero():
    # synthetic: target lacks source unit 2
    sim = np.delete(np.eye(6), 2, axis=1)
    path = dp.align_window(6, 5, matrix_cost(sim))
    assert (2, 2, 1, 0) in path.beads
    assert sum(a for _, _, a, _ in path.beads) == 6 and sum(b for *_, b in path.beads) == 5


@pytest.mark.parametrize("n,m,seed", [(7, 9, 0), (10, 6, 1), (4, 4, 2), (0, 3, 3), (3, 0, 4), (12, 12, 5)])
def test_matches_brute_force_on_random_tables(n, m, seed):
    rng = np.random.default_rng(seed)
    cost = matrix_cost(rng.random((n, m)))
    path = dp.align_window(n, m, cost)
    assert path.cost == pytest.approx(brute_force(n, m, cost))
    assert sum(a for _, _, a, _ in path.beads) == n and sum(b for *_, b in path.beads) == m


def test_band_is_linear_in_window_length():
    lo, hi = dp.band_limits(1000, 1000, band=12)
    widths = hi - lo + 1
    assert widths.max() <= 2 * 12 + 3
    assert lo[0] == 0 and hi[-1] == 1000
