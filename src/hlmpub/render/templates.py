"""Where template files are found: the user's ``--templates`` folder first, then the bundled ``templates/``."""

from __future__ import annotations

from pathlib import Path

from ..config import BUNDLED_TEMPLATES, Settings
from ..errors import RenderError

BUNDLED = BUNDLED_TEMPLATES


def search_path(settings: Settings, kind: str) -> list[Path]:
    """Folders searched for ``kind`` (pdf or docx) templates, most specific first."""
    folders = []
    if settings.render.templates_dir is not None:
        folders.append(Path(settings.render.templates_dir) / kind)
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
