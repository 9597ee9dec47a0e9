"""Manual links: a reviewer's rows are constraints the aligner keeps.

A ``Link`` with method ``manual`` (read back from a hand-edited TEI archive) fixes
its units into exactly that row.  For every pair of versions a manual row is

* a **block** when it has units on both sides: a hard anchor, like a shared key
  that the DP can never re-decide; the pair is aligned segment by segment between
  the blocks (:func:`align_pair_fixed`);
* a **skip** when it has units on one side only: those units are kept in their
  segment but may only be 1:0 / 0:1 beads (:data:`.pairwise.Hard`), so no
  computed bead can take them.

Blocks and skips come out as beads tagged with the row (``Bead.row``);
:func:`.rows.merge_rows` builds the rows as usual and :func:`apply_manual` puts
the reviewer's links back unchanged (method ``manual``, their score, their key).

Manual links that cannot be kept are dropped with a warning, never an
exception: a unit id that is no longer in the versions (``align-manual-stale``,
the source changed), a unit already in an earlier manual link
(``align-manual-conflict``), units that are not consecutive in their version or
rows that cross each other (``align-manual-order``).  See docs/design/align.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Edition, Finding, Link, Version
from .encoder import Encoder
from .pairwise import Bead, PairInput, _anchor_findings, align_pair
from .score import estimate_ratio
from .structural import anchor_pairs


@dataclass(frozen=True)
class ManualRow:
    """A manual link kept as a constraint: the link (restricted to the versions present, ids in
    document order) and the positions of its units in each version."""

    link: Link
    pos: dict[str, tuple[int, ...]]


def manual_links(previous: Edition, versions: Sequence[Version]) -> tuple[list[Link], list[Finding]]:
    """The manual links of a previous edition whose units still exist with the same text.

    Ids of unnumbered units are positional (``en-u8`` is the eighth one), so after a source change an id
    may name another text: such a link is dropped with an ``align-manual-stale`` warning, like one whose
    unit is gone.
    """
    now = {u.id: u for v in versions for u in v.units}
    before = previous.units_by_id()
    kept: list[Link] = []
    findings: list[Finding] = []
    for k, link in enumerate(lk for lk in previous.links if lk.method == "manual"):
        changed = [
            (lang, uid)
            for lang, ids in link.units.items()
            for uid in ids
            if uid not in now or now[uid].lang != lang or now[uid].text != before[uid].text
        ]
        if not changed:
            kept.append(link)
            continue
        lang, uid = min(changed, key=lambda c: c[1] in now)  # a vanished unit first
        gone = "is no longer in" if uid not in now else "has another text in"
        msg = f"manual link {k}: unit {uid} {gone} the {lang} version; the link is dropped"
        findings.append(Finding("warning", "align-manual-stale", msg, lang=lang, unit_id=uid))
    return kept, findings


def prepare_manual(versions: Sequence[Version], manual: Sequence[Link]) -> tuple[list[ManualRow], list[Finding]]:
    """Check the manual links in their order; keep the usable ones, a warning for each one dropped."""
    pos_of = {v.lang: {u.id: i for i, u in enumerate(v.units)} for v in versions}
    rows: list[ManualRow] = []
    findings: list[Finding] = []
    used: set[str] = set()
    for k, link in enumerate(manual):
        ids = {lang: tuple(link.units.get(lang, ())) for lang in pos_of}
        if not any(ids.values()):
            continue  # only languages that are not being aligned
        problem = _problem(k, ids, pos_of, used, rows)
        if problem is not None:
            findings.append(problem)
            continue
        pos = {lang: tuple(sorted(pos_of[lang][u] for u in found)) for lang, found in ids.items() if found}
        units = {v.lang: tuple(v.units[i].id for i in pos.get(v.lang, ())) for v in versions}
        rows.append(ManualRow(replace(link, units=units, method="manual"), pos))  # its reviser and checked kept
        used.update(u for found in ids.values() for u in found)
    return rows, findings


def _problem(
    k: int,
    ids: dict[str, tuple[str, ...]],
    pos_of: dict[str, dict[str, int]],
    used: set[str],
    rows: list[ManualRow],
) -> Finding | None:
    """Why manual link ``k`` cannot be kept, or None."""
    for lang, found in ids.items():
        for uid in found:
            if uid not in pos_of[lang]:
                msg = f"manual link {k}: unit {uid} is no longer in the {lang} version; the link is dropped"
                return Finding("warning", "align-manual-stale", msg, lang=lang, unit_id=uid)
            if uid in used:
                msg = f"manual link {k}: unit {uid} is already in an earlier manual link; the link is dropped"
                return Finding("warning", "align-manual-conflict", msg, lang=lang, unit_id=uid)
    for lang, found in ids.items():
        where = sorted(pos_of[lang][u] for u in found)
        if len(set(where)) != len(where) or (where and where[-1] - where[0] != len(where) - 1):
            msg = f"manual link {k}: its {lang} units are not consecutive; the link is dropped"
            return Finding("warning", "align-manual-order", msg, lang=lang, unit_id=found[0])
    first = {lang: min(pos_of[lang][u] for u in found) for lang, found in ids.items() if found}
    for earlier in rows:
        signs = {first[lang] < pos[0] for lang, pos in earlier.pos.items() if lang in first}
        if len(signs) > 1:
            lang, uid = next((lang, found[0]) for lang, found in ids.items() if found)
            msg = f"manual link {k}: crosses an earlier manual link ({_ids(earlier.link)}); the link is dropped"
            return Finding("warning", "align-manual-order", msg, lang=lang, unit_id=uid)
    return None


def _ids(link: Link) -> str:
    return " ".join(u for ids in link.units.values() for u in ids)


def pivot_joins(rows: Sequence[ManualRow], pivot: str) -> list[Bead]:
    """One bead per manual row with pivot units: they share a row even when no other version joins them."""
    return [Bead(row.pos[pivot], (), "manual", row.link.score, r) for r, row in enumerate(rows) if pivot in row.pos]


# ------------------------------------------------------------------ one pair


def align_pair_fixed(
    x: PairInput, y: PairInput, rows: Sequence[ManualRow], encoder: Encoder
) -> tuple[list[Bead], list[Finding]]:
    """Like :func:`.pairwise.align_pair`, keeping the manual rows: blocks cut the pair into segments,
    each aligned on its own (same anchors, windows and DP), skips can only be skipped."""
    lx, ly = x.version.lang, y.version.lang
    fixed_x = {i: r for r, row in enumerate(rows) for i in row.pos.get(lx, ())}
    fixed_y = {j: r for r, row in enumerate(rows) for j in row.pos.get(ly, ())}
    free_x = PairInput(x.version, ["" if i in fixed_x else k for i, k in enumerate(x.keys)])
    free_y = PairInput(y.version, ["" if j in fixed_y else k for j, k in enumerate(y.keys)])
    anchors, dropped = anchor_pairs(free_x.keys, free_y.keys)
    findings = _anchor_findings(x.version, y.version, anchors, dropped)
    xu, yu = x.version.units, y.version.units
    ratio = estimate_ratio([(xu[i].text, yu[j].text) for i, j in anchors], lx, ly)
    blocks = sorted((row.pos[lx], row.pos[ly], r) for r, row in enumerate(rows) if lx in row.pos and ly in row.pos)
    beads: list[Bead] = []
    i0 = j0 = 0
    for xs, ys, r in [*blocks, ((len(xu),), (len(yu),), -1)]:
        span = (i0, xs[0]), (j0, ys[0])
        segment = _segment(free_x, free_y, span, (set(fixed_x), set(fixed_y)), encoder, ratio)
        beads.extend(_tag_skips(segment, fixed_x, fixed_y, rows))
        if r >= 0:
            beads.append(Bead(xs, ys, "manual", rows[r].link.score, r))
        i0, j0 = xs[-1] + 1, ys[-1] + 1
    return beads, findings


def _segment(
    x: PairInput,
    y: PairInput,
    span: tuple[tuple[int, int], tuple[int, int]],
    fixed: tuple[set[int], set[int]],
    encoder: Encoder,
    ratio: float,
) -> list[Bead]:
    """Align ``x[i0:i1]`` with ``y[j0:j1]``, fixed units as hard skips; bead positions in the whole versions."""
    (i0, i1), (j0, j1) = span
    if i0 == i1 and j0 == j1:
        return []
    sx = PairInput(replace(x.version, units=x.version.units[i0:i1]), x.keys[i0:i1])
    sy = PairInput(replace(y.version, units=y.version.units[j0:j1]), y.keys[j0:j1])
    hard = (
        frozenset(i - i0 for i in fixed[0] if i0 <= i < i1),
        frozenset(j - j0 for j in fixed[1] if j0 <= j < j1),
    )
    found, _ = align_pair(sx, sy, encoder, ratio=ratio, hard=hard)
    return [replace(b, src=tuple(i + i0 for i in b.src), tgt=tuple(j + j0 for j in b.tgt)) for b in found]


def _tag_skips(
    beads: list[Bead], fixed_x: dict[int, int], fixed_y: dict[int, int], rows: Sequence[ManualRow]
) -> list[Bead]:
    """Skips of fixed units → one manual bead per row and side, where the row's first unit was."""
    out: list[Bead] = []
    seen: dict[tuple[int, bool], int] = {}  # (row, pivot side?) → index in out
    for bead in beads:
        r = fixed_x.get(bead.src[0], -1) if bead.src else fixed_y.get(bead.tgt[0], -1)
        if r < 0:
            out.append(bead)
            continue
        side = bool(bead.src)
        if (r, side) not in seen:
            seen[r, side] = len(out)
            out.append(Bead((), (), "manual", rows[r].link.score, r))
        k = seen[r, side]
        out[k] = replace(out[k], src=out[k].src + bead.src, tgt=out[k].tgt + bead.tgt)
    return out


# ------------------------------------------------------------------ the rows


def apply_manual(links: list[Link], rows: Sequence[ManualRow]) -> tuple[list[Link], list[Finding]]:
    """Put each manual link back in place of the row that holds its units (they must be exactly that row)."""
    row_of = {u: r for r, row in enumerate(rows) for ids in row.link.units.values() for u in ids}
    out: list[Link] = []
    findings: list[Finding] = []
    for n, link in enumerate(links):
        tags = {row_of[u] for ids in link.units.values() for u in ids if u in row_of}
        if not tags:
            out.append(link)
            continue
        manual = rows[min(tags)].link
        if len(tags) == 1 and _unit_set(link) == _unit_set(manual):
            out.append(replace(manual, units={lang: manual.units.get(lang, ()) for lang in link.units}))
            continue
        msg = f"row {n}: a manual link could not be kept as it was ({_ids(manual)}); the row was aligned anew"
        findings.append(Finding("warning", "align-manual-moved", msg, unit_id=_ids(manual).split()[0], row=n))
        out.append(link)
    return out, findings


def _unit_set(link: Link) -> set[str]:
    return {u for ids in link.units.values() for u in ids}
