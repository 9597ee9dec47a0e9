"""Pivot-based pairwise beads → one n-way :class:`Link` per row.

Every other version is aligned to the pivot.  Pivot units that any language
groups together (a 2:1 bead) form one row for all languages; the units another
version links to a pivot group join that row; units a version links to nothing
(0:1 against the pivot) become rows of their own at their place in document
order, where the k-th such unit of each language shares the k-th row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Link, Version
from .pairwise import Bead


@dataclass
class _Row:
    units: dict[str, list[int]] = field(default_factory=dict)
    parts: list[tuple[str, float]] = field(default_factory=list)  # (method, score) of each bead


def pivot_groups(n: int, bead_lists: list[list[Bead]]) -> list[int]:
    """Group index of every pivot unit: units that some bead joins share a group."""
    joined = [False] * max(0, n - 1)
    for beads in bead_lists:
        for bead in beads:
            for a, b in zip(bead.src, bead.src[1:], strict=False):
                joined[min(a, b)] = True
    groups, g = [], 0
    for i in range(n):
        if i and not joined[i - 1]:
            g += 1
        groups.append(g)
    return groups


def merge_rows(
    pivot: Version,
    pivot_keys: list[str],
    others: list[tuple[Version, list[Bead]]],
    order: list[str],
    joins: list[Bead] | None = None,
) -> list[Link]:
    """Build the n-way rows in document order; ``Link.units`` lists the languages in ``order``.

    ``joins``: extra pivot beads whose units must share a row (manual rows, when no other version joins them).
    Beads tagged with a manual row (``Bead.row``) that hold no pivot unit share one row per tag, placed
    after the latest place any language gives it.
    """
    groups = pivot_groups(len(pivot.units), [beads for _, beads in others] + ([joins] if joins else []))
    count = groups[-1] + 1 if groups else 0
    rows = [_Row() for _ in range(count)]
    for i, g in enumerate(groups):
        rows[g].units.setdefault(pivot.lang, []).append(i)
    places = _manual_places(groups, others)
    inserts: dict[int, dict[str, list[Bead]]] = defaultdict(lambda: defaultdict(list))
    for version, beads in others:
        last = -1
        for bead in beads:
            if bead.src:
                last = groups[bead.src[0]]
                rows[last].units.setdefault(version.lang, []).extend(bead.tgt)
                rows[last].parts.append((bead.method, bead.score))
            else:
                inserts[places.get(bead.row, last)][version.lang].append(bead)
    make_rows = _insert_rows_tagged if places else _insert_rows
    ordered: list[_Row] = []
    for g in range(-1, count):
        if g >= 0:
            ordered.append(rows[g])
        ordered.extend(make_rows(inserts.get(g, {})))
    by_lang = {v.lang: v for v in [pivot] + [v for v, _ in others]}
    versions = [by_lang[lang] for lang in order]
    return [_link(row, versions, pivot.lang, pivot_keys) for row in ordered]


def _manual_places(groups: list[int], others: list[tuple[Version, list[Bead]]]) -> dict[int, int]:
    """Manual row tag → the pivot group its pivot-less row follows (the latest over the languages)."""
    places: dict[int, int] = {}
    for _, beads in others:
        last = -1
        for bead in beads:
            if bead.src:
                last = groups[bead.src[0]]
            elif bead.row >= 0:
                places[bead.row] = max(places.get(bead.row, -1), last)
    return places


def _insert_rows(by_lang: dict[str, list[Bead]]) -> list[_Row]:
    depth = max((len(b) for b in by_lang.values()), default=0)
    out = []
    for k in range(depth):
        row = _Row()
        for lang, beads in by_lang.items():
            if k < len(beads):
                row.units[lang] = list(beads[k].tgt)
                row.parts.append((beads[k].method, beads[k].score))
        out.append(row)
    return out


def _insert_rows_tagged(by_lang: dict[str, list[Bead]]) -> list[_Row]:
    """Like :func:`_insert_rows`, but beads of one manual row share a row whatever their rank.

    Untagged beads: the k-th of each language shares the k-th untagged row.  A row first seen in a
    language goes right after the previous row of that language, so each language keeps its order.
    """
    slots: list[tuple[str, int]] = []
    rows: dict[tuple[str, int], _Row] = {}
    for lang, beads in by_lang.items():
        previous, rank = -1, 0
        for bead in beads:
            slot = ("manual", bead.row) if bead.row >= 0 else ("free", rank)
            rank += bead.row < 0
            if slot not in rows:
                rows[slot] = _Row()
                slots.insert(previous + 1, slot)
            previous = slots.index(slot)
            rows[slot].units[lang] = list(bead.tgt)
            rows[slot].parts.append((bead.method, bead.score))
    return [rows[slot] for slot in slots]


def _link(row: _Row, versions: list[Version], pivot_lang: str, pivot_keys: list[str]) -> Link:
    units = {v.lang: tuple(v.units[i].id for i in row.units.get(v.lang, ())) for v in versions}
    structural = all(method == "structural" for method, _ in row.parts)
    score = min((s for _, s in row.parts), default=1.0)
    pivot_pos = row.units.get(pivot_lang, [])
    key = pivot_keys[pivot_pos[0]] if structural and len(pivot_pos) == 1 else ""
    return Link(units=units, method="structural" if structural else "semantic", score=round(score, 4), key=key)
