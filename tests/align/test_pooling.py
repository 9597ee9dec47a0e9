"""Run vectors pooled from token features (align/pooling.py) against the real USE model."""

from __future__ import annotations

import numpy as np

from hlmpub.align.encoder import Encoder, load_model
from hlmpub.align.pooling import head, pool, run_vectors, supports_pooling
from hlmpub.align.sentences import align_sentences

from .test_sentences import EN, FR

ZH = [
    "人人生而自由，在尊严和权利上一律平等。",
    "他们赋有理性和良心，并应以兄弟关系的精神相对待。",
    "人人有权享有生命、自由和人身安全。",
]


def test_head_of_a_pooled_sentence_is_the_models_vector():
    model = load_model()
    assert supports_pooling(model)
    pooled = pool(model, EN + ZH)
    expected = model.encode(EN + ZH)
    got = head(model, pooled.sums, pooled.tokens)
    assert np.min(np.sum(got * expected, axis=1)) > 0.9999


def test_pooled_runs_are_the_joined_text_and_closer_than_summed_vectors():
    """Latin-script runs joined with a space tokenise as the concatenation, so with the seams recomputed
    the pooled run is the joined text's vector; zh joined with nothing tokenises a little differently."""
    model = load_model()
    for sentences, joiner, floor in ((FR, " ", 0.9999), (EN, " ", 0.9999), (ZH, "", 0.99)):
        runs = run_vectors(model, pool(model, sentences), 3)
        assert sorted(runs) == [1, 2, 3]
        single = runs[1]
        for r in (2, 3):
            assert runs[r].shape == (len(sentences) - r + 1, single.shape[1])
            joined = model.encode([joiner.join(sentences[i : i + r]) for i in range(len(sentences) - r + 1)])
            summed = np.array([single[i : i + r].sum(0) for i in range(len(sentences) - r + 1)])
            summed /= np.linalg.norm(summed, axis=1, keepdims=True)
            pooled_cos = np.sum(runs[r] * joined, axis=1)
            assert pooled_cos.min() > floor, (r, pooled_cos)
            assert pooled_cos.mean() > np.sum(summed * joined, axis=1).mean()


def test_encoder_caches_pooled_sentences_and_a_fake_model_cannot_pool():
    enc = Encoder()
    first = enc.run_vectors(FR, 2)
    count = enc.encoded
    again = enc.run_vectors(FR[1:], 2)  # every sentence already pooled: no model call
    assert first is not None and again is not None and enc.encoded == count == len(FR)
    assert np.allclose(again[2], first[2][1:], atol=1e-6)

    class Fake:
        def encode(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 4))

    assert Encoder(Fake()).run_vectors(FR, 2) is None


# Hand-made (in the manner of a mountaineering yearbook): the French joins three German sentences in one.
DE = [
    "Am Morgen brachen wir bei klarem Wetter von der Hütte auf.",
    "Beim Aufstieg über den Gletscher versank der Kollege plötzlich bis zur Hüfte im Schnee.",
    "Es gelang ihm, sich zu befreien.",
    "Den Schrecken kann man sich vorstellen.",
    "Am Mittag erreichten wir den Gipfel und assen zu Mittag.",
]
FR_JOINED = [
    "Le matin, nous quittâmes la cabane par un temps clair.",
    "À la montée sur le glacier, le collègue s'enfonça brusquement jusqu'à la hanche dans la neige, "
    "parvint à se dégager, et l'on imagine sa frayeur.",
    "À midi, nous atteignîmes le sommet et mangeâmes.",
]


def test_a_three_to_one_bead_needs_the_pooled_run_of_three(shared_encoder):
    expected = ["[0]:[0]", "[1,2,3]:[1]", "[4]:[2]"]
    assert [str(b) for b in align_sentences(DE, FR_JOINED, shared_encoder, langs=("de", "fr"))] == expected
    # with runs of 3 as summed sentence vectors the third sentence is left out
    summed = align_sentences(DE, FR_JOINED, shared_encoder, langs=("de", "fr"), embed_runs=2)
    assert [str(b) for b in summed] == ["[0]:[0]", "[1,2]:[1]", "[3]:[]", "[4]:[2]"]
