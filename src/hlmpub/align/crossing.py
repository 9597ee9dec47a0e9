"""Beads a monotone aligner cannot make: a sentence skipped inside a bead, and crossing pairs.

Used by :func:`hlmpub.align.sentences.align_sentences` with ``crossing=True``
(``hlmpub align-lines`` does; the sentence rows of an edition stay monotone,
since a row holds consecutive sentences).  Both shapes come from OCR'd
magazine text (Text+Berg) where captions land in the middle of a sentence or
a block of lines comes out in another order:

* **Gapped beads** ``(i, i+2):(j)`` with ``i+1`` skipped (and the mirror
  ``(i):(j, j+2)``): a caption between the two halves of a sentence.  They are
  moves of the bead DP (3:1 and 1:3 spans), scored with the normalised sum of the two
  sentence vectors; the sentence left out costs ``GAP_SKIP`` rather than
  ``SKIP``, or the step would never beat "skip one half".
* **Orphan pairs**: after the DP, a skipped source sentence and a skipped
  target sentence at most ``ORPHAN_REACH`` beads apart whose 1:1 bead would
  score at least ``ORPHAN_MIN`` become one bead, best pairs first — a
  transposed block leaves such pairs behind (each side skipped where the
  other's block went).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .pairwise import Bead

#: Distances ``d`` of the gapped beads ``(i, i+d)``; their runs are stored under the key ``-d``.
GAPS: tuple[int, ...] = (2,)
GAP_SKIP = 0.05
ORPHAN_REACH = 10
ORPHAN_MIN = 0.3


def gap_vectors(vectors: np.ndarray, d: int) -> np.ndarray:
    """Normalised sums of the vectors of sentences ``i`` and ``i + d``, for every ``i``."""
    if vectors.shape[0] <= d:
        return np.zeros((0, vectors.shape[1]), vectors.dtype)
    summed = vectors[:-d] + vectors[d:]
    norm = np.linalg.norm(summed, axis=1, keepdims=True)
    return np.divide(summed, norm, out=np.zeros_like(summed), where=norm > 0)


def gapped_beads(shape: tuple[int, int], i: int, j: int, method: str, score: float, skipped: list[float]) -> list[Bead]:
    """The beads of a gapped move spanning ``shape`` from ``(i, j)``: the pair, then the skips
    (``skipped``: their confidences)."""
    if shape[0] > 1:
        d = shape[0] - 1
        return [Bead((i, i + d), (j,), method, score)] + [
            Bead((i + k,), (), method, c) for k, c in enumerate(skipped, start=1)
        ]
    d = shape[1] - 1
    return [Bead((i,), (j, j + d), method, score)] + [
        Bead((), (j + k,), method, c) for k, c in enumerate(skipped, start=1)
    ]


def pair_orphans(beads: list[Bead], score: Callable[[int, int], float]) -> list[Bead]:
    """Join skipped source and target sentences near each other that match (see the module docstring).

    ``score(i, j)`` is the 1:1 bead score of source ``i`` and target ``j``; the
    new bead takes the place of the source skip.
    """
    sources = [(k, b.src[0]) for k, b in enumerate(beads) if len(b.src) == 1 and not b.tgt]
    targets = [(k, b.tgt[0]) for k, b in enumerate(beads) if len(b.tgt) == 1 and not b.src]
    found = []
    for ks, i in sources:
        for kt, j in targets:
            if abs(ks - kt) <= ORPHAN_REACH:
                s = score(i, j)
                if s >= ORPHAN_MIN:
                    found.append((s, ks, kt, i, j))
    replaced: dict[int, Bead | None] = {}
    for s, ks, kt, i, j in sorted(found, reverse=True):
        if ks not in replaced and kt not in replaced:
            replaced[ks] = Bead((i,), (j,), beads[ks].method, round(min(1.0, s), 4))
            replaced[kt] = None
    out = []
    for k, bead in enumerate(beads):
        new = replaced.get(k, bead)
        if new is not None:
            out.append(new)
    return out
