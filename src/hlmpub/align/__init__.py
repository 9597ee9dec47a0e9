"""Aligner: versions → n-way links.

Contract: ``align_versions(versions, pivot="zh") -> (list[Link], list[Finding])``.
(stub: being written)
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding, Link, Version


def align_versions(versions: Sequence[Version], pivot: str = "zh") -> tuple[list[Link], list[Finding]]:
    """Align all versions at once."""
    raise NotImplementedError
