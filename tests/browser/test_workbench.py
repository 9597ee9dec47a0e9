"""The review workbench in headless Chromium on a copy of the UDHR (issue 14, "Must show").

One reviser's session, step by step: open with the token, filter, merge two preamble rows, undo, split
a row, move a unit, accept a finding with a comment, reload.  After every step the page, the TEI on disk
and the decisions file agree; then the output is deleted and rebuilt from the sources: the same rows.
The steps share one browser and one server, so they run in order."""

from __future__ import annotations

import shutil
import tomllib

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from hlmpub.tei import read_tei

LANGS = ("zh", "ar", "en", "es", "fr", "ru")
PAGE_ROWS = """return [...document.querySelectorAll('#body tr')].map(tr => ({
  id: tr.id, hidden: tr.hidden, checked: tr.classList.contains('checked'),
  cells: Object.fromEntries([...tr.querySelectorAll('td.cell')].map(td =>
    [td.dataset.lang, [...td.querySelectorAll('.unit')].map(u => u.dataset.unit)]))}));"""


# Texts without white space: the template's line breaks between block elements are not the script's.
DRAWING = """const t = (n) => n.textContent.replace(/\\s+/g, '');
return [...document.querySelectorAll('#body tr')].map(tr => [tr.id, tr.className, tr.dataset.missing, t(tr.cells[0]),
  ...[...tr.querySelectorAll('td')].map(td => [td.className, td.lang, td.dir, t(td),
    ...[...td.querySelectorAll('.unit, .s, .finding, .label, .gap')].map(n => [n.className, n.dataset.unit || '',
       n.dataset.s || '', n.dataset.group || '', n.dataset.finding || '', t(n)])])]);"""


def drawing(driver) -> list:
    """Every row as drawn: classes, texts, units, sentences and their groups, findings (current/selected marks off)."""
    driver.execute_script(
        "document.querySelectorAll('.current, .selected').forEach(n => n.classList.remove('current', 'selected'))"
    )
    return driver.execute_script(DRAWING)


def page_rows(driver) -> list[dict]:
    return driver.execute_script(PAGE_ROWS)


def wait_idle(driver, version: int | None = None) -> None:
    """Until the page has drawn the rows (and reached ``version``), no request under way."""

    def ready(d) -> bool:
        body = d.find_element(By.TAG_NAME, "body")
        if body.get_attribute("data-ready") != "1" or body.get_attribute("data-busy") == "1":
            return False
        return version is None or body.get_attribute("data-version") == str(version)

    WebDriverWait(driver, 30).until(ready)


def press(driver, keys: str) -> None:
    ActionChains(driver).send_keys(keys).perform()


def click(driver, selector: str) -> None:
    """Click an element once it is scrolled to the middle of the window (clear of the sticky header)."""
    node = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", node)
    node.click()


def click_unit(driver, unit: str) -> None:
    click(driver, f'.unit[data-unit="{unit}"]')


def status(driver) -> tuple[str, bool]:
    node = driver.find_element(By.ID, "status")
    return node.text, "error" in (node.get_attribute("class") or "")


def cells_of(link) -> dict[str, list[str]]:
    return {lang: list(link.units.get(lang, ())) for lang in LANGS}


def assert_agree(driver, session) -> list[dict]:
    """The page's rows are the session's, the TEI's on disk, and the decisions file holds its manual rows."""
    shown = page_rows(driver)
    data = session.rows()
    assert [r["id"] for r in shown] == [r["id"] for r in data["rows"]]
    assert [{lang: r["cells"].get(lang, []) for lang in LANGS} for r in shown] == [
        {lang: r["cells"].get(lang, []) for lang in LANGS} for r in data["rows"]
    ]
    assert driver.find_element(By.ID, "version").text == str(data["version"])
    edition = read_tei(session.tei_path)
    assert [cells_of(link) for link in edition.links] == [
        {lang: r["cells"].get(lang, []) for lang in LANGS} for r in data["rows"]
    ]
    recorded = (
        tomllib.loads(session.decisions_path.read_text(encoding="utf-8")) if session.decisions_path.exists() else {}
    )
    manual = sorted(str({k: v for k, v in r["cells"].items() if v}) for r in data["rows"] if r["method"] == "manual")
    linked = sorted(str({k: v for k, v in d["units"].items() if v}) for d in recorded.get("link", []))
    assert manual == linked
    return shown


@pytest.fixture(scope="module")
def opened(driver, workbench):
    driver.get(f"{workbench.base}/?token={workbench.token}")
    wait_idle(driver, 1)
    return driver, workbench.session, workbench.base


def test_1_the_token_url_opens_the_page_and_leaves_the_address_bar(opened):
    driver, session, base = opened
    assert driver.current_url == f"{base}/"
    assert len(assert_agree(driver, session)) == 92
    heads = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "thead th")]
    assert heads == ["row", "中文", "العربية", "English", "Español", "Français", "Русский"]
    arabic = driver.find_element(By.CSS_SELECTOR, 'td.cell[data-lang="ar"]')
    assert (
        arabic.get_attribute("dir") == "rtl"
        and driver.execute_script("return getComputedStyle(arguments[0]).direction", arabic) == "rtl"
    )


@pytest.fixture(scope="module")
def server_drawing(opened) -> list:
    """The rows as the server drew them, before any edit."""
    return drawing(opened[0])


def test_1b_the_server_drew_the_rows(server_drawing):
    assert len(server_drawing) == 92


def test_2_a_script_tag_in_a_unit_shows_as_text(opened, workbench):
    driver, _, _ = opened
    units = driver.find_elements(By.CSS_SELECTOR, '.unit[data-unit^="en-"]')
    unit = next(u for u in units if workbench.phrase in u.text)
    assert "<script>window.pwned=1</script>" in unit.text
    assert driver.execute_script("return window.pwned") is None
    assert not driver.find_elements(By.CSS_SELECTOR, "#body script")


def test_3_the_filter_shows_only_rows_with_findings(opened):
    driver, session, _ = opened
    driver.find_element(By.ID, "f-findings").click()
    flagged = {r["id"] for r in session.rows()["rows"] if any(f["status"] == "open" for f in r["findings"])}
    visible = {r["id"] for r in page_rows(driver) if not r["hidden"]}
    assert visible == flagged and 0 < len(visible) < 92
    assert driver.find_element(By.ID, "shown").text == f"{len(flagged)} of 92 rows"
    driver.find_element(By.ID, "f-findings").click()
    assert not any(r["hidden"] for r in page_rows(driver))


def test_3a_the_low_confidence_and_missing_language_filters(opened):
    from selenium.webdriver.support.ui import Select

    driver, session, _ = opened
    rows = session.rows()["rows"]
    driver.find_element(By.ID, "f-low").click()
    low = {r["id"] for r in rows if r["confidence"] < 0.5}
    assert {r["id"] for r in page_rows(driver) if not r["hidden"]} == low and low
    driver.find_element(By.ID, "f-low").click()
    choose = Select(driver.find_element(By.ID, "f-missing"))
    choose.select_by_value("ar")
    no_arabic = {r["id"] for r in rows if not r["cells"]["ar"]}
    assert {r["id"] for r in page_rows(driver) if not r["hidden"]} == no_arabic and "r-zh-u4" in no_arabic
    choose.select_by_value("*")
    gaps = {r["id"] for r in rows if any(not r["cells"][lang] for lang in LANGS)}
    assert {r["id"] for r in page_rows(driver) if not r["hidden"]} == gaps and gaps > no_arabic
    choose.select_by_value("")
    assert not any(r["hidden"] for r in page_rows(driver))


def test_3b_the_sentences_of_one_link_light_up_together_and_j_moves_down(opened):
    driver, session, base = opened
    row = next(
        r
        for r in session.rows()["rows"]
        if r["sentences"] and sum(1 for ids in r["sentences"][0]["cells"].values() if ids) >= 3
    )
    first = {lang: ids for lang, ids in row["sentences"][0]["cells"].items() if ids}
    some = next(iter(first.values()))[0]
    click(driver, f'#{row["id"]} .s[data-s="{some}"]')
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, f'.s[data-s="{some}"]')).perform()
    lit = {s.get_attribute("data-s") for s in driver.find_elements(By.CSS_SELECTOR, f"#{row['id']} .s.linked")}
    assert lit == {sid for ids in first.values() for sid in ids} and len(lit) >= 3
    press(driver, "j")
    following = session.rows()["rows"][row["n"]]["id"]
    assert driver.find_element(By.CSS_SELECTOR, "tr.current").get_attribute("id") == following
    assert driver.current_url == f"{base}/#{following}"
    assert not driver.find_elements(By.CSS_SELECTOR, ".unit.selected")  # a new current row: no unit selected


def test_4_merge_two_preamble_rows_with_the_keyboard_then_undo(opened):
    driver, session, _ = opened
    click_unit(driver, "zh-u5")
    press(driver, "m")
    wait_idle(driver, 2)
    rows = assert_agree(driver, session)
    merged = next(r for r in rows if r["id"] == "r-zh-u5")
    assert merged["cells"]["zh"] == ["zh-u5", "zh-u6"] and len(rows) == 91
    assert "merged" in status(driver)[0]
    assert driver.find_element(By.CSS_SELECTOR, "tr.current").get_attribute("id") == "r-zh-u5"  # still on it
    driver.find_element(By.ID, "b-undo").click()
    wait_idle(driver, 3)
    rows = assert_agree(driver, session)
    assert len(rows) == 92 and next(r for r in rows if r["id"] == "r-zh-u5")["cells"]["zh"] == ["zh-u5"]


def test_4b_the_script_draws_the_rows_as_the_server_did(opened, server_drawing):
    """Undone, the rows are the first version's again, now drawn by the page's script: the same markup."""
    driver, _, _ = opened
    assert first_difference(drawing(driver), server_drawing) is None


def first_difference(a, b):
    """The first pair of leaves that differ (with the path to them), or None: a short failure message."""
    if isinstance(a, list) and isinstance(b, list):
        for n, (x, y) in enumerate(zip(a, b, strict=False)):  # a length difference is reported after
            found = first_difference(x, y)
            if found is not None:
                return (n, *found) if isinstance(found, tuple) else found
        return None if len(a) == len(b) else ("length", len(a), len(b))
    return None if a == b else (a, b)


def test_5_split_a_row_the_selected_units_go_below(opened):
    driver, session, _ = opened
    click_unit(driver, "en-u8")  # makes the row current (and selects en-u8: click again to drop it)
    click_unit(driver, "en-u8")
    click_unit(driver, "en-u9")
    click_unit(driver, "en-u10")
    driver.find_element(By.ID, "b-split").click()
    wait_idle(driver, 4)
    rows = assert_agree(driver, session)
    at = [r["id"] for r in rows].index("r-zh-u8")
    assert rows[at]["cells"]["en"] == ["en-u8"] and rows[at + 1]["cells"]["en"] == ["en-u9", "en-u10"]


def test_6_move_a_unit_to_the_previous_row(opened):
    driver, session, _ = opened
    click_unit(driver, "ar-u4")
    press(driver, "[")
    wait_idle(driver, 5)
    rows = assert_agree(driver, session)
    assert next(r for r in rows if r["id"] == "r-zh-u4")["cells"]["ar"] == ["ar-u4"]
    # the rows on the page are now the script's drawing (not the server's): the <script> text is still text
    assert "<script>window.pwned=1</script>" in driver.find_element(By.CSS_SELECTOR, "#body").text
    assert driver.execute_script("return window.pwned") is None and not driver.find_elements(
        By.CSS_SELECTOR, "#body script"
    )


def test_7_an_invalid_edit_is_refused_on_the_page(opened):
    driver, session, _ = opened
    click_unit(driver, "zh-m1")  # the first row: there is no previous row to move to
    press(driver, "[")
    WebDriverWait(driver, 30).until(lambda d: status(d)[1])
    wait_idle(driver, 5)
    assert session.version == 5
    assert_agree(driver, session)
    click_unit(driver, "zh-m1")  # drop the selection


def test_8_accept_a_finding_with_a_comment(opened):
    driver, session, _ = opened
    finding = next(f for r in session.rows()["rows"] for f in r["findings"] if f["status"] == "open")
    click(driver, f'.finding[data-finding="{finding["id"]}"]')
    driver.find_element(By.ID, "comment").send_keys("seen: the source says so")
    driver.find_element(By.ID, "b-accept").click()
    wait_idle(driver, 6)
    assert_agree(driver, session)
    item = driver.find_element(By.CSS_SELECTOR, f'.finding[data-finding="{finding["id"]}"]')
    assert "accepted by A. Reviser: seen: the source says so" in item.text
    recorded = tomllib.loads(session.decisions_path.read_text(encoding="utf-8"))
    assert [(d["id"], d["status"], d["comment"]) for d in recorded["finding"]] == [
        (finding["id"], "accepted", "seen: the source says so")
    ]
    assert finding["id"] in session.accepted_path.read_text(encoding="utf-8")


def test_9_a_reload_shows_the_same_rows(opened):
    driver, session, _ = opened
    before = page_rows(driver)
    driver.refresh()
    wait_idle(driver, 6)
    assert page_rows(driver) == before
    assert_agree(driver, session)
    # no script error all along (the refused edit's 422 is logged as a network error, which is right)
    assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and e["source"] != "network"]


def test_10_deleting_the_output_and_rebuilding_gives_the_same_rows(opened, workbench):
    from hlmpub.cli import run

    driver, session, _ = opened
    sources = workbench.sources
    output = session.tei_path.parents[1]
    shutil.rmtree(output)
    assert run(["build", str(sources), "-o", str(output), "--to", "tei"]) == 0
    rebuilt = read_tei(session.tei_path)
    assert [cells_of(link) for link in rebuilt.links] == [
        {lang: r["cells"].get(lang, []) for lang in LANGS} for r in page_rows(driver)
    ]


def test_11_a_request_without_the_token_is_refused(driver, workbench):
    base = workbench.base
    driver.delete_all_cookies()
    driver.get(f"{base}/")
    assert "missing access token" in driver.find_element(By.TAG_NAME, "body").text
    driver.get(f"{base}/api/rows?token=wrong")
    assert "wrong access token" in driver.find_element(By.TAG_NAME, "body").text
