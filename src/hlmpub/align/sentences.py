"""Sentence alignment: beads from 0:1 up to 1:4 / 4:1, 2:2 and 2:3 / 3:2, in near-linear time.

Two lists of sentences (source, target) become beads ``(source indexes, target
indexes)`` in order, covering every sentence once, each with a confidence.

* **Overlaps** (vecalign): every run of up to ``embed_runs`` (default
  ``MAX_RUN``) consecutive sentences gets the vector of the joined text, pooled
  from the sentences' token features (:mod:`hlmpub.align.pooling`: each sentence
  goes through the model once); a longer run is the normalised sum of its
  sentence vectors.  An encoder that cannot pool (a test's fake) encodes the
  joined texts instead.
* **Bead score** (maximised, Bertalign style): a bead joining runs ``x`` and
  ``y`` scores ``cos(x, y) × length × tokens`` with the length and number terms
  of :mod:`hlmpub.align.score` (the length ratio is the document's own:
  total target length / total source length); a 1:0 or 0:1 bead scores
  ``-SKIP``.  A merge therefore wins over "a smaller bead plus a skip" when
  its similarity is higher by more than ``SKIP``, and two good 1:1 beads
  (two scores) always beat one 2:2 bead unless the sentences only match jointly.
  The DP also subtracts ``RANDOM_WEIGHT`` × vecalign's cost, normalised by
  random pairs (:mod:`hlmpub.align.random_cost`), from every bead, and as much
  of vecalign's deletion penalty from every skip.
* **Search**: a first pass finds 1:1 anchors (:mod:`hlmpub.align.anchors`); the
  DP runs in a corridor ``margin`` sentences wide around them.
* **Crossing** (``crossing=True``, :mod:`hlmpub.align.crossing`): beads that
  leave a sentence out (``(i, i+2):(j)``) and 1:1 pairs of skipped sentences
  out of order; the beads are then no longer consecutive runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import InputError
from .anchors import best_chain, candidates, corridor
from .crossing import GAP_SKIP, GAPS, gap_vectors, gapped_beads, pair_orphans
from .encoder import Encoder
from .pairwise import Bead
from .random_cost import RandomCost
from .score import LENGTH_SMOOTHING, LENGTH_WEIGHT, anchor_tokens, text_length, token_factor

#: Bead shapes (source sentences, target sentences) other than the skips.
SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (1, 4), (4, 1), (2, 2), (2, 3), (3, 2))
MAX_RUN = 4
EMBED_RUNS = MAX_RUN
SKIP = 0.1
MARGIN = 12
#: Weight of vecalign's normalised cost (:mod:`hlmpub.align.random_cost`), subtracted from each bead's
#: score (a skip loses ``RANDOM_WEIGHT`` × vecalign's deletion penalty more).
RANDOM_WEIGHT = 0.1
#: How a sentence bead was made (the paragraph aligner's Bead carries a method too).
METHOD = "semantic"


class _Side:
    """Run vectors, lengths and number tokens of one side, for runs of 1..MAX_RUN sentences."""

    def __init__(
        self, sentences: Sequence[str], encoder: Encoder, embed_runs: int, joiner: str, gaps: bool = False
    ) -> None:
        n = len(sentences)
        self.n = n
        lengths = np.array([text_length(s) for s in sentences])
        cum = np.concatenate([[0.0], np.cumsum(lengths)])
        self.lengths = {r: cum[r:] - cum[:-r] for r in range(1, MAX_RUN + 1) if r <= n}
        tokens = [anchor_tokens(s) for s in sentences]
        self.tokens = {
            r: [frozenset().union(*tokens[i : i + r]) for i in range(n - r + 1)] for r in range(1, MAX_RUN + 1)
        }
        pooled = encoder.run_vectors(sentences, embed_runs)
        if pooled is not None:
            self.vectors = {r: v.astype(np.float32) for r, v in pooled.items()}
        else:  # a model that cannot pool: encode the joined texts
            self.vectors = {1: encoder.encode(list(sentences)).astype(np.float32)}
            for r in range(2, min(embed_runs, n) + 1):
                texts = [joiner.join(sentences[i : i + r]) for i in range(n - r + 1)]
                self.vectors[r] = encoder.encode(texts).astype(np.float32)
        base = self.vectors[1]
        csum = np.concatenate([np.zeros((1, base.shape[1]), np.float32), np.cumsum(base, axis=0)])
        for r in range(len(self.vectors) + 1, min(MAX_RUN, n) + 1):  # longer runs: summed sentence vectors
            vec = csum[r:] - csum[:-r]
            norm = np.linalg.norm(vec, axis=1, keepdims=True)
            self.vectors[r] = np.divide(vec, norm, out=np.zeros_like(vec), where=norm > 0)
        for d in GAPS if gaps else ():  # sentences i and i+d, under the key -d (crossing.GAPS)
            if n > d:
                self.vectors[-d] = gap_vectors(base, d)
                self.lengths[-d] = lengths[:-d] + lengths[d:]
                self.tokens[-d] = [tokens[i] | tokens[i + d] for i in range(n - d)]


#: Languages written without spaces between sentences: their runs are joined with "".
UNSPACED_LANGS = frozenset({"zh", "ja"})


def _joiner(lang: str | None) -> str:
    return "" if lang in UNSPACED_LANGS else " "


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    encoder: Encoder | None = None,
    *,
    langs: tuple[str, str] | None = None,
    embed_runs: int = EMBED_RUNS,
    margin: int = MARGIN,
    crossing: bool = False,
) -> list[Bead]:
    """Beads covering every sentence of ``src`` and ``tgt`` once, in order.

    ``langs`` (source, target) only decides how runs are joined for encoding.
    ``crossing`` allows gapped beads and crossing 1:1 pairs (:mod:`hlmpub.align.crossing`):
    every sentence is still covered once, but beads are no longer consecutive runs in order.
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), METHOD, 1.0) for i in range(n)] + [Bead((), (j,), METHOD, 1.0) for j in range(m)]
    if n == 1 and m == 1:  # one sentence each: nothing to choose, no model call
        return [Bead((0,), (0,), METHOD, 1.0)]
    encoder = encoder or Encoder()
    src_lang, tgt_lang = langs or (None, None)
    x = _Side(src, encoder, embed_runs, _joiner(src_lang), crossing)
    y = _Side(tgt, encoder, embed_runs, _joiner(tgt_lang), crossing)
    ratio = float(y.lengths[1].sum() / max(x.lengths[1].sum(), 1.0))
    anchors = best_chain(*candidates(x.vectors[1], y.vectors[1]), m)
    lo, hi = corridor(anchors, n, m, margin)
    beads = _search(x, y, ratio, lo, hi, crossing)
    if crossing:
        beads = pair_orphans(beads, lambda i, j: float(_bead_scores(x, y, 1, 1, i, np.array([j]), ratio)[0]))
    return beads


def _bead_scores(x: _Side, y: _Side, a: int, b: int, i0: int, j0: np.ndarray, ratio: float) -> np.ndarray:
    """Score of beads ``(a, b)`` from source ``i0`` to each target start in ``j0``."""
    sem = np.clip(y.vectors[b][j0] @ x.vectors[a][i0], 0.0, 1.0).astype(np.float64)
    lx = x.lengths[a][i0] * ratio + LENGTH_SMOOTHING
    ly = y.lengths[b][j0] + LENGTH_SMOOTHING
    length = np.exp(-LENGTH_WEIGHT * np.log(lx / ly) ** 2)
    tx = x.tokens[a][i0]
    if tx or any(y.tokens[b][j] for j in j0):
        tokens = np.array([token_factor(tx, y.tokens[b][j]) for j in j0])
        return sem * length * tokens
    return sem * length


def _moves(x: _Side, y: _Side, crossing: bool) -> list[tuple[int, int, int, int]]:
    """DP moves ``(source sentences, target sentences, source run key, target run key)`` besides the 0:1 skip."""
    moves = [(1, 0, 1, 0)] + [(a, b, a, b) for a, b in SHAPES]
    if crossing:  # gapped beads, where that side has three sentences or more
        moves += [(d + 1, 1, -d, 1) for d in GAPS if -d in x.vectors]
        moves += [(1, d + 1, 1, -d) for d in GAPS if -d in y.vectors]
    return moves


def _search(x: _Side, y: _Side, ratio: float, lo: np.ndarray, hi: np.ndarray, crossing: bool = False) -> list[Bead]:
    """Maximise the summed bead scores over the corridor; backtrack into beads."""
    n = x.n
    moves = _moves(x, y, crossing)
    cost = RandomCost(x.vectors, y.vectors)
    skip = SKIP + RANDOM_WEIGHT * cost.deletion
    gap_skip = GAP_SKIP / SKIP * skip  # the sentence a gapped bead leaves out: the same share of a skip
    score: list[np.ndarray] = []
    back: list[np.ndarray] = []  # move index per cell: -1 start, 0 skip target, 1 skip source, 2+ the other moves
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(js.shape[0], -np.inf)
        arg = np.full(js.shape[0], -1, dtype=np.int64)
        if i == 0:
            best[js == 0] = 0.0
        for k, (a, b, ra, rb) in enumerate(moves, start=1):
            if a > i:
                continue
            prev_lo, prev_hi = lo[i - a], hi[i - a]
            ok = (js - b >= prev_lo) & (js - b <= prev_hi)
            if not ok.any():
                continue
            jprev = js[ok] - b
            value = score[i - a][jprev - prev_lo]
            if b == 0:
                value = value - skip
            else:
                value = value + _bead_scores(x, y, ra, rb, i - a, jprev, ratio)
                value = value - RANDOM_WEIGHT * cost(ra, rb, i - a, jprev)
                if (ra, rb) != (a, b):  # a gapped bead: the sentences left out are cheaper skips
                    value = value - gap_skip * (a + b - 3)
            better = value > best[ok]
            idx = np.flatnonzero(ok)[better]
            best[idx], arg[idx] = value[better], k
        # 0:1 beads run along the row: a running maximum of best[j] + skip·j
        steps = np.arange(js.shape[0]) * skip
        lifted = best + steps
        running = np.maximum.accumulate(lifted)
        from_left = lifted < running
        best = np.where(from_left, running - steps, best)
        arg = np.where(from_left, 0, arg)
        score.append(best)
        back.append(arg)
    return _backtrack(x, y, ratio, lo, back, moves)


def _backtrack(
    x: _Side, y: _Side, ratio: float, lo: np.ndarray, back: list[np.ndarray], moves: list[tuple[int, int, int, int]]
) -> list[Bead]:
    shapes = [(0, 1, 0, 1), *moves]
    i, j = x.n, y.n
    beads: list[Bead] = []
    while i > 0 or j > 0:
        k = int(back[i][j - lo[i]])
        if k < 0:
            raise AssertionError("sentence DP: no path")  # the corridor always joins (0, 0) to (n, m)
        a, b, ra, rb = shapes[k]
        i, j = i - a, j - b
        if (ra, rb) != (a, b):
            beads.extend(_gapped(x, y, ratio, (a, b, ra, rb), i, j)[::-1])
            continue
        if a and b:
            s = float(_bead_scores(x, y, a, b, i, np.array([j]), ratio)[0])
            conf = s
        else:
            conf = _skip_confidence(x, y, i, j, a)
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), METHOD, round(min(1.0, max(0.0, conf)), 4)))
    return beads[::-1]


def _gapped(x: _Side, y: _Side, ratio: float, move: tuple[int, int, int, int], i: int, j: int) -> list[Bead]:
    """The beads of a gapped move from ``(i, j)``: the pair, then the sentences it leaves out."""
    a, b, ra, rb = move
    pair = float(_bead_scores(x, y, ra, rb, i, np.array([j]), ratio)[0])
    if a > 1:
        skipped = [_skip_confidence(x, y, i + d, j, 1) for d in range(1, a - 1)]
    else:
        skipped = [_skip_confidence(x, y, i, j + d, 0) for d in range(1, b - 1)]
    conf = [round(min(1.0, max(0.0, c)), 4) for c in (pair, *skipped)]
    return gapped_beads((a, b), i, j, METHOD, conf[0], conf[1:])


def _skip_confidence(x: _Side, y: _Side, i: int, j: int, a: int) -> float:
    """A skipped sentence is a confident insertion when nothing near it on the other side resembles it."""
    if a:
        near = y.vectors[1][max(0, j - 2) : j + 2]
        vec = x.vectors[1][i]
    else:
        near = x.vectors[1][max(0, i - 2) : i + 2]
        vec = y.vectors[1][j]
    return 1.0 - float(np.max(near @ vec)) if len(near) else 1.0


def read_sentences(path: str | Path) -> list[str]:
    """One sentence per line of a UTF-8 file (every line counts, as in the gold files' numbering)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("sentence file not found", path) from None
    except IsADirectoryError:
        raise InputError("expected a file of sentences, found a folder", path) from None
    if b"\x00" in data:
        raise InputError("binary file, expected UTF-8 text with one sentence per line", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", path) from None
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InputError("empty file, expected one sentence per line", path)
    return lines
