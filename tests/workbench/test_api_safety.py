"""The workbench's HTTP surface on a copy of the UDHR: the token, the Host header, bodies, escaping.

Runs the Starlette app in-process with its TestClient (tests/workbench/conftest.py builds the copy)."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from hlmpub.workbench.app import COOKIE, MAX_BODY, create_app
from hlmpub.workbench.session import Session

TOKEN = "test-token-0123456789"
BASE = "http://127.0.0.1:8765"


def signed_in(app) -> TestClient:
    client = TestClient(app, base_url=BASE)
    assert client.get(f"/?token={TOKEN}", follow_redirects=False).status_code == 303
    return client


@pytest.fixture
def app(session):
    return create_app(session, TOKEN)


@pytest.fixture
def client(app) -> TestClient:
    return signed_in(app)


@pytest.mark.parametrize("path", ["/", "/api/rows", "/static/workbench.js"])
def test_a_request_without_the_token_is_refused_with_401_and_a_wrong_one_with_403(app, path):
    anonymous = TestClient(app, base_url=BASE)
    missing = anonymous.get(path)
    assert missing.status_code == 401 and "token" in missing.json()["error"]
    assert anonymous.get(f"{path}?token=not-the-token").status_code == 403
    anonymous.cookies.set(COOKIE, "not-the-token")
    assert anonymous.get(path).status_code == 403


def test_a_post_without_the_token_changes_nothing(app, session):
    anonymous = TestClient(app, base_url=BASE)
    before = session.tei_path.read_bytes()
    answer = anonymous.post("/api/edit", json={"op": "check", "row": session.rows()["rows"][0]["id"], "version": 1})
    assert answer.status_code == 401
    assert session.version == 1 and session.tei_path.read_bytes() == before


def test_the_token_in_the_url_becomes_an_httponly_strict_cookie_and_leaves_the_address(app):
    browser = TestClient(app, base_url=BASE)
    answer = browser.get(f"/?token={TOKEN}", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}={TOKEN};") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    page = browser.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io:8765", "192.168.1.5:8765", "[::1:8765", ""]
)
def test_a_host_header_that_is_not_the_servers_address_is_refused(client, host):
    """A DNS-rebinding page reaches the loopback port under its own name: refused."""
    answer = client.get("/api/rows", headers={"host": host})
    assert answer.status_code == 403 and "Host" in answer.json()["error"]


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765"])
def test_the_loopback_names_are_accepted_hosts(client, host):
    assert client.get("/api/rows", headers={"host": host}).status_code == 200


def test_on_every_interface_an_address_is_an_accepted_host_but_a_name_is_not(session):
    client = signed_in(create_app(session, TOKEN, host="0.0.0.0"))
    assert client.get("/api/rows", headers={"host": "192.168.1.5:8765"}).status_code == 200
    assert client.get("/api/rows", headers={"host": "[fe80::1]:8765"}).status_code == 200
    assert client.get("/api/rows", headers={"host": "evil.example:8765"}).status_code == 403


def test_a_post_from_another_origin_or_not_json_is_refused(client):
    cross = client.post("/api/undo", json={"version": 1}, headers={"origin": "http://evil.example"})
    assert cross.status_code == 403
    sandboxed = client.post("/api/undo", json={"version": 1}, headers={"origin": "null"})
    assert sandboxed.status_code == 403
    same = client.post("/api/undo", json={"version": 1}, headers={"origin": "http://127.0.0.1:8765"})
    assert same.status_code == 422 and same.json()["error"] == "nothing to undo"
    form = client.post("/api/undo", data={"version": "1"})
    assert form.status_code == 415 and "JSON" in form.json()["error"]


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b"{not json", 400, "not JSON"),
        (b"\xff\xfe", 400, "not JSON"),
        (b"[1, 2]", 400, "JSON object"),
        (b"[" * 30000 + b"]" * 30000, 400, "nested"),
        (b'{"op": "merge"}', 422, "version"),
        (b'{"op": "fold", "version": 1}', 422, "fold"),
    ],
)
def test_a_bad_body_is_a_json_error_with_its_message(client, session, body, status, says):
    before = session.tei_path.read_bytes()
    answer = client.post("/api/edit", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == status
    assert says in answer.json()["error"]
    assert session.version == 1 and session.tei_path.read_bytes() == before


def test_an_oversized_body_is_refused_with_413_before_the_session_sees_it(client, session):
    body = b'{"op": "check", "comment": "' + b"x" * MAX_BODY + b'", "version": 1}'
    answer = client.post("/api/edit", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 413 and str(MAX_BODY) in answer.json()["error"]

    def chunks():
        yield b'{"op": "check", "comment": "'
        for _ in range(MAX_BODY // 1024 + 1):
            yield b"y" * 1024
        yield b'", "version": 1}'

    streamed = client.post("/api/edit", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    assert session.version == 1


@pytest.mark.parametrize(
    "path", ["/static/../app.py", "/static/session.py", "/api/rows/1", "/etc/passwd", "/static/workbench.js/x"]
)
def test_there_are_no_path_parameters_only_the_fixed_routes(client, path):
    answer = client.get(path)
    assert answer.status_code == 404 and answer.json() == {"error": "no such page"}


def test_the_assets_are_served_by_the_app_and_the_page_loads_nothing_from_elsewhere(client):
    page = client.get("/").text
    sources = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert set(sources) == {"/static/workbench.js", "/static/workbench.css", "data:,"}
    for asset in ("/static/workbench.js", "/static/workbench.css"):
        answer = client.get(asset)
        assert answer.status_code == 200 and len(answer.content) > 1000
    assert "innerHTML" not in client.get("/static/workbench.js").text  # text goes in with textContent


def test_a_unit_text_with_a_script_tag_is_escaped_in_the_page_and_raw_in_the_json(udhr_copy):
    tei_path, sources = udhr_copy
    xml = tei_path.read_text(encoding="utf-8")
    assert xml.count("Whereas recognition of the inherent dignity") == 1
    tei_path.write_text(
        xml.replace("Whereas recognition", "Whereas &lt;script&gt;alert(1)&lt;/script&gt; recognition"),
        encoding="utf-8",
    )
    client = signed_in(create_app(Session(tei_path, sources=sources, reviewer="A. Reviser"), TOKEN))
    page = client.get("/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; recognition" in page
    assert "<script>alert" not in page
    texts = [u["text"] for u in client.get("/api/rows").json()["units"].values()]
    assert any("Whereas <script>alert(1)</script> recognition" in t for t in texts)


def test_the_page_shows_every_row_language_and_finding(client, session):
    data = session.rows()
    page = client.get("/").text
    assert page.count('<tr id="r-') == len(data["rows"]) == 92
    for lang in data["langs"]:
        assert f'lang="{lang}" dir="{data["dirs"][lang]}"' in page
    assert 'dir="rtl"' in page and "العربية" in page
    for row in data["rows"]:
        assert f'href="#{row["id"]}"' in page  # the permalink
        for finding in row["findings"]:
            assert f'data-finding="{finding["id"]}"' in page
