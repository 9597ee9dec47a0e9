"""The review workbench's web application: one page, its own assets and a small JSON API.

Safety (issue 14, point 7) lives here, in front of every route:

* every request carries the access token — ``?token=`` or the HttpOnly, SameSite=Strict cookie the
  page sets from it — else 401 (none given) or 403 (a wrong one);
* the Host header must name the address the server listens on (a DNS-rebinding page cannot reach
  it under its own name), and a POST must be JSON from this origin;
* request bodies are read up to ``MAX_BODY`` bytes (413 beyond);
* no path parameters: the static files are a fixed list read at start-up, and the only files
  written are the :class:`Session`'s.

Requests that touch the session are serialised with ``session.lock`` (the edit, its save and the
TEI re-validation are one step) and run in a worker thread so the event loop stays free.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any, Protocol
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import HlmpubError
from .page import render_page

#: Largest request body accepted (bytes); an edit is a few hundred.
MAX_BODY = 64 * 1024
COOKIE = "hlmpub_token"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
#: The page's own assets: URL name → media type.  Nothing else under /static is served.
STATIC_FILES = {
    "workbench.js": "text/javascript; charset=utf-8",
    "workbench.css": "text/css; charset=utf-8",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the first URL holds the token
    "Cache-Control": "no-store",
}


class SessionLike(Protocol):
    """What the app needs of :class:`hlmpub.workbench.session.Session`."""

    version: int
    lock: Any

    def rows(self) -> dict[str, Any]: ...
    def edit(self, op: dict[str, Any]) -> dict[str, Any]: ...
    def undo(self, version: int) -> dict[str, Any]: ...
    def redo(self, version: int) -> dict[str, Any]: ...


class ApiError(Exception):
    """An HTTP error answered as ``{"error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def new_token() -> str:
    """A fresh access token (URL-safe, 256 bits)."""
    return secrets.token_urlsafe(32)


def error_response(status: int, message: str, **extra: Any) -> JSONResponse:
    """``{"error": message, ...}`` with the status."""
    return JSONResponse({"error": message, **extra}, status_code=status, headers=SECURITY_HEADERS)


def _session_errors() -> tuple[type[Exception], type[Exception]]:
    """StaleVersion and EditRefused, imported late so tests can run the app on a stand-in session."""
    from .session import EditRefused, StaleVersion

    return StaleVersion, EditRefused


def create_app(
    session: SessionLike,
    token: str,
    *,
    host: str = "127.0.0.1",
    extra_hosts: tuple[str, ...] = (),
    low_confidence: float = 0.5,
) -> Starlette:
    """The workbench for ``session``; ``host`` is the address served (it and the loopback names are the
    Host headers accepted, plus ``extra_hosts``); rows below ``low_confidence`` are marked low."""
    allowed_hosts = LOOPBACK_NAMES | {host.strip("[]").lower()} | {h.lower() for h in extra_hosts}
    # On every interface (0.0.0.0, ::) the machine's addresses are not known here: accept any IP literal.
    # A DNS-rebinding page always arrives under a host *name*, so that stays refused.
    any_address = host.strip("[]") in ("0.0.0.0", "::")

    def host_allowed(name: str) -> bool:
        if name in allowed_hosts:
            return True
        if not any_address:
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    static = {name: resources.files(__package__).joinpath("static", name).read_bytes() for name in STATIC_FILES}

    def token_state(request: Request) -> str:
        """'ok', 'missing' or 'wrong' for the token of a request (query parameter first, then cookie)."""
        given = request.query_params.get("token") or request.cookies.get(COOKIE)
        if not given:
            return "missing"
        return "ok" if secrets.compare_digest(given.encode(), token.encode()) else "wrong"

    def hostname_of(authority: str) -> str:
        try:
            return (urlsplit(f"//{authority}").hostname or "").lower()
        except ValueError:  # an unclosed IPv6 bracket
            return ""

    def check_request(request: Request) -> None:
        if not host_allowed(hostname_of(request.headers.get("host", ""))):
            raise ApiError(403, f"Host {request.headers.get('host', '')!r} is not this server's address")
        state = token_state(request)
        if state == "missing":
            raise ApiError(401, "missing access token: open the URL the server printed (it ends in ?token=…)")
        if state == "wrong":
            raise ApiError(403, "wrong access token")
        if request.method == "POST":
            origin = request.headers.get("origin")
            if origin and not host_allowed(hostname_of(origin.partition("://")[2])):
                raise ApiError(403, f"requests from {origin} are not accepted")
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media != "application/json":
                raise ApiError(415, "the body must be JSON (Content-Type: application/json)")

    def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                check_request(request)
                return await handler(request)
            except ApiError as exc:
                return error_response(exc.status, exc.message)

        return endpoint

    async def read_json(request: Request) -> dict[str, Any]:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY:
            raise ApiError(413, f"request body larger than {MAX_BODY} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                raise ApiError(413, f"request body larger than {MAX_BODY} bytes")
        try:
            data = json.loads(bytes(body).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ApiError(400, f"the body is not JSON: {exc}") from exc
        except RecursionError as exc:
            raise ApiError(400, "the body is not JSON this server reads: nested too deeply") from exc
        if not isinstance(data, dict):
            raise ApiError(400, "the body must be a JSON object")
        return data

    def locked(call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        with session.lock:
            return call()

    async def answer(call: Callable[[], dict[str, Any]]) -> Response:
        """Run a session call under its lock; its errors become 409 / 422 with the message."""
        stale, refused = _session_errors()
        try:
            result = await run_in_threadpool(locked, call)
        except stale as exc:
            return error_response(409, str(exc), version=session.version)
        except refused as exc:
            return error_response(422, str(exc), version=session.version)
        except HlmpubError as exc:  # the TEI or the decisions file could not be written or read back
            return error_response(500, exc.one_line(), version=session.version)
        return JSONResponse(result, headers=SECURITY_HEADERS)

    def version_of(body: dict[str, Any]) -> int:
        version = body.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ApiError(422, "'version' must be the integer version the change was made on")
        return version

    async def page(request: Request) -> Response:
        if "token" in request.query_params:  # keep the token out of the address bar and the history
            response: Response = RedirectResponse("/", status_code=303, headers=SECURITY_HEADERS)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
            return response
        data = await run_in_threadpool(locked, session.rows)
        return Response(
            render_page(data, low_confidence=low_confidence),
            media_type="text/html; charset=utf-8",
            headers=SECURITY_HEADERS,
        )

    async def rows(request: Request) -> Response:
        return await answer(session.rows)

    async def edit(request: Request) -> Response:
        body = await read_json(request)
        return await answer(lambda: session.edit(body))

    async def undo(request: Request) -> Response:
        version = version_of(await read_json(request))
        return await answer(lambda: session.undo(version))

    async def redo(request: Request) -> Response:
        version = version_of(await read_json(request))
        return await answer(lambda: session.redo(version))

    def asset(name: str) -> Callable[[Request], Awaitable[Response]]:
        async def serve(request: Request) -> Response:
            return Response(static[name], media_type=STATIC_FILES[name], headers=SECURITY_HEADERS)

        return serve

    routes = [
        Route("/", guarded(page), methods=["GET"]),
        Route("/api/rows", guarded(rows), methods=["GET"]),
        Route("/api/edit", guarded(edit), methods=["POST"]),
        Route("/api/undo", guarded(undo), methods=["POST"]),
        Route("/api/redo", guarded(redo), methods=["POST"]),
        *(Route(f"/static/{name}", guarded(asset(name)), methods=["GET"]) for name in STATIC_FILES),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        return error_response(status, "no such page" if status == 404 else str(getattr(exc, "detail", exc)))

    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})
