"""Tables in the alignment: rows whose tables differ in shape across the languages.

Tables link by position (their ``table:N`` keys, :func:`.structural.unit_keys`).
Inside a linked row the cells correspond by position when every language's
table has the same rows × columns (the TMX export and the review then go cell by
cell); where they do not, a ``table-shape`` warning on the row names the
languages and their shapes, and the later stages treat each table as one text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..model import Finding, Link, Unit, Version

NO_TABLE = "no table"


def describe(units: Sequence[Unit]) -> str:
    """The shape of one language's part of a row: ``4×3``, ``4×3+2×2`` for two tables, or ``no table``."""
    shapes = ["{}×{}".format(*u.shape) for u in units if u.kind == "table"]
    return "+".join(shapes) or NO_TABLE


def _reference(described: dict[str, str], pivot: str) -> str:
    """The shape most languages have; a tie goes to the pivot's, else to the first language's."""
    counts = Counter(described.values())
    best = max(counts.values())
    tied = [shape for shape in described.values() if counts[shape] == best]
    return described[pivot] if described.get(pivot) in tied else tied[0]


def shape_findings(links: Sequence[Link], versions: Sequence[Version], pivot: str) -> list[Finding]:
    """A ``table-shape`` warning for every row whose languages do not all have a table of the same shape.

    Only rows holding a table count; a language with units in the row but no table among them is
    ``no table`` (e.g. a reader that flattened the table into a paragraph).  The finding's language
    and unit are the first language off the majority (the pivot breaks a tie), so a review edition
    flags that cell.
    """
    units = {u.id: u for v in versions for u in v.units}
    findings = []
    for r, link in enumerate(links):
        parts = {lang: [units[i] for i in ids if i in units] for lang, ids in link.units.items() if ids}
        if not any(u.kind == "table" for found in parts.values() for u in found):
            continue
        described = {lang: describe(found) for lang, found in parts.items()}
        if len(set(described.values())) < 2:
            continue
        reference = _reference(described, pivot)
        odd = next(lang for lang, shape in described.items() if shape != reference)
        table = next((u.id for u in parts[odd] if u.kind == "table"), parts[odd][0].id)
        shapes = ", ".join(f"{lang} {shape}" for lang, shape in described.items())
        findings.append(
            Finding(
                "warning",
                "table-shape",
                f"row {r}: the tables differ in shape (rows×columns): {shapes}; their cells are not aligned",
                lang=odd,
                unit_id=table,
                row=r,
                evidence=shapes,
            )
        )
    return findings


def aligned_tables(parts: Mapping[str, Sequence[Unit]]) -> dict[str, Unit] | None:
    """lang → table when every language of a row (``parts``: its units per language) has exactly one unit,
    a table, and all have one shape (rows × columns): then their cells correspond by position.  Else None.

    Languages with no unit in the row are left out.
    """
    tables = {lang: units[0] for lang, units in parts.items() if units}
    if not tables or any(len(parts[lang]) != 1 or u.kind != "table" for lang, u in tables.items()):
        return None
    return tables if len({u.shape for u in tables.values()}) == 1 else None
