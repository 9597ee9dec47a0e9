"""Import weasyprint without its shared-library search detour (0.15–0.2 s of every PDF render).

weasyprint 70 opens GObject, Pango, HarfBuzz, fontconfig and PangoFT2 by trying a list of
names per library.  The first names are bare (``libgobject-2.0-0``, ``pango-1.0``), and for a
bare name cffi asks ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and
``gcc``/``ld`` in subprocesses: 22 look-ups, 16 subprocesses, 0.15–0.2 s of a 1.7 s render
(measured, see docs/design/render.md).  Every list also holds the library's soname
(``libpango-1.0.so.0``), which cffi hands straight to the dynamic loader.  So while weasyprint
is imported, ``find_library`` answers "not found" for these libraries only, the bare names are
skipped, and the sonames load the very same files.  Should that import fail (a platform
without those sonames), it is retried with the ordinary look-up.

It also defers ``fontTools.subset``: weasyprint imports it at start-up, but uses it only to
subset fonts when HarfBuzz's subsetter is missing (``make`` installs libharfbuzz-subset0).
The module is registered with the standard library's ``importlib.util.LazyLoader`` and runs
on first use, so a render with HarfBuzz never pays its import (its table definitions, about
0.03 s of every fresh process).
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib
import importlib.util
import io
import logging
import sys
from collections.abc import Callable, Iterator
from types import ModuleType

log = logging.getLogger(__name__)

#: Libraries weasyprint opens by name; only their look-ups are short-circuited.
LIBRARIES = ("gobject", "pango", "harfbuzz", "fontconfig")


def _skipping(real: Callable[[str], str | None]) -> Callable[[str], str | None]:
    def find_library(name: str) -> str | None:
        if any(lib in name for lib in LIBRARIES):
            return None
        return real(name)

    return find_library


@contextlib.contextmanager
def _sonames_only() -> Iterator[None]:
    """Short-circuit ``ctypes.util.find_library`` for weasyprint's libraries, for the duration."""
    real = ctypes.util.find_library
    ctypes.util.find_library = _skipping(real)  # type: ignore[assignment]
    try:
        yield
    finally:
        ctypes.util.find_library = real


def _forget() -> None:
    """Drop a half-imported weasyprint so that the next import starts afresh."""
    for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
        del sys.modules[name]


#: Modules weasyprint imports eagerly but needs only on a fallback path; loaded on first use.
DEFERRED = ("fontTools.subset",)


def _defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Register each module (not yet imported) so that it runs on its first attribute access."""
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except ImportError:
            continue
        if spec is None or spec.loader is None:
            continue
        loader = importlib.util.LazyLoader(spec.loader)
        spec.loader = loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        loader.exec_module(module)
        # ``from package import name`` finds it on the package without touching it (any attribute
        # of the lazy module, ``__spec__`` included, would run it).
        parent, _, child = name.rpartition(".")
        setattr(sys.modules[parent], child, module)


def load() -> ModuleType:
    """The ``weasyprint`` module, imported (once per process) by sonames where the platform has them."""
    module = sys.modules.get("weasyprint")
    if module is not None:
        return module
    _defer()
    if sys.platform.startswith("linux"):
        banner = io.StringIO()  # weasyprint prints its installation help before giving up
        try:
            with _sonames_only(), contextlib.redirect_stdout(banner):
                return importlib.import_module("weasyprint")
        except OSError as exc:
            log.debug("weasyprint by sonames failed (%s); ordinary library look-up", exc)
            _forget()
    return importlib.import_module("weasyprint")
