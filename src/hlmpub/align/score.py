"""Bead costs for one window: encoder similarity × length prior × shared anchor tokens.

For a bead that joins the source span ``x[i0 : i0 + a]`` with the target span
``y[j0 : j0 + b]`` (each span's texts joined with a space and encoded as one
text, vecalign style):

* ``sem``    cosine of the two span vectors, clipped to 0..1;
* ``length`` ``exp(-LENGTH_WEIGHT * log(ratio * len(x) / len(y)) ** 2)`` where
  ``len`` counts non-space characters, a CJK character counting as
  ``CJK_WEIGHT`` Latin ones, and ``ratio`` is the expected target/source length
  ratio of the language pair (estimated from the document's own anchors);
* ``tokens`` ``0.8 + 0.2 * jaccard`` of the anchor tokens (numbers such as
  ``1948``, ``67/39``, in any digit script) when either span has some, else 1;
* ``s = sem * length * tokens`` in 0..1 — the bead's similarity.

``cost = 1 - s + SHAPE_PENALTY[a, b] + kind and key terms``; a 1:0 or 0:1
bead costs ``SKIP_COST``.  A bead joining ``a + b`` units pays ``a + b - 2``
skips less ``MERGE_MARGIN``, so a merge wins over "the same bead without the
extra unit, plus a skip for it" exactly when adding the unit raises ``s`` by
more than ``-MERGE_MARGIN``: an unrelated short unit is left unmatched rather
than swallowed, while a heading fragment ("The General Assembly") that belongs
to the next paragraph joins it.  Kind terms keep headings and body text apart (a span mixing them is never
encoded nor chosen); key terms
reward a 1:1 bead whose units share a key and forbid one whose keys differ; a
span that ends in a short fragment pays ``TRAILING_FRAGMENT_PENALTY``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from ..model import HEADING_KINDS, Unit
from .encoder import DIM, Encoder

MAX_SPAN = 3
BODY, HEADING, MIXED = 0, 1, 2  # kind classes of a span
CJK_WEIGHT = 3.2
LENGTH_WEIGHT = 1.0
LENGTH_SMOOTHING = 8.0
SKIP_COST = 0.4
MERGE_MARGIN = 0.02
SHAPE_PENALTY = {
    (a, b): (a + b - 2) * SKIP_COST - (MERGE_MARGIN if a + b > 2 else 0.0)
    for a, b in ((1, 1), (2, 1), (1, 2), (3, 1), (1, 3))
}
SHAPE_CONFIDENCE = {(1, 1): 1.0, (2, 1): 0.9, (1, 2): 0.9, (3, 1): 0.85, (1, 3): 0.85}
#: A short unit ("Now, therefore,", "The General Assembly,") usually leads into
#: the next paragraph: joining one to the end of a span costs a little more.
FRAGMENT_LENGTH = 40.0
TRAILING_FRAGMENT_PENALTY = 0.1
KEY_BONUS = 0.1
FORBIDDEN = 1.5
HEADING_BODY_PENALTY = 0.6

#: Non-space characters per English one, CJK already weighted (median over the UDHR articles).
LENGTH_FACTOR = {"ar": 0.69, "en": 1.0, "es": 1.14, "fr": 1.09, "ru": 1.17, "zh": 1.0}

_NUMBER = re.compile(r"\d+(?:[/.,]\d+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def text_length(text: str) -> float:
    """Length in Latin-character equivalents: non-space characters, CJK weighted."""
    cjk = len(_CJK.findall(text))
    plain = sum(1 for ch in text if not ch.isspace())
    return plain - cjk + CJK_WEIGHT * cjk


def anchor_tokens(text: str) -> frozenset[str]:
    """Numbers in any digit script, normalised to ASCII (``٦٧/٣٩`` → ``67/39``)."""
    found = set()
    for match in _NUMBER.finditer(text):
        parts = re.split(r"([/.,])", match.group())
        found.add("".join(str(int(p)) if p.isdigit() else p for p in parts))
    return frozenset(found)


def default_ratio(src_lang: str, tgt_lang: str) -> float:
    """Expected target length / source length from the language table."""
    return LENGTH_FACTOR.get(tgt_lang, 1.0) / LENGTH_FACTOR.get(src_lang, 1.0)


@dataclass(frozen=True)
class Spans:
    """Features of every span of 1..MAX_SPAN consecutive units of one window side.

        For span length ``a`` (index ``a``): ``vectors[a]`` shape ``(n - a + 1, D)``,
        ``lengths[a]`` shape ``(n - a + 1,)``, and per-span lists of token sets, key
        sets, kind classes (``BODY``, ``HEADING``, ``MIXED``) and whether the span
    ends in a short fragment.
    """

    n: int
    vectors: dict[int, np.ndarray]
    lengths: dict[int, np.ndarray]
    tokens: dict[int, list[frozenset[str]]]
    keys: dict[int, list[frozenset[str]]]
    kinds: dict[int, list[int]]
    short_tail: dict[int, list[bool]]


def build_spans(units: list[Unit], keys: list[str], encoder: Encoder | None) -> Spans:
    """Compute span features; vectors only when an encoder is given."""
    n = len(units)
    vecs, lens, toks, keysets, kinds, tails = {}, {}, {}, {}, {}, {}
    unit_len = np.array([text_length(u.text) for u in units], dtype=np.float64)
    unit_tok = [anchor_tokens(u.text) for u in units]
    heading = [u.kind in HEADING_KINDS for u in units]
    for a in range(1, MAX_SPAN + 1):
        starts = range(max(0, n - a + 1))
        kinds[a] = [_kind_class(heading[i : i + a]) for i in starts]
        if encoder is not None:
            vecs[a] = _span_vectors(units, a, kinds[a], encoder)
        lens[a] = np.array([unit_len[i : i + a].sum() for i in starts], dtype=np.float64)
        toks[a] = [frozenset().union(*unit_tok[i : i + a]) for i in starts]
        keysets[a] = [frozenset(k for k in keys[i : i + a] if k) for i in starts]
        tails[a] = [a > 1 and unit_len[i + a - 1] < FRAGMENT_LENGTH for i in starts]
    return Spans(n, vecs, lens, toks, keysets, kinds, tails)


def _span_vectors(units: list[Unit], a: int, kinds: list[int], encoder: Encoder) -> np.ndarray:
    """Vectors of the joined texts of every ``a``-span; spans mixing headings and body text
    can never be chosen, so they are not encoded (zero rows)."""
    wanted = [i for i, k in enumerate(kinds) if k != MIXED]
    found = encoder.encode([" ".join(u.text for u in units[i : i + a]) for i in wanted])
    out = np.zeros((len(kinds), found.shape[1] if found.size else DIM))
    if wanted:
        out[wanted] = found
    return out


def _kind_class(flags: list[bool]) -> int:
    if all(flags):
        return HEADING
    return MIXED if any(flags) else BODY


class WindowScorer:
    """The cost callback for :func:`hlmpub.align.dp.align_window` over one window."""

    def __init__(self, x: Spans, y: Spans, ratio: float) -> None:
        self.x, self.y, self.ratio = x, y, ratio

    def similarity(self, a: int, b: int, i0: int, j0s: np.ndarray) -> np.ndarray:
        """``s`` in 0..1 for beads ``(a, b)`` from source ``i0`` to each target start in ``j0s``."""
        sem = np.clip(self.y.vectors[b][j0s] @ self.x.vectors[a][i0], 0.0, 1.0)
        sem = np.round(sem, 6)  # keep decisions independent of BLAS rounding noise
        lx = self.x.lengths[a][i0] * self.ratio + LENGTH_SMOOTHING
        ly = self.y.lengths[b][j0s] + LENGTH_SMOOTHING
        length = np.exp(-LENGTH_WEIGHT * np.log(lx / ly) ** 2)
        tx = self.x.tokens[a][i0]
        tokens = np.array([token_factor(tx, self.y.tokens[b][j]) for j in j0s], dtype=np.float64)
        return sem * length * tokens

    def cost(self, a: int, b: int, i0: int, j0s: np.ndarray) -> np.ndarray:
        """Bead cost (see the module docstring); ``inf`` where the bead leaves the window."""
        out = np.full(j0s.shape[0], np.inf)
        ok = (j0s + b <= self.y.n) & (i0 + a <= self.x.n)
        if not ok.any():
            return out
        js = j0s[ok]
        if a == 0 or b == 0:
            out[ok] = SKIP_COST
            return out
        s = self.similarity(a, b, i0, js)
        extra = np.array([self._structure_term(a, b, i0, int(j)) for j in js], dtype=np.float64)
        out[ok] = 1.0 - s + SHAPE_PENALTY[(a, b)] + extra
        return out

    def _structure_term(self, a: int, b: int, i0: int, j0: int) -> float:
        kx, ky = self.x.kinds[a][i0], self.y.kinds[b][j0]
        term = 0.0
        if kx == MIXED or ky == MIXED:
            return np.inf
        elif kx != ky:
            term += HEADING_BODY_PENALTY
        if self.x.short_tail[a][i0] or self.y.short_tail[b][j0]:
            term += TRAILING_FRAGMENT_PENALTY
        keys_x, keys_y = self.x.keys[a][i0], self.y.keys[b][j0]
        if keys_x and keys_y:
            if not keys_x & keys_y:
                term += FORBIDDEN
            elif a == b == 1:
                term -= KEY_BONUS
        return term

    def confidence(self, a: int, b: int, i0: int, j0: int) -> float:
        """Confidence in 0..1 of a chosen non-skip bead."""
        s = float(self.similarity(a, b, i0, np.array([j0], dtype=np.int64))[0])
        return round(min(1.0, max(0.0, s * SHAPE_CONFIDENCE[(a, b)])), 4)


def token_factor(tx: frozenset[str], ty: frozenset[str]) -> float:
    """``0.8 + 0.2 * jaccard`` of two sets of anchor tokens, 1 when both are empty."""
    if not tx and not ty:
        return 1.0
    return 0.8 + 0.2 * len(tx & ty) / len(tx | ty)


def estimate_ratio(pairs: list[tuple[str, str]], src_lang: str, tgt_lang: str) -> float:
    """Median target/source length ratio over anchor text pairs, or the table default."""
    ratios = []
    for sx, sy in pairs:
        lx, ly = text_length(sx), text_length(sy)
        if lx >= 20 and ly >= 20:
            ratios.append(ly / lx)
    if len(ratios) < 5:
        return default_ratio(src_lang, tgt_lang)
    ratios.sort()
    mid = len(ratios) // 2
    value = ratios[mid] if len(ratios) % 2 else (ratios[mid - 1] + ratios[mid]) / 2
    return float(math.exp(round(math.log(value), 6)))
