"""Commands that start from a TEI edition: validate, export, render, review, eval."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click
from rich.table import Table

from ..config import PDF_VARIANTS, parse_langs
from ..errors import ConfigError, LanguageError, ValidationError
from .app import err_console, main, out_console, report_findings, say, settings_for
from .options import langs_option, not_applicable, path_option

# ------------------------------------------------------------------- validate


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def validate(file: Path) -> None:
    """Check a TEI file against TEI P5 tei_all and the project's own rules.

    Exit 0 when there is no error (warnings are printed), 5 when there is one."""
    from ..tei import validate_file

    problems = validate_file(file)
    for p in problems:
        click.echo(f"{file}:{p.evidence or '?'}: {p.severity}: {p.message} [{p.code}]", err=True)
    errors = sum(1 for p in problems if p.severity == "error")
    others = len(problems) - errors
    warnings = f"{others} warning{'s' if others != 1 else ''}"
    if errors:  # a warning alone (a hand-edited bead shape, a table's @rows) leaves the file valid
        raise ValidationError(f"invalid: {errors} error{'s' if errors != 1 else ''}, {warnings}", file)
    say(f"{file}: valid{', ' + warnings if others else ''} (TEI P5 tei_all + hlmpub rules)")


# --------------------------------------------------------------------- export


@main.command()
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(["tmx", "xces"]), required=True, help="Export format.")
@path_option("-o", "--output", folder=None, help="File (tmx) or folder (xces); default: next to the TEI.")
@click.option(
    "--level",
    type=click.Choice(["sentence", "paragraph"]),
    default=None,
    help="One unit per sentence row or per paragraph row; default: [tool.hlmpub.export] level (sentence).",
)
@click.pass_context
def export(ctx: click.Context, edition: Path, fmt: str, output: Path | None, level: str | None) -> None:
    """Export the alignment of a TEI edition as TMX 1.4b or XCES cesAlign."""
    from ..tei import export_edition, read_tei

    settings = settings_for(ctx)
    if level is not None:
        settings = replace(settings, export=replace(settings.export, level=level))
    written = export_edition(read_tei(edition), fmt, output or edition.parent, settings)
    for path in written:
        say(f"wrote {path}")


# --------------------------------------------------------------------- render


@main.command()
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(["pdf", "docx"]), required=True, help="Edition format.")
@langs_option("columns of the edition", "every language of the edition, zh first, then ar, en, es, fr, ru")
@path_option(
    "--templates",
    folder=True,
    exists=True,
    help="A templates folder: its pdf/ and docx/ files (pdf/edition.css, docx/reference.docx, ...) "
    "replace the bundled ones.",
)
@click.option(
    "--pdf-variant",
    type=click.Choice(PDF_VARIANTS),
    default=None,
    help="Archival PDF (PDF/A-3 with the TEI attached), or tagged PDF/UA; with --to pdf only  [default: plain PDF]",
)
@path_option("-o", "--output", help="The edition file  [default: EDITION with .pdf/.docx instead of .tei.xml]")
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
    from ..render import render_edition
    from ..tei import read_tei

    if pdf_variant is not None and fmt != "pdf":
        raise not_applicable("--pdf-variant", f"applies to --to pdf only, not --to {fmt}")
    settings = settings_for(ctx, langs=parse_langs(langs) or None, templates_dir=templates, pdf_variant=pdf_variant)
    target = output or edition.with_name(edition.name.removesuffix(".tei.xml") + f".{fmt}")
    if target.resolve() == edition.resolve():
        raise ConfigError(f"-o names the edition itself; the {fmt.upper()} would overwrite the TEI", target)
    ed = read_tei(edition)
    missing = [lang for lang in settings.langs if lang not in ed.langs]
    if missing:
        raise LanguageError(f"--langs names {', '.join(missing)}, not in this edition ({', '.join(ed.langs)})", edition)
    with err_console.status(f"rendering {target.name}"):
        render_edition(ed, fmt, target, settings, tei_path=edition)
    say(f"wrote {target}")


# --------------------------------------------------------------------- review
# `hlmpub review EDITION` runs this command: cli/review_commands.py makes it the default of the
# `review` group (`hlmpub review report EDITION`, `hlmpub review serve EDITION`).


@click.command(name="report")
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, default=None, help="Exit non-zero when an error-level finding exists.")
@path_option(
    "-o",
    "--output-dir",
    folder=True,
    help="Where the review report and edition go  [default: the TEI's folder]",
)
@path_option(
    "--accept",
    exists=True,
    help="Accepted-findings file  [default: review-accepted.toml next to the TEI, "
    "else sources/<doc>/review-accepted.toml when present]",
)
@click.pass_context
def review(
    ctx: click.Context, edition: Path, strict: bool | None, output_dir: Path | None, accept: Path | None
) -> None:
    """Check every row across languages; write <doc>.review.json and a review edition."""
    from ..pipeline import write_review
    from ..review import accepted_file_for, review_edition, summary_rows
    from ..tei import read_tei

    settings = settings_for(ctx, strict=strict)
    ed = read_tei(edition)
    accept = accept or accepted_file_for(edition, ed, settings)
    if accept is not None:
        say(f"accepted findings from {accept}")
    findings = review_edition(ed, settings, accept_file=accept)
    with err_console.status("writing the review report and edition"):
        out = output_dir or edition.parent
        paths = write_review(ed, findings, out, settings, tei_bytes=edition.read_bytes(), accept_file=accept)
    for path in paths:
        say(f"wrote {path}")
    table = Table("severity", "code", "findings", "languages", title=f"review of {ed.meta.symbol}")
    for severity, code, count, langs in summary_rows(findings):
        table.add_row(severity, code, str(count), langs)
    out_console.print(table if findings else "no findings")
    report_findings(tuple(findings), settings, table=False)


# ----------------------------------------------------------------------- eval


@main.command(name="eval")
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
def eval_(edition: Path, gold: Path) -> None:
    """Score an alignment against a gold one.

    EDITION.tei.xml (or model JSON) against GOLD.toml: strict P/R/F1 per language
    pair.  TEST.beads against GOLD.beads (any other gold than TOML: one bead like
    [0,1]:[2] per line): strict and lax P/R/F1 of sentence beads.
    """
    if gold.suffix.lower() != ".toml":
        _eval_beads(edition, gold)
        return
    from ..align.evaluate import evaluate, load_gold
    from ..tei import read_edition

    table = Table("pair", "precision", "recall", "F1", title=f"{edition.name} vs {gold.name}")
    for pair, score in evaluate(read_edition(edition), load_gold(gold)).items():
        table.add_row(pair, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    out_console.print(table)


def _eval_beads(test: Path, gold: Path) -> None:
    from ..align.evaluate import read_beads, score_beads

    score = score_beads([read_beads(gold)], [read_beads(test)])
    table = Table("", "precision", "recall", "F1", title=f"{test.name} vs {gold.name}")
    for name, s in (("strict", score.strict), ("lax", score.lax)):
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    out_console.print(table)
