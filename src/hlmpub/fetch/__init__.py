"""Fetch the official language versions of a document by symbol.

``fetch_document("A/68/563", ("en", "zh"), "pdf", Path("sources"))`` asks
``<base>/<lang code>/A/68/563`` for each language (redirects followed), checks
that the answer really is a complete PDF/DOCX, writes ``sources/A_68_563/en.pdf``
atomically and records it (file and sha256) under ``[versions]`` in
``document.toml``.  A language that fails is reported and the others still
arrive.  This package is the only code in hlmpub that touches the network.
See docs/design/fetch-batch.md.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from ..errors import ConfigError, FetchError
from ..model import LANG_NAMES, UN_LANGS
from ..safeio import sha256_bytes, sha256_file, slug, write_bytes
from .check import FORMATS, check_content_type, check_payload
from .client import FetchOptions, HostNotFound, ProgressHook, document_url, get, make_client, resolve_base_url
from .progress import FetchProgress, NoProgress
from .state import Fetched, conditional_headers, load_state, save_state
from .toml_update import check_symbol, record_version

__all__ = ["FetchOptions", "FetchReport", "fetch_document"]

log = logging.getLogger(__name__)


@dataclass
class FetchReport:
    """Which languages arrived and which failed, with why."""

    folder: Path
    fetched: dict[str, Path] = field(default_factory=dict)  # present and recorded (new or unchanged)
    failed: dict[str, str] = field(default_factory=dict)  # one line each
    unchanged: list[str] = field(default_factory=list)  # fetched languages that were already up to date


def _download(
    client: httpx.Client,
    url: str,
    target: Path,
    fmt: str,
    prior: Fetched | None,
    options: FetchOptions,
    hook: ProgressHook | None,
) -> tuple[Fetched, bool]:
    """Fetch one file into ``target``; returns its record and whether the file changed."""
    headers = conditional_headers(target.parent, prior)
    answer = get(client, url, options, headers=headers, progress=hook)
    if answer.status == 304 and headers and prior is not None:
        return prior, False
    if answer.status in (404, 410):
        raise FetchError(f"not found upstream (HTTP {answer.status}): no such document in this language", url)
    if answer.status != 200:
        raise FetchError(f"server answered HTTP {answer.status}", url)
    check_content_type(answer.content_type, fmt, answer.url)
    check_payload(answer.body, fmt, answer.url)
    digest = sha256_bytes(answer.body)
    changed = not (target.is_file() and sha256_file(target) == digest)
    if changed:
        write_bytes(target, answer.body)
    record = Fetched(target.name, url, answer.url, digest, answer.etag, answer.last_modified)
    return record, changed


def _check_request(symbol: str, langs: Sequence[str], fmt: str) -> tuple[str, ...]:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown fetch format {fmt!r}; expected one of {', '.join(FORMATS)}")
    unknown = [lang for lang in langs if lang not in UN_LANGS]
    if unknown:
        raise ConfigError(f"unknown language(s) {', '.join(unknown)}; expected {', '.join(UN_LANGS)}")
    slug(symbol)  # refuses a symbol that gives no usable folder name
    return tuple(dict.fromkeys(langs)) or UN_LANGS


@dataclass
class _Job:
    """One fetch: what is asked, where it goes, and what is known from last time."""

    symbol: str
    fmt: str
    base: str
    folder: Path
    options: FetchOptions
    state: dict[str, Fetched]

    def run(self, client: httpx.Client, lang: str, hook: ProgressHook | None) -> tuple[Path, bool]:
        """Fetch one language and record it; raises FetchError or OSError for this language only."""
        url = document_url(self.base, self.symbol, lang)
        target = self.folder / f"{lang}.{self.fmt}"
        record, changed = _download(client, url, target, self.fmt, self.state.get(lang), self.options, hook)
        record_version(self.folder / "document.toml", self.symbol, lang, record.file, record.sha256)
        self.state[lang] = record
        save_state(self.folder, self.state)
        return target, changed


def fetch_document(
    symbol: str,
    langs: Sequence[str],
    fmt: str,
    out_dir: Path,
    base_url: str | None = None,
    *,
    progress: FetchProgress | None = None,
    configured_base_url: str | None = None,
    options: FetchOptions | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchReport:
    """Download each language version of ``symbol`` (all six when ``langs`` is empty).

    A language that fails is in the report; a host that does not resolve stops the whole fetch
    (:class:`~hlmpub.fetch.client.HostNotFound`), since every language would fail the same way.
    """
    wanted = _check_request(symbol, langs, fmt)
    folder = Path(out_dir) / slug(symbol)
    check_symbol(folder / "document.toml", symbol)
    job = _Job(symbol, fmt, resolve_base_url(base_url, configured_base_url), folder, options or FetchOptions(), {})
    job.state = load_state(folder)
    report = FetchReport(folder=folder)
    progress = progress or NoProgress()
    with make_client(job.options, transport) as client:
        for lang in wanted:
            try:
                target, changed = job.run(client, lang, progress.hook(lang))
            except HostNotFound:
                raise  # every language asks the same host: stop now (what arrived is recorded already)
            except FetchError as exc:
                report.failed[lang] = exc.one_line()
            except OSError as exc:
                report.failed[lang] = f"{folder / f'{lang}.{fmt}'}: cannot write: {exc.strerror or exc}"
            else:
                report.fetched[lang] = target
                if not changed:
                    report.unchanged.append(lang)
            status = "failed" if lang in report.failed else ("unchanged" if lang in report.unchanged else "fetched")
            progress.finish(lang, status)
            log.info("%s (%s): %s %s", lang, LANG_NAMES[lang], status, report.failed.get(lang, ""))
    return report
