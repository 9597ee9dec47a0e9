"""A reviser's edits to the rows of an edition: pure functions Edition → Edition.

Merge a row with the next, split a row (the chosen units go to a new row below), move one unit to
the previous or next row, mark a row checked.  Every row an edit changes becomes a manual link
(method ``manual``, confidence 1, ``resp`` the reviser), the constraint a later build keeps
(docs/design/align.md §9).  An edit that cannot be made — rows that are not neighbours, a split that
would leave a row empty or put a unit above one it follows, a move off either end or out of order —
raises :class:`~.state.EditRefused` with a message for the reviser, and nothing changes.

Each edit returns the new edition and the indexes of the rows it changed; the sentence links of those
rows are aligned again by :func:`realign_sentences` (rows of one sentence each need no model).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from ..align.sentence_rows import align_sentence_rows
from ..model import Edition, Link
from .rowsjson import row_id, sentence_groups
from .state import EditRefused

Units = dict[str, tuple[str, ...]]


def _manual(edition: Edition, units: Units, key: str, resp: str) -> Link:
    return Link({lang: tuple(units.get(lang, ())) for lang in edition.langs}, "manual", 1.0, key, resp=resp)


def _row(edition: Edition, n: int) -> Link:
    if not 0 <= n < len(edition.links):
        raise EditRefused(f"there is no row {n + 1} (the edition has {len(edition.links)} rows)")
    return edition.links[n]


def _with_rows(edition: Edition, start: int, stop: int, new: Sequence[Link]) -> Edition:
    links = list(edition.links)
    links[start:stop] = new
    return replace(edition, links=tuple(links))


def merge(edition: Edition, first: int, second: int, resp: str) -> tuple[Edition, list[int]]:
    """Rows ``first`` and ``second`` (the row right after it) become one row."""
    a, b = _row(edition, first), _row(edition, second)
    if second != first + 1:
        ids = f"{row_id(a, edition.langs)} and {row_id(b, edition.langs)}"
        raise EditRefused(f"rows {ids} are not neighbours: a row merges only with the next one")
    units = {lang: a.units.get(lang, ()) + b.units.get(lang, ()) for lang in edition.langs}
    return _with_rows(edition, first, second + 1, [_manual(edition, units, a.key or b.key, resp)]), [first]


def split(edition: Edition, n: int, moving: Collection[str], resp: str) -> tuple[Edition, list[int]]:
    """The units ``moving`` of row ``n`` go to a new row right below it; in each language they must be the
    row's last units (the order of every version is kept)."""
    link = _row(edition, n)
    here = {u for ids in link.units.values() for u in ids}
    stray = sorted(set(moving) - here)
    if stray:
        raise EditRefused(f"unit {stray[0]} is not in row {row_id(link, edition.langs)}")
    if not moving:
        raise EditRefused("a split needs the units that go to the new row")
    upper: Units = {}
    lower: Units = {}
    for lang in edition.langs:
        ids = link.units.get(lang, ())
        flags = [u in moving for u in ids]
        if flags != sorted(flags):  # a staying unit after a moving one
            i = flags.index(True)
            go, stay = ids[i], ids[flags.index(False, i)]
            raise EditRefused(f"the split would put {go} in a row below {stay}, which follows it in the {lang} text")
        upper[lang] = tuple(u for u in ids if u not in moving)
        lower[lang] = tuple(u for u in ids if u in moving)
    if not any(upper.values()):
        raise EditRefused("the split would leave the row empty: keep at least one unit in it")
    lower_key = _key(edition, lower)
    rows = [_manual(edition, upper, link.key, resp), _manual(edition, lower, lower_key, resp)]
    return _with_rows(edition, n, n + 1, rows), [n, n + 1]


def _key(edition: Edition, units: Units) -> str:
    """The structural key of a new row: its first unit's with one."""
    by_id = edition.units_by_id()
    return next((by_id[u].key for lang in edition.langs for u in units.get(lang, ()) if by_id[u].key), "")


def move(edition: Edition, unit: str, to: str, resp: str) -> tuple[Edition, list[int]]:
    """Move ``unit`` to the end of the previous row (it must be the first of its language in its row) or to
    the start of the next one (it must be the last).  A row left with no unit is removed."""
    found = [(n, lang) for n, link in enumerate(edition.links) for lang, ids in link.units.items() if unit in ids]
    if not found:
        raise EditRefused(f"unit {unit} is in no row of the edition")
    if to not in ("prev", "next"):
        raise EditRefused(f'a unit moves to "prev" or "next", not {to!r}')
    n, lang = found[0]
    link = edition.links[n]
    ids = link.units[lang]
    target = n - 1 if to == "prev" else n + 1
    if not 0 <= target < len(edition.links):
        where = "first" if to == "prev" else "last"
        raise EditRefused(f"unit {unit} is in the {where} row: there is no row to move it to")
    end = ids[0] if to == "prev" else ids[-1]
    if end != unit:
        side = "first" if to == "prev" else "last"
        raise EditRefused(f"only the {side} {lang} unit of a row can move there ({end}, not {unit}): the order stays")
    other = edition.links[target]
    moved = other.units.get(lang, ())
    moved = (*moved, unit) if to == "prev" else (unit, *moved)
    rest = tuple(u for u in ids if u != unit)
    source = _manual(edition, {**link.units, lang: rest}, link.key, resp)
    dest = _manual(edition, {**other.units, lang: moved}, other.key, resp)
    first, second = (dest, source) if to == "prev" else (source, dest)
    start = min(n, target)
    if not any(source.units.values()):
        return _with_rows(edition, start, start + 2, [dest]), [start]
    return _with_rows(edition, start, start + 2, [first, second]), [start, start + 1]


def check(edition: Edition, n: int, checked: bool = True) -> tuple[Edition, list[int]]:
    """Mark row ``n`` checked (or not)."""
    link = _row(edition, n)
    return _with_rows(edition, n, n + 1, [replace(link, checked=checked)]), [n]


def canonical_order(edition: Edition, pivot: str, changed: Sequence[int]) -> tuple[Edition, list[int]]:
    """The rows in the order the aligner gives them, and where the ``changed`` rows went.

    Rows that share no language can stand in either order (a row of the pivot alone and a row without
    it); the aligner puts a row without pivot units right after the latest pivot row that one of its
    languages orders it after (docs/design/align.md §9).  The same order here means that a build that
    applies the decisions gives exactly the rows the reviser saw.
    """
    links = list(edition.links)
    marked = [n in set(changed) for n in range(len(links))]
    for i in range(1, len(links)):
        j = i
        while j > 0 and not links[j].units.get(pivot) and links[j - 1].units.get(pivot):
            if any(links[j].units.get(lang) for lang, ids in links[j - 1].units.items() if ids):
                break
            links[j - 1], links[j] = links[j], links[j - 1]
            marked[j - 1], marked[j] = marked[j], marked[j - 1]
            j -= 1
    return replace(edition, links=tuple(links)), [n for n, m in enumerate(marked) if m]


def realign_sentences(edition: Edition, rows: Collection[int], pivot: str) -> Edition:
    """The sentence links of ``rows`` aligned again (each row's own), the others kept, in row order."""
    groups = sentence_groups(edition)
    for n in rows:
        groups[n] = align_sentence_rows(edition.versions, [edition.links[n]], pivot=pivot)
    return replace(edition, sentence_links=tuple(s for group in groups for s in group))
