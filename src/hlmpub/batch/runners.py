"""Build many documents at once: in this process, in worker processes, or on a Dask cluster.

One per-document function, :func:`hlmpub.batch.document.build_document`, runs in
all three places; the schedulers are the standard library's
``ProcessPoolExecutor`` and Dask ``distributed`` — nothing home-made.  An
unchanged document is served from the build cache (:mod:`hlmpub.batch.cache`).
See docs/design/fetch-batch.md.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from ..config import Settings, source_folder
from ..errors import ConfigError, ExitCode
from .cache import BuildCache, input_checksum
from .document import build_document
from .result import BuildResult

log = logging.getLogger(__name__)

#: ``--cluster local``: a LocalCluster of this many single-threaded worker processes on 127.0.0.1.
LOCAL_WORKERS = 2

Task = tuple[int, Path]  # (position in the batch, document folder)

#: Called once per document as it finishes (cached ones first): how a caller shows progress.
OnDone = Callable[[BuildResult], None]

#: Worker processes run one document at a time; numeric libraries in them use one thread each, or N workers
#: × N BLAS threads fight over the cores (measured: 4x slower on a busy 2-core machine; see the design note).
ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def find_document_folders(paths: Iterable[Path]) -> list[Path]:
    """Folders holding a document.toml: the paths themselves, or below them."""
    found: list[Path] = []
    for path in map(source_folder, paths):
        if (path / "document.toml").exists():
            found.append(path)
            continue
        below = sorted(p.parent for p in path.glob("*/document.toml"))
        if not below:
            raise ConfigError("no document.toml here or in its sub-folders", path)
        found.extend(below)
    return found


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


def _for_cluster(folders: list[Path], settings: Settings, cluster: str | None) -> tuple[list[Path], Settings]:
    """Workers elsewhere need absolute paths (and a file system shared with this machine)."""
    if not cluster:
        return folders, settings
    return [f.resolve() for f in folders], settings.with_(output_dir=settings.output_dir.resolve())


def run_batch(
    folders: Iterable[Path], settings: Settings, cluster: str | None = None, on_done: OnDone | None = None
) -> list[BuildResult]:
    """Build every folder (cached ones are skipped); one failure never stops the others.

    ``cluster``: None (processes on this machine, ``settings.jobs`` of them), ``"local"`` (a Dask
    LocalCluster on 127.0.0.1) or a Dask scheduler address such as ``tcp://10.0.0.5:8786``.
    ``on_done`` is called with each result as it is known.
    """
    folders, settings = _for_cluster(list(folders), settings, cluster)
    done = on_done or (lambda result: None)
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
        for cached in results.values():
            done(cached)
        for i, result in _runner(tasks, settings, cluster):
            results[i] = result
            checksum = checksums[i]
            if not result.error and checksum:
                cache.store(folders[i], checksum, result)
            done(result)
    finally:
        cache.save()
    return [results[i] for i in range(len(folders))]
