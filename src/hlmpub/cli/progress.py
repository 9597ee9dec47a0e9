"""What the terminal shows while work runs: progress bars and the build summary (rich)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from ..batch import BuildResult
from ..fetch.client import ProgressHook
from ..fetch.progress import FetchProgress, NoProgress


@contextlib.contextmanager
def build_bar(console: Console, total: int) -> Iterator[Any]:
    """One bar for the whole batch, on a terminal only; yields ``on_done(result)`` for :func:`run_batch`."""
    if not console.is_terminal:
        yield lambda result: None
        return
    columns = (
        TextColumn("building"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("build", total=total, last="")
        yield lambda result: progress.update(task, advance=1, last=result.name)


class FetchBars:
    """One bar per language file (a :class:`~hlmpub.fetch.progress.FetchProgress`)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, Any] = {}

    def hook(self, lang: str) -> ProgressHook | None:
        """A callback that moves the bar of ``lang``."""
        task = self.progress.add_task(lang, total=None)
        self.tasks[lang] = task

        def update(done: int, expected: int | None) -> None:
            self.progress.update(task, completed=done, total=expected)

        return update

    def finish(self, lang: str, status: str) -> None:
        """Show how ``lang`` ended: fetched, unchanged or failed."""
        if lang in self.tasks:
            task = self.tasks[lang]
            total = self.progress.tasks[task].completed or 1
            self.progress.update(task, description=f"{lang} {status}", total=total, completed=total)


@contextlib.contextmanager
def fetch_bars(console: Console) -> Iterator[FetchProgress]:
    """Bars on ``console`` while the downloads run, if it is a terminal; else nothing is shown."""
    if not console.is_terminal:
        yield NoProgress()
        return
    columns = (TextColumn("{task.description:<16}"), BarColumn(), DownloadColumn(), TransferSpeedColumn())
    with Progress(*columns, console=console) as progress:
        yield FetchBars(progress)


def _short_error(result: BuildResult) -> str:
    """The error with the document folder's path cut off (``…/doc05/zh.txt: …`` → ``zh.txt: …``)."""
    marker = f"/{result.name}/"
    head, sep, tail = result.error.partition(": ")
    if marker in head:
        return head.split(marker, 1)[1] + sep + tail
    return result.error


def summary_table(results: list[BuildResult], wall_seconds: float) -> Table:
    """One row per document, totals in the footer, each failure's error in its row."""
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
