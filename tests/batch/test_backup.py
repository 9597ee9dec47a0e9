"""A TEI archive edited by hand since hlmpub wrote it is kept as ``<slug>.tei.xml.bak`` before a rebuild.

Real data: copies of the bundled Chinese seed (see conftest.py).  The hand edits are SYNTHETIC reviewer
edits of the archive a real build wrote: a typo "fixed" in the header, an XML comment added.
"""

from __future__ import annotations

import logging
from pathlib import Path

from hlmpub import pipeline
from hlmpub.batch import backup, cache
from hlmpub.cli import run
from hlmpub.config import Settings

from .conftest import copy_seed

TITLE = "大会核裁军问题高级别会议的摘要"


def build(src: Path, out: Path) -> None:
    assert run(["build", str(src), "-o", str(out), "--to", "tei"]) == 0


def archive(out: Path) -> Path:
    return out / "A_68_563-COPY00" / "A_68_563-COPY00.tei.xml"


def test_a_hand_edited_header_is_kept_as_bak(tmp_path, caplog):
    src, out = copy_seed(tmp_path / "sources", 0), tmp_path / "output"
    build(src, out)
    tei = archive(out)
    written = tei.read_bytes()
    assert TITLE.encode() in written
    edited = written.replace(TITLE.encode(), "大会核裁军问题高级别会议摘要".encode(), 1)  # the reviewer's wording
    tei.write_bytes(edited)
    with caplog.at_level(logging.WARNING, logger="hlmpub.batch.backup"):
        build(src, out)
    kept = tei.with_name(tei.name + ".bak")
    assert kept.read_bytes() == edited  # the reviewer's file, byte for byte
    assert tei.read_bytes() == written  # the rebuild is hlmpub's again
    assert any(str(kept) in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
    assert not list(tei.parent.glob("*.tmp*"))


def test_an_untouched_archive_has_no_backup(tmp_path):
    src, out = copy_seed(tmp_path / "sources", 0), tmp_path / "output"
    build(src, out)
    (out / cache.CACHE_NAME).unlink()  # no record: rebuilt, and compared with what hlmpub writes for it
    build(src, out)
    assert not list(archive(out).parent.glob("*.bak"))
    assert backup.keep_hand_edits(archive(out), out) is None  # recorded again by the second build


def test_without_a_cache_record_an_edit_is_still_seen(tmp_path):
    src, out = copy_seed(tmp_path / "sources", 0), tmp_path / "output"
    settings = Settings(output_dir=out, formats=("tei",))
    pipeline.write_outputs(pipeline.edition_from_sources(src, settings), settings)  # as `hlmpub align` does
    tei = archive(out)
    assert backup.keep_hand_edits(tei, out) is None
    tei.write_bytes(tei.read_bytes().replace(b"<standOff>", b"<!-- checked by hand --><standOff>", 1))
    kept = backup.keep_hand_edits(tei, out)
    assert kept == tei.with_name(tei.name + ".bak") and b"checked by hand" in kept.read_bytes()


def test_an_archive_the_workbench_saved_needs_no_backup(tmp_path):
    # The review workbench writes hlmpub's own serialisation of an edited edition: its edits are in the
    # source folder's review-decisions.toml, so the rebuild keeps no .bak of it (and warns of nothing).
    from dataclasses import replace

    from hlmpub import tei as tei_stage

    src, out = copy_seed(tmp_path / "sources", 0), tmp_path / "output"
    build(src, out)
    path = archive(out)
    edition = tei_stage.read_tei(path)
    first = replace(edition.links[0], method="manual", resp="A. Reviser", checked=True)
    path.write_bytes(tei_stage.tei_bytes(replace(edition, links=(first, *edition.links[1:]))))
    assert backup.keep_hand_edits(path, out) is None
    path.write_bytes(path.read_bytes().replace(b"</TEI>", b"<!-- by hand --></TEI>"))
    assert backup.keep_hand_edits(path, out) is not None  # a hand edit is still kept
