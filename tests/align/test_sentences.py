"""The sentence aligner: beads on synthetic lists (fake encoder) and on UDHR articles split by hand (real encoder)."""

from __future__ import annotations

import numpy as np
import pytest

from hlmpub.align.anchors import best_chain, corridor
from hlmpub.align.encoder import DIM, Encoder
from hlmpub.align.random_cost import RandomCost
from hlmpub.align.sentences import Bead, align_sentences, read_sentences
from hlmpub.errors import InputError


class BagOfWords:
    """Synthetic encoder: a hashed bag of lower-cased words, so "RED apple" and "red APPLE" are equal."""

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM))
        for row, text in enumerate(texts):
            for word in text.lower().replace(".", " ").split():
                out[row, sum(map(ord, word)) * 7919 % DIM] += 1.0
        return out


class NoModel:
    """An encoder that must not be called."""

    def encode(self, texts: list[str]) -> np.ndarray:
        raise AssertionError("the model was called")


WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".split()


def _synthetic(n: int, seed: int = 0) -> list[str]:
    """Synthetic source sentences of four distinct words each."""
    rng = np.random.default_rng(seed)
    return [" ".join(f"{w}{rng.integers(1000)}" for w in rng.choice(WORDS, 4, replace=False)) for _ in range(n)]


def _covers_once(beads: list[Bead], n: int, m: int) -> None:
    assert [i for b in beads for i in b.src] == list(range(n))
    assert [j for b in beads for j in b.tgt] == list(range(m))
    assert all(0.0 <= b.score <= 1.0 for b in beads)


def test_synthetic_one_to_one_split_and_insertion():
    src = _synthetic(8)
    # target (synthetic, "upper-case language"): sentence 2 split in two, an inserted sentence after 5
    halves = src[2].split()
    tgt = [s.upper() for s in src[:2]] + [" ".join(halves[:2]).upper(), " ".join(halves[2:]).upper()]
    tgt += [s.upper() for s in src[3:6]] + ["ZULU9 YANKEE9 XRAY9 WHISKEY9"] + [s.upper() for s in src[6:]]
    beads = align_sentences(src, tgt, Encoder(BagOfWords()))
    _covers_once(beads, len(src), len(tgt))
    assert [str(b) for b in beads] == [
        "[0]:[0]",
        "[1]:[1]",
        "[2]:[2,3]",
        "[3]:[4]",
        "[4]:[5]",
        "[5]:[6]",
        "[]:[7]",
        "[6]:[8]",
        "[7]:[9]",
    ]


def test_synthetic_three_to_two_and_one_to_four():
    src = _synthetic(6, seed=1)
    words = [s.split() for s in src]
    # sentences 1..3 (12 words) become two target sentences of 6 words; sentence 5 becomes four
    joined = [w for s in words[1:4] for w in s]
    tgt = [src[0].upper(), " ".join(joined[:6]).upper(), " ".join(joined[6:]).upper(), src[4].upper()]
    tgt += [w.upper() for w in words[5]]
    beads = align_sentences(src, tgt, Encoder(BagOfWords()))
    _covers_once(beads, len(src), len(tgt))
    # the 3:2 block is split where the sentences still match (two scores beat one), never left
    inside = [b for b in beads if set(b.src) & {1, 2, 3} or set(b.tgt) & {1, 2}]
    assert {i for b in inside for i in b.src} == {1, 2, 3} and {j for b in inside for j in b.tgt} == {1, 2}
    assert [str(b) for b in beads if b not in inside] == ["[0]:[0]", "[4]:[3]", "[5]:[4,5,6,7]"]


def test_empty_sides_and_single_sentences_need_no_model():
    assert align_sentences(["a", "b"], [], Encoder(NoModel())) == [
        Bead((0,), (), "semantic", 1.0),
        Bead((1,), (), "semantic", 1.0),
    ]
    assert align_sentences([], ["x"], Encoder(NoModel())) == [Bead((), (0,), "semantic", 1.0)]
    assert align_sentences(["one"], ["un"], Encoder(NoModel())) == [Bead((0,), (0,), "semantic", 1.0)]


def test_long_text_stays_in_a_narrow_corridor():
    n = 3000
    src = _synthetic(n, seed=2)
    tgt = [s.upper() for s in src[:1500]] + ["ZULU1 YANKEE2"] * 3 + [s.upper() for s in src[1500:]]
    enc = Encoder(BagOfWords())
    x = enc.encode(src).astype(np.float32)
    y = enc.encode(tgt).astype(np.float32)
    anchors = best_chain(*_top(x, y), len(tgt))
    lo, hi = corridor(anchors, n, len(tgt), 12)
    assert (hi - lo + 1).sum() < 5 * 12 * (n + 1)  # about four margins wide: linear in n, not n × m
    beads = align_sentences(src, tgt, enc)
    _covers_once(beads, n, len(tgt))
    assert sum(1 for b in beads if not b.src) == 3


def _top(x: np.ndarray, y: np.ndarray):
    from hlmpub.align.anchors import candidates

    return candidates(x, y)


def test_best_chain_is_increasing_and_skips_a_crossing_candidate():
    i = np.array([0, 1, 1, 2])
    j = np.array([0, 5, 1, 2])
    s = np.array([0.9, 0.95, 0.8, 0.9])
    assert best_chain(i, j, s, 6) == [(0, 0), (1, 1), (2, 2)]


# UDHR articles 1–5, split into sentences by hand (en, fr).
EN = [
    "All human beings are born free and equal in dignity and rights.",
    "They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.",
    "Everyone is entitled to all the rights and freedoms set forth in this Declaration, without distinction of any "
    "kind, such as race, colour, sex, language, religion, political or other opinion, national or social origin, "
    "property, birth or other status.",
    "Everyone has the right to life, liberty and the security of person.",
    "No one shall be held in slavery or servitude; slavery and the slave trade shall be prohibited in all their forms.",
    "No one shall be subjected to torture or to cruel, inhuman or degrading treatment or punishment.",
]
FR = [
    "Tous les êtres humains naissent libres et égaux en dignité et en droits.",
    "Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.",
    "Chacun peut se prévaloir de tous les droits et de toutes les libertés proclamés dans la présente Déclaration, "
    "sans distinction aucune, notamment de race, de couleur, de sexe, de langue, de religion, d’opinion politique ou "
    "de toute autre opinion, d’origine nationale ou sociale, de fortune, de naissance ou de toute autre situation.",
    "Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.",
    "Nul ne sera tenu en esclavage ni en servitude ;",
    "l’esclavage et la traite des esclaves sont interdits sous toutes leurs formes.",
    "Le présent texte a été adopté à Paris le 10 décembre 1948 lors de la cent quatre-vingt-troisième séance.",
    "Nul ne sera soumis à la torture, ni à des peines ou traitements cruels, inhumains ou dégradants.",
]


def test_udhr_articles_one_to_one_split_and_insertion(shared_encoder):
    beads = align_sentences(EN, FR, shared_encoder, langs=("en", "fr"))
    _covers_once(beads, len(EN), len(FR))
    assert [str(b) for b in beads] == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4,5]", "[]:[6]", "[5]:[7]"]
    assert min(b.score for b in beads if b.src and b.tgt) > 0.5


def test_random_cost_finds_translations_and_prices_merges_by_size(shared_encoder):
    x, y = shared_encoder.run_vectors(EN, 4), shared_encoder.run_vectors(FR, 4)
    cost = RandomCost(x, y)
    costs = np.array([cost(1, 1, i, np.arange(len(FR))) for i in range(len(EN))])
    assert costs.argmin(axis=1).tolist() == [0, 1, 2, 3, 5, 7]  # EN 4 is split over FR 4–5
    # vecalign's sentences(x) · sentences(y) factor: two good 1:1 beads cost less than their 2:2
    assert cost(2, 2, 0, np.array([0]))[0] > costs[0, 0] + costs[1, 1]
    assert 0 < cost.deletion < np.median(costs)
    assert RandomCost(x, y).deletion == cost.deletion  # a fixed seed: the same alignment every run


def test_read_sentences_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_sentences(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt: empty file"):
        read_sentences(empty)
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"abc\x00def")
    with pytest.raises(InputError, match="binary"):
        read_sentences(binary)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("été\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_sentences(latin)
    ok = tmp_path / "ok.txt"
    ok.write_text("one\n\nthree\n", encoding="utf-8")
    assert read_sentences(ok) == ["one", "", "three"]


def test_crossing_beads_a_caption_inside_a_sentence_and_a_transposed_line():
    src = _synthetic(10, seed=3)
    words = src[2].split()
    caption = "zulu1 yankee1 xray1 whiskey1"
    # source: sentence 2 broken by a caption (OCR order); target: sentence 6 moved after sentence 9
    src = src[:2] + [" ".join(words[:2]), caption, " ".join(words[2:])] + src[3:]
    tgt = [s.upper() for s in _synthetic(10, seed=3)]
    tgt = tgt[:6] + tgt[7:] + [tgt[6]]
    monotone = align_sentences(src, tgt, Encoder(BagOfWords()))
    _covers_once(monotone, len(src), len(tgt))
    beads = align_sentences(src, tgt, Encoder(BagOfWords()), crossing=True)
    assert [str(b) for b in beads] == [
        "[0]:[0]",
        "[1]:[1]",
        "[2,4]:[2]",
        "[3]:[]",
        "[5]:[3]",
        "[6]:[4]",
        "[7]:[5]",
        "[8]:[9]",
        "[9]:[6]",
        "[10]:[7]",
        "[11]:[8]",
    ]
    assert sorted(i for b in beads for i in b.src) == list(range(len(src)))
    assert sorted(j for b in beads for j in b.tgt) == list(range(len(tgt)))
    assert [str(b) for b in monotone] != [str(b) for b in beads]
