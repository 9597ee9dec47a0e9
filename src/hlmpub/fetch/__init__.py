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
from typing import Any

import httpx

from ..errors import ConfigError, FetchError
from ..model import LANG_NAMES, UN_LANGS
from ..safeio import sha256_bytes, sha256_file, slug, write_bytes
from .check import FORMATS, check_content_type, check_payload
from .client import FetchOptions, ProgressHook, document_url, get, make_client, resolve_base_url
from .progress import bars
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


def fetch_document(
    symbol: str,
    langs: Sequence[str],
    fmt: str,
    out_dir: Path,
    base_url: str | None = None,
    console: Any = None,
    *,
    configured_base_url: str | None = None,
    options: FetchOptions | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchReport:
    """Download each language version of ``symbol`` (all six when ``langs`` is empty)."""
    wanted = _check_request(symbol, langs, fmt)
    base = resolve_base_url(base_url, configured_base_url)
    options = options or FetchOptions()
    folder = Path(out_dir) / slug(symbol)
    toml_path = folder / "document.toml"
    check_symbol(toml_path, symbol)
    report = FetchReport(folder=folder)
    state = load_state(folder)
    with make_client(options, transport) as client, bars(console) as progress:
        for lang in wanted:
            url = document_url(base, symbol, lang)
            target = folder / f"{lang}.{fmt}"
            try:
                record, changed = _download(client, url, target, fmt, state.get(lang), options, progress.hook(lang))
                record_version(toml_path, symbol, lang, record.file, record.sha256)
                state[lang] = record
                save_state(folder, state)
            except FetchError as exc:
                report.failed[lang] = exc.one_line()
                progress.finish(lang, "failed")
                log.info("%s (%s): %s", lang, LANG_NAMES[lang], exc.one_line())
                continue
            except OSError as exc:
                report.failed[lang] = f"{target}: cannot write: {exc.strerror or exc}"
                progress.finish(lang, "failed")
                continue
            report.fetched[lang] = target
            if not changed:
                report.unchanged.append(lang)
            progress.finish(lang, "fetched" if changed else "unchanged")
    return report
