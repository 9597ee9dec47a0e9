"""Length-ratio outliers (thresholds learned from the edition) and paired punctuation."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator

from ..model import LANG_NAMES, Finding, Unit
from .context import Context, Row

MAD_TO_SIGMA = 1.4826
MIN_SPREAD = 0.05  # a near-constant ratio must not make every small wobble an outlier


def _length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _compared(row: Row) -> bool:
    """A body row of running text: headings are short, and a table's length is its figures, not its wording."""
    return not row.is_heading and not any(u.kind == "table" for c in row.cells.values() for u in c.units)


def pair_statistics(ctx: Context) -> dict[tuple[str, str], tuple[float, float]]:
    """(a, b) → (median, robust spread) of log(len_a / len_b) over comparable body rows (no tables)."""
    min_chars = ctx.config.length_min_chars
    samples: dict[tuple[str, str], list[float]] = {}
    for row in ctx.rows:
        if not _compared(row):
            continue
        lengths = {lang: _length(c.text) for lang, c in row.filled().items()}
        for a in lengths:
            for b in lengths:
                if a < b and lengths[a] >= min_chars and lengths[b] >= min_chars:
                    samples.setdefault((a, b), []).append(math.log(lengths[a] / lengths[b]))
    stats = {}
    for pair, xs in samples.items():
        if len(xs) >= ctx.config.length_min_rows:
            median = statistics.median(xs)
            mad = statistics.median(abs(x - median) for x in xs) * MAD_TO_SIGMA
            stats[pair] = (median, max(mad, MIN_SPREAD))
    return stats


def _row_outliers(ctx: Context, row: Row, stats: dict[tuple[str, str], tuple[float, float]]) -> Iterator[Finding]:
    k = ctx.config.length_k
    lengths = {lang: _length(c.text) for lang, c in row.filled().items()}
    compared: dict[str, int] = {}
    outliers: dict[str, list[str]] = {}
    for (a, b), (median, spread) in stats.items():
        if a not in lengths or b not in lengths or min(lengths[a], lengths[b]) == 0:
            continue
        x = math.log(lengths[a] / lengths[b])
        for lang in (a, b):
            compared[lang] = compared.get(lang, 0) + 1
        if abs(x - median) > k * spread:
            expected = math.exp(median)
            note = f"{a}/{b} {math.exp(x):.2f} (usual {expected:.2f})"
            outliers.setdefault(a, []).append(note)
            outliers.setdefault(b, []).append(note)
    reference = ctx.pivot if ctx.pivot in compared else min(compared, default="")
    for lang, notes in outliers.items():
        # two languages: the one that is not the pivot is the odd one; more: outlier against most others
        odd = lang != reference if len(compared) == 2 else 2 * len(notes) > compared[lang]
        if odd and lang in lengths:
            msg = f"{LANG_NAMES.get(lang, lang)} cell length is unusual against {len(notes)} language(s)"
            yield ctx.finding("warning", "length-ratio", msg, lang=lang, unit_id=row.cells[lang].unit_id,
                              row=row.index, evidence="; ".join(sorted(notes)))  # fmt: skip


def check_length_ratio(ctx: Context) -> Iterator[Finding]:
    """Cells much longer or shorter than the edition's usual ratio to the other languages (median ± k·MAD)."""
    stats = pair_statistics(ctx)
    if not stats:
        return
    for row in ctx.rows:
        if _compared(row):
            yield from _row_outliers(ctx, row, stats)


COMMON_PAIRS = (("(", ")"), ("[", "]"))
LANG_PAIRS = {
    "en": (("“", "”"), ("«", "»")),
    "fr": (("«", "»"), ("“", "”")),
    "es": (("«", "»"), ("“", "”")),
    "ar": (("«", "»"), ("“", "”")),
    "ru": (("«", "»"), ("„", "“")),
    "zh": (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("〈", "〉"), ("「", "」"), ("【", "】")),
}
#: Enumeration markers such as ``a)`` or ``2)`` inside a French, Spanish or Russian paragraph.
LIST_MARKER = re.compile(r"(?:(?<=\s)|^)[a-zа-яё\d]{1,3}\)", re.IGNORECASE)


def without_list_markers(text: str) -> str:
    """``text`` with its enumeration markers blanked, as many as it has ``)`` more than ``(``.

    ``(долл. США)`` and ``(see para. 4)`` end like a marker (``США)``, ``4)``) but close a
    parenthesis: only surplus closers are markers.  Those outside any parenthesis go first, then the
    others from the left (``a) … (voir b) ci-dessous); b) …``).
    """
    found = list(LIST_MARKER.finditer(text))
    surplus = text.count(")") - text.count("(")
    if not found or surplus <= 0:
        return text
    outside, depth, pos = [], 0, 0
    for index, m in enumerate(found):
        before = text[pos : m.start()]
        depth += before.count("(") - before.count(")")
        if depth > 0:
            depth -= 1  # this one closes
        else:
            outside.append(index)
        pos = m.end()
    order = outside + [i for i in range(len(found)) if i not in outside]
    blanked = set(order[:surplus])
    chars = list(text)
    for index in blanked:
        m = found[index]
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def pair_problems(text: str, lang: str) -> list[str]:
    """Unbalanced pairs in ``text``: ``"( opened 2, closed 1"`` or ``") before ("``."""
    text = without_list_markers(text)
    problems = []
    for opener, closer in COMMON_PAIRS + LANG_PAIRS.get(lang, ()):
        depth, early = 0, False
        for ch in text:
            if ch == opener:
                depth += 1
            elif ch == closer:
                depth -= 1
                early = early or depth < 0
        if early:
            problems.append(f"{closer} before {opener}")
        elif depth:
            problems.append(f"{opener}{closer} opened {text.count(opener)}, closed {text.count(closer)}")
    if lang != "zh" and text.count("‘") > text.count("’"):
        problems.append(f"‘’ opened {text.count('‘')}, closed {text.count('’')}")
    if text.count('"') % 2:
        problems.append('odd number of "')
    return problems


def _continues_quote(unit: Unit, following: Unit | None) -> bool:
    """A quotation running over paragraphs: each opens, only the last closes."""
    if following is None:
        return False
    head = following.text.lstrip()[:1]
    return bool(head) and head in '“«„‘"' and head in unit.text


def check_punctuation(ctx: Context) -> Iterator[Finding]:
    """Brackets and quotation marks balanced in every unit (per language conventions)."""
    following = {u.id: nxt for v in ctx.edition.versions for u, nxt in zip(v.units, (*v.units[1:], None), strict=True)}
    for row in ctx.rows:
        for lang, cell in row.filled().items():
            for unit in cell.units:
                problems = pair_problems(unit.text, lang)
                if problems and not _continues_quote(unit, following.get(unit.id)):
                    evidence = "; ".join(problems)
                    msg = f"{LANG_NAMES.get(lang, lang)} paired punctuation unbalanced: {evidence}"
                    yield ctx.finding("warning", "unbalanced-pair", msg, lang=lang, unit_id=unit.id, row=row.index,
                                      evidence=evidence)  # fmt: skip
