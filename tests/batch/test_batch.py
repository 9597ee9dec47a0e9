"""Batch builds: a dozen copies of the seed, one broken; processes, cache, Dask LocalCluster."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from rich.console import Console

from hlmpub import batch, cli
from hlmpub.batch import cache
from hlmpub.cli import run
from hlmpub.cli.progress import summary_table
from hlmpub.config import Settings
from hlmpub.errors import ConfigError, ExitCode

BROKEN = "doc05"


def settings_for(out: Path, **changes) -> Settings:
    return Settings(output_dir=out, formats=("tei",)).with_(**changes)


def tei_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.tei.xml"))}


def test_one_broken_document_fails_alone_and_the_rest_is_cached_next_time(dozen, tmp_path, capsys, monkeypatch):
    wide = Console(stderr=True, width=160)
    monkeypatch.setattr(cli.app, "err_console", wide)
    monkeypatch.setattr(cli.source_commands, "err_console", wide)
    out = tmp_path / "output"
    code = run(["build", str(dozen), "-o", str(out), "--to", "tei", "--jobs", "2"])
    assert code == ExitCode.BATCH
    err = capsys.readouterr().err
    assert "12 documents" in err and "11 built, 0 cached, 1 failed" in err
    row = next(line for line in err.splitlines() if f"│ {BROKEN} " in line)
    assert "failed: zh.txt: no such file" in row  # the error, in the summary table
    assert f"hlmpub: error: {dozen / BROKEN / 'zh.txt'}: no such file" in err  # and in full below it
    written = tei_files(out)
    assert len(written) == 11
    assert all(name.startswith("A_68_563-COPY") for name in written)
    assert "A_68_563-COPY05/A_68_563-COPY05.tei.xml" not in written
    assert all(b"<teiCorpus" in data for data in written.values())
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.tei.xml")}

    folders = batch.find_document_folders([dozen])
    again = batch.run_batch(folders, settings_for(out, jobs=2))
    by_name = {r.name: r for r in again}
    assert [r.name for r in again if r.cached] == [f"doc{k:02d}" for k in range(12) if k != 5]
    assert by_name[BROKEN].error.endswith("zh.txt: no such file") and not by_name[BROKEN].cached
    assert all(r.rows == by_name["doc00"].rows > 50 for r in again if not r.error)  # the seed's real rows
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.tei.xml")} == stamps  # nothing rewritten


def test_a_changed_input_or_a_lost_output_is_rebuilt(dozen, tmp_path):
    out = tmp_path / "output"
    folders = [f for f in batch.find_document_folders([dozen]) if f.name != BROKEN][:4]
    first = batch.run_batch(folders, settings_for(out))
    assert not any(r.cached or r.error for r in first)
    with (folders[1] / "zh.txt").open("a", encoding="utf-8") as fh:
        fh.write("\n")  # a whitespace change is still a change of the input bytes
    first[2].outputs[0].unlink()
    second = batch.run_batch(folders, settings_for(out))
    assert [r.cached for r in second] == [True, False, False, True]
    third = batch.run_batch(folders, settings_for(out, pivot="en"))  # other settings: other outputs
    assert not any(r.cached for r in third)


def test_parallel_and_serial_builds_write_the_same_bytes(dozen, tmp_path):
    folders = batch.find_document_folders([dozen])
    serial = batch.run_batch(folders, settings_for(tmp_path / "serial"))
    parallel = batch.run_batch(folders, settings_for(tmp_path / "parallel", jobs=2))
    assert [(r.name, r.rows, bool(r.error)) for r in serial] == [(r.name, r.rows, bool(r.error)) for r in parallel]
    assert tei_files(tmp_path / "serial") == tei_files(tmp_path / "parallel")


def test_an_unexpected_exception_fails_that_document_only(dozen, tmp_path, monkeypatch):
    real = batch.build_one

    def flaky(folder, settings):
        if folder.name == "doc02":
            raise RuntimeError("synthetic bug for this test")
        return real(folder, settings)

    monkeypatch.setattr(batch.document, "build_one", flaky)
    folders = [f for f in batch.find_document_folders([dozen]) if f.name in ("doc01", "doc02", "doc03")]
    results = batch.run_batch(folders, settings_for(tmp_path / "out"))
    assert [bool(r.error) for r in results] == [False, True, False]
    assert "internal error: RuntimeError: synthetic bug for this test" in results[1].error


def test_a_corrupt_cache_file_is_ignored(dozen, tmp_path):
    out = tmp_path / "out"
    folders = [dozen / "doc00"]
    batch.run_batch(folders, settings_for(out))
    (out / cache.CACHE_NAME).write_text("{ not json", encoding="utf-8")
    result = batch.run_batch(folders, settings_for(out))[0]
    assert not result.cached and not result.error
    assert batch.run_batch(folders, settings_for(out))[0].cached  # and it is rewritten


def test_summary_table_totals():
    results = [
        batch.BuildResult("a", ("zh", "en"), 10, [], [], 1.0),
        batch.BuildResult("b", ("zh",), 5, [], [], 0.0, cached=True),
        batch.BuildResult("c", error="c/document.toml: [versions] lists no language file", exit_code=9),
    ]
    buf = io.StringIO()
    Console(file=buf, width=200).print(summary_table(results, 2.5))
    text = buf.getvalue()
    assert "3 documents" in text and "3 versions" in text and "15" in text and "2.5 (wall)" in text
    assert "1 built, 1 cached, 1 failed" in text
    assert "[versions] lists no language file" in text  # markup in errors is shown, not swallowed


def test_missing_cluster_extra_is_one_clear_line(dozen, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if hlmpub[cluster] were not installed
    with pytest.raises(ConfigError, match=r"pip install 'hlmpub\[cluster\]'"):
        batch.run_batch([dozen / "doc00"], settings_for(tmp_path / "out"), cluster="local")


def test_local_dask_cluster_gives_byte_identical_tei(dozen, tmp_path):
    folders = batch.find_document_folders([dozen])
    single = batch.run_batch(folders, settings_for(tmp_path / "single"))
    dask = batch.run_batch(folders, settings_for(tmp_path / "dask"), cluster="local")
    assert [r.name for r in dask] == [f.name for f in folders]
    assert [r.error for r in dask if r.error] and [r.name for r in dask if r.error] == [BROKEN]
    assert [r.error for r in single if r.error] == [r.error for r in dask if r.error]
    assert len(tei_files(tmp_path / "dask")) == 11
    assert tei_files(tmp_path / "dask") == tei_files(tmp_path / "single")


def test_cluster_address_of_a_running_scheduler(dozen, tmp_path):
    from distributed import LocalCluster

    folders = [dozen / "doc00", dozen / "doc01", dozen / BROKEN]
    loopback = {"protocol": "tcp://", "host": "127.0.0.1", "dashboard_address": None}
    with LocalCluster(n_workers=1, processes=False, **loopback) as cluster:
        results = batch.run_batch(folders, settings_for(tmp_path / "out"), cluster=cluster.scheduler_address)
    assert [bool(r.error) for r in results] == [False, False, True]
    assert [r.name for r in results] == ["doc00", "doc01", BROKEN]
    assert len(tei_files(tmp_path / "out")) == 2


def test_single_broken_document_exits_with_its_own_code(dozen, tmp_path, capsys):
    code = run(["build", str(dozen / BROKEN), "-o", str(tmp_path / "out"), "--to", "tei"])
    assert code == ExitCode.INPUT
    assert "zh.txt: no such file" in capsys.readouterr().err


def test_a_code_or_template_change_invalidates_the_cache(tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "doc"
    shutil.copytree(Path(__file__).resolve().parents[2] / "sources" / "A_68_563", folder)
    before = cache.input_checksum(folder, Settings())
    templates = tmp_path / "templates"
    (templates / "pdf").mkdir(parents=True)
    (templates / "pdf" / "edition.css").write_text("td { color: black }")
    monkeypatch.setattr(cache, "BUNDLED_TEMPLATES", templates)
    cache.code_fingerprint.cache_clear()
    with_templates = cache.input_checksum(folder, Settings())
    (templates / "pdf" / "edition.css").write_text("td { color: red }")
    cache.code_fingerprint.cache_clear()
    restyled = cache.input_checksum(folder, Settings())
    cache.code_fingerprint.cache_clear()
    assert before is not None and len({before, with_templates, restyled}) == 3
