"""Sentence alignment inside each aligned row, n-way through the pivot.

For every paragraph row (a :class:`~hlmpub.model.Link`) the sentences of its
units are aligned language by language against the pivot's with
:func:`hlmpub.align.sentences.align_sentences`, and the pairwise beads are
merged as the paragraph rows are (:mod:`.rows`): pivot sentences that any
language joins share a sentence row; the sentences another language links to
a pivot group join that row; sentences a language links to nothing become rows
of their own at their place, the k-th such sentence of each language in one
row.  Every sentence is therefore in exactly one sentence row, so in exactly
one link per language pair.

A row with one sentence in every language present needs no model call: its
one sentence row has method ``row`` and confidence 1 (so has each sentence of a
row that only one language fills).  Other sentence rows
have method ``semantic`` and the mean confidence of the pairwise beads that
made them.  Tables get no sentences: their cells already correspond by
position (:func:`hlmpub.align.tables.aligned_tables`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import zip_longest

from ..ingest.segment.sentences import split_unit
from ..model import Link, Unit, Version
from .encoder import Encoder
from .sentences import Bead, align_sentences

#: Method of a sentence row given by its paragraph row alone (one sentence in every language).
ROW_METHOD = "row"
SEMANTIC = "semantic"


def with_sentences(versions: Sequence[Version]) -> tuple[Version, ...]:
    """The versions with every unit's sentence spans filled in (tables keep none)."""
    out = []
    for v in versions:
        units = tuple(u if u.kind == "table" else replace(u, sentences=tuple(split_unit(u))) for u in v.units)
        out.append(replace(v, units=units))
    return tuple(out)


def align_sentence_rows(
    versions: Sequence[Version], links: Sequence[Link], pivot: str = "zh", encoder: Encoder | None = None
) -> list[Link]:
    """Sentence links for every row of ``links``, in row order; ``versions`` must carry their sentences.

    ``Link.units`` lists every language of ``versions`` (empty where it has no sentence in that row).
    """
    langs = [v.lang for v in versions]
    units = {u.id: u for v in versions for u in v.units}
    enc = encoder if encoder is not None else Encoder()
    out: list[Link] = []
    for link in links:
        sentences = {lang: _row_sentences(units, link.units.get(lang, ())) for lang in langs}
        out.extend(_align_row(sentences, langs, pivot, enc, link.key))
    return out


def _row_sentences(units: dict[str, Unit], ids: Sequence[str]) -> list[tuple[str, str]]:
    """(sentence id, sentence text) of the units ``ids``, in order."""
    found = []
    for uid in ids:
        unit = units[uid]
        for sid, (start, end) in zip(unit.sentence_ids(), unit.sentences, strict=True):
            found.append((sid, unit.text[start:end]))
    return found


def _align_row(
    sentences: dict[str, list[tuple[str, str]]], langs: list[str], pivot: str, encoder: Encoder, key: str
) -> list[Link]:
    present = [lang for lang in langs if sentences[lang]]
    if not present:
        return []
    if all(len(sentences[lang]) == 1 for lang in present):
        return [Link({lang: tuple(sid for sid, _ in sentences[lang]) for lang in langs}, ROW_METHOD, 1.0, key)]
    if len(present) == 1:  # nothing to align to: one sentence row per sentence
        return [
            Link({lang: (sid,) if lang == present[0] else () for lang in langs}, ROW_METHOD, 1.0, key)
            for sid, _ in sentences[present[0]]
        ]
    base = pivot if pivot in present else present[0]
    src = [text for _, text in sentences[base]]
    pairs = {
        lang: align_sentences(src, [text for _, text in sentences[lang]], encoder, langs=(base, lang))
        for lang in present
        if lang != base
    }
    rows = merge_sentence_rows(len(src), pairs, base)
    out = []
    for row_units, confidences in rows:
        ids = {lang: tuple(sentences[lang][i][0] for i in row_units.get(lang, [])) for lang in langs}
        score = round(sum(confidences) / len(confidences), 4) if confidences else 1.0
        out.append(Link(ids, SEMANTIC, score, key))
    for lang in present:  # the merge covers every sentence once: a bug here would corrupt the archive
        seen = [sid for link in out for sid in link.units[lang]]
        if seen != [sid for sid, _ in sentences[lang]]:
            raise AssertionError(f"sentence rows lost or repeated {lang} sentences")
    return out


Row = tuple[dict[str, list[int]], list[float]]


def merge_sentence_rows(n: int, pairs: dict[str, list[Bead]], base: str = "") -> list[Row]:
    """Pairwise beads (pivot of ``n`` sentences → each language) → n-way rows of sentence indexes.

    Each row: language → indexes (the pivot under ``base``), and the confidences of its beads.
    """
    joined = [False] * max(0, n - 1)
    for beads in pairs.values():
        for bead in beads:
            for a in bead.src[:-1]:
                joined[a] = True
    group = []
    g = -1
    for i in range(n):
        g += 0 if i and joined[i - 1] else 1
        group.append(g)
    count = g + 1
    rows: list[Row] = [({}, []) for _ in range(count)]
    for i, gi in enumerate(group):
        rows[gi][0].setdefault(base, []).append(i)
    # unmatched sentences per gap: gap k holds those after pivot group k-1 (gap 0: before the first)
    gaps: list[dict[str, list[Bead]]] = [{} for _ in range(count + 1)]
    for lang, beads in pairs.items():
        last = -1
        for bead in beads:
            if bead.src:
                last = group[bead.src[0]]
                rows[last][0].setdefault(lang, []).extend(bead.tgt)
                rows[last][1].append(bead.score)
            else:
                gaps[last + 1].setdefault(lang, []).append(bead)
    out: list[Row] = []
    for k in range(count + 1):
        langs = list(gaps[k])
        for inserted in zip_longest(*(gaps[k][lang] for lang in langs)):
            row: Row = ({}, [])
            for lang, bead in zip(langs, inserted, strict=True):
                if bead is not None:
                    row[0][lang] = list(bead.tgt)
                    row[1].append(bead.score)
            out.append(row)
        if k < count:
            out.append(rows[k])
    return out
