"""UN page furniture: lines a PDF prints on every page that are not part of the text.

:func:`strip_furniture` drops them and keeps what they say about the document
(symbol, distribution, date, original language, job number) in a metadata
dict.  Blank lines next to a dropped line or a page break are dropped too, so
a paragraph that runs across a page break joins up again.

The list (see docs/design/ingest.md): symbol headers (``A/68/563``), page
numbers (``2/9``), job numbers (``13-53431 (C)``, ``13-53431X (A)``, with their
date stamps), barcodes (``*1353431*``), ``Distr.: General`` and the date and
version-language lines after it, ``Original: English`` in the six languages,
"Please recycle" and ``♲``, ``United Nations``, ``General Assembly`` (and the
other principal organs) in the six languages, hyperlink lines
(``http://undocs.org/...``) and form feeds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .facts import distribution, iso_date, language_code

SYMBOL = r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)*/[A-Za-z0-9.\-]*[0-9][A-Za-z0-9.\-]*\*?"  # A/68/563* = reissued
PAGE = r"(?P<page>\d{1,3})\s?/\s?(?P<of>\d{1,3})"
JOB = r"\d{2}-\d{5}[A-Z]?(?:\s?\([A-Z]\))?"
BARCODE = r"\*\d{6,}[A-Z]?\*"

SYMBOL_LINE = re.compile(rf"^(?:{SYMBOL})$")
PAGE_LINE = re.compile(rf"^{PAGE}$")
JOB_LINE = re.compile(rf"^(?P<job>{JOB})(?:\s+\d{{6}}){{0,2}}$")
JOB_TOKEN = re.compile(rf"^{JOB}$")
BARCODE_LINE = re.compile(rf"^{BARCODE}$")
TOKEN = re.compile(rf"{JOB}|{BARCODE}|{SYMBOL}|\d{{1,3}}/\d{{1,3}}|\d{{6}}")
URL_LINE = re.compile(r"^(?:(?:https?://|www\.)\S+\s*)+$", re.IGNORECASE)

DISTR_LINE = re.compile(
    r"^Distr\.?\s*:?\s*(?P<v>General|Limited|Restricted|générale|limitée|restreinte|general|limitada|reservada)\.?"
    r"(?:\s+(?P<date>\d.*))?$",
    re.IGNORECASE,
)
ORIGINAL_LINE = re.compile(r"^(?:Original|Подлинный текст|الأصل|原文)\s*[:：]\s*(?P<v>\S.*)$", re.IGNORECASE)
RECYCLE = re.compile(
    r"♲|^(?:Please recycle|Merci de recycler|Prière de recycler|Sírvase reciclar|Se ruega reciclar|"
    r"Просьба отправить на вторичную переработку|يرجى إعادة الاستعمال|请回收)\W*$",
    re.IGNORECASE,
)
ORGANS = frozenset(
    {
        "united nations", "nations unies", "naciones unidas", "организация объединенных наций",
        "организация объединённых наций", "الأمم المتحدة", "联合国",
        "general assembly", "assemblée générale", "asamblea general", "генеральная ассамблея",
        "الجمعية العامة", "大会", "security council", "conseil de sécurité", "consejo de seguridad",
        "совет безопасности", "مجلس الأمن", "安全理事会", "economic and social council",
        "conseil économique et social", "consejo económico y social", "экономический и социальный совет",
        "المجلس الاقتصادي والاجتماعي", "经济及社会理事会",
    }
)  # fmt: skip
DATE_LINE = re.compile(r"^(?=.*\b(?:19|20)\d\d\b)[\w\s./,،-]{6,40}$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")

ORGANS_LONGEST_FIRST = sorted(ORGANS, key=len, reverse=True)

#: Lines after ``Distr.`` that may still be masthead (date, version language).
MASTHEAD_SPAN = 3

#: A page break, as a line of its own.
FORM_FEED = "\f"


@dataclass
class Cleaned:
    """Content lines (``""`` for a blank line) and the metadata the furniture carried.

    ``page_ends``: indexes into ``lines`` where a page ended (a form feed or a
    header/footer line was dropped there); footnotes are looked for just before.
    """

    lines: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    page_ends: list[int] = field(default_factory=list)

    def end_page(self) -> None:
        """Mark a page end after the content so far (once per place)."""
        at = len(self.lines)
        if at and (not self.page_ends or self.page_ends[-1] != at):
            self.page_ends.append(at)


def _is_page_number(line: str) -> bool:
    m = PAGE_LINE.match(line)
    return m is not None and 0 < int(m.group("page")) <= int(m.group("of"))


def _is_token_line(line: str) -> bool:
    """A header or footer made only of symbols, page numbers, job numbers, barcodes, stamps."""
    rest = TOKEN.sub(" ", line)
    if rest.strip():
        return False
    pages = re.findall(r"(?<![\w/])(\d{1,3})/(\d{1,3})(?![\w/])", line)
    if any(not 0 < int(a) <= int(b) for a, b in pages):
        return False
    return not re.fullmatch(r"[\d\s]+", line)


def is_page_furniture(line: str) -> bool:
    """A running header or footer line (symbol, page number, job number, barcode, recycling), not masthead."""
    if SYMBOL_LINE.match(line) or JOB_LINE.match(line) or BARCODE_LINE.match(line) or RECYCLE.search(line):
        return True
    return _is_page_number(line) or _is_token_line(line)


def classify(line: str, meta: dict[str, str]) -> bool:
    """True when ``line`` (stripped) is furniture; record what it tells in ``meta``."""
    if SYMBOL_LINE.match(line):
        meta.setdefault("symbol", line)
        return True
    job = JOB_LINE.match(line)
    if job:
        record_job(job.group("job"), meta)
        return True
    if _is_page_number(line) or BARCODE_LINE.match(line) or URL_LINE.match(line) or RECYCLE.search(line):
        return True
    distr = DISTR_LINE.match(line)
    if distr:
        meta.setdefault("distribution", distribution(distr.group("v")))
        if distr.group("date"):
            meta.setdefault("date", iso_date(distr.group("date")) or distr.group("date"))
        return True
    original = ORIGINAL_LINE.match(line)
    if original:
        printed = original.group("v").strip()
        meta.setdefault("original", language_code(printed) or printed)
        return True
    if line.casefold() in ORGANS:
        return True
    if _is_token_line(line):
        _record_job(line, meta)
        return True
    return False


def record_job(job: str, meta: dict[str, str]) -> None:
    """Keep the first job number seen, or a later one that adds the version letter (``99-01234`` → ``(C)``)."""
    known = meta.get("job", "")
    if not known or (known == job.split("(")[0].strip() and "(" in job):
        meta["job"] = re.sub(r"\s+\(", " (", job)


def _record_job(line: str, meta: dict[str, str]) -> None:
    """The job number of a one-line footer (``2/8 13-53431 (C)``, ``13-53431 (C) 2/8``), if it has one."""
    for token in TOKEN.finditer(line):
        if JOB_TOKEN.match(token.group(0)):
            record_job(token.group(0), meta)
            return


def _masthead(line: str, meta: dict[str, str]) -> bool:
    """Date or version-language line right after ``Distr.``."""
    if "date" not in meta and DATE_LINE.match(line):
        meta["date"] = iso_date(line) or line
        return True
    code = language_code(line)
    if code:
        meta.setdefault("language", code)
        return True
    return False


def strip_furniture(text: str) -> Cleaned:
    """Drop page furniture and form feeds from ``text``; keep blank lines that separate content."""
    return strip_lines(text.replace(FORM_FEED, f"\n{FORM_FEED}\n").split("\n"))


@dataclass
class FurnitureFilter:
    """Tells furniture lines from text, one content line at a time, and keeps what they say in ``meta``.

    Stateful because the date and version-language lines count as masthead
    only within :data:`MASTHEAD_SPAN` lines after ``Distr.``.
    """

    meta: dict[str, str] = field(default_factory=dict)
    span: int = 0

    def is_furniture(self, line: str) -> bool:
        """True when ``line`` (stripped, not blank) is furniture; its facts go to ``meta``."""
        dropped = classify(line, self.meta) or (self.span > 0 and _masthead(line, self.meta))
        self.span = MASTHEAD_SPAN if dropped and DISTR_LINE.match(line) else max(self.span - 1, 0)
        return dropped

    def is_masthead_row(self, line: str) -> bool:
        """Before any text: a masthead row read as one line, an organ name then furniture (``联合国 A/99/999``)."""
        span = self.span
        if self.is_furniture(line):
            return True
        folded = line.casefold()
        organ = next((o for o in ORGANS_LONGEST_FIRST if folded.startswith(o)), None)
        if organ is None or len(line) == len(organ):
            return False
        self.span = span  # one line, counted once
        return self.is_furniture(line[len(organ) :].strip())


def strip_lines(lines: Iterable[str]) -> Cleaned:
    """Drop page furniture from ``lines``, where a line that is a form feed is a page break."""
    out = Cleaned()
    furniture = FurnitureFilter(out.meta)
    after_drop = True  # at the start, like after a page break: leading blanks go
    for raw in lines:
        line = "\f" if raw.strip(" \t\r\v\u3000") == "\f" else raw.strip()  # str.strip() would eat the \f
        test = furniture.is_furniture if out.lines else furniture.is_masthead_row  # nothing kept yet: masthead
        if line == "\f" or (line and test(line)):
            if line == "\f":
                furniture.span = max(furniture.span - 1, 0)
            while out.lines and not out.lines[-1]:
                out.lines.pop()
            if line == "\f" or is_page_furniture(line):
                out.end_page()
            after_drop = True
            continue
        if not line:
            if not after_drop:
                out.lines.append("")
            continue
        after_drop = False
        out.lines.append(raw.rstrip())
    while out.lines and not out.lines[-1]:
        out.lines.pop()
    return out
