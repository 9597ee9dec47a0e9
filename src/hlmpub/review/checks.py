"""The table of checks: name → function ``(Context) -> Iterable[Finding]``.

Adding a check is one function and one line here, and its name in
:data:`hlmpub.config.REVIEW_CHECKS`, which ``[tool.hlmpub.review]``
``checks = [...]`` / ``skip = [...]`` are checked against (a test keeps the two lists equal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..errors import ConfigError
from ..model import Finding
from .checks_alignment import check_beads, check_confidence, check_numbering, check_paragraph_parity, check_unaligned
from .checks_numbers import check_numbers, check_symbols
from .checks_style import check_length_ratio, check_punctuation
from .checks_text import check_empty, check_untranslated
from .context import Context

Check = Callable[[Context], Iterable[Finding]]

CHECKS: dict[str, Check] = {
    "unaligned": check_unaligned,
    "beads": check_beads,
    "confidence": check_confidence,
    "numbering": check_numbering,
    "paragraph-count": check_paragraph_parity,
    "numbers": check_numbers,
    "symbols": check_symbols,
    "untranslated": check_untranslated,
    "empty": check_empty,
    "length-ratio": check_length_ratio,
    "punctuation": check_punctuation,
}


def selected(ctx: Context) -> list[str]:
    """The names of the checks to run, in table order; unknown names are a ConfigError."""
    wanted = list(ctx.config.checks) or list(CHECKS)
    skip = set(ctx.config.skip)
    unknown = sorted((set(wanted) | skip) - set(CHECKS))
    if unknown:
        raise ConfigError(f"[tool.hlmpub.review] unknown check(s): {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    return [name for name in CHECKS if name in wanted and name not in skip]


def run_checks(ctx: Context) -> list[Finding]:
    """Every selected check's findings, in check order."""
    findings: list[Finding] = []
    for name in selected(ctx):
        findings.extend(CHECKS[name](ctx))
    return findings
