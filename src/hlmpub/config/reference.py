"""The configuration reference (docs/configuration.md), written from the settings classes."""

from __future__ import annotations

from .document import DocumentTable, VersionTable
from .keys import markdown_table
from .settings import SHORT_FORMS, Settings, stage_tables


def reference_markdown() -> str:
    """docs/configuration.md: every key of every table, from the dataclasses' fields and their help metadata."""
    stages = stage_tables()
    lines = [
        "# Configuration reference",
        "",
        "<!-- Generated from the settings classes in src/hlmpub/config.py; do not edit by hand.",
        "     Regenerate: .venv/bin/hlmpub config reference > docs/configuration.md -->",
        "",
        "hlmpub reads its settings from the `[tool.hlmpub]` table of `pyproject.toml`, or from",
        "`hlmpub.toml` (the same keys at its top level, the stage tables as `[align]`, `[render]`, ...),",
        "in the current folder, or from the file given with `hlmpub --config FILE`. Command-line",
        "options win over the file. An unknown key or a value that is not allowed stops hlmpub with",
        "one line naming the file and the key (exit code 9).",
        "",
        "```toml",
        "[tool.hlmpub]",
        'langs = ["zh", "en", "ar"]',
        "jobs = 2",
        "",
        "[tool.hlmpub.render]",
        'orientation = "landscape"',
        "",
        "[tool.hlmpub.review]",
        'skip = ["punctuation"]',
        'severity = { "bead-not-1-1" = "info" }',
        "```",
        "",
        "## `[tool.hlmpub]`",
        "",
        "Keys used by several stages; each stage has its own table below.",
        "",
        *markdown_table(Settings),
        "",
        "Short forms, accepted in `[tool.hlmpub]` for a stage's key (not both):",
        "",
        "| key | same as |",
        "|---|---|",
        *[f"| `{short}` | `[tool.hlmpub.{stage}] {key}` |" for short, (stage, key) in SHORT_FORMS.items()],
    ]
    for stage, cls in stages.items():
        doc = (cls.__doc__ or "").splitlines()[0].replace("``", "`")
        lines += ["", f"## `[tool.hlmpub.{stage}]`", "", f"{doc} In hlmpub.toml: `[{stage}]`.", ""]
        lines += markdown_table(cls)
    lines += [
        "",
        "## `document.toml`",
        "",
        "Each source folder holds one `document.toml` (see sources/README.md); it is checked the same way.",
        "",
        "### `[document]`",
        "",
        *markdown_table(DocumentTable),
        "",
        "### `[versions]`",
        "",
        "One key per language version (`ar`, `en`, `es`, `fr`, `ru`, `zh`): the file name, or a table:",
        "",
        *markdown_table(VersionTable),
    ]
    return "\n".join(lines) + "\n"
