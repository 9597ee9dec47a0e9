"""Strict precision, recall and F1 per language pair against a gold alignment.

A gold file is TOML (so that every non-1:1 row can carry a comment saying why)::

    document = "A/RES/217(III)"
    langs = ["zh", "ar", "en"]
    row = [
      { zh = ["zh-m1"], ar = ["ar-m1"], en = ["en-m1"] },
      # zh has a second note that no other version has
      { zh = ["zh-n2"] },
    ]

A language left out of a row has nothing there (1:0).  Every row, of the gold
and of the edition, is projected onto each language pair: the pairwise link is
the pair ``(ids in a, ids in b)``; rows empty on both sides are ignored, and a
1:0 row is a link to nothing.  Precision and recall compare those sets exactly.

Sentence beads (``[0,1]:[0]`` files, the Bertalign and vecalign gold format)
are scored by :func:`score_beads`, strict and lax, with vecalign's conventions.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..model import Edition, Link

PairLink = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class PairScore:
    """Strict scores for one language pair, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    correct: int = 0
    predicted: int = 0
    gold: int = 0


def pair_links(links: Sequence[Link], a: str, b: str) -> set[PairLink]:
    """Rows projected onto languages ``a`` and ``b`` (rows empty on both sides dropped)."""
    out: set[PairLink] = set()
    for link in links:
        ids_a, ids_b = tuple(link.units.get(a, ())), tuple(link.units.get(b, ()))
        if ids_a or ids_b:
            out.add((ids_a, ids_b))
    return out


def score_pair(predicted: set[PairLink], gold: set[PairLink]) -> PairScore:
    """Strict P/R/F1 of one pair's link sets (an empty set scores 1.0 against an empty one)."""
    correct = len(predicted & gold)
    precision = correct / len(predicted) if predicted else float(not gold)
    recall = correct / len(gold) if gold else float(not predicted)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1, correct, len(predicted), len(gold))


def evaluate(edition: Edition, gold: Sequence[Link]) -> dict[str, PairScore]:
    """``{"zh-en": PairScore, ...}`` for every pair of the edition's languages that the gold covers."""
    gold_langs = {lang for link in gold for lang, ids in link.units.items() if ids}
    langs = [lang for lang in edition.langs if lang in gold_langs]
    return {
        f"{a}-{b}": score_pair(pair_links(edition.links, a, b), pair_links(gold, a, b))
        for a, b in combinations(langs, 2)
    }


def load_gold(path: str | Path) -> list[Link]:
    """Read a gold TOML file into Links (method ``manual``, score 1.0)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("gold alignment file not found", path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"malformed gold TOML: {exc}", path) from None
    rows = data.get("row")
    if not isinstance(rows, list) or not rows:
        raise InputError("a gold file needs a non-empty `row` array", path)
    langs = [str(x) for x in data.get("langs", [])]
    links = []
    for n, row in enumerate(rows):
        if not isinstance(row, dict) or not all(isinstance(v, list) for v in row.values()):
            raise InputError(f"row {n}: expected {{ lang = [ids…] }}", path)
        order = langs + sorted(k for k in row if k not in langs)
        links.append(Link(units={k: tuple(map(str, row.get(k, []))) for k in order}, method="manual", score=1.0))
    return links


# ------------------------------------------------------------ sentence beads

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class BeadScore:
    """Strict and lax P/R/F1 of sentence beads, vecalign's conventions (see :func:`score_beads`)."""

    strict: PairScore
    lax: PairScore


def read_beads(path: str | Path) -> list[BeadPair]:
    """Read a bead file: one ``[0,1]:[0]`` per line (spaces after commas allowed, blank lines skipped,
    anything after a tab ignored)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("bead file not found", path) from None
    except UnicodeDecodeError:
        raise InputError("bead file is not UTF-8 text", path) from None
    beads = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        sides = line.split("\t")[0].split(":")  # align-lines --confidence adds a tab and a number
        try:
            if len(sides) != 2:
                raise ValueError
            src, tgt = (ast.literal_eval(side.strip()) for side in sides)
            if not all(isinstance(s, list) and all(type(i) is int and i >= 0 for i in s) for s in (src, tgt)):
                raise ValueError
        except (ValueError, SyntaxError):
            raise InputError(f"line {n}: expected a bead like [0,1]:[2], got {line.strip()[:40]!r}", path) from None
        beads.append((tuple(src), tuple(tgt)))
    if not beads:
        raise InputError("bead file has no beads", path)
    return beads


def _bead_counts(gold: Sequence[BeadPair], test: Sequence[BeadPair]) -> tuple[int, int, int]:
    """``(strict hits, lax hits, test beads)``: test beads as sets, beads empty on both sides dropped."""
    gold_set = {b for b in gold if b[0] or b[1]}
    test_set = {b for b in test if b[0] or b[1]}
    targets_of: dict[int, set[int]] = {}
    for src, tgt in gold_set:
        for i in src:
            targets_of.setdefault(i, set()).update(tgt)
    strict = lax = 0
    for src, tgt in test_set:
        if (src, tgt) in gold_set:
            strict += 1
            lax += 1
        elif set(tgt) & set().union(*(targets_of.get(i, set()) for i in src)):
            lax += 1  # shares a source line with gold beads and a target line with their targets
    return strict, lax, len(test_set)


def score_beads(gold_docs: Sequence[Sequence[BeadPair]], test_docs: Sequence[Sequence[BeadPair]]) -> BeadScore:
    """Strict and lax P/R/F1 over documents, counts summed before dividing (vecalign's scorer).

    Precision counts every test bead; recall swaps gold and test after dropping
    the beads with an empty side from both.  Gold beads may cross, overlap or
    leave sentences out (Text+Berg): nothing here assumes a partition.
    """
    if len(gold_docs) != len(test_docs):
        raise ValueError("as many gold documents as test documents are needed")
    p = np.zeros(3, dtype=np.int64)
    r = np.zeros(3, dtype=np.int64)
    for gold, test in zip(gold_docs, test_docs, strict=True):
        p += _bead_counts(gold, test)
        r += _bead_counts([b for b in test if b[0] and b[1]], [b for b in gold if b[0] and b[1]])
    return BeadScore(_prf(p[0], p[2], r[0], r[2]), _prf(p[1], p[2], r[1], r[2]))


def _prf(p_hits: int, predicted: int, r_hits: int, gold: int) -> PairScore:
    precision = p_hits / predicted if predicted else 0.0
    recall = r_hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(float(precision), float(recall), float(f1), int(p_hits), int(predicted), int(gold))
