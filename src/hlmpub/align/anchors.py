"""First pass of the sentence aligner: 1:1 anchors, then a corridor around them.

Bertalign's idea, done with a weighted longest increasing chain: every source
sentence proposes its ``TOP_K`` most similar target sentences; the chain of
proposals strictly increasing on both sides with the largest summed similarity
is the first path (``O(P log m)`` for ``P`` proposals, a Fenwick tree of prefix
maxima).  The full bead search then runs only in a corridor around that path:
between two consecutive anchors it spans their target range widened by
``margin``, so an insertion between anchors stays inside it.  Memory and time
grow with ``n × corridor width``, not ``n × m``.
"""

from __future__ import annotations

import numpy as np

TOP_K = 5
CHUNK = 1024  # source rows per similarity block (bounded memory: CHUNK × m floats)


def candidates(x: np.ndarray, y: np.ndarray, k: int = TOP_K) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(i, j, similarity)`` of the ``k`` most similar targets of every source sentence."""
    n, m = x.shape[0], y.shape[0]
    k = min(k, m)
    ii, jj, ss = [], [], []
    for start in range(0, n, CHUNK):
        sims = x[start : start + CHUNK] @ y.T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k < m else np.tile(np.arange(m), (sims.shape[0], 1))
        rows = np.repeat(np.arange(start, start + sims.shape[0]), top.shape[1])
        ii.append(rows)
        jj.append(top.ravel())
        ss.append(sims[rows - start, top.ravel()])
    return np.concatenate(ii), np.concatenate(jj), np.concatenate(ss)


def best_chain(i: np.ndarray, j: np.ndarray, s: np.ndarray, m: int) -> list[tuple[int, int]]:
    """The chain of pairs strictly increasing in ``i`` and ``j`` with the largest sum of ``s``."""
    order = np.lexsort((j, i))
    tree = np.zeros(m + 1)  # Fenwick tree: prefix maximum of chain scores ending at target < j
    arg = np.full(m + 1, -1, dtype=np.int64)
    best = np.zeros(len(i))
    back = np.full(len(i), -1, dtype=np.int64)
    pos = 0
    while pos < len(order):
        end = pos
        while end < len(order) and i[order[end]] == i[order[pos]]:
            end += 1
        group = order[pos:end]
        for p in group:  # query all of one source row before updating: i must increase strictly
            value, where, q = 0.0, -1, int(j[p])
            while q > 0:
                if tree[q] > value:
                    value, where = tree[q], arg[q]
                q -= q & -q
            best[p], back[p] = value + max(float(s[p]), 0.0), where
        for p in group:
            q = int(j[p]) + 1
            while q <= m:
                if best[p] > tree[q]:
                    tree[q], arg[q] = best[p], p
                q += q & -q
        pos = end
    if not len(i):
        return []
    p = int(np.argmax(best))
    chain = []
    while p >= 0:
        chain.append((int(i[p]), int(j[p])))
        p = int(back[p])
    return chain[::-1]


def corridor(anchors: list[tuple[int, int]], n: int, m: int, margin: int) -> tuple[np.ndarray, np.ndarray]:
    """``lo[i]``, ``hi[i]``: the target positions (0..m) searched at source position ``i`` (0..n).

    Positions are DP grid points: ``i`` source sentences and ``j`` target
    sentences consumed.  Between consecutive anchor points the corridor spans
    both anchors' target positions ± ``margin``; the ends are (0, 0) and (n, m).
    """
    points = [(0, 0)] + [(a + 1, b + 1) for a, b in anchors] + [(n, m)]
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (i0, j0), (i1, j1) in zip(points, points[1:], strict=False):
        a, b = max(0, i0 - margin), min(n, i1 + margin)
        lo[a : b + 1] = np.minimum(lo[a : b + 1], max(0, min(j0, j1) - margin))
        hi[a : b + 1] = np.maximum(hi[a : b + 1], min(m, max(j0, j1) + margin))
    lo[0], hi[n] = 0, m
    # rows must overlap enough for every bead shape to connect them
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    return lo, hi
