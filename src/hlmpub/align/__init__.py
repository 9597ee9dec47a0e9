"""Aligner: versions → n-way links.

Contract: ``align_versions(versions, pivot="zh", encoder=None, manual=()) -> (list[Link], list[Finding])``.

1. Structural pass (:mod:`.structural`): units with the same key in two
   versions are anchors; tables are keyed ``table:N`` by their order.
2. Fallback (:mod:`.dp`, :mod:`.score`): between anchors, a banded DP with
   beads 1:0, 0:1, 1:1, 2:1, 1:2, 3:1, 1:3 scored by a multilingual sentence
   encoder (:mod:`.encoder`), a length prior and shared numbers.
3. n-way rows (:mod:`.rows`): every version is aligned to the pivot (Chinese
   when present) and the pairwise beads are merged into one Link per row;
   :mod:`.consistency` cross-checks the other pairs.
   Rows whose tables differ in rows × columns get a ``table-shape`` warning (:mod:`.tables`).
4. Scoring against a gold file: :mod:`.evaluate`.
5. Manual links (a reviewer's rows) are kept as constraints: :mod:`.manual`.
6. Sentences inside each row, n-way through the pivot: :mod:`.sentence_rows` (pairwise: :mod:`.sentences`).

See docs/design/align.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from ..errors import AlignmentError, LanguageError
from ..model import Finding, Link, Version
from .consistency import check_consistency
from .encoder import COVERED_LANGS, Encoder
from .manual import align_pair_fixed, apply_manual, manual_links, pivot_joins, prepare_manual
from .pairwise import Bead, PairInput, align_pair
from .rows import merge_rows
from .structural import usable_keys
from .tables import shape_findings

__all__ = ["Encoder", "align_versions", "manual_links"]


def check_versions(versions: Sequence[Version]) -> None:
    """Raise the one-line fatal errors: nothing to align, a duplicate or uncovered language, an empty version."""
    if not versions:
        raise AlignmentError("no versions to align")
    seen: set[str] = set()
    for v in versions:
        if v.lang in seen:
            raise AlignmentError(f"two versions in language {v.lang}", v.source.path)
        seen.add(v.lang)
        if v.lang not in COVERED_LANGS:
            covered = ", ".join(sorted(COVERED_LANGS))
            raise LanguageError(
                f"language {v.lang!r} is not covered by the sentence encoder (covered: {covered})", v.source.path
            )
        if not v.units:
            raise AlignmentError(f"the {v.lang} version has no units: nothing to align", v.source.path)


def align_versions(
    versions: Sequence[Version], pivot: str = "zh", encoder: Encoder | None = None, manual: Sequence[Link] = ()
) -> tuple[list[Link], list[Finding]]:
    """Align all versions at once: one Link per row, every unit in exactly one row, in document order.

    ``pivot`` is the language every other version is aligned to (the first
    version when that language is absent).  ``encoder`` defaults to a fresh
    per-run cache over the shared USE model, which is loaded only if some
    window needs it.  ``manual``: a reviewer's links, kept as they are (method
    ``manual``) with everything else aligned around them; one that no longer
    fits the versions is dropped with a warning (see :mod:`.manual`).
    """
    check_versions(versions)
    enc = encoder if encoder is not None else Encoder()
    fixed, findings = prepare_manual(versions, manual) if manual else ([], [])
    pair: Callable[[PairInput, PairInput], tuple[list[Bead], list[Finding]]]
    pair = partial(align_pair_fixed, rows=fixed, encoder=enc) if fixed else partial(align_pair, encoder=enc)
    inputs = []
    for v in versions:
        keys, found = usable_keys(v)
        findings.extend(found)
        inputs.append(PairInput(v, keys))
    base = next((p for p in inputs if p.version.lang == pivot), inputs[0])
    others = []
    for other in inputs:
        if other is base:
            continue
        beads, found = pair(base, other)
        findings.extend(found)
        others.append((other.version, beads))
    langs = [v.lang for v in versions]
    joins = pivot_joins(fixed, base.version.lang) if fixed else None
    links = merge_rows(base.version, base.keys, others, langs, joins)
    if fixed:
        links, found = apply_manual(links, fixed)
        findings.extend(found)
    findings.extend(_unmatched(links, langs))
    findings.extend(shape_findings(links, versions, base.version.lang))
    findings.extend(check_consistency(links, inputs, base.version.lang, enc, pair))
    return links, findings


def _unmatched(links: list[Link], langs: list[str]) -> list[Finding]:
    if len(langs) < 2:
        return []
    out = []
    for r, link in enumerate(links):
        missing = [lang for lang in langs if not link.units.get(lang)]
        if missing:
            present = next(ids[0] for ids in link.units.values() if ids)
            out.append(
                Finding(
                    "info",
                    "align-unmatched",
                    f"row {r}: no counterpart in {', '.join(missing)}",
                    lang=missing[0],
                    unit_id=present,
                    row=r,
                )
            )
    return out
