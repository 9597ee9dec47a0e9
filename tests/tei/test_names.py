"""Small encoding helpers and writer refusals (SYNTHETIC data)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hlmpub.errors import InputError
from hlmpub.model import Link
from hlmpub.tei.names import format_cert, key_ids, local_ids
from hlmpub.tei.writer import to_bytes


def test_key_ids_sanitise_and_stay_unique():
    ids = key_ids(["p:19.a", "p.19.a", "", "sec:2.B", "p:19.a", "art 3/x"])
    assert ids == {"p:19.a": "key-p.19.a", "p.19.a": "key-p.19.a-2", "sec:2.B": "key-sec.2.B", "art 3/x": "key-art.3.x"}


def test_cert_reads_back_exactly():
    for score in (0.1, 1 / 3, 0.8125, 1.0, 0.0, 1e-07):
        assert float(format_cert(score)) == score


def test_local_ids_skip_external_pointers():
    assert local_ids("#a http://example.invalid/x #b.c") == ["a", "b.c"]


def test_writer_refuses_text_xml_cannot_carry(synthetic):
    zh = synthetic.versions[0]
    bad = replace(zh, units=(replace(zh.units[0], text="form feed \x0c here"),) + zh.units[1:])
    with pytest.raises(InputError, match="zh-m1"):
        to_bytes(replace(synthetic, versions=(bad,) + synthetic.versions[1:]))


@pytest.mark.parametrize(
    "link, problem",
    [
        (Link({"zh": ("zh-p99",)}, "structural", 1.0), "zh-p99"),
        (Link({"zh": ("en-p1",)}, "structural", 1.0), "en-p1"),
        (Link({"de": ("de-p1",)}, "structural", 1.0), "no version: de"),
        (Link({"zh": ()}, "structural", 1.0), "covers no unit"),
    ],
)
def test_writer_refuses_rows_it_cannot_encode(synthetic, link, problem):
    with pytest.raises(InputError, match=problem):
        to_bytes(replace(synthetic, links=synthetic.links + (link,)))
