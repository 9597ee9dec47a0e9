"""``hlmpub review``: the review report (the default command) and the review workbench (``serve``)."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path

import click

from .app import main, say, settings_for
from .edition_commands import review as review_report
from .options import path_option


class ReviewGroup(click.Group):
    """A group whose first argument, when it names no subcommand, goes to ``report``.

    ``hlmpub review EDITION`` (the command before the workbench existed) keeps working."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Put ``report`` in front of arguments that do not start with a subcommand or the help option."""
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["report", *args]
        return super().parse_args(ctx, args)


@main.group(cls=ReviewGroup, invoke_without_command=False, no_args_is_help=True)
def review() -> None:
    """Review an edition: `hlmpub review EDITION` writes the report and the review edition
    (same as `hlmpub review report EDITION`); `hlmpub review serve EDITION` opens the workbench."""


review.add_command(review_report)


@review.command()
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@path_option(
    "--sources",
    folder=True,
    exists=True,
    help="The document's source folder (its review-decisions.toml and review-accepted.toml)  "
    "[default: the folder the edition was built from]",
)
@click.option("--host", default="127.0.0.1", help="Address to listen on (loopback only unless --allow-remote).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, help="Port; 0 picks a free one.")
@click.option(
    "--reviewer",
    default=None,
    show_default=False,
    help="Your name, recorded with every decision  [default: your login name]",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default web browser.")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host that is not a loopback address (anyone who has the URL with its token can edit).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    edition: Path,
    sources: Path | None,
    host: str,
    port: int,
    reviewer: str | None,
    open_browser: bool,
    allow_remote: bool,
) -> None:
    """Serve the review workbench for EDITION.tei.xml on this machine until Ctrl-C.

    The first line on stdout is the page's URL with its access token."""
    import getpass

    from ..workbench.app import create_app, new_token
    from ..workbench.server import bind, is_loopback, page_url, serve_forever
    from ..workbench.session import Session

    if not is_loopback(host) and not allow_remote:
        raise click.UsageError(f"--host {host} is not a loopback address; add --allow-remote to serve it there")
    settings = settings_for(ctx)
    if reviewer is None:
        try:
            reviewer = getpass.getuser()
        except (KeyError, OSError):
            reviewer = "reviewer"
    session = Session(edition, sources=sources, reviewer=reviewer, settings=settings)
    token = new_token()
    sock = bind(host, port)
    url = page_url(host, sock, token)
    click.echo(url)
    sys.stdout.flush()
    if not is_loopback(host):
        say(f"warning: serving on {host}: anyone who can reach it and has the URL can edit the edition")
    say(f"reviewing {edition} as {reviewer}; decisions go to {session.decisions_path}; Ctrl-C stops")
    app = create_app(session, token, host=host, low_confidence=settings.review.low_confidence)
    if open_browser:
        webbrowser.open(url)
    serve_forever(app, sock)
    say("stopped")
