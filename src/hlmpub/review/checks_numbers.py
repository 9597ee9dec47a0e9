"""Checks that compare numbers, dates and document symbols across the languages of a row."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import LANG_NAMES, Finding
from .context import Context, Row
from .numbers import Token, extract
from .vote import Verdict, odd_ones

#: token kinds → the finding code that reports them
CODES = {"date": "date-mismatch", "symbol": "symbol-mismatch"}
DEFAULT_CODE = "number-mismatch"
WHAT = {"date-mismatch": "dates", "symbol-mismatch": "document symbols", "number-mismatch": "numbers"}


def row_tokens(row: Row) -> dict[str, dict[str, list[tuple[Token, str]]]]:
    """lang → finding code → [(token, unit id)] for every filled cell of ``row``."""
    out: dict[str, dict[str, list[tuple[Token, str]]]] = {}
    for lang, cell in row.filled().items():
        by_code: dict[str, list[tuple[Token, str]]] = {code: [] for code in WHAT}
        for unit in cell.units:
            for token in extract(unit.text, lang):
                by_code[CODES.get(token.kind, DEFAULT_CODE)].append((token, unit.id))
        out[lang] = by_code
    return out


def _unit_for(verdict: Verdict, tokens: list[tuple[Token, str]], default: str) -> str:
    """The unit holding the first extra value, else the cell's first unit."""
    for token, unit_id in tokens:
        if token.key in verdict.extra:
            return unit_id
    return default


def _message(lang: str, code: str, verdict: Verdict, n: int, tokens: list[tuple[Token, str]]) -> str:
    found = ", ".join(dict.fromkeys(t.text.strip() for t, _ in tokens if t.key in verdict.extra)) or "nothing"
    who = "the pivot language" if verdict.tie else f"most of the {n} languages"
    missing = ", ".join(v.split(" ", 1)[1] for v in sorted(verdict.missing))
    text = f"{LANG_NAMES.get(lang, lang)} {WHAT[code]} differ from {who}"
    if missing:
        text += f": expected {missing}"
    return text + f"; found {found}"


def _check_code(
    ctx: Context, row: Row, code: str, tokens: dict[str, dict[str, list[tuple[Token, str]]]]
) -> Iterator[Finding]:
    hard = {lang: {t.key for t, _ in by[code] if t.hard} for lang, by in tokens.items()}
    soft = {lang: {t.key for t, _ in by[code] if not t.hard} for lang, by in tokens.items()}
    for lang, verdict in odd_ones(hard, soft, ctx.pivot).items():
        cell = row.cells[lang]
        yield ctx.finding(
            "warning" if verdict.tie else "error",
            code,
            _message(lang, code, verdict, len(tokens), tokens[lang][code]),
            lang=lang,
            unit_id=_unit_for(verdict, tokens[lang][code], cell.unit_id),
            row=row.index,
            evidence=verdict.evidence(),
        )


def check_numbers(ctx: Context) -> Iterator[Finding]:
    """Numbers, years, percentages, fractions and dates agree across the languages of each row."""
    for row in ctx.rows:
        if len(row.filled()) < 2:
            continue
        tokens = row_tokens(row)
        yield from _check_code(ctx, row, "number-mismatch", tokens)
        yield from _check_code(ctx, row, "date-mismatch", tokens)


def check_symbols(ctx: Context) -> Iterator[Finding]:
    """UN document symbols and resolution numbers agree across the languages of each row."""
    for row in ctx.rows:
        if len(row.filled()) < 2:
            continue
        yield from _check_code(ctx, row, "symbol-mismatch", row_tokens(row))
