"""Commands that start from source files: ingest, align, build, fetch."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from ..config import OUTPUT_FORMATS, check_lang, parse_langs
from ..errors import BatchError, FetchError
from .app import err_console, error, main, out_console, report_findings, say, settings_for
from .options import CommaChoice, langs_option, not_applicable, path_option

# --------------------------------------------------------------------- ingest


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
    from ..ingest import read_version
    from ..model import KINDS, unit_record

    version = read_version(file, check_lang(lang, file), fmt)
    if as_json:
        click.echo(json.dumps([unit_record(u) for u in version.units], ensure_ascii=False, indent=1))
        return
    table = Table("id", "kind", "key", "marker", "text", show_lines=False)
    for u in version.units:
        text = u.text.replace("\n", " | ")  # a table's cells, one line each in the unit text
        text = text if len(text) <= 80 else text[:77] + "…"
        table.add_row(u.id, u.kind, u.key, escape(u.marker), escape(text))
    out_console.print(table)
    counts = {k: sum(1 for u in version.units if u.kind == k) for k in KINDS}
    out_console.print(", ".join(f"{n} {k}" for k, n in counts.items() if n))


# ---------------------------------------------------------------------- align


@main.command()
@click.argument("source_dir", type=click.Path(file_okay=False, path_type=Path))
@langs_option("read, aligned and written to the TEI", "every version in document.toml, the pivot first")
@click.option("--json", "as_json", is_flag=True, help="Print the links as JSON instead of writing the TEI.")
@path_option("-o", "--output-dir", folder=True, help="Where <doc>/<doc>.tei.xml goes (default: output/).")
@click.pass_context
def align(ctx: click.Context, source_dir: Path, langs: str | None, as_json: bool, output_dir: Path | None) -> None:
    """Align the versions named in SOURCE_DIR/document.toml."""
    from .. import pipeline
    from ..batch import keep_hand_edits

    settings = settings_for(ctx, langs=parse_langs(langs) or None, output_dir=output_dir)
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
        keep_hand_edits(pipeline.tei_path(edition.meta, settings.output_dir), settings.output_dir)
        written = pipeline.write_outputs(edition, settings.with_(formats=("tei",)), source_dir=source_dir)
        for path in written:
            say(f"wrote {path}")
    report_findings(edition.findings, settings)


# ---------------------------------------------------------------------- build


@main.command()
@click.argument("source_dirs", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
@path_option(
    "-o",
    "--output-dir",
    folder=True,
    help="Output root; each document goes to DIR/<doc>/ (default: output/).",
)
@langs_option(
    "read and aligned, and every output (TEI, editions, TMX, review) has them",
    "every version in document.toml, the pivot first",
)
@click.option(
    "--to",
    "formats",
    type=CommaChoice(OUTPUT_FORMATS),
    default=None,
    help="Comma-separated outputs  [default: all but xces, or formats in [tool.hlmpub]]",
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
    formats: tuple[str, ...] | None,
    jobs: int | None,
    cluster: str | None,
    strict: bool | None,
) -> None:
    """Ingest, align and write TEI and editions for one or many source folders.

    A folder without document.toml is searched for document folders below it."""
    from ..batch import find_document_folders, run_batch
    from .progress import build_bar, summary_table

    if cluster and jobs is not None:
        raise not_applicable("--jobs", "does not apply with --cluster (the cluster's workers build the documents)")
    settings = settings_for(
        ctx,
        output_dir=output_dir,
        langs=parse_langs(langs) or None,
        formats=formats or None,
        jobs=jobs,
        strict=strict,
    )
    folders = find_document_folders(source_dirs)
    start = time.perf_counter()
    with build_bar(err_console, len(folders)) as on_done:
        results = run_batch(folders, settings, cluster=cluster, on_done=on_done)
    err_console.print(summary_table(results, time.perf_counter() - start))
    failed = [r for r in results if r.error]
    if len(results) == 1 and failed:
        raise BatchError(failed[0].error, exit_code=failed[0].exit_code)
    for r in failed:
        error(r.error)
    if failed:
        raise BatchError(f"{len(failed)} of {len(results)} documents failed")
    findings = [f for r in results for f in r.all_findings]  # the aligner's and the review's
    report_findings(tuple(findings), settings)


# ---------------------------------------------------------------------- fetch


@main.command()
@click.argument("symbol")
@click.option(
    "--langs",
    default="ar,en,es,fr,ru,zh",
    help="Comma-separated languages: only these versions are downloaded and recorded in document.toml.",
)
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]), default="pdf")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("sources"))
@click.option("--base-url", default=None, help="Document link service (default: the UN's public links).")
def fetch(symbol: str, langs: str, fmt: str, output_dir: Path, base_url: str | None) -> None:
    """Download the language versions of a UN document by its symbol."""
    from ..fetch import fetch_document
    from .progress import fetch_bars

    obj = click.get_current_context().obj or {}
    configured = obj["settings"].fetch.base_url if "settings" in obj else None
    with fetch_bars(err_console) as progress:
        report = fetch_document(
            symbol,
            parse_langs(langs),
            fmt,
            output_dir,
            base_url=base_url,
            progress=progress,
            configured_base_url=configured,
        )
    for lang, problem in report.failed.items():
        error(f"{lang}: {problem}")
    unchanged = f" ({len(report.unchanged)} unchanged)" if report.unchanged else ""
    err_console.print(
        f"{escape(str(report.folder))}: {len(report.fetched)} fetched{unchanged}, {len(report.failed)} failed",
        soft_wrap=True,
    )
    if report.failed:
        raise FetchError(f"{len(report.failed)} of {len(report.failed) + len(report.fetched)} language(s) failed")
