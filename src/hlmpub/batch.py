"""Build many documents at once: in this process, in worker processes, or on a Dask cluster.

One per-document function, :func:`build_document` (``pipeline.build_one`` plus
a guard so that a bug in one document cannot stop the batch), runs in all
three places; the schedulers are the standard library's
``ProcessPoolExecutor`` and Dask ``distributed`` — nothing home-made.

Results are cached by input checksum (:func:`input_checksum`) in
``<output>/.hlmpub-cache.json``: an unchanged document whose outputs are still
there is not rebuilt.  See docs/design/fetch-batch.md.  The sha256 the cache
records for each output also tells when a TEI archive was edited by hand since
hlmpub wrote it: :func:`hlmpub.backup.keep_hand_edits` then keeps a ``.bak``
copy before a rebuild overwrites it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import __version__
from .config import BUNDLED_TEMPLATES, Settings, load_document
from .errors import ConfigError, ExitCode, HlmpubError
from .model import Finding
from .pipeline import BuildResult, build_one
from .safeio import sha256_file, write_text

log = logging.getLogger(__name__)

CACHE_NAME = ".hlmpub-cache.json"
CACHE_VERSION = 2
#: ``--cluster local``: a LocalCluster of this many single-threaded worker processes on 127.0.0.1.
LOCAL_WORKERS = 2

Task = tuple[int, Path]  # (position in the batch, document folder)

#: Worker processes run one document at a time; numeric libraries in them use one thread each, or N workers
#: × N BLAS threads fight over the cores (measured: 4x slower on a busy 2-core machine; see the design note).
ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def build_document(folder: Path, settings: Settings) -> BuildResult:
    """The per-document function every runner calls: never raises, whatever happens inside."""
    try:
        return build_one(folder, settings)
    except Exception as exc:  # a bug in a stage fails this document only; the traceback goes to the log
        log.exception("%s: unexpected error", folder)
        error = f"{folder}: internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"
        return BuildResult(name=folder.name, error=error, exit_code=int(ExitCode.BATCH))


# ---------------------------------------------------------------------- cache


def _settings_key(settings: Settings) -> bytes:
    """The settings that change what a build writes (not where, not --strict, not --jobs)."""
    fields = {
        "formats": list(settings.formats),
        "langs": list(settings.langs),
        # every align, render and review setting; fetch settings change no build
        "align": asdict(settings.align),
        "render": asdict(settings.render),
        "review": asdict(settings.review),
    }
    return json.dumps(fields, sort_keys=True, default=str).encode("utf-8")


@functools.cache
def code_fingerprint() -> str:
    """sha256 of hlmpub's own modules and bundled templates: a code or template change invalidates the cache."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py")) + sorted(p for p in BUNDLED_TEMPLATES.rglob("*") if p.is_file())
    for path in files:
        h.update(path.name.encode() + b"\0" + sha256_file(path).encode())
    return h.hexdigest()


def input_checksum(folder: Path, settings: Settings) -> str | None:
    """sha256 of document.toml, every version file, the hlmpub version and the output settings.

    None when the folder cannot be read: such a document is always built (and fails there, with its error).
    """
    h = hashlib.sha256()

    def feed(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    try:
        feed("hlmpub", __version__.encode())
        feed("code", code_fingerprint().encode())
        feed("settings", _settings_key(settings))
        feed("document.toml", (folder / "document.toml").read_bytes())
        for spec in sorted(load_document(folder).versions, key=lambda v: v.lang):
            feed(f"{spec.lang}:{spec.path.name}:{spec.format}", sha256_file(spec.path).encode())
        for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
            feed(f"file:{path.name}", sha256_file(path).encode())  # e.g. review-accepted.toml
        if settings.templates_dir is not None:
            for path in sorted(p for p in Path(settings.templates_dir).rglob("*") if p.is_file()):
                feed(f"template:{path.relative_to(settings.templates_dir)}", sha256_file(path).encode())
    except (HlmpubError, OSError) as exc:
        log.debug("%s: not cacheable (%s)", folder, exc)
        return None
    return h.hexdigest()


class BuildCache:
    """``<output>/.hlmpub-cache.json``: folder → input checksum, result summary, outputs with their sha256."""

    def __init__(self, output_dir: Path) -> None:
        self.root = Path(output_dir)
        self.path = self.root / CACHE_NAME
        self.entries = self._load()
        self.dirty = False

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("%s: unreadable build cache ignored (%s)", self.path, exc)
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("documents", {})
        return entries if isinstance(entries, dict) else {}

    def _where(self, stored: str) -> Path:
        return self.root / stored

    def lookup(self, folder: Path, checksum: str) -> BuildResult | None:
        """The cached result, if the inputs are unchanged and every output is still as written."""
        entry = self.entries.get(str(folder.resolve()))
        if not entry or entry.get("checksum") != checksum:
            return None
        try:
            outputs = [self._where(o["path"]) for o in entry["outputs"]]
            for path, stored in zip(outputs, entry["outputs"], strict=True):
                if not path.is_file() or sha256_file(path) != stored["sha256"]:
                    return None
            findings = [Finding(**f) for f in entry["findings"]]
            review = [Finding(**f) for f in entry.get("review_findings", [])]
            langs, rows = tuple(entry["langs"]), int(entry["rows"])
            return BuildResult(folder.name, langs, rows, findings, outputs, cached=True, review_findings=review)
        except (KeyError, TypeError, ValueError, OSError):
            return None

    def _stored(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(Path(path).resolve())

    def store(self, folder: Path, checksum: str, result: BuildResult) -> None:
        """Remember a successful build."""
        self.entries[str(folder.resolve())] = {
            "checksum": checksum,
            "langs": list(result.langs),
            "rows": result.rows,
            "findings": [asdict(f) for f in result.findings],
            "review_findings": [asdict(f) for f in result.review_findings],
            "outputs": [{"path": self._stored(p), "sha256": sha256_file(p)} for p in result.outputs],
        }
        self.dirty = True

    def written_sha(self, path: Path) -> str | None:
        """The sha256 of ``path`` when a build last wrote it, or None when no build recorded that file."""
        stored = self._stored(path)
        for entry in self.entries.values():
            for output in entry.get("outputs", ()) if isinstance(entry, dict) else ():
                if isinstance(output, dict) and output.get("path") == stored:
                    return str(output.get("sha256"))
        return None

    def save(self) -> None:
        """Write the cache atomically (only when something changed)."""
        if self.dirty:
            data = {"version": CACHE_VERSION, "hlmpub": __version__, "documents": self.entries}
            write_text(self.path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
            self.dirty = False


# -------------------------------------------------------------------- runners


def _outcome(future: Any, folder: Path) -> BuildResult:
    """The future's BuildResult; a dead worker or a lost task becomes this document's error."""
    try:
        result: BuildResult = future.result()
    except Exception as exc:  # BrokenProcessPool, a killed Dask worker, an unpicklable result ...
        error = f"{folder}: worker failed: {type(exc).__name__}: {' '.join(str(exc).split())}"
        return BuildResult(name=folder.name, error=error, exit_code=int(ExitCode.BATCH))
    return result


def _one_thread_per_worker() -> None:
    """Process-pool initializer: runs before the worker imports numpy (unless the user chose otherwise)."""
    for name, value in ONE_THREAD_ENV.items():
        os.environ.setdefault(name, value)


def _run_serial(tasks: list[Task], settings: Settings) -> Iterator[tuple[int, BuildResult]]:
    for i, folder in tasks:
        yield i, build_document(folder, settings)


def _run_processes(tasks: list[Task], settings: Settings, jobs: int) -> Iterator[tuple[int, BuildResult]]:
    # spawn, not fork: the parent may run threads (rich's live display) that fork would copy mid-flight
    context = multiprocessing.get_context("spawn")
    workers = min(jobs, len(tasks))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_one_thread_per_worker) as pool:
        futures: dict[Future[BuildResult], Task] = {
            pool.submit(build_document, folder, settings): (i, folder) for i, folder in tasks
        }
        for future in as_completed(futures):
            i, folder = futures[future]
            yield i, _outcome(future, folder)


def _runner(tasks: list[Task], settings: Settings, cluster: str | None) -> Iterator[tuple[int, BuildResult]]:
    if not tasks:
        return iter(())
    if cluster:
        return _run_dask(tasks, settings, cluster)
    jobs = settings.jobs if settings.jobs > 0 else (os.cpu_count() or 1)
    if jobs > 1 and len(tasks) > 1:
        return _run_processes(tasks, settings, jobs)
    return _run_serial(tasks, settings)


def _dask_client(stack: contextlib.ExitStack[Any], address: str) -> Any:
    """A Dask client: a new LocalCluster on 127.0.0.1 for ``"local"``, else the scheduler at ``address``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--cluster needs the optional extra: pip install 'hlmpub[cluster]'") from None
    if not log.isEnabledFor(logging.DEBUG):  # Dask logs every worker start and stop at INFO level
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if address == "local":
        cluster = LocalCluster(
            n_workers=LOCAL_WORKERS,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            env={**ONE_THREAD_ENV, **{k: os.environ[k] for k in ONE_THREAD_ENV if k in os.environ}},
        )
        stack.enter_context(cluster)
        return stack.enter_context(Client(cluster))
    try:
        return stack.enter_context(Client(address, timeout="20s"))
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _run_dask(tasks: list[Task], settings: Settings, address: str) -> Iterator[tuple[int, BuildResult]]:
    with contextlib.ExitStack() as stack:
        client = _dask_client(stack, address)
        from distributed import as_completed as dask_completed

        futures = {client.submit(build_document, folder, settings, pure=False): (i, folder) for i, folder in tasks}
        for future in dask_completed(list(futures)):
            i, folder = futures[future]
            yield i, _outcome(future, folder)


# ---------------------------------------------------------------------- batch


@contextlib.contextmanager
def _progress(console: Any, total: int) -> Iterator[Callable[[str], None]]:
    """One bar for the whole batch, on a terminal only; yields ``advance(document_name)``."""
    if console is None or not getattr(console, "is_terminal", False):
        yield lambda name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("building"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("build", total=total, last="")
        yield lambda name: progress.update(task, advance=1, last=name)


def _for_cluster(folders: list[Path], settings: Settings, cluster: str | None) -> tuple[list[Path], Settings]:
    """Workers elsewhere need absolute paths (and a file system shared with this machine)."""
    if not cluster:
        return folders, settings
    return [f.resolve() for f in folders], settings.with_(output_dir=settings.output_dir.resolve())


def run_batch(
    folders: Iterable[Path], settings: Settings, cluster: str | None = None, console: Any = None
) -> list[BuildResult]:
    """Build every folder (cached ones are skipped); one failure never stops the others.

    ``cluster``: None (processes on this machine, ``settings.jobs`` of them), ``"local"`` (a Dask
    LocalCluster on 127.0.0.1) or a Dask scheduler address such as ``tcp://10.0.0.5:8786``.
    """
    folders, settings = _for_cluster(list(folders), settings, cluster)
    cache = BuildCache(settings.output_dir)
    results: dict[int, BuildResult] = {}
    checksums: dict[int, str | None] = {}
    tasks: list[Task] = []
    for i, folder in enumerate(folders):
        start = time.perf_counter()
        checksum = checksums[i] = input_checksum(folder, settings)
        hit = cache.lookup(folder, checksum) if checksum else None
        if hit is None:
            tasks.append((i, folder))
            continue
        hit.seconds = time.perf_counter() - start
        results[i] = hit
    try:
        with _progress(console, len(folders)) as advance:
            for cached in results.values():
                advance(cached.name)
            for i, result in _runner(tasks, settings, cluster):
                results[i] = result
                checksum = checksums[i]
                if not result.error and checksum:
                    cache.store(folders[i], checksum, result)
                advance(result.name)
    finally:
        cache.save()
    return [results[i] for i in range(len(folders))]


def build_parallel(
    folders: list[Path], settings: Settings, cluster: str | None = None, console: Any = None
) -> list[BuildResult]:
    """Alias of :func:`run_batch` (the name the pipeline first used)."""
    return run_batch(folders, settings, cluster=cluster, console=console)


def _short_error(result: BuildResult) -> str:
    """The error with the document folder's path cut off (``…/doc05/zh.txt: …`` → ``zh.txt: …``)."""
    marker = f"/{result.name}/"
    head, sep, tail = result.error.partition(": ")
    if marker in head:
        return head.split(marker, 1)[1] + sep + tail
    return result.error


def summary_table(results: list[BuildResult], wall_seconds: float) -> Any:
    """A rich Table: one row per document, totals in the footer, each failure's error in its row."""
    from rich.markup import escape
    from rich.table import Table

    failed = sum(1 for r in results if r.error)
    cached = sum(1 for r in results if r.cached)
    footers = (
        f"{len(results)} documents",
        f"{sum(len(r.langs) for r in results)} versions",
        str(sum(r.rows for r in results)),
        str(sum(len(r.findings) for r in results)),
        str(sum(len(r.review_findings) for r in results)),
        f"{wall_seconds:.1f} (wall)",
        f"{len(results) - failed - cached} built, {cached} cached, {failed} failed",
    )
    heads = ("document", "languages", "rows", "align", "review", "seconds", "status")
    caption = "findings: align = the aligner's, review = the review checks'"
    table = Table(title="hlmpub build", caption=caption, show_footer=True)
    for head, footer in zip(heads, footers, strict=True):
        right, fold = head in ("rows", "align", "review", "seconds"), head in ("languages", "status")
        table.add_column(
            head,
            footer=footer,
            justify="right" if right else "left",
            no_wrap=not fold,
            overflow="fold" if fold else "ellipsis",
        )
    for r in results:
        status = f"[red]failed[/red]: {escape(_short_error(r))}" if r.error else ("cached" if r.cached else "built")
        counts = (str(len(r.findings)), str(len(r.review_findings)))
        table.add_row(escape(r.name), ",".join(r.langs), str(r.rows), *counts, f"{r.seconds:.1f}", status)
    return table
