"""The workbench page, drawn on the server from the same JSON the API returns (``Session.rows()``).

Jinja2 with autoescaping: a unit text holding ``<script>`` is text.  The page's script redraws the
table body from ``GET /api/rows`` after every edit with the same markup (``static/workbench.js``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

#: Column headings: each language's name in its own language.
LANGUAGE_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("hlmpub.workbench", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def sentence_groups(row: dict[str, Any]) -> dict[str, int]:
    """Sentence id → the index of its sentence link in the row (sentences of one link shade alike)."""
    groups: dict[str, int] = {}
    for index, link in enumerate(row.get("sentences") or ()):
        for ids in link.get("cells", {}).values():
            for sid in ids:
                groups[sid] = index
    return groups


def row_classes(row: dict[str, Any], langs: list[str], low_confidence: float) -> str:
    """The row's filter classes: has-findings, low-confidence, missing (a language has no unit), checked."""
    classes = ["row"]
    if any(f.get("status") == "open" for f in row.get("findings", ())):
        classes.append("has-findings")
    if float(row.get("confidence", 1.0)) < low_confidence:
        classes.append("low-confidence")
    if any(not row.get("cells", {}).get(lang) for lang in langs):
        classes.append("missing")
    if row.get("checked"):
        classes.append("checked")
    return " ".join(classes)


def render_page(data: dict[str, Any], *, low_confidence: float = 0.5) -> str:
    """The whole page for ``data`` (the ``GET /api/rows`` JSON)."""
    template = _environment().get_template("workbench.html.j2")
    langs = list(data.get("langs", ()))
    rows = [
        {
            **row,
            "classes": row_classes(row, langs, low_confidence),
            "groups": sentence_groups(row),
            "missing_langs": " ".join(lang for lang in langs if not row.get("cells", {}).get(lang)),
        }
        for row in data.get("rows", ())
    ]
    return template.render(
        data=data,
        langs=langs,
        rows=rows,
        names=LANGUAGE_NAMES,
        dirs=data.get("dirs", {}),
        low_confidence=low_confidence,
    )
