"""How a download reports its progress: the :class:`FetchProgress` protocol (the CLI draws the bars)."""

from __future__ import annotations

from typing import Protocol

from .client import ProgressHook


class FetchProgress(Protocol):
    """What :func:`hlmpub.fetch.fetch_document` tells its caller while it downloads."""

    def hook(self, lang: str) -> ProgressHook | None:
        """A callback ``(bytes done, bytes expected or None)`` for the download of ``lang``, or None."""

    def finish(self, lang: str, status: str) -> None:
        """``lang`` ended: ``fetched``, ``unchanged`` or ``failed``."""


class NoProgress:
    """Reports nothing: the default for library callers."""

    def hook(self, lang: str) -> ProgressHook | None:
        """No callback."""
        return None

    def finish(self, lang: str, status: str) -> None:
        """Nothing to show."""
