"""Time the review workbench (`hlmpub review serve`) on the UDHR and on a 10× synthetic edition.

    .venv/bin/python benchmarks/review_serve.py [--times N] [--no-browser]

For each edition, a copy of its TEI is served on a free loopback port (uvicorn in a thread) and timed:

* page (server): ``GET /`` — the rows drawn on the server;
* rows JSON: ``GET /api/rows``;
* page (browser): headless Chromium (Debian's, when installed) from the request to the rows drawn by the
  page's script (``body[data-ready]``);
* edit round trip: ``POST /api/edit`` marking a row checked — the edit, the TEI re-validated and
  written atomically, the decisions file, the findings of the new state — then ``POST /api/undo``
  (the same work again).

The UDHR edition is built by the real ingest + aligner (not timed).  The 10× edition is SYNTHETIC: the
UDHR's units and links repeated ten times with fresh ids (``benchmarks/review.py``, ``repeated``),
labelled so in the output.  Prints the best of N runs; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from hlmpub.config import Settings
from hlmpub.model import Edition
from hlmpub.pipeline import edition_from_sources
from hlmpub.tei import write_tei
from hlmpub.workbench.app import COOKIE, create_app
from hlmpub.workbench.server import start_in_thread
from hlmpub.workbench.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
from review import repeated  # noqa: E402  (the 10× synthetic edition of the review benchmark)

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "benchmark"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def best(fn: Callable[[], object], times: int) -> float:
    """Best wall time of ``times`` calls, in milliseconds."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        spent.append(time.perf_counter() - start)
    return min(spent) * 1000


def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1000"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)


def measure(name: str, edition: Edition, times: int, use_browser: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources" / "udhr"
        shutil.copytree(ROOT / "sources" / "udhr", sources)
        tei_path = write_tei(edition, Path(tmp) / "output" / "udhr" / "udhr.tei.xml")
        start = time.perf_counter()
        session = Session(tei_path, sources=sources, reviewer="benchmark")
        opened = (time.perf_counter() - start) * 1000
        running = start_in_thread(create_app(session, TOKEN))
        base = f"http://127.0.0.1:{running.port}"
        size = tei_path.stat().st_size // 1024
        print(f"\n{name}: {len(edition.langs)} languages, {len(edition.links)} rows, TEI {size} KB")
        print(f"  {'open the session':24s} {opened:8.1f} ms  (read + validate the TEI, review it)")
        try:
            with httpx.Client(base_url=base, cookies={COOKIE: TOKEN}) as client:
                page = best(lambda: client.get("/").raise_for_status(), times)
                html = len(client.get("/").content) // 1024
                print(f"  {'page (server)':24s} {page:8.1f} ms  ({html} KB of HTML)")
                rows = best(lambda: client.get("/api/rows").raise_for_status(), times)
                print(f"  {'rows JSON':24s} {rows:8.1f} ms  ({len(client.get('/api/rows').content) // 1024} KB)")
                first = session.rows()["rows"][0]["id"]

                def round_trip() -> None:
                    version = session.version
                    client.post("/api/edit", json={"op": "check", "row": first, "version": version}).raise_for_status()
                    client.post("/api/undo", json={"version": version + 1}).raise_for_status()

                trip = best(round_trip, times) / 2
                print(f"  {'edit round trip':24s} {trip:8.1f} ms  (one edit or undo: save + validate + review)")
            if use_browser:
                driver = browser()
                try:
                    driver.get(f"{base}/?token={TOKEN}")  # sets the cookie

                    def load() -> None:
                        driver.get(f"{base}/")
                        while driver.execute_script("return document.body.dataset.ready") != "1":
                            time.sleep(0.005)

                    print(f"  {'page (browser)':24s} {best(load, times):8.1f} ms  (headless Chromium, rows drawn)")
                finally:
                    driver.quit()
        finally:
            running.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--times", type=int, default=3, help="runs per measurement (best is shown)")
    parser.add_argument("--no-browser", action="store_true", help="skip the page load in headless Chromium")
    args = parser.parse_args()
    use_browser = not args.no_browser and CHROMIUM.exists() and CHROMEDRIVER.exists()
    udhr = edition_from_sources(ROOT / "sources" / "udhr", Settings(output_dir=Path(tempfile.mkdtemp())))
    measure("UDHR (real, ingest + aligner)", udhr, args.times, use_browser)
    synthetic = dataclasses.replace(repeated(udhr, 10), sentence_links=())
    measure("UDHR x10 (SYNTHETIC: the UDHR repeated with fresh ids)", synthetic, args.times, use_browser)


if __name__ == "__main__":
    main()
