"""The option types and helpers every command shares: paths, languages, comma lists, options that do not apply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def path_option(*names: str, help: str, folder: bool | None = False, exists: bool = False) -> Any:
    """A click option naming a file (a folder with ``folder``, either with None), as a Path; None when not given."""
    kind = click.Path(exists=exists, file_okay=folder is not True, dir_okay=folder is not False, path_type=Path)
    return click.option(*names, type=kind, default=None, help=help)


def langs_option(what: str, default: str) -> Any:
    """``--langs``, worded the same in every command: it selects the languages, not only their order."""
    return click.option(
        "--langs",
        default=None,
        show_default=False,
        help=f"Comma-separated languages, e.g. zh,en,ar: only these languages are {what}, in this order  "
        f"[default: langs in [tool.hlmpub], else {default}]",
    )


class CommaChoice(click.ParamType):
    """Comma-separated names from a fixed list, as a tuple; an unknown name is a usage error like ``click.Choice``."""

    name = "names"

    def __init__(self, choices: tuple[str, ...]) -> None:
        self.choices = choices

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        """``[tei,docx,...]`` in the usage line."""
        return "[" + ",".join(self.choices) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[str, ...]:
        """``"tei, pdf"`` → ``("tei", "pdf")``; a name not in the list fails with click's wording."""
        if isinstance(value, tuple):
            return value
        names = tuple(part.strip() for part in str(value).split(",") if part.strip())
        for name in names:
            if name not in self.choices:
                self.fail(f"{name!r} is not one of {', '.join(map(repr, self.choices))}.", param, ctx)
        return names


def not_applicable(option: str, reason: str) -> click.UsageError:
    """The usage error (exit 2) for an option given where it does nothing."""
    return click.UsageError(f"{option} {reason}; leave it out")
