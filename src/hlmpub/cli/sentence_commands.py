"""Sentence-level commands: align-lines (pre-split sentences in, beads out)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import LanguageError
from .app import main


def _pair_of_langs(text: str) -> tuple[str, str]:
    """``"zh,en"`` → ``("zh", "en")``: two languages the encoder covers."""
    from ..align.encoder import COVERED_LANGS

    langs = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    if len(langs) != 2:
        raise LanguageError(f"--langs needs two languages, source and target (e.g. zh,en), got {text!r}")
    for lang in langs:
        if lang not in COVERED_LANGS:
            raise LanguageError(
                f"the sentence encoder does not cover {lang!r}; covered: {', '.join(sorted(COVERED_LANGS))}"
            )
    return langs[0], langs[1]


@main.command(name="align-lines")
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("tgt", type=click.Path(path_type=Path))
@click.option("--langs", required=True, help="Source and target language, e.g. zh,en.")
@click.option("--confidence", is_flag=True, help="Add each bead's confidence after a tab.")
@click.option(
    "--embed-runs",
    type=click.IntRange(1, 4),
    default=None,
    help="Pool runs of up to N consecutive sentences as one text (default 4; longer runs sum vectors).",
)
@click.option("--monotone", is_flag=True, help="Only consecutive sentences in order: no gapped or crossing beads.")
def align_lines(src: Path, tgt: Path, langs: str, confidence: bool, embed_runs: int | None, monotone: bool) -> None:
    """Align two files of one sentence per line; print the beads, e.g. [0,1]:[0], one per line."""
    from ..align.sentences import EMBED_RUNS, align_sentences, read_sentences

    pair = _pair_of_langs(langs)
    runs = EMBED_RUNS if embed_runs is None else embed_runs
    beads = align_sentences(
        read_sentences(src), read_sentences(tgt), langs=pair, embed_runs=runs, crossing=not monotone
    )
    for bead in beads:
        click.echo(f"{bead}\t{bead.score:.4f}" if confidence else str(bead))
