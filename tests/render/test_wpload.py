"""weasyprint is imported by sonames: the same shared libraries as the ordinary import, without the look-up detour."""

from __future__ import annotations

import ctypes.util
import json
import subprocess
import sys

import pytest

from hlmpub.render import wpload

# A fresh interpreter reports which files of weasyprint's libraries it mapped, and whether
# ctypes.util.find_library was called while weasyprint was imported.
PROBE = """
import ctypes.util, json, sys
calls = []
real = ctypes.util.find_library
def counting(name):
    calls.append(name)
    return real(name)
ctypes.util.find_library = counting
if sys.argv[1] == "wpload":
    from hlmpub.render import wpload
    wpload.load()
else:
    import weasyprint
import weasyprint.text.ffi as ffi
libs = sorted({line.split()[-1] for line in open("/proc/self/maps")
               if any(k in line for k in ("gobject-2", "pango", "harfbuzz", "fontconfig"))})
print(json.dumps({"libs": libs, "calls": calls, "subset": ffi.harfbuzz_subset is not None,
                  "vector": ffi.harfbuzz_vector is not None,
                  "find_library_restored": ctypes.util.find_library is counting}))
"""


def _probe(how: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, how], capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sonames and /proc/self/maps are Linux")
@pytest.mark.slow
def test_same_libraries_as_the_ordinary_import_without_library_search() -> None:
    ordinary, ours = _probe("import"), _probe("wpload")
    assert ours["libs"] == ordinary["libs"]
    assert any("libpango-1.0.so" in lib for lib in ours["libs"])
    assert (ours["subset"], ours["vector"]) == (ordinary["subset"], ordinary["vector"])
    assert ordinary["calls"], "the ordinary import searches for libraries (else this test proves nothing)"
    assert ours["calls"] == []  # every look-up of weasyprint's libraries was short-circuited
    assert ours["find_library_restored"]


def test_only_weasyprint_libraries_are_short_circuited() -> None:
    seen: list[str] = []

    def real(name: str) -> str | None:
        seen.append(name)
        return f"lib{name}.so.9"

    find = wpload._skipping(real)
    assert find("pango-1.0") is None
    assert find("libharfbuzz-subset-0") is None
    assert find("fontconfig") is None
    assert find("c") == "libc.so.9"
    assert seen == ["c"]


def test_find_library_is_restored_even_when_the_import_fails() -> None:
    before = ctypes.util.find_library
    with pytest.raises(OSError), wpload._sonames_only():
        assert ctypes.util.find_library("gobject-2.0") is None
        raise OSError("synthetic failure")
    assert ctypes.util.find_library is before


LAZY_PROBE = """
import sys
from hlmpub.render import wpload
wp = wpload.load()
wp.HTML(string="<p>x</p>").write_pdf("/dev/null")
before = "fontTools.subset.cff" in sys.modules
import fontTools.subset
options = fontTools.subset.Options()  # first use runs the module
print(before, "fontTools.subset.cff" in sys.modules, type(options).__name__)
"""


@pytest.mark.slow
def test_fonttools_subset_runs_only_when_used() -> None:
    out = subprocess.run([sys.executable, "-c", LAZY_PROBE], capture_output=True, text=True, check=True, timeout=120)
    # a PDF written with HarfBuzz subsetting never ran fontTools.subset; its first use still works
    assert out.stdout.split() == ["False", "True", "Options"]
