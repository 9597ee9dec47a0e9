"""The ``hlmpub`` group, the consoles and the one place where exceptions become exit codes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .. import __version__
from ..config import Settings, load_settings
from ..errors import ExitCode, FindingsError, HlmpubError
from ..model import SEVERITIES, Finding
from .options import path_option

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


def say(text: str) -> None:
    """One line on stderr; file names and messages are never read as Rich markup."""
    err_console.print(escape(text), soft_wrap=True)


def error(text: str) -> None:
    """``hlmpub: error: …`` on stderr, one line, never read as markup."""
    err_console.print(f"[red]hlmpub: error:[/red] {escape(text)}", soft_wrap=True)


def settings_for(ctx: click.Context, **overrides: Any) -> Settings:
    """The group's settings with this command's given options on top."""
    base: Settings = ctx.obj["settings"]
    return base.with_(**{k: v for k, v in overrides.items() if v is not None})


@click.group(context_settings={"help_option_names": ["-h", "--help"], "show_default": True})
@click.version_option(__version__, prog_name="hlmpub")
@path_option(
    "--config",
    exists=True,
    help="A hlmpub.toml or pyproject.toml with a [tool.hlmpub] table "
    "(default: ./hlmpub.toml, else ./pyproject.toml, when present).",
)
@click.option("-v", "--verbose", count=True, show_default=False, help="More log output (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, config: Path | None, verbose: int) -> None:
    """Align the language versions of a UN document, archive them as TEI,
    publish side-by-side DOCX and PDF editions."""
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")
    if config is None:
        for candidate in (Path("hlmpub.toml"), Path("pyproject.toml")):
            if candidate.exists():
                config = candidate
                break
    ctx.obj = {"settings": load_settings(config)}


# ------------------------------------------------------------------- findings


def report_findings(findings: tuple[Finding, ...], settings: Settings, table: bool = False) -> None:
    """Count findings on stderr (optionally a table); with --strict, an error-level one fails (exit 1)."""
    if table and findings:
        t = Table("severity", "code", "lang", "unit", "message", title="findings")
        for f in findings:
            t.add_row(f.severity, f.code, f.lang, f.unit_id, escape(f.message))
        out_console.print(t)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    if findings:
        err_console.print(", ".join(f"{n} {s}" for s, n in counts.items() if n) + " finding(s)")
    if settings.strict and counts["error"]:
        raise FindingsError(f"{counts['error']} error-level finding(s) with --strict")


def run(argv: list[str] | None = None) -> int:
    """Entry point: every fatal error is one line on stderr and an exit code."""
    try:
        main.main(args=argv, prog_name="hlmpub", standalone_mode=False)
    except HlmpubError as exc:
        error(exc.one_line())
        return int(exc.exit_code)
    except click.exceptions.Abort:
        err_console.print("hlmpub: aborted")
        return 130
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USAGE
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def entry() -> None:
    """Console-script entry point: the process exits with :func:`run`'s code."""
    sys.exit(run())
