"""Download progress on a terminal: one rich bar per language; nothing without a console."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .client import ProgressHook


class Bars:
    """One bar per language file; every method is a no-op without a rich Progress."""

    def __init__(self, progress: Any = None) -> None:
        self.progress = progress
        self.tasks: dict[str, Any] = {}

    def hook(self, lang: str) -> ProgressHook | None:
        """A callback that moves the bar of ``lang``."""
        if self.progress is None:
            return None
        task = self.progress.add_task(lang, total=None)
        self.tasks[lang] = task

        def update(done: int, expected: int | None) -> None:
            self.progress.update(task, completed=done, total=expected)

        return update

    def finish(self, lang: str, status: str) -> None:
        """Show how ``lang`` ended: fetched, unchanged or failed."""
        if self.progress is not None and lang in self.tasks:
            task = self.tasks[lang]
            total = self.progress.tasks[task].completed or 1
            self.progress.update(task, description=f"{lang} {status}", total=total, completed=total)


@contextlib.contextmanager
def bars(console: Any = None) -> Iterator[Bars]:
    """Bars on ``console`` (a rich Console) while the downloads run, if it is a terminal."""
    if console is None or not getattr(console, "is_terminal", False):
        yield Bars()
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    columns = (TextColumn("{task.description:<16}"), BarColumn(), DownloadColumn(), TransferSpeedColumn())
    with Progress(*columns, console=console) as progress:
        yield Bars(progress)
