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
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

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
