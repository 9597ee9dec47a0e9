"""tei_all cut to a document's vocabulary gives the whole tei_all's verdict: on our outputs and on broken variants.

The variants are made from SYNTHETIC and bundled editions by deleting, duplicating, renaming and inserting
elements (TEI names hlmpub never writes among them) and by dropping or adding attributes.
"""

from __future__ import annotations

import copy
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from hlmpub.tei import schema, write_tei
from hlmpub.tei.subset import names_in, subset
from hlmpub.tei.writer import to_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: Names an edit might bring in: TEI elements hlmpub does not write, one it does, and no TEI element at all.
OTHER_NAMES = ("hi", "seg", "list", "item", "ab", "lg", "l", "quote", "foreign", "term", "div1", "table", "p", "bogus")


def _variants(root: etree._Element, count: int, seed: int) -> list[etree._Element]:
    """``count`` edited copies of ``root``, one edit each."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        doc = copy.deepcopy(root)
        elements = [el for el in doc.iter(etree.Element) if el is not doc]
        target = rng.choice(elements)
        edit = rng.choice(("delete", "duplicate", "rename", "insert", "drop-attribute", "add-attribute"))
        parent = target.getparent()
        if edit == "delete" and parent is not None:
            parent.remove(target)
        elif edit == "duplicate" and parent is not None:
            twin = copy.deepcopy(target)
            for el in twin.iter(etree.Element):
                el.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
            target.addnext(twin)
        elif edit == "rename":
            target.tag = f"{{{TEI_NS}}}{rng.choice(OTHER_NAMES)}"
        elif edit == "insert":
            child = etree.Element(f"{{{TEI_NS}}}{rng.choice(OTHER_NAMES)}")
            child.text = "x"
            target.insert(rng.randrange(len(target) + 1), child)
        elif edit == "drop-attribute" and target.attrib:
            del target.attrib[rng.choice(sorted(target.attrib))]
        else:
            target.set(rng.choice(("rend", "bogus", "n", "type")), "x")
        out.append(doc)
    return out


def _verdict_of_cut(root: etree._Element) -> bool:
    grammar = etree.fromstring(schema.schema_path().read_bytes())
    cut = subset(grammar, names_in(root))
    return cut is not None and etree.RelaxNG(cut).validate(root.getroottree())


def _editions(request: pytest.FixtureRequest, tmp_path, names: tuple[str, ...]) -> list[etree._Element]:
    roots = []
    for name in names:
        path = write_tei(request.getfixturevalue(name), tmp_path / f"{name}.tei.xml")
        roots.append(etree.parse(str(path)).getroot())
    return roots


def test_our_outputs_are_valid_under_the_cut(request, tei_schema, tmp_path):
    for root in _editions(request, tmp_path, ("synthetic", "synthetic_one", "seed_edition", "udhr_edition")):
        assert tei_schema.validate(root.getroottree())
        assert _verdict_of_cut(root)


def test_the_cut_gives_the_same_verdict_on_broken_variants(synthetic, tei_schema):
    root = etree.fromstring(to_bytes(synthetic))
    variants = _variants(root, 60, seed=15)
    verdicts = [(tei_schema.validate(v.getroottree()), _verdict_of_cut(v)) for v in variants]
    assert [whole for whole, _ in verdicts].count(False) >= 20  # the edits do break files
    assert all(whole == cut for whole, cut in verdicts), verdicts


@pytest.mark.slow
def test_the_cut_gives_the_same_verdict_on_many_variants_of_every_edition(request, tei_schema, tmp_path):
    roots = _editions(request, tmp_path, ("synthetic", "synthetic_one", "seed_edition", "udhr_edition"))
    for n, root in enumerate(roots):
        for variant in _variants(root, 150, seed=n):
            assert tei_schema.validate(variant.getroottree()) == _verdict_of_cut(variant)


def test_the_cut_compiles_in_a_fraction_of_a_second(synthetic):
    root = etree.fromstring(to_bytes(synthetic))
    start = time.perf_counter()
    _verdict_of_cut(root)
    assert time.perf_counter() - start < 1.0  # the whole tei_all takes about 6 s


def test_a_document_no_schema_start_allows_has_no_cut(synthetic):
    grammar = etree.fromstring(schema.schema_path().read_bytes())
    assert subset(grammar, frozenset({(TEI_NS, "p")})) is None  # neither TEI nor teiCorpus is possible


def test_hlmpub_validate_answers_in_a_fresh_process_within_a_second_or_so(udhr_edition, tei_schema, tmp_path):
    path = write_tei(udhr_edition, tmp_path / "udhr.tei.xml")
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (src, os.environ.get("PYTHONPATH"))))}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "hlmpub", "validate", str(path)], env=env, capture_output=True)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    assert seconds < 3.0  # about 0.3 s here (benchmarks/validate.py); the whole tei_all took 7.7-9 s
