"""What the paragraph path hands between its steps: one unit to be, before its keys and ids are final."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Kind
from ..blocks import Block


@dataclass
class Item:
    """One unit to be: its kind (``front`` until the front matter gets its keys), key, marker, lines."""

    kind: Kind | str
    key: str = ""
    marker: str = ""
    lines: list[str] = field(default_factory=list)
    refs: tuple[str, ...] = ()  # the note references it holds (``1``, ``*``, ``a``), in order
    rows: tuple[tuple[str, ...], ...] = ()
    header_rows: int = 0
    block: Block | None = None  # the block it came from (layout for the title rule)
