"""vecalign's bead cost, normalised by random pairs: a second term of the sentence DP's score.

vecalign (Thompson & Koehn 2019; ``dp_utils.py`` and ``dp_core.pyx`` of
thompsonb/vecalign, read, not copied) minimises, over the path, the cost of each bead

    cost(x, y) = 2 · (1 − cos(x, y)) / (norm(x) + norm(y)) · sentences(x) · sentences(y)

where ``norm(v)`` is ``1 −`` the mean cosine of ``v`` with a sample of the other
side's run vectors (runs of every length, the same number of each): a vector
that resembles everything is not rewarded for resembling its partner.  A
deletion costs a low percentile of the costs of random 1:1 pairs.

Used alone (in place of our score) it gives Text+Berg 0.876 and the Bible 0.939
(docs/design/align.md, "Sentences"); :mod:`hlmpub.align.sentences` subtracts it,
weighted by ``RANDOM_WEIGHT``, from its own bead score instead.  The sample is
drawn with a fixed seed, so an alignment does not change from run to run.
"""

from __future__ import annotations

import math

import numpy as np

#: Run vectors of the other side drawn for each vector's normaliser (vecalign: 100).
NORM_SAMPLES = 1000
#: Random 1:1 pairs whose costs give the deletion penalty (vecalign: 20,000).
PAIR_SAMPLES = 20000
#: The deletion penalty's percentile of those costs (vecalign: 0.2 when the cost is used alone).
DELETION_QUANTILE = 0.02
SEED = 0


def sentences_in(key: int) -> int:
    """Sentences of a run key: ``r`` for a run of ``r``; 2 for a gapped pair (key ``-d``)."""
    return key if key > 0 else 2


def _norms(
    side: dict[int, np.ndarray], other: dict[int, np.ndarray], rng: np.random.Generator
) -> dict[int, np.ndarray]:
    """``1 −`` the mean cosine of every vector of ``side`` with a sample of ``other``'s runs."""
    keys = sorted(k for k in other if k > 0)
    per_key = math.ceil(NORM_SAMPLES / len(keys))
    sample = np.concatenate([other[k][rng.integers(0, len(other[k]), per_key)] for k in keys])
    return {k: 1.0 - (v @ sample.T).mean(axis=1).astype(np.float64) for k, v in side.items()}


class RandomCost:
    """vecalign's cost of beads between two sides' run vectors (``{key: unit vectors}``)."""

    def __init__(self, x: dict[int, np.ndarray], y: dict[int, np.ndarray]) -> None:
        rng = np.random.default_rng(SEED)
        self.x, self.y = x, y
        self.x_norm, self.y_norm = _norms(x, y, rng), _norms(y, x, rng)
        xi = rng.integers(0, len(x[1]), PAIR_SAMPLES)
        yj = rng.integers(0, len(y[1]), PAIR_SAMPLES)
        cos = np.einsum("ij,ij->i", x[1][xi], y[1][yj]).astype(np.float64)
        random_pairs = 2.0 * (1.0 - cos) / (1e-6 + self.x_norm[1][xi] + self.y_norm[1][yj])
        #: What vecalign charges a 1:0 or 0:1 bead.
        self.deletion = float(np.quantile(random_pairs, DELETION_QUANTILE))

    def __call__(self, a: int, b: int, i0: int, j0: np.ndarray) -> np.ndarray:
        """Cost of the beads joining run ``a`` at source ``i0`` to run ``b`` at each target in ``j0``."""
        cos = (self.y[b][j0] @ self.x[a][i0]).astype(np.float64)
        scale = sentences_in(a) * sentences_in(b)
        return 2.0 * (1.0 - cos) / (1e-6 + self.x_norm[a][i0] + self.y_norm[b][j0]) * scale
