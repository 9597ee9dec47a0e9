"""Checks on the text of each cell: empty, untranslated (wrong script or language)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import LANG_NAMES, Finding, Unit
from .context import Context
from .symbols import find_symbols

SCRIPT_RANGES = {
    "Arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "Cyrillic": ((0x0400, 0x052F),),
    "Han": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x3040, 0x30FF)),
    "Latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)),
}
EXPECTED_SCRIPT = {"ar": "Arabic", "ru": "Cyrillic", "zh": "Han", "en": "Latin", "fr": "Latin", "es": "Latin"}
#: A Han character carries about as much text as two Latin letters.
SCRIPT_WEIGHT = {"Han": 2.0}
#: Acronyms (UNESCO, CTBTO) and URLs are Latin in every language: not counted.
IGNORED = re.compile(r"\b[A-Z][A-Z0-9.\-]{1,11}\b|https?://\S+|www\.\S+|\S+@\S+")

#: Frequent words that tell English, French and Spanish apart (ambiguous ones left out).
FUNCTION_WORDS = {
    "en": frozenset("the of and to is that for with shall be by which has have are or its this their".split()),
    "fr": frozenset("le les des et du est dans pour qui au aux sont ou sa son ses une sur être toute".split()),
    "es": frozenset("el los las y del es por para con se su sus una al toda ser o".split()),
}
WORD = re.compile(r"[^\W\d_]+")


def _class(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges) + "]")


SCRIPT_CLASSES = {script: _class(ranges) for script, ranges in SCRIPT_RANGES.items()}


def script_of(ch: str) -> str:
    """The script of a letter (one of SCRIPT_RANGES), or ""."""
    return next((script for script, cls in SCRIPT_CLASSES.items() if cls.match(ch)), "")


def script_shares(text: str) -> tuple[dict[str, float], float]:
    """Weighted letter share per script, and the weighted letter count."""
    for span in reversed(find_symbols(text)):
        text = text[: span.start] + text[span.end :]
    text = IGNORED.sub(" ", text)
    totals = {}
    for script, cls in SCRIPT_CLASSES.items():
        n = sum(1 for ch in cls.findall(text) if ch.isalpha())
        if n:
            totals[script] = n * SCRIPT_WEIGHT.get(script, 1.0)
    count = sum(totals.values())
    return ({s: v / count for s, v in totals.items()} if count else {}), count


def guess_latin_language(text: str) -> tuple[str, dict[str, int]]:
    """en, fr or es by function words (``""`` when no language leads), with the counts."""
    words = [w.lower() for w in WORD.findall(text)]
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in FUNCTION_WORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    runner_up = max(v for k, v in counts.items() if k != best)
    return (best if counts[best] >= 3 and counts[best] >= 2 * runner_up else ""), counts


def _identical_to(unit: Unit, texts: dict[str, str]) -> str:
    """The other language whose cell has exactly this text (20 characters or more), or ""."""
    norm = " ".join(unit.text.split())
    if len(norm) < 20:
        return ""
    return next((o for o, t in texts.items() if o != unit.lang and norm == " ".join(t.split())), "")


def _untranslated(ctx: Context, unit: Unit, texts: dict[str, str]) -> str:
    """Evidence that ``unit`` is not in its language, or ""."""
    expected = EXPECTED_SCRIPT.get(unit.lang)
    shares, count = script_shares(unit.text)
    if expected and count >= ctx.config.script_min_letters:
        own = shares.get(expected, 0.0)
        if own < ctx.config.script_min_share:
            main = max(shares, key=lambda k: shares[k])
            return f"script {main} {shares[main]:.0%}, {expected} {own:.0%}"
    if unit.lang not in FUNCTION_WORDS:
        return ""
    guess, counts = guess_latin_language(unit.text)
    twin = _identical_to(unit, texts)
    if twin and counts.get(twin, 0) > counts[unit.lang]:
        return f"same text as {twin}"
    if guess and guess != unit.lang and len(WORD.findall(unit.text)) >= ctx.config.language_min_words:
        return f"reads as {guess} ({counts[guess]} {guess} words, {counts[unit.lang]} {unit.lang})"
    return ""


def check_untranslated(ctx: Context) -> Iterator[Finding]:
    """A cell in the wrong script, in another Latin-script language, or copied from another column."""
    for row in ctx.rows:
        filled = row.filled()
        texts = {lang: cell.text for lang, cell in filled.items()}
        for lang, cell in filled.items():
            for unit in cell.units:
                evidence = _untranslated(ctx, unit, texts)
                if evidence:
                    msg = f"{LANG_NAMES.get(lang, lang)} cell looks untranslated: {evidence}"
                    yield ctx.finding("error", "untranslated", msg, lang=lang, unit_id=unit.id, row=row.index,
                                      evidence=evidence)  # fmt: skip


def check_empty(ctx: Context) -> Iterator[Finding]:
    """Units whose text is empty or only punctuation."""
    for row in ctx.rows:
        for lang, cell in row.filled().items():
            for unit in cell.units:
                if not any(ch.isalnum() for ch in unit.text):
                    msg = f"{LANG_NAMES.get(lang, lang)} unit {unit.id} has no text"
                    yield ctx.finding("warning", "empty-cell", msg, lang=lang, unit_id=unit.id, row=row.index,
                                      evidence=repr(unit.text.strip())[:40])  # fmt: skip
