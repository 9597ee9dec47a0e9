"""Speed of the sentence splitter, and pysbd beside it, on the UDHR (six languages) and the seed.

Run:  .venv/bin/python benchmarks/sentences.py

For each language: units, sentences, sentences per second (best of 5 passes over every unit);
with pysbd 0.3.4 installed (it is not a dependency: ``pip install pysbd==0.3.4``), the same for
pysbd (``clean=False``), the units where the two disagree, and the UN-rule cases of
tests/ingest/sentence_cases.py that pysbd gets wrong (checking the ``pysbd`` marks there).

When ``../shared/corpora/sentence-gold`` is there, the Bible (en KJV, zh CUV, one gold sentence
a line, each line's verse in ``en.verse``/``zh.verse``) is joined verse by verse and split again:
precision and recall of the sentence ends inside verses against the gold lines, for both
splitters (Text+Berg is left out: its lines are tokenised and many are headings with no end mark).
This prints numbers and asserts nothing.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

from hlmpub.ingest import read_version
from hlmpub.ingest.segment.sentences import split_sentences
from hlmpub.model import Unit

ROOT = Path(__file__).resolve().parents[1]
UDHR = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "arb", "zh": "cmn_hans"}

Splitter = Callable[[str, str], list[str]]


def ours(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


def pysbd_splitter() -> Splitter | None:
    if importlib.util.find_spec("pysbd") is None:
        return None
    import pysbd

    cache: dict[str, pysbd.Segmenter] = {}

    def split(text: str, lang: str) -> list[str]:
        seg = cache.setdefault(lang, pysbd.Segmenter(language=lang, clean=False))
        return [s.strip() for s in seg.segment(text) if s.strip()]

    return split


def rate(split: Splitter, units: list[Unit]) -> tuple[int, float]:
    """(sentences, sentences per second), best of 5 passes."""
    best, n = float("inf"), 0
    for _ in range(5):
        t = time.perf_counter()
        n = sum(len(split(u.text, u.lang)) for u in units)
        best = min(best, time.perf_counter() - t)
    return n, n / best


def cases() -> list:
    spec = importlib.util.spec_from_file_location("sentence_cases", ROOT / "tests" / "ingest" / "sentence_cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.CASES)


# ../shared beside the main checkout; a worktree (wt/NAME) is one level deeper
GOLD = (
    next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT / "shared")
    / "corpora/sentence-gold/bible"
)


def bible_verses(lang: str) -> list[list[str]]:
    """The gold sentences of the Bible in ``lang``, grouped by verse."""
    lines = (GOLD / lang / "001").read_text(encoding="utf-8").splitlines()
    verses = (GOLD / f"{lang}.verse").read_text(encoding="utf-8").splitlines()
    groups: dict[str, list[str]] = {}
    for line, verse in zip(lines, verses, strict=True):
        groups.setdefault(verse, []).append(line.strip())
    return list(groups.values())


def bible_scores(split: Splitter, lang: str) -> tuple[float, float, int]:
    """(precision, recall, gold ends) of the sentence ends found inside the verses of the Bible in ``lang``."""
    glue = "" if lang == "zh" else " "
    tp = fp = fn = 0
    for sentences in bible_verses(lang):
        gold, cursor = set(), 0
        for s in sentences[:-1]:
            cursor += len(s)
            gold.add(cursor)
            cursor += len(glue)
        found, cursor = set(), 0
        text = glue.join(sentences)
        for s in split(text, lang)[:-1]:
            cursor = text.index(s, cursor) + len(s)
            found.add(cursor)
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp + fn


def main() -> None:
    other = pysbd_splitter()
    versions = {lang: read_version(ROOT / "sources" / "udhr" / f"udhr_{code}.xml", lang) for lang, code in UDHR.items()}
    versions["zh seed"] = read_version(ROOT / "sources" / "A_68_563" / "zh.txt", "zh")
    total_n, total_t = 0, 0.0
    print(f"{'':8} {'units':>5} {'ours':>6} {'sent/s':>9}   {'pysbd':>6} {'sent/s':>8} {'units differ':>12}")
    for label, version in versions.items():
        units = [u for u in version.units if u.kind != "table"]
        n, speed = rate(ours, units)
        if label in UDHR:
            total_n, total_t = total_n + n, total_t + n / speed
        line = f"{label:8} {len(units):5} {n:6} {speed:9.0f}"
        if other is not None:
            m, other_speed = rate(other, units)
            differ = sum(ours(u.text, u.lang) != other(u.text, u.lang) for u in units)
            line += f"   {m:6} {other_speed:8.0f} {differ:12}"
        print(line)
    print(f"UDHR, six languages: {total_n} sentences, {total_n / total_t:.0f} sentences/s")
    if GOLD.exists():
        for lang in ("en", "zh"):
            for name, split in (("ours", ours), ("pysbd", other)):
                if split is not None:
                    p, r, n = bible_scores(split, lang)
                    print(f"Bible {lang}, sentence ends inside verses ({n} gold), {name}: P {p:.3f} R {r:.3f}")
    if other is None:
        print("pysbd is not installed: no comparison")
        return
    wrong = [c for c in cases() if other(c.text, c.lang) != c.sentences]
    claimed = [c for c in cases() if c.beats in ("pysbd", "both")]
    print(f"UN-rule cases pysbd gets wrong: {len(wrong)} of {len(cases())} (marked: {len(claimed)})")
    for c in wrong:
        print(f"  {c.lang}: {c.text!r} → {other(c.text, c.lang)}")


if __name__ == "__main__":
    main()
