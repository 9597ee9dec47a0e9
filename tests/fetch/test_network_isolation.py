"""Only hlmpub.fetch may open network connections: no other module imports a network library.

The one exception listens, never connects: the review workbench binds its (loopback by default) socket."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "hlmpub"
NETWORK_MODULES = {"httpx", "requests", "urllib.request", "urllib3", "http.client", "socket", "aiohttp", "ftplib"}
#: module → the network modules it may import, and why
LISTENERS = {"workbench/server.py": {"socket"}}  # binds the server's socket to print its port before serving


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_module_outside_fetch_imports_a_network_library():
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        if path.is_relative_to(SRC / "fetch"):
            continue
        found = {name for name in imported_modules(path) if name in NETWORK_MODULES}
        found -= LISTENERS.get(path.relative_to(SRC).as_posix(), set())
        if found:
            offenders[str(path.relative_to(SRC))] = sorted(found)
    assert offenders == {}


def test_fetch_does_use_httpx():  # the scan above would be empty-handed if the names were wrong
    assert "httpx" in imported_modules(SRC / "fetch" / "client.py")
