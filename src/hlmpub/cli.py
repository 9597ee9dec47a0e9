"""The ``hlmpub`` command: parse arguments, call the stages, report.

This is the only module that talks to the terminal and the only place where
exceptions become exit codes.  Stage modules are imported inside each command
so that ``hlmpub --help`` stays fast.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .config import Settings, check_lang, load_settings, parse_langs
from .errors import ConfigError, ExitCode, HlmpubError, LanguageError
from .model import Finding

F = TypeVar("F", bound=Callable[..., Any])

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


def _say(text: str) -> None:
    """One line on stderr; file names and messages are never read as Rich markup."""
    err_console.print(escape(text), soft_wrap=True)


def _error(text: str) -> None:
    err_console.print(f"[red]hlmpub: error:[/red] {escape(text)}", soft_wrap=True)


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    base: Settings = ctx.obj["settings"]
    return base.with_(**{k: v for k, v in overrides.items() if v is not None})


@click.group(context_settings={"help_option_names": ["-h", "--help"], "show_default": True})
@click.version_option(__version__, prog_name="hlmpub")
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
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


# --------------------------------------------------------------------- ingest


def _unit_rows(units: Any) -> list[dict[str, str]]:
    return [{"id": u.id, "kind": u.kind, "key": u.key, "marker": u.marker, "text": u.text} for u in units]


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", required=True, help="Language of the file: ar, en, es, fr, ru or zh.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "pdf", "docx", "udhr-xml"]),
    default=None,
    help="Reader (default: from the extension).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of units (the stable machine interface).")
def ingest(file: Path, lang: str, fmt: str | None, as_json: bool) -> None:
    """Read one language version and print its units."""
    from .ingest import read_version

    version = read_version(file, check_lang(lang, file), fmt)
    if as_json:
        click.echo(json.dumps(_unit_rows(version.units), ensure_ascii=False, indent=1))
        return
    table = Table("id", "kind", "key", "marker", "text", show_lines=False)
    for u in version.units:
        text = u.text if len(u.text) <= 80 else u.text[:77] + "…"
        table.add_row(u.id, u.kind, u.key, escape(u.marker), escape(text))
    out_console.print(table)
    from .model import KINDS

    counts = {k: sum(1 for u in version.units if u.kind == k) for k in KINDS}
    out_console.print(", ".join(f"{n} {k}" for k, n in counts.items() if n))


# ---------------------------------------------------------------------- align


@main.command()
@click.argument("source_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--langs", default=None, help="Comma-separated languages to align (default: all in document.toml).")
@click.option("--json", "as_json", is_flag=True, help="Print the links as JSON instead of writing the TEI.")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where <doc>/<doc>.tei.xml goes (default: output/).",
)
@click.pass_context
def align(ctx: click.Context, source_dir: Path, langs: str | None, as_json: bool, output_dir: Path | None) -> None:
    """Align the versions named in SOURCE_DIR/document.toml."""
    from . import pipeline

    settings = _settings(ctx, langs=parse_langs(langs) or None, output_dir=output_dir)
    edition = pipeline.edition_from_sources(source_dir, settings)
    if as_json:
        rows = [
            {
                "units": {k: list(v) for k, v in lk.units.items()},
                "method": lk.method,
                "confidence": round(lk.score, 4),
                "key": lk.key,
            }
            for lk in edition.links
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        written = pipeline.write_outputs(edition, settings.with_(formats=("tei",)))
        for path in written:
            _say(f"wrote {path}")
    _report_findings(edition.findings, settings)


# ---------------------------------------------------------------------- build


@main.command()
@click.argument("source_dirs", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output root; each document goes to DIR/<doc>/ (default: output/).",
)
@click.option("--langs", default=None, help="Column order for the editions, e.g. zh,en,ar.")
@click.option(
    "--to",
    "formats",
    default=None,
    help="Comma-separated outputs: tei, docx, pdf, tmx, review (default: all available).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Documents built in parallel processes  [default: 1, or jobs in [tool.hlmpub]]",
)
@click.option("--cluster", default=None, help="Dask scheduler address, or 'local' for a local cluster.")
@click.option("--strict", is_flag=True, default=None, help="Exit non-zero on error-level findings.")
@click.pass_context
def build(
    ctx: click.Context,
    source_dirs: tuple[Path, ...],
    output_dir: Path | None,
    langs: str | None,
    formats: str | None,
    jobs: int | None,
    cluster: str | None,
    strict: bool | None,
) -> None:
    """Ingest, align and write TEI and editions for one or many source folders.

    A folder without document.toml is searched for document folders below it."""
    from . import pipeline

    fmt = tuple(f.strip() for f in formats.split(",") if f.strip()) if formats else None
    unknown = [f for f in fmt or () if f not in pipeline.WRITER_MODULES]
    if unknown:
        raise ConfigError(f"unknown output format {', '.join(unknown)}; known: {', '.join(pipeline.WRITER_MODULES)}")
    settings = _settings(
        ctx,
        output_dir=output_dir,
        langs=parse_langs(langs) or None,
        formats=fmt or pipeline.available_formats(),
        jobs=jobs,
        strict=strict,
    )
    import time

    from .batch import summary_table

    folders = pipeline.find_document_folders(source_dirs)
    start = time.perf_counter()
    results = pipeline.build_many(folders, settings, cluster=cluster, console=err_console)
    err_console.print(summary_table(results, time.perf_counter() - start))
    failed = [r for r in results if r.error]
    if failed:
        for r in failed:
            _error(r.error)
        sys.exit(ExitCode.BATCH if len(results) > 1 else failed[0].exit_code)
    findings = [f for r in results for f in r.all_findings]  # the aligner's and the review's
    _report_findings(tuple(findings), settings)


# ------------------------------------------------------------------- validate


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Check a TEI file against TEI P5 tei_all and the project's own rules."""
    from .tei import validate_file

    problems = validate_file(file)
    for p in problems:
        click.echo(f"{file}:{p.evidence or '?'}: {p.severity}: {p.message} [{p.code}]", err=True)
    if problems:
        errors = sum(1 for p in problems if p.severity == "error")
        click.echo(f"{file}: invalid: {errors} error(s), {len(problems) - errors} warning(s)", err=True)
        sys.exit(ExitCode.VALIDATION)
    _say(f"{file}: valid (TEI P5 tei_all + hlmpub rules)")


# --------------------------------------------------------------------- export


@main.command()
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(["tmx", "xces"]), required=True, help="Export format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File (tmx) or folder (xces); default: next to the TEI.",
)
def export(edition: Path, fmt: str, output: Path | None) -> None:
    """Export the alignment of a TEI edition as TMX 1.4b or XCES cesAlign."""
    from .tei import export_edition, read_tei

    written = export_edition(read_tei(edition), fmt, output or edition.parent)
    for path in written:
        _say(f"wrote {path}")


# --------------------------------------------------------------------- render


@main.command()
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(["pdf", "docx"]), required=True, help="Edition format.")
@click.option("--langs", default=None, help="Columns in this order, e.g. zh,en,ar (default: zh first).")
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A folder overriding templates/pdf and templates/docx.",
)
@click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/a-3b", "pdf/a-3u", "pdf/ua-1"]),
    default=None,
    help="Archival PDF/A-3 with the TEI attached, or tagged PDF/UA  [default: plain PDF]",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The edition file  [default: EDITION with .pdf/.docx instead of .tei.xml]",
)
@click.pass_context
def render(
    ctx: click.Context,
    edition: Path,
    fmt: str,
    langs: str | None,
    templates: Path | None,
    pdf_variant: str | None,
    output: Path | None,
) -> None:
    """Render a TEI edition as a side-by-side PDF or DOCX."""
    from .render import render_edition
    from .tei import read_tei

    settings = _settings(ctx, langs=parse_langs(langs) or None, templates_dir=templates, pdf_variant=pdf_variant)
    target = output or edition.with_name(edition.name.removesuffix(".tei.xml") + f".{fmt}")
    if target.resolve() == edition.resolve():
        raise ConfigError(f"-o names the edition itself; the {fmt.upper()} would overwrite the TEI", target)
    ed = read_tei(edition)
    missing = [lang for lang in settings.langs if lang not in ed.langs]
    if missing:
        raise LanguageError(f"--langs names {', '.join(missing)}, not in this edition ({', '.join(ed.langs)})", edition)
    with err_console.status(f"rendering {target.name}"):
        render_edition(ed, fmt, target, settings, tei_path=edition)
    _say(f"wrote {target}")


# --------------------------------------------------------------------- review


@main.command()
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, default=None, help="Exit non-zero when an error-level finding exists.")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the review report and edition go  [default: the TEI's folder]",
)
@click.option(
    "--accept",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Accepted-findings file  [default: review-accepted.toml next to the TEI, "
    "else sources/<doc>/review-accepted.toml when present]",
)
@click.pass_context
def review(
    ctx: click.Context, edition: Path, strict: bool | None, output_dir: Path | None, accept: Path | None
) -> None:
    """Check every row across languages; write <doc>.review.json and a review edition."""
    from .review import accepted_file_for, review_edition, write_review
    from .review.report import summary_rows
    from .tei import read_tei

    settings = _settings(ctx, strict=strict)
    ed = read_tei(edition)
    accept = accept or accepted_file_for(edition, ed, settings)
    if accept is not None:
        _say(f"accepted findings from {accept}")
    findings = review_edition(ed, settings, accept_file=accept)
    with err_console.status("writing the review report and edition"):
        paths = write_review(ed, findings, output_dir or edition.parent, settings, tei_bytes=edition.read_bytes())
    for path in paths:
        _say(f"wrote {path}")
    table = Table("severity", "code", "findings", "languages", title=f"review of {ed.meta.symbol}")
    for severity, code, count, langs in summary_rows(findings):
        table.add_row(severity, code, str(count), langs)
    out_console.print(table if findings else "no findings")
    _report_findings(tuple(findings), settings, table=False)


# ----------------------------------------------------------------------- eval


@main.command(name="eval")
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
def eval_(edition: Path, gold: Path) -> None:
    """Strict precision, recall and F1 per language pair against a gold alignment."""
    from .align.evaluate import evaluate_files

    table = Table("pair", "precision", "recall", "F1", title=f"{edition.name} vs {gold.name}")
    for pair, score in evaluate_files(edition, gold).items():
        table.add_row(pair, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    out_console.print(table)


# ---------------------------------------------------------------------- fetch


@main.command()
@click.argument("symbol")
@click.option("--langs", default="ar,en,es,fr,ru,zh", help="Languages to fetch.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]), default="pdf")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("sources"))
@click.option("--base-url", default=None, help="Document link service (default: the UN's public links).")
def fetch(symbol: str, langs: str, fmt: str, output_dir: Path, base_url: str | None) -> None:
    """Download the language versions of a UN document by its symbol."""
    from rich.markup import escape

    from .fetch import fetch_document

    obj = click.get_current_context().obj or {}
    configured = obj["settings"].extra.get("fetch_base_url") if "settings" in obj else None
    report = fetch_document(
        symbol,
        parse_langs(langs),
        fmt,
        output_dir,
        base_url=base_url,
        console=err_console,
        configured_base_url=str(configured) if configured else None,
    )
    for lang, problem in report.failed.items():
        _error(f"{lang}: {problem}")
    unchanged = f" ({len(report.unchanged)} unchanged)" if report.unchanged else ""
    err_console.print(
        f"{escape(str(report.folder))}: {len(report.fetched)} fetched{unchanged}, {len(report.failed)} failed",
        soft_wrap=True,
    )
    if report.failed:
        sys.exit(ExitCode.FETCH)


# ------------------------------------------------------------------- findings


def _report_findings(findings: tuple[Finding, ...], settings: Settings, table: bool = False) -> None:
    if table and findings:
        t = Table("severity", "code", "lang", "unit", "message", title="findings")
        for f in findings:
            t.add_row(f.severity, f.code, f.lang, f.unit_id, escape(f.message))
        out_console.print(t)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    if findings:
        err_console.print(", ".join(f"{n} {s}" for s, n in counts.items() if n) + " finding(s)")
    if settings.strict and counts["error"]:
        sys.exit(ExitCode.FINDINGS)


def run(argv: list[str] | None = None) -> int:
    """Entry point: every fatal error is one line on stderr and an exit code."""
    try:
        main.main(args=argv, prog_name="hlmpub", standalone_mode=False)
    except HlmpubError as exc:
        _error(exc.one_line())
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
    """Console-script entry point."""
    sys.exit(run())
