"""Run the workbench on uvicorn: on a socket bound first (port 0 → a free port, known before the URL is
printed), in the foreground until Ctrl-C (``hlmpub review serve``) or in a thread (tests, benchmark)."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette

from ..errors import OutputError


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: a free one)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        raise OutputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


def page_url(host: str, sock: socket.socket, token: str) -> str:
    """``http://HOST:PORT/?token=TOKEN`` for the bound socket."""
    name = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{name}:{sock.getsockname()[1]}/?token={token}"


def make_server(app: Starlette) -> uvicorn.Server:
    """A quiet uvicorn server (warnings only, no access log)."""
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    return uvicorn.Server(config)


def serve_forever(app: Starlette, sock: socket.socket) -> None:
    """Serve until Ctrl-C or SIGTERM: uvicorn finishes the requests under way, then re-raises the signal,
    which ends here."""
    try:
        make_server(app).run(sockets=[sock])
    except KeyboardInterrupt:
        pass


@dataclass
class Running:
    """A server started by :func:`start_in_thread`."""

    server: uvicorn.Server
    thread: threading.Thread
    port: int

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_in_thread(app: Starlette, host: str = "127.0.0.1", port: int = 0) -> Running:
    """Serve ``app`` in a daemon thread; returns once the server accepts requests."""
    sock = bind(host, port)
    server = make_server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="workbench")
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    if not server.started:
        raise OutputError(f"the workbench server did not start on {host}:{sock.getsockname()[1]}")
    return Running(server, thread, sock.getsockname()[1])
