"""HTTP for ``hlmpub fetch``: one polite httpx client, bounded retries, conditional requests.

This module (with the rest of :mod:`hlmpub.fetch`) is the only place in hlmpub
that opens a network connection.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import httpx

from .. import __version__
from ..errors import ConfigError, FetchError

log = logging.getLogger(__name__)

#: The UN's public document links: ``<base>/<code>/<symbol>`` redirects to the file.
DEFAULT_BASE_URL = "https://undocs.org"
#: Environment variable overriding ``[tool.hlmpub.fetch] base_url``.
ENV_BASE_URL = "HLMPUB_FETCH_BASE_URL"
#: Language → code in the link path.  The UN writes Chinese as ``ch`` in these
#: links (the seed document prints ``http://undocs.org/ch/A/RES/67/39``).
PATH_CODES: dict[str, str] = {"ar": "ar", "en": "en", "es": "es", "fr": "fr", "ru": "ru", "zh": "ch"}
#: Answers worth asking again after a pause.
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})

#: ``progress(bytes_so_far, bytes_expected_or_None)``
ProgressHook = Callable[[int, int | None], None]


@dataclass(frozen=True)
class FetchOptions:
    """Network behaviour of a fetch; the defaults are polite to a public server."""

    timeout: float = 30.0  # seconds, per connect/read
    attempts: int = 4  # tries per file, the first one included
    backoff: float = 1.0  # pause before the second try; doubled each time
    max_backoff: float = 30.0
    max_bytes: int = 200 * 1024 * 1024  # a larger answer is refused


@dataclass(frozen=True)
class Answer:
    """One completed HTTP exchange (after redirects)."""

    status: int
    url: str  # the final URL
    content_type: str
    body: bytes
    etag: str = ""
    last_modified: str = ""


def user_agent() -> str:
    """A polite User-Agent naming the tool, its version and its purpose."""
    return f"hlmpub/{__version__} (aligns UN document language versions; python-httpx/{httpx.__version__})"


def resolve_base_url(explicit: str | None = None, configured: str | None = None) -> str:
    """Option, then $HLMPUB_FETCH_BASE_URL, then ``[tool.hlmpub.fetch] base_url``, then undocs.org."""
    base = explicit or os.environ.get(ENV_BASE_URL) or configured or DEFAULT_BASE_URL
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"fetch base URL {base!r} must start with http:// or https:// and name a host")
    return base.rstrip("/")


def document_url(base_url: str, symbol: str, lang: str) -> str:
    """``<base>/<code>/<symbol>``, the symbol's slashes kept and anything else quoted."""
    return f"{base_url.rstrip('/')}/{PATH_CODES[lang]}/{quote(symbol.strip(), safe='/')}"


def make_client(options: FetchOptions, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An httpx client that follows redirects, times out and introduces itself."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=10,
        timeout=httpx.Timeout(options.timeout),
        headers={"User-Agent": user_agent()},
        transport=transport,
    )


def _get_once(
    client: httpx.Client, url: str, headers: dict[str, str], options: FetchOptions, progress: ProgressHook | None
) -> Answer:
    with client.stream("GET", url, headers=headers) as resp:
        chunks: list[bytes] = []
        if resp.status_code == 200:
            length = resp.headers.get("content-length", "")
            expected = int(length) if length.isdigit() else None
            size = 0
            for chunk in resp.iter_bytes():  # decoded bytes: the cap holds for compressed answers too
                chunks.append(chunk)
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(f"answer is over {options.max_bytes} bytes; refused", url)
                if progress is not None:
                    progress(resp.num_bytes_downloaded, expected)
        return Answer(
            status=resp.status_code,
            url=str(resp.url),
            content_type=resp.headers.get("content-type", ""),
            body=b"".join(chunks),
            etag=resp.headers.get("etag", ""),
            last_modified=resp.headers.get("last-modified", ""),
        )


class HostNotFound(FetchError):
    """The host name does not resolve: the same for every language, so nothing is retried."""


def _unresolved(exc: BaseException) -> bool:
    """Whether a name-resolution failure (``socket.gaierror``) is behind ``exc``."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _problem(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broke off (incomplete or malformed answer: {exc})"
    return f"{type(exc).__name__}: {exc}"


def get(
    client: httpx.Client,
    url: str,
    options: FetchOptions,
    headers: dict[str, str] | None = None,
    progress: ProgressHook | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Answer:
    """GET ``url``; on a timeout, a broken connection or a 5xx, wait and retry (bounded).

    A host name that does not resolve is :class:`HostNotFound` at once.
    """
    attempts = max(1, options.attempts)
    for attempt in range(1, attempts + 1):
        try:
            answer = _get_once(client, url, headers or {}, options, progress)
        except (httpx.TooManyRedirects, httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise FetchError(f"cannot follow the link: {exc}", url) from None
        except httpx.ConnectError as exc:
            if _unresolved(exc):  # a wrong address or no network: waiting does not make the name resolve
                host = urlsplit(url).hostname or url
                raise HostNotFound(
                    f"cannot find the host {host} (name resolution failed): check the address "
                    f"(--base-url, ${ENV_BASE_URL}, [tool.hlmpub.fetch] base_url) and the network",
                    url,
                ) from None
            problem = _problem(exc)
        except httpx.HTTPError as exc:
            problem = _problem(exc)
        else:
            if answer.status not in RETRY_STATUS:
                return answer
            problem = f"server answered HTTP {answer.status}"
        if attempt == attempts:
            raise FetchError(f"{problem} ({attempt} attempts)", url)
        delay = min(options.backoff * 2 ** (attempt - 1), options.max_backoff)
        log.warning("%s: %s; retrying in %.1f s (attempt %d of %d)", url, problem, delay, attempt + 1, attempts)
        sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover
