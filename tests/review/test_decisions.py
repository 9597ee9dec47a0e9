"""review-decisions.toml: the file round-trips, a malformed one is a one-line ConfigError naming it, and a
decision the versions no longer fit is a warning naming it (checked on the bundled UDHR's versions)."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from hlmpub.errors import ConfigError
from hlmpub.review.decisions import (
    CheckedDecision,
    Decisions,
    FindingDecision,
    LinkDecision,
    checked_rows,
    decided_links,
    decision_changes,
    decisions_text,
    fingerprint,
    load_decisions,
    write_decisions,
)

MERGED = {"zh": ("zh-u2", "zh-u3"), "ar": ("ar-u2", "ar-u3"), "en": ("en-u2", "en-u3")}


@pytest.fixture(scope="module")
def versions(udhr_edition):
    return tuple(v for v in udhr_edition.versions if v.lang in ("zh", "ar", "en"))


@pytest.fixture
def decisions(versions) -> Decisions:
    texts = {u.id: u for v in versions for u in v.units}
    first = {"zh": ("zh-u1",), "ar": ("ar-u1",), "en": ("en-u1",)}
    return Decisions(
        (LinkDecision("merge", MERGED, fingerprint(MERGED, texts), "A. Reviser", "2026-12-05T01:50:00Z"),),
        (CheckedDecision(first, fingerprint(first, texts), "B. Réviseur", "2026-12-05T01:52:00Z"),),
        (
            FindingDecision(
                "5d0c2b8e41aa", "accepted", 'says "\u200b" \\ and\nmore', "A. Reviser", "2026-12-05T01:51:00Z"
            ),
        ),
    )


def test_the_file_round_trips_and_is_plain_toml(tmp_path, decisions):
    path = write_decisions(tmp_path / "review-decisions.toml", decisions)
    assert load_decisions(path) == decisions
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["link"][0]["units"]["zh"] == ["zh-u2", "zh-u3"] and data["link"][0]["by"] == "A. Reviser"
    assert data["checked"][0]["by"] == "B. Réviseur" and data["finding"][0]["status"] == "accepted"
    assert "B. Réviseur" in path.read_text(encoding="utf-8")  # readable: not escaped
    assert load_decisions(tmp_path / "missing.toml") == Decisions() and not Decisions()


def test_changes_are_one_per_decision_oldest_first(decisions):
    changes = decision_changes(decisions)
    assert [c.when[-6:-1] for c in changes] == ["50:00", "51:00", "52:00"]
    assert changes[0].what == "merge: zh-u2 zh-u3 ar-u2 ar-u3 en-u2 en-u3"
    assert changes[1].what.startswith("accept finding 5d0c2b8e41aa: says") and changes[2].who == "B. Réviseur"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[link]\n", "malformed decisions file"),
        ('[[link]]\nop = "merge"\nunits = ["zh-u1"]\n', "link 1: units must be a table"),
        ("[[link]]\nunits = { zh = [] }\n", "not all empty"),
        ('[[link]]\nunits = { zh = ["zh-u1"] }\nby = 3\n', "link 1: by must be a string"),
        ('[[finding]]\nid = "abc"\nstatus = "maybe"\n', "finding 1: needs an id and a status"),
        ('[[moved]]\nunits = { zh = ["zh-u1"] }\n', "unknown table 'moved'"),
        ("link = 3\n", "link must be an array of tables"),
        ('[[checked]]\nunits = { zh = ["zh-u1"] }\nat = "yesterday"\n', "checked 1: at must be an ISO 8601"),
    ],
)
def test_a_malformed_file_is_one_line_naming_it(tmp_path, text, problem):
    path = tmp_path / "review-decisions.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_decisions(path)
    line = caught.value.one_line()
    assert line.startswith(str(path)) and problem in line and "\n" not in line


def test_decided_links_are_manual_links_by_their_reviser(versions, decisions):
    (link,), findings = decided_links(decisions, versions)
    assert findings == []
    assert (link.method, link.score, link.resp) == ("manual", 1.0, "A. Reviser")
    assert link.units == MERGED


def test_a_decision_whose_unit_is_gone_or_whose_text_changed_is_a_warning_naming_it(versions, decisions):
    gone = {"zh": ("zh-u2", "zh-u99")}
    stale = replace(decisions, links=(*decisions.links, LinkDecision("split", gone, "", "C. Reviser", "2027-01-01")))
    kept, findings = decided_links(stale, versions)
    assert len(kept) == 1 and [f.code for f in findings] == ["decision-stale"]
    assert findings[0].message == (
        "link decision 2 (zh-u2 zh-u99; by C. Reviser at 2027-01-01): unit zh-u99 is no longer in the zh version; "
        "the decision is not applied"
    )
    en = versions[2]  # SYNTHETIC: the English second paragraph reworded
    units = tuple(replace(u, text=u.text.replace("Whereas", "Whereas,")) if u.id == "en-u2" else u for u in en.units)
    changed = (*versions[:2], replace(en, units=units))
    kept, findings = decided_links(decisions, changed)
    assert kept == [] and "text of its units changed" in findings[0].message
    assert findings[0].severity == "warning"


def test_checked_rows_mark_the_row_or_say_why_not(versions, decisions, udhr_edition):
    links = [replace(lk, units={lang: lk.units[lang] for lang in ("zh", "ar", "en")}) for lk in udhr_edition.links]
    marked, findings = checked_rows(decisions, versions, links)
    assert findings == [] and [n for n, lk in enumerate(marked) if lk.checked] == [4]
    # en-u1 moved out of its row: no row holds exactly the checked units any more
    merged_away = (*links[:4], replace(links[4], units={**links[4].units, "en": ()}), *links[5:])
    _, findings = checked_rows(decisions, versions, merged_away)
    assert "no row holds exactly these units any more" in findings[0].message
    assert findings[0].message.startswith("checked decision 1 (zh-u1 ar-u1 en-u1; by B. Réviseur")


def test_the_decisions_text_parses_back(decisions):
    assert tomllib.loads(decisions_text(decisions))["finding"][0]["comment"] == 'says "\u200b" \\ and\nmore'


def test_a_build_of_fewer_languages_applies_the_decisions_to_those(versions, decisions):
    zh_en = (versions[0], versions[2])
    (link,), findings = decided_links(decisions, zh_en)
    assert findings == [] and link.units == {"zh": ("zh-u2", "zh-u3"), "en": ("en-u2", "en-u3")}
    assert decided_links(decisions, (versions[1],))[0][0].units == {"ar": ("ar-u2", "ar-u3")}
