"""What one document folder's build produced: :class:`BuildResult`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Finding


@dataclass
class BuildResult:
    """What happened to one document folder in a build."""

    name: str
    langs: tuple[str, ...] = ()
    rows: int = 0
    findings: list[Finding] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False
    error: str = ""
    exit_code: int = 0
    review_findings: list[Finding] = field(default_factory=list)  # the review's, when "review" is built

    @property
    def all_findings(self) -> list[Finding]:
        """The aligner's findings (``findings``), then the review's: what ``--strict`` looks at."""
        return self.findings + self.review_findings
