"""Checks on the shape of the alignment and on the numbering inside each version."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import LANG_NAMES, Finding, Unit, Version
from .context import Context

PLAIN_NUMBER_KEY = re.compile(r"^(?P<prefix>p|art|ch):(?P<n>\d+)$")
COUNTED_KINDS = frozenset({"para", "subpara"})
SECTION_KINDS = frozenset({"chapter", "section"})


def _name(lang: str) -> str:
    return LANG_NAMES.get(lang, lang)


def check_unaligned(ctx: Context) -> Iterator[Finding]:
    """Rows where some languages have nothing (1:0 / 0:1): the minority side is flagged."""
    n = len(ctx.langs)
    for row in ctx.rows:
        filled = row.filled()
        if n < 2 or len(filled) == n:
            continue
        beside = next(iter(filled.values())).unit_id if filled else ""
        if 2 * len(filled) >= n:
            for lang in ctx.langs:
                if lang not in filled:
                    msg = f"{_name(lang)} has no unit in this row (the others do)"
                    yield ctx.finding(
                        "warning", "missing-cell", msg, lang=lang, row=row.index, evidence=f"beside {beside}"
                    )
        else:
            for lang, cell in filled.items():
                msg = f"{_name(lang)} unit has no counterpart in {n - len(filled)} of {n} languages"
                yield ctx.finding(
                    "warning", "unmatched-unit", msg, lang=lang, unit_id=cell.unit_id, row=row.index,
                    evidence=f"{len(filled)} of {n} languages",
                )  # fmt: skip


def check_beads(ctx: Context) -> Iterator[Finding]:
    """Rows where a language has several units (1:2, 2:1 …): merges and splits to look at."""
    for row in ctx.rows:
        for lang, cell in row.filled().items():
            if len(cell.units) > 1:
                msg = f"{_name(lang)} has {len(cell.units)} units in this row"
                ids = " ".join(u.id for u in cell.units)
                yield ctx.finding(
                    "info", "bead-not-1-1", msg, lang=lang, unit_id=cell.unit_id, row=row.index, evidence=ids
                )


def check_confidence(ctx: Context) -> Iterator[Finding]:
    """Rows the aligner scored below ``low_confidence``."""
    limit = ctx.config.low_confidence
    for row in ctx.rows:
        if row.link.score < limit and len(row.filled()) > 1:
            anchor = next(iter(row.filled().values())).unit_id
            msg = f"alignment confidence {row.link.score:.2f} is below {limit:.2f} ({row.link.method})"
            yield ctx.finding(
                "warning", "low-confidence", msg, row=row.index, evidence=f"{anchor} {row.link.score:.2f}"
            )


def _numbering(version: Version) -> Iterator[tuple[str, Unit, str]]:
    """(code, unit, evidence) for gaps, repeats and order breaks in one version's numbering."""
    last: dict[tuple[str, str], int] = {}
    seen: set[tuple[str, str]] = set()
    for unit in version.units:
        if unit.marker and unit.key and (unit.kind, unit.key) in seen:
            yield "numbering-repeat", unit, f"{unit.key} again"
        if unit.marker and unit.key:
            seen.add((unit.kind, unit.key))
        m = PLAIN_NUMBER_KEY.match(unit.key)
        if not m:
            continue
        slot, n = (unit.kind, m.group("prefix")), int(m.group("n"))
        before = last.get(slot)
        if before is not None and n > before + 1:
            yield "numbering-gap", unit, f"{m.group('prefix')} {before} → {n}"
        elif before is not None and n < before and n != 1:
            yield "numbering-order", unit, f"{m.group('prefix')} {before} → {n}"
        last[slot] = n


def check_numbering(ctx: Context) -> Iterator[Finding]:
    """Gaps, repeats and order breaks in the paragraph, article and chapter numbers of each version."""
    rows_of = {uid: row.index for row in ctx.rows for c in row.cells.values() for uid in (u.id for u in c.units)}
    texts = {
        "numbering-gap": "numbering jumps",
        "numbering-repeat": "number used twice",
        "numbering-order": "numbering goes back",
    }
    for version in ctx.edition.versions:
        for code, unit, evidence in _numbering(version):
            msg = f"{_name(version.lang)} {texts[code]}: {evidence}"
            yield ctx.finding(
                "warning",
                code,
                msg,
                lang=version.lang,
                unit_id=unit.id,
                row=rows_of.get(unit.id, -1),
                evidence=evidence,
            )


def section_counts(ctx: Context) -> dict[str, dict[str, tuple[int, int, str]]]:
    """Section → lang → (body rows the language is present in, its paragraphs, its heading unit id).

    Sections are cut at heading rows of the alignment (chapter or section), so
    every language is counted over the same stretch of rows.
    """
    sections: dict[str, dict[str, tuple[int, int, str]]] = {}
    current = "(start)"
    for row in ctx.rows:
        kinds = {u.kind for c in row.cells.values() for u in c.units}
        if row.is_heading and kinds & SECTION_KINDS:
            current = row.link.key or f"row {row.index}"
            sections[current] = {lang: (0, 0, c.unit_id) for lang, c in row.cells.items()}
            continue
        counts = sections.setdefault(current, {lang: (0, 0, "") for lang in ctx.langs})
        for lang, cell in row.filled().items():
            present, paras, heading = counts.get(lang, (0, 0, ""))
            n = sum(1 for u in cell.units if u.kind in COUNTED_KINDS)
            counts[lang] = (present + (n > 0), paras + n, heading)
    return sections


def check_paragraph_parity(ctx: Context) -> Iterator[Finding]:
    """Each section has paragraphs in as many rows in every language (the most common count wins).

    Counting rows rather than raw paragraphs keeps merges and splits (a 1:2 bead)
    from accusing a language; a paragraph missing in one language still shows.
    """
    if len(ctx.langs) < 2:
        return
    rows_of = {uid: row.index for row in ctx.rows for c in row.cells.values() for uid in (u.id for u in c.units)}
    for key, counts in section_counts(ctx).items():
        tally = Counter(present for present, _, _ in counts.values()).most_common()
        if len(tally) < 2:
            continue
        tie = tally[0][1] == tally[1][1]
        expected = counts[ctx.pivot][0] if tie and ctx.pivot in counts else tally[0][0]
        for lang, (present, paras, heading) in counts.items():
            if present != expected:
                msg = f"{_name(lang)} has paragraphs in {present} rows of section {key}, most languages {expected}"
                yield ctx.finding(
                    "warning", "paragraph-count", msg, lang=lang, unit_id=heading, row=rows_of.get(heading, -1),
                    evidence=f"{key}: {present} rows ({paras} paragraphs) vs {expected}",
                )  # fmt: skip
