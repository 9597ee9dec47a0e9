"""The settings' vocabulary: the names of formats, checks and variants, and the language codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from ..errors import LanguageError
from ..model import UN_LANGS


def _bundled_templates() -> Path:
    """The repository's ``templates/`` (editable install), else ``<prefix>/share/hlmpub/templates``."""
    in_repo = Path(__file__).resolve().parents[3] / "templates"  # src/hlmpub/config/vocabulary.py → the repository
    return in_repo if in_repo.is_dir() else Path(sys.prefix) / "share" / "hlmpub" / "templates"


#: The bundled templates; ``--templates DIR`` overrides them file by file.
BUNDLED_TEMPLATES = _bundled_templates()
#: The files of a templates folder, by their path in it (the renderers' names: tests/test_config.py checks them).
TEMPLATE_FILES: tuple[str, ...] = (
    "pdf/edition.html.j2",
    "pdf/findings.html.j2",
    "pdf/edition.css",
    "docx/reference.docx",
)


def templates_folder(folder: Path) -> str:
    """A check for the ``templates_dir`` key: "" for a folder holding one of :data:`TEMPLATE_FILES`, else why not.

    Each file there replaces the bundled one; a folder holding none would silently change nothing (a user who
    passes ``mytpl/pdf`` meant ``mytpl``).
    """
    if not folder.is_dir():
        return "no such folder"
    if any((folder / name).is_file() for name in TEMPLATE_FILES):
        return ""
    inside = [name for name in TEMPLATE_FILES if (folder / Path(name).name).is_file()]
    hint = f"; it holds {Path(inside[0]).name} itself: pass the folder above it" if inside else ""
    return f"holds none of the template files {', '.join(TEMPLATE_FILES)}{hint}"


#: What ``hlmpub build`` can write, in the order it writes them.
OUTPUT_FORMATS: tuple[str, ...] = ("tei", "docx", "pdf", "tmx", "xces", "review")
#: What it writes when not told: every format but the XCES pairs (one file per language pair).
DEFAULT_FORMATS: tuple[str, ...] = tuple(f for f in OUTPUT_FORMATS if f != "xces")

FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".xml": "udhr-xml",
}

# The names below are the settings' vocabulary.  The stages that implement them sit in layers above this
# module and are not imported here; tests/test_config.py checks that each list matches its stage.

#: The formats a language version is read from: one reader each in ``ingest.READERS``.
VERSION_FORMATS: tuple[str, ...] = ("txt", "pdf", "docx", "udhr-xml")
#: The review checks, in the order they run: one function each in ``review.checks.CHECKS``.
REVIEW_CHECKS: tuple[str, ...] = (
    "unaligned",
    "beads",
    "confidence",
    "numbering",
    "paragraph-count",
    "numbers",
    "symbols",
    "untranslated",
    "empty",
    "length-ratio",
    "punctuation",
)
#: The formats of a side-by-side edition (the renderers).
EDITION_FORMATS: tuple[str, ...] = ("docx", "pdf")
#: PDF variants weasyprint writes that hlmpub accepts (None: a plain PDF).
PDF_VARIANTS: tuple[str, ...] = ("pdf/a-3b", "pdf/a-3u", "pdf/a-2b", "pdf/ua-1")
Orientation = Literal["auto", "portrait", "landscape"]


def check_lang(lang: str, path: str | Path | None = None) -> str:
    """Return the normalised language code, or raise LanguageError."""
    code = lang.strip().lower()
    if code not in UN_LANGS:
        known = ", ".join(UN_LANGS)
        raise LanguageError(f"unknown language {lang!r}; expected one of {known}", path)
    return code


def parse_langs(text: str | None) -> tuple[str, ...]:
    """``"zh,en, ar"`` → ``("zh", "en", "ar")``, each checked."""
    if not text:
        return ()
    return tuple(check_lang(part) for part in text.split(",") if part.strip())
