"""Checks that compare numbers, dates and document symbols across the languages of a row.

A row of tables that correspond cell by cell (one table per language, one shape:
:func:`hlmpub.align.tables.aligned_tables`) is compared cell by cell, and a finding names
its cell (row and column, 1-based, header rows counted); any other row, tables of
different shapes included, is compared as one text per language.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..align.tables import aligned_tables
from ..model import LANG_NAMES, Finding, Unit
from .context import Context, Row
from .numbers import Token, extract
from .vote import Verdict, odd_ones

#: token kinds → the finding code that reports them
CODES = {"date": "date-mismatch", "symbol": "symbol-mismatch"}
DEFAULT_CODE = "number-mismatch"
WHAT = {"date-mismatch": "dates", "symbol-mismatch": "document symbols", "number-mismatch": "numbers"}


Tokens = dict[str, dict[str, list[tuple[Token, str]]]]


def _by_code(texts: list[tuple[str, str]], lang: str) -> dict[str, list[tuple[Token, str]]]:
    """finding code → [(token, unit id)] of ``(text, unit id)`` pairs of one language."""
    by_code: dict[str, list[tuple[Token, str]]] = {code: [] for code in WHAT}
    for text, unit_id in texts:
        for token in extract(text, lang):
            by_code[CODES.get(token.kind, DEFAULT_CODE)].append((token, unit_id))
    return by_code


def row_tokens(row: Row) -> Tokens:
    """lang → finding code → [(token, unit id)] for every filled cell of ``row``."""
    return {lang: _by_code([(u.text, u.id) for u in cell.units], lang) for lang, cell in row.filled().items()}


def _table_cell(table: Unit, r: int, c: int) -> str:
    cells = table.rows[r]
    return cells[c] if c < len(cells) else ""  # a short row of a ragged table


def compared(row: Row) -> Iterator[tuple[tuple[int, int] | None, Tokens]]:
    """What is compared in ``row``: ``(None, tokens)`` for the whole row, or ``((r, c), tokens)`` per table cell."""
    tables = aligned_tables({lang: cell.units for lang, cell in row.cells.items()})
    if tables is None or len(tables) < 2:
        yield None, row_tokens(row)
        return
    n_rows, n_cols = next(iter(tables.values())).shape
    for r in range(n_rows):
        for c in range(n_cols):
            yield (r + 1, c + 1), {lang: _by_code([(_table_cell(t, r, c), t.id)], lang) for lang, t in tables.items()}


def _unit_for(verdict: Verdict, tokens: list[tuple[Token, str]], default: str) -> str:
    """The unit holding the first extra value, else the cell's first unit."""
    for token, unit_id in tokens:
        if token.key in verdict.extra:
            return unit_id
    return default


def _where(cell: tuple[int, int] | None) -> str:
    return f"row {cell[0]}, column {cell[1]}" if cell else ""


def _message(
    lang: str, code: str, verdict: Verdict, n: int, tokens: list[tuple[Token, str]], cell: tuple[int, int] | None
) -> str:
    found = ", ".join(dict.fromkeys(t.text.strip() for t, _ in tokens if t.key in verdict.extra)) or "nothing"
    who = "the pivot language" if verdict.tie else f"most of the {n} languages"
    missing = ", ".join(v.split(" ", 1)[1] for v in sorted(verdict.missing))
    where = f" in table row {cell[0]}, column {cell[1]}" if cell else ""
    text = f"{LANG_NAMES.get(lang, lang)} {WHAT[code]}{where} differ from {who}"
    if missing:
        text += f": expected {missing}"
    return text + f"; found {found}"


def _check_code(
    ctx: Context, row: Row, code: str, tokens: Tokens, cell: tuple[int, int] | None = None
) -> Iterator[Finding]:
    """Findings for one code over one comparison: the whole row, or one table cell (``cell`` = row, column)."""
    hard = {lang: {t.key for t, _ in by[code] if t.hard} for lang, by in tokens.items()}
    soft = {lang: {t.key for t, _ in by[code] if not t.hard} for lang, by in tokens.items()}
    for lang, verdict in odd_ones(hard, soft, ctx.pivot).items():
        # the cell in the evidence keeps the finding ids of two cells with the same verdict apart
        evidence = " | ".join(part for part in (_where(cell), verdict.evidence()) if part)
        yield ctx.finding(
            "warning" if verdict.tie else "error",
            code,
            _message(lang, code, verdict, len(tokens), tokens[lang][code], cell),
            lang=lang,
            unit_id=_unit_for(verdict, tokens[lang][code], row.cells[lang].unit_id),
            row=row.index,
            evidence=evidence,
        )


def _agree(ctx: Context, codes: tuple[str, ...]) -> Iterator[Finding]:
    """The findings of ``codes`` on every row that at least two languages fill, table cell by cell where they agree."""
    for row in ctx.rows:
        if len(row.filled()) < 2:
            continue
        for cell, tokens in compared(row):
            for code in codes:
                yield from _check_code(ctx, row, code, tokens, cell)


def check_numbers(ctx: Context) -> Iterator[Finding]:
    """Numbers, years, percentages, fractions and dates agree across the languages of each row (or table cell)."""
    return _agree(ctx, ("number-mismatch", "date-mismatch"))


def check_symbols(ctx: Context) -> Iterator[Finding]:
    """UN document symbols and resolution numbers agree across the languages of each row (or table cell)."""
    return _agree(ctx, ("symbol-mismatch",))
