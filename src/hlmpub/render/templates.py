"""Where template files are found: the user's ``--templates`` folder first, then the bundled ``templates/``."""

from __future__ import annotations

from pathlib import Path

from ..config import BUNDLED_TEMPLATES, Settings, templates_folder
from ..errors import ConfigError, RenderError

BUNDLED = BUNDLED_TEMPLATES


def search_path(settings: Settings, kind: str) -> list[Path]:
    """Folders searched for ``kind`` (pdf or docx) templates, most specific first.

    A templates folder holding none of the template files is a ConfigError (``--templates mytpl/pdf``
    would otherwise render with the bundled templates and say nothing).
    """
    folders = []
    if settings.render.templates_dir is not None:
        given = Path(settings.render.templates_dir)
        problem = templates_folder(given)
        if problem:
            raise ConfigError(f"not a templates folder: {problem}", given)
        folders.append(given / kind)
    folders.append(BUNDLED / kind)
    return folders


def find(settings: Settings, kind: str, name: str) -> Path:
    """The first ``kind/name`` on the search path, or a RenderError naming where we looked."""
    for folder in search_path(settings, kind):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(f) for f in search_path(settings, kind))
    raise RenderError(f"template {kind}/{name} not found (looked in {looked})", name)
