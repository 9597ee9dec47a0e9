"""A scripted HTTP server on 127.0.0.1, started by the tests: the only server fetch tests talk to.

Each route is a list of replies given in turn (the last one repeats), so a test
can say "first a 503, then the file".  Every request is recorded.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    """One scripted answer."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/pdf"
    location: str = ""  # for redirects
    etag: str = ""  # answered with 304 when the request's If-None-Match matches
    declared_length: int | None = None  # a Content-Length larger than the body: the connection breaks off
    delay: float = 0.0  # seconds before answering (for timeouts)


@dataclass
class Server:
    """Routes, the requests seen, and the base URL."""

    base_url: str = ""
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def reply(self, **fields: object) -> Reply:
        """A :class:`Reply` (so tests need not import this conftest)."""
        return Reply(**fields)  # type: ignore[arg-type]

    def route(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def next_reply(self, path: str) -> Reply | None:
        replies = self.routes.get(path)
        if not replies:
            return None
        n = self.calls.get(path, 0)
        self.calls[path] = n + 1
        return replies[min(n, len(replies) - 1)]


class Handler(BaseHTTPRequestHandler):
    server_state: Server

    def log_message(self, format: str, *args: object) -> None:  # silence the default stderr log
        pass

    def do_GET(self) -> None:
        state = self.server.state  # type: ignore[attr-defined]
        state.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        reply = state.next_reply(self.path) or Reply(status=404, body=b"not found", content_type="text/plain")
        if reply.delay:
            time.sleep(reply.delay)
        if reply.etag and self.headers.get("If-None-Match") == reply.etag:
            self.send_response(304)
            self.send_header("ETag", reply.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(reply.status)
        if reply.location:
            self.send_header("Location", reply.location)
        if reply.etag:
            self.send_header("ETag", reply.etag)
        self.send_header("Content-Type", reply.content_type)
        length = reply.declared_length if reply.declared_length is not None else len(reply.body)
        self.send_header("Content-Length", str(length))
        if reply.declared_length is not None:
            self.close_connection = True
        self.end_headers()
        try:
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def server():
    """A fresh scripted server on 127.0.0.1 (an ephemeral port), shut down after the test."""
    state = Server()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.state = state  # type: ignore[attr-defined]
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Loopback only: never route a test request through a proxy from the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("HLMPUB_FETCH_BASE_URL", raising=False)
