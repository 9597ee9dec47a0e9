"""Fatal errors with exit codes and fix-it messages.

Recoverable problems are :class:`hlmpub.model.Finding` records instead.  Only
``hlmpub.cli`` (``cli/app.py``) turns these exceptions into exit codes and one-line messages.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes, one per kind of failure."""

    OK = 0
    FINDINGS = 1  # --strict and an error-level finding
    USAGE = 2
    INPUT = 3  # unreadable, empty, binary, wrongly encoded or malformed input
    LANGUAGE = 4  # unknown or unsupported language
    VALIDATION = 5  # TEI invalid
    ALIGNMENT = 6
    RENDER = 7
    FETCH = 8
    CONFIG = 9
    BATCH = 10  # at least one document of a batch failed
    OUTPUT = 11  # the output cannot be written there


class HlmpubError(Exception):
    """Base of every fatal error: ``path: message`` on one line."""

    exit_code: ExitCode = ExitCode.INPUT

    def __init_subclass__(cls, exit_code: ExitCode | None = None, **kwargs: object) -> None:
        # ``class InputError(HlmpubError, exit_code=ExitCode.INPUT)``: each kind of error names its code once
        super().__init_subclass__(**kwargs)
        if exit_code is not None:
            cls.exit_code = exit_code

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = " ".join(self.message.split())
        return f"{self.path}: {text}" if self.path else text


class InputError(HlmpubError, exit_code=ExitCode.INPUT):
    """Unreadable, empty, binary, wrongly encoded or malformed input."""


class ModelError(InputError):
    """Model JSON that is not what :func:`hlmpub.model.dump` writes (wrong version, missing fields)."""


class LanguageError(HlmpubError, exit_code=ExitCode.LANGUAGE):
    """Unknown or unsupported language."""


class ValidationError(HlmpubError, exit_code=ExitCode.VALIDATION):
    """A TEI file that does not validate."""


class AlignmentError(HlmpubError, exit_code=ExitCode.ALIGNMENT):
    """Versions that cannot be aligned."""


class RenderError(HlmpubError, exit_code=ExitCode.RENDER):
    """A PDF or DOCX edition that cannot be produced."""


class FetchError(HlmpubError, exit_code=ExitCode.FETCH):
    """A download that failed."""


class OutputError(HlmpubError, exit_code=ExitCode.OUTPUT):
    """An output file or folder that cannot be written."""


class FindingsError(HlmpubError, exit_code=ExitCode.FINDINGS):
    """``--strict`` and an error-level finding."""


class BatchError(HlmpubError, exit_code=ExitCode.BATCH):
    """A build in which a document failed: the one document's own exit code, else BATCH."""

    def __init__(self, message: str, path: str | Path | None = None, exit_code: int | None = None) -> None:
        super().__init__(message, path)
        if exit_code is not None:
            self.exit_code = ExitCode(exit_code)


class ConfigError(HlmpubError, exit_code=ExitCode.CONFIG):
    """A bad document.toml, setting or option."""
