"""A real browser on the workbench: Debian's chromium and chromedriver driven by selenium, headless.

Nothing is downloaded: both paths are given, so Selenium Manager never runs.  ``make test`` installs
the two packages (Makefile SYSTEM_PACKAGES); without /usr/bin/chromium the tests are skipped, saying so.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
UDHR = Path(__file__).resolve().parents[2] / "sources" / "udhr"
TOKEN = "browser-test-token"
#: A unit of the UDHR whose text the tests give a <script> tag (Article 30, English).
SCRIPT_PHRASE = "Nothing in this Declaration may be interpreted"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def driver():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("no /usr/bin/chromium and /usr/bin/chromedriver: `make test` installs Debian's chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1000", "--lang=en"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def workbench(tmp_path_factory):
    """A copy of the UDHR sources built into a temporary output folder (one English unit holding a
    ``<script>`` tag in the TEI), its session served on a free loopback port."""
    from hlmpub.cli import run
    from hlmpub.workbench.app import create_app
    from hlmpub.workbench.server import start_in_thread
    from hlmpub.workbench.session import Session

    root = tmp_path_factory.mktemp("browser")
    sources = root / "sources" / "udhr"
    shutil.copytree(UDHR, sources)
    assert run(["build", str(sources), "-o", str(root / "output"), "--to", "tei"]) == 0
    tei_path = root / "output" / "udhr" / "udhr.tei.xml"
    xml = tei_path.read_text(encoding="utf-8")
    assert xml.count(SCRIPT_PHRASE) == 1
    tei_path.write_text(
        xml.replace(SCRIPT_PHRASE, "&lt;script&gt;window.pwned=1&lt;/script&gt; " + SCRIPT_PHRASE), "utf-8"
    )
    session = Session(tei_path, sources=sources, reviewer="A. Reviser")
    running = start_in_thread(create_app(session, TOKEN))
    yield SimpleNamespace(
        session=session, base=f"http://127.0.0.1:{running.port}", sources=sources, token=TOKEN, phrase=SCRIPT_PHRASE
    )
    running.stop()
