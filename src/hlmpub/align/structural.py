"""The structural pass: shared keys become anchors; what lies between them becomes DP windows.

Keys come from the segmenter (``hlmpub.conventions``); here they are only
compared (a table without a key is given ``table:N`` by its order, as the
segmenter would).  A key that occurs twice in one version cannot anchor anything and is
reported.  Shared keys whose order differs between two versions are reduced to
the longest run that keeps both orders (a longest increasing subsequence).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from ..conventions import table_key
from ..model import Finding, Version


@dataclass(frozen=True)
class Window:
    """Half-open unit ranges ``x[x0:x1]`` and ``y[y0:y1]`` aligned by the DP."""

    x0: int
    x1: int
    y0: int
    y1: int


def unit_keys(version: Version) -> list[str]:
    """The key of every unit; a table without one gets ``table:N``, N its order among the tables of the version.

    Tables carry no number in UN documents: they link by their order, as the segmenter keys them
    (:func:`hlmpub.conventions.table_key`); a reader that left them unkeyed gets the same keys here.
    """
    keys, tables = [], 0
    for unit in version.units:
        if unit.kind == "table":
            tables += 1
            keys.append(unit.key or table_key(tables))
        else:
            keys.append(unit.key)
    return keys


def usable_keys(version: Version) -> tuple[list[str], list[Finding]]:
    """The key of every unit (:func:`unit_keys`), blanked where it repeats within the version."""
    given = unit_keys(version)
    counts = Counter(k for k in given if k)
    findings = []
    for key in sorted(k for k, c in counts.items() if c > 1):
        first = next(u for u, k in zip(version.units, given, strict=True) if k == key)
        findings.append(
            Finding(
                "warning",
                "align-duplicate-key",
                f"key {key} occurs {counts[key]} times in {version.lang}; those units are aligned by content",
                lang=version.lang,
                unit_id=first.id,
            )
        )
    keys = [k if k and counts[k] == 1 else "" for k in given]
    return keys, findings


def anchor_pairs(keys_x: list[str], keys_y: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Positions ``(i, j)`` of the keys both sides share, in order; and keys dropped for order."""
    pos_y = {k: j for j, k in enumerate(keys_y) if k}
    cand = [(i, pos_y[k]) for i, k in enumerate(keys_x) if k and k in pos_y]
    keep = _longest_increasing(cand)
    kept = set(keep)
    dropped = [keys_x[i] for i, j in cand if (i, j) not in kept]
    return keep, dropped


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence with increasing ``j`` (pairs come sorted by ``i``); deterministic."""
    tails: list[int] = []  # tails[k]: smallest j ending an increasing run of length k + 1
    tail_at: list[int] = []  # index into pairs of that tail
    back = [-1] * len(pairs)
    for idx, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(idx)
        else:
            tails[k], tail_at[k] = j, idx
        back[idx] = tail_at[k - 1] if k else -1
    out = []
    idx = tail_at[-1] if tail_at else -1
    while idx >= 0:
        out.append(pairs[idx])
        idx = back[idx]
    return out[::-1]


def windows(anchors: list[tuple[int, int]], n: int, m: int) -> list[Window]:
    """DP windows between consecutive anchors.

    A gap with the same number of units on both sides is a window on its own.
    A gap whose sides differ in length (something deleted, merged or split)
    also takes in the anchors around it, because the odd unit may belong to
    the anchored unit next to it (a merged paragraph keeps only one number).
    Windows that overlap are joined.
    """
    points = [(-1, -1), *anchors, (n, m)]
    raw: list[Window] = []
    for k in range(len(points) - 1):
        (i0, j0), (i1, j1) = points[k], points[k + 1]
        gx, gy = i1 - i0 - 1, j1 - j0 - 1
        if gx == 0 and gy == 0:
            continue
        if gx == gy:
            raw.append(Window(i0 + 1, i1, j0 + 1, j1))
            continue
        first, last = k == 0, k + 1 == len(points) - 1
        raw.append(
            Window(i0 + 1 if first else i0, i1 if last else i1 + 1, j0 + 1 if first else j0, j1 if last else j1 + 1)
        )
    merged: list[Window] = []
    for w in raw:
        if merged and (w.x0 < merged[-1].x1 or w.y0 < merged[-1].y1):
            prev = merged.pop()
            w = Window(prev.x0, max(prev.x1, w.x1), prev.y0, max(prev.y1, w.y1))
        merged.append(w)
    return merged
