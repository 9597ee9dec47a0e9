"""SYNTHETIC test editions: made-up snippets, not UN text and not translations.

They exercise every unit kind, an RTL version, 1:2 and 1:0 beads, a row with a
single unit and keys that need sanitising.  See tests/fixtures/tei/README.md.
"""

from __future__ import annotations

from hlmpub.model import DocumentMeta, Edition, Link, Source, Unit, Version

# (kind, key, marker, suffix of the id, text) per language; SYNTHETIC text.
_ZH = [
    ("meta", "meta:symbol", "", "m1", "X/0/000"),
    ("meta", "meta:title", "", "m2", "合成测试文件"),
    ("chapter", "ch:1", "一.", "h1", "导言"),
    ("para", "p:1", "1.", "p1", "合成段落一。"),
    ("para", "p:2", "2.", "p2", "合成段落二:"),
    ("subpara", "p:2.a", "(a)", "p2.a", "第一项;"),
    ("subpara", "p:2.b", "(b)", "p2.b", "第二项。"),
    ("section", "sec:1.A", "A.", "h2", "合成小节"),
    ("para", "p:3", "3.", "p3", '合成段落三 <&> "引号"。'),
    ("note", "", "*", "n1", "合成脚注。"),
    ("other", "", "", "u1", "无编号的合成文字。"),
]
_AR = [
    ("meta", "meta:symbol", "", "m1", "X/0/000"),
    ("meta", "meta:title", "", "m2", "وثيقة اختبار اصطناعية"),
    ("chapter", "ch:1", "أولا -", "h1", "مقدمة"),
    ("para", "p:1", "1 -", "p1", "فقرة اصطناعية أولى."),
    ("para", "p:2", "2 -", "p2", "فقرة اصطناعية ثانية:"),
    ("subpara", "p:2.a", "(أ)", "p2.a", "البند الأول؛"),
    ("subpara", "p:2.b", "(ب)", "p2.b", "البند الثاني."),
    ("section", "sec:1.A", "ألف -", "h2", "قسم اصطناعي"),
    ("para", "p:3", "3 -", "p3", "فقرة اصطناعية ثالثة."),
    ("other", "", "", "u1", "نص اصطناعي بلا رقم."),
]
_EN = [
    ("meta", "meta:symbol", "", "m1", "X/0/000"),
    ("meta", "meta:title", "", "m2", "Synthetic test document"),
    ("chapter", "ch:1", "I.", "h1", "Introduction"),
    ("para", "p:1", "1.", "p1", "Synthetic paragraph one,"),
    ("other", "", "", "u1", "continued in a second synthetic block."),
    ("para", "p:2", "2.", "p2", "Synthetic paragraph two:"),
    ("subpara", "p:2.a", "(a)", "p2.a", "first item;"),
    ("subpara", "p:2.b", "(b)", "p2.b", "second item."),
    ("section", "sec:1.A", "A.", "h2", "Synthetic section"),
    ("para", "p:3", "3.", "p3", 'Synthetic paragraph three <&> "quoted".'),
    ("note", "", "*", "n1", "Synthetic footnote."),
]


def _version(lang: str, rows: list[tuple[str, str, str, str, str]], fmt: str) -> Version:
    units = tuple(Unit(f"{lang}-{sfx}", lang, kind, key, marker, text) for kind, key, marker, sfx, text in rows)
    meta = {"symbol": "X/0/000", "job": f"00-00000 ({lang.upper()})"}
    return Version(lang, units, Source(f"{lang}.txt", fmt, "0" * 63 + str(len(units) % 10)), meta)


def _row(key: str, method: str, score: float, **ids: list[str]) -> Link:
    return Link({lang: tuple(f"{lang}-{s}" for s in sfx) for lang, sfx in ids.items()}, method, score, key)


def synthetic_edition() -> Edition:
    """Three SYNTHETIC versions (zh, ar, en), eleven rows."""
    meta = DocumentMeta(
        symbol="X/0/000",
        slug="X_0_000",
        session="0",
        agenda_item="0 (z)",
        date="2000-01-01",
        original_lang="en",
        titles={"zh": "合成测试文件", "en": "Synthetic test document"},
    )
    versions = (_version("zh", _ZH, "txt"), _version("ar", _AR, "pdf"), _version("en", _EN, "docx"))
    links = (
        _row("meta:symbol", "structural", 1.0, zh=["m1"], ar=["m1"], en=["m1"]),
        _row("meta:title", "structural", 1.0, zh=["m2"], ar=["m2"], en=["m2"]),
        _row("ch:1", "structural", 1.0, zh=["h1"], ar=["h1"], en=["h1"]),
        _row("p:1", "semantic", 0.8125, zh=["p1"], ar=["p1"], en=["p1", "u1"]),
        _row("p:2", "structural", 0.9731, zh=["p2"], ar=["p2"], en=["p2"]),
        _row("p:2.a", "structural", 0.95, zh=["p2.a"], ar=["p2.a"], en=["p2.a"]),
        _row("p:2.b", "structural", 0.95, zh=["p2.b"], ar=["p2.b"], en=["p2.b"]),
        _row("sec:1.A", "structural", 1.0, zh=["h2"], ar=["h2"], en=["h2"]),
        _row("p:3", "manual", 1.0, zh=["p3"], ar=["p3"], en=["p3"]),
        _row("", "semantic", 0.41, zh=["n1"], ar=[], en=["n1"]),
        _row("", "semantic", 0.1, zh=["u1"], ar=["u1"], en=[]),
    )
    return Edition(meta, versions, links)


def one_language_edition() -> Edition:
    """A SYNTHETIC single-language edition: every row has one unit (encoded as ptr)."""
    version = _version("zh", _ZH, "txt")
    links = tuple(Link({"zh": (u.id,)}, "structural", 1.0, u.key) for u in version.units)
    return Edition(DocumentMeta(symbol="X/0/001", slug="X_0_001"), (version,), links)
