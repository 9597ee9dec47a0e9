"""Take the workbench screenshots kept in this folder (UDHR, six languages).

    PYTHONPATH=src .venv/bin/python docs/screenshots/take.py

Builds a copy of the UDHR into a temporary folder, serves it on a free loopback port and photographs
it with Debian's headless Chromium: the top of the page, a row with findings, the findings filter on,
a finding accepted with a comment on a row marked checked.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from hlmpub.cli import run
from hlmpub.workbench.app import create_app
from hlmpub.workbench.server import start_in_thread
from hlmpub.workbench.session import Session

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def wait_ready(driver: webdriver.Chrome, version: int) -> None:
    """Until the page shows ``version`` and no request is under way."""
    while driver.execute_script("return document.body.dataset.busy") == "1" or driver.find_element(
        By.ID, "version"
    ).text != str(version):
        time.sleep(0.05)


def main() -> None:
    """Build, serve and photograph the UDHR workbench."""
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources" / "udhr"
        shutil.copytree(ROOT / "sources" / "udhr", sources)
        (sources / "review-decisions.toml").unlink(missing_ok=True)
        assert run(["build", str(sources), "-o", str(Path(tmp) / "output"), "--to", "tei"]) == 0
        session = Session(Path(tmp) / "output" / "udhr" / "udhr.tei.xml", sources=sources, reviewer="A. Reviser")
        running = start_in_thread(create_app(session, "screenshots"))
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1000"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        try:
            driver.get(f"http://127.0.0.1:{running.port}/?token=screenshots")
            while driver.execute_script("return document.body.dataset.ready") != "1":
                time.sleep(0.05)
            driver.save_screenshot(str(HERE / "workbench-udhr.png"))
            # row 8 has no Arabic (a missing-cell warning) and row 9 holds it; a sentence of row 9 under the mouse
            driver.find_element(By.CSS_SELECTOR, '.unit[data-unit="zh-u4"]').click()
            driver.find_element(By.CSS_SELECTOR, '.unit[data-unit="zh-u4"]').click()  # current row, nothing selected
            driver.find_element(By.CSS_SELECTOR, "#r-zh-u4 .finding").click()
            driver.execute_script("document.getElementById('r-zh-u4').scrollIntoView({block: 'start'})")
            sentence = driver.find_element(By.CSS_SELECTOR, '#r-zh-u5 .s[data-group="0"]')
            ActionChains(driver).move_to_element(sentence).perform()
            time.sleep(0.2)
            driver.save_screenshot(str(HERE / "workbench-row-with-findings.png"))
            ActionChains(driver).move_by_offset(0, 0).perform()
            driver.execute_script("window.scrollTo(0, 0)")
            driver.find_element(By.ID, "f-findings").click()
            time.sleep(0.2)
            driver.save_screenshot(str(HERE / "workbench-filter-findings.png"))
            # a decided finding and a checked row: accept row 2's low-confidence finding with a comment
            driver.find_element(By.CSS_SELECTOR, "#r-zh-n1 th.meta .finding").click()
            driver.find_element(By.ID, "comment").send_keys(
                "the date line: Russian keeps it, the others put it in the title"
            )
            driver.find_element(By.ID, "b-accept").click()
            wait_ready(driver, 2)
            driver.find_element(By.CSS_SELECTOR, '#r-zh-n1 .unit[data-unit="zh-n1"]').click()
            driver.find_element(By.ID, "b-check").click()
            wait_ready(driver, 3)
            driver.find_element(By.ID, "r-zh-n1").screenshot(str(HERE / "workbench-decided.png"))
        finally:
            driver.quit()
            running.stop()


if __name__ == "__main__":
    main()
