"""Majority vote across the languages of a row: which language is the odd one out.

Each language brings *hard* values (written with digits, sure to be compared)
and *soft* ones (number words: they may excuse a language, never accuse it).
For every hard value:

* held (hard or soft) by more than half the languages → the others *miss* it;
* held by fewer than half → the languages holding it hard have an *extra* value;
* exactly half (two languages, or three of six) → the pivot language decides,
  and the result is marked as a tie so the finding can say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Verdict:
    """What one language got wrong in one row."""

    missing: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)
    tie: bool = False

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra)

    def evidence(self) -> str:
        """Stable text: ``missing: … | extra: …`` with sorted values."""
        parts = []
        if self.missing:
            parts.append("missing: " + ", ".join(sorted(self.missing)))
        if self.extra:
            parts.append("extra: " + ", ".join(sorted(self.extra)))
        return " | ".join(parts)


def odd_ones(hard: dict[str, set[str]], soft: dict[str, set[str]], pivot: str) -> dict[str, Verdict]:
    """Verdicts per language (only languages with something wrong)."""
    langs = list(hard)
    n = len(langs)
    verdicts: dict[str, Verdict] = {lang: Verdict() for lang in langs}
    if n < 2:
        return {}
    values = set().union(*hard.values())
    for value in sorted(values):
        holders = {lang for lang in langs if value in hard[lang] or value in soft.get(lang, set())}
        count = len(holders)
        tie = 2 * count == n
        if tie and pivot in langs:
            majority_has = pivot in holders
        else:
            majority_has = 2 * count > n
        for lang in langs:
            if majority_has and lang not in holders:
                verdicts[lang].missing.add(value)
            elif not majority_has and value in hard[lang]:
                verdicts[lang].extra.add(value)
            else:
                continue
            verdicts[lang].tie = verdicts[lang].tie or tie
    return {lang: v for lang, v in verdicts.items() if v}
