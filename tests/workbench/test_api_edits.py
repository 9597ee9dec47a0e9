"""Every edit through the HTTP API on a copy of the UDHR, undo and redo, and two clients on one edition.

After each step the rows the API returns, the TEI on disk and the decisions file agree."""

from __future__ import annotations

import tomllib

import pytest
from starlette.testclient import TestClient

from hlmpub.tei import read_tei
from hlmpub.workbench.app import create_app

TOKEN = "test-token-edits"
BASE = "http://127.0.0.1:8765"
LANGS = ("zh", "ar", "en", "es", "fr", "ru")


def signed_in(app) -> TestClient:
    client = TestClient(app, base_url=BASE)
    client.get(f"/?token={TOKEN}")
    return client


@pytest.fixture
def client(session) -> TestClient:
    return signed_in(create_app(session, TOKEN))


def rows(client) -> dict:
    answer = client.get("/api/rows")
    assert answer.status_code == 200
    return answer.json()


def row(data: dict, row_id: str) -> dict:
    return next(r for r in data["rows"] if r["id"] == row_id)


def post(client, path: str, body: dict, status: int = 200) -> dict:
    answer = client.post(path, json=body)
    assert answer.status_code == status, answer.text
    return answer.json()


def decisions(session) -> dict:
    path = session.decisions_path
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def assert_agree(client, session) -> dict:
    """The API's rows are the TEI's links on disk; every manual row and checked row is in the decisions file."""
    data = rows(client)
    edition = read_tei(session.tei_path)
    assert len(edition.links) == len(data["rows"])
    for link, shown in zip(edition.links, data["rows"], strict=True):
        assert {lang: list(link.units.get(lang, ())) for lang in LANGS} == {
            lang: shown["cells"].get(lang, []) for lang in LANGS
        }
        assert (link.method, link.checked, link.resp) == (shown["method"], shown["checked"], shown["resp"])
    recorded = decisions(session)
    manual = [
        {lang: r["cells"][lang] for lang in LANGS if r["cells"][lang]} for r in data["rows"] if r["method"] == "manual"
    ]
    linked = [{lang: ids for lang, ids in d["units"].items() if ids} for d in recorded.get("link", [])]
    assert sorted(map(str, manual)) == sorted(map(str, linked))
    checked = [{lang: r["cells"][lang] for lang in LANGS if r["cells"][lang]} for r in data["rows"] if r["checked"]]
    marked = [{lang: ids for lang, ids in d["units"].items() if ids} for d in recorded.get("checked", [])]
    assert sorted(map(str, checked)) == sorted(map(str, marked))
    return data


def test_merge_then_undo_then_redo(client, session):
    before = assert_agree(client, session)
    answer = post(client, "/api/edit", {"op": "merge", "rows": ["r-zh-u5", "r-zh-u6"], "version": 1})
    assert answer["version"] == 2 and "r-zh-u5" in answer["changed"]
    merged = assert_agree(client, session)
    assert len(merged["rows"]) == len(before["rows"]) - 1 and merged["can_undo"]
    new = row(merged, "r-zh-u5")
    assert new["cells"]["zh"] == ["zh-u5", "zh-u6"] and new["cells"]["ar"] == ["ar-u4", "ar-u5"]
    assert new["method"] == "manual" and new["resp"] == "A. Reviser"
    (link,) = decisions(session)["link"]
    assert link["op"] == "merge" and link["by"] == "A. Reviser" and link["at"].endswith("Z")
    tei = session.tei_path.read_text(encoding="utf-8")
    assert "A. Reviser" in tei and "<change" in tei

    assert post(client, "/api/undo", {"version": 2}) == {"version": 3}
    undone = assert_agree(client, session)
    assert [r["cells"] for r in undone["rows"]] == [r["cells"] for r in before["rows"]]
    assert undone["can_redo"] and not undone["can_undo"]
    assert "link" not in decisions(session)

    assert post(client, "/api/redo", {"version": 3}) == {"version": 4}
    redone = assert_agree(client, session)
    assert [r["cells"] for r in redone["rows"]] == [r["cells"] for r in merged["rows"]]
    assert not redone["can_redo"]
    assert post(client, "/api/redo", {"version": 4}, 422)["error"] == "nothing to redo"


def test_split_sends_the_chosen_units_to_a_new_row_below(client, session):
    before = rows(client)
    answer = post(client, "/api/edit", {"op": "split", "row": "r-zh-u8", "units": ["en-u9", "en-u10"], "version": 1})
    assert answer["version"] == 2
    data = assert_agree(client, session)
    assert len(data["rows"]) == len(before["rows"]) + 1
    at = [r["id"] for r in data["rows"]].index("r-zh-u8")
    kept, below = data["rows"][at], data["rows"][at + 1]
    assert kept["cells"]["en"] == ["en-u8"] and below["cells"]["en"] == ["en-u9", "en-u10"]
    assert kept["cells"]["ar"] == ["ar-u7", "ar-u8", "ar-u9"]
    assert kept["method"] == below["method"] == "manual"


def test_move_puts_a_unit_into_the_previous_row(client, session):
    """Row 8 has no Arabic (the Arabic file lacks that recital): move row 9's Arabic up (the edit, not a fix)."""
    answer = post(client, "/api/edit", {"op": "move", "unit": "ar-u4", "to": "prev", "version": 1})
    assert answer["version"] == 2
    data = assert_agree(client, session)
    assert row(data, "r-zh-u4")["cells"]["ar"] == ["ar-u4"]
    assert row(data, "r-zh-u5")["cells"]["ar"] == []


def test_check_marks_a_row_and_unchecks_it(client, session):
    post(client, "/api/edit", {"op": "check", "row": "r-zh-u1", "version": 1})
    data = assert_agree(client, session)
    assert row(data, "r-zh-u1")["checked"]
    (mark,) = decisions(session)["checked"]
    assert mark["by"] == "A. Reviser"
    post(client, "/api/edit", {"op": "check", "row": "r-zh-u1", "checked": False, "version": 2})
    assert not row(assert_agree(client, session), "r-zh-u1")["checked"]


@pytest.mark.parametrize("op", ["accept", "reject"])
def test_a_finding_is_accepted_or_rejected_with_a_comment(client, session, op):
    finding = row(rows(client), "r-zh-u4")["findings"][0]
    comment = f"{op}ed: the Arabic paragraph is merged with the next one"
    post(client, "/api/edit", {"op": op, "finding": finding["id"], "comment": comment, "version": 1})
    shown = next(f for f in row(assert_agree(client, session), "r-zh-u4")["findings"] if f["id"] == finding["id"])
    status = f"{op}ed" if op == "reject" else "accepted"
    assert (shown["status"], shown["comment"], shown["by"]) == (status, comment, "A. Reviser")
    (decided,) = decisions(session)["finding"]
    assert (decided["id"], decided["status"], decided["comment"]) == (finding["id"], status, comment)
    accepted = session.accepted_path.read_text(encoding="utf-8") if session.accepted_path.exists() else ""
    assert (finding["id"] in accepted) == (op == "accept")


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"op": "merge", "rows": ["r-zh-u5", "r-zh-u7"]}, "next"),
        ({"op": "merge", "rows": ["r-zh-u5", "r-nowhere"]}, "r-nowhere"),
        ({"op": "split", "row": "r-zh-u8", "units": ["zh-u1"]}, "zh-u1"),
        ({"op": "move", "unit": "zh-m1", "to": "prev"}, "row"),
        ({"op": "move", "unit": "en-u9", "to": "sideways"}, "to"),
        ({"op": "accept", "finding": "000000000000"}, "000000000000"),
    ],
)
def test_an_impossible_edit_is_refused_with_422_and_changes_nothing(client, session, body, says):
    before = session.tei_path.read_bytes()
    answer = post(client, "/api/edit", {**body, "version": 1}, 422)
    assert says in answer["error"] and answer["version"] == 1
    assert session.tei_path.read_bytes() == before and not session.decisions_path.exists()


def test_two_clients_never_lose_an_edit_a_stale_version_gets_409(session):
    app = create_app(session, TOKEN)
    first, second = signed_in(app), signed_in(app)
    assert rows(first)["version"] == rows(second)["version"] == 1
    post(first, "/api/edit", {"op": "check", "row": "r-zh-u1", "version": 1})
    stale = post(second, "/api/edit", {"op": "merge", "rows": ["r-zh-u5", "r-zh-u6"], "version": 1}, 409)
    assert stale["version"] == 2 and "version" in stale["error"]
    assert post(second, "/api/undo", {"version": 1}, 409)["version"] == 2
    data = assert_agree(second, session)
    assert row(data, "r-zh-u1")["checked"] and row(data, "r-zh-u6")  # the first edit kept, the stale one not made
    post(second, "/api/edit", {"op": "merge", "rows": ["r-zh-u5", "r-zh-u6"], "version": data["version"]})
    both = assert_agree(first, session)
    assert row(both, "r-zh-u1")["checked"] and row(both, "r-zh-u5")["cells"]["zh"] == ["zh-u5", "zh-u6"]
