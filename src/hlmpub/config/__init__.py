"""One ``Settings`` object for the CLI and the API, and the ``document.toml`` spec, both checked when read.

Settings live in the ``[tool.hlmpub]`` table of a pyproject.toml, or at the top of a
``hlmpub.toml``, with one table per stage::

    [tool.hlmpub]                  # hlmpub.toml: these keys at the top level
    langs = ["zh", "en", "ar"]
    [tool.hlmpub.render]           # hlmpub.toml: [render]
    orientation = "landscape"

Every key is a field of one of the frozen dataclasses below, its help text and
allowed values in the field's metadata (:mod:`hlmpub.config.keys`).  The same
fields check a file (:func:`load_settings`), give the stages typed values
(``settings.render.orientation``) and write the reference ``docs/configuration.md``
(:func:`reference_markdown`, printed by ``hlmpub config reference``): a key cannot be read without being checked and
documented.  An unknown key or a bad value is a :class:`~hlmpub.errors.ConfigError`
(exit code 9) naming the file, the key and what is allowed.

A source folder holds one file per language version and a ``document.toml``::

    [document]
    symbol = "A/68/563"
    session = "68"
    agenda_item = "99 (aa)"
    date = "2013-10-30"

    [versions]
    zh = "zh.txt"                              # format from the extension
    ar = { file = "udhr_arb.xml", format = "udhr-xml" }

Adding a language is one more line under ``[versions]``.

Modules: ``vocabulary`` (format, check and variant names; language codes),
``settings`` (the stage tables and :class:`Settings`), ``document``
(``document.toml``), ``keys`` (checking and documenting a table by its
dataclass), ``reference`` (docs/configuration.md).
"""

from .document import DocumentSpec, DocumentTable, VersionSpec, VersionTable, load_document, source_folder
from .reference import reference_markdown
from .settings import (
    SHORT_FORMS,
    AlignSettings,
    ExportSettings,
    FetchSettings,
    RenderSettings,
    ReviewSettings,
    Settings,
    load_settings,
    settings_from_table,
)
from .vocabulary import (
    BUNDLED_TEMPLATES,
    DEFAULT_FORMATS,
    EDITION_FORMATS,
    FORMAT_BY_SUFFIX,
    OUTPUT_FORMATS,
    PDF_VARIANTS,
    REVIEW_CHECKS,
    TEMPLATE_FILES,
    VERSION_FORMATS,
    Orientation,
    check_lang,
    parse_langs,
    templates_folder,
)

__all__ = [
    "BUNDLED_TEMPLATES",
    "DEFAULT_FORMATS",
    "EDITION_FORMATS",
    "FORMAT_BY_SUFFIX",
    "OUTPUT_FORMATS",
    "PDF_VARIANTS",
    "REVIEW_CHECKS",
    "SHORT_FORMS",
    "TEMPLATE_FILES",
    "VERSION_FORMATS",
    "AlignSettings",
    "DocumentSpec",
    "DocumentTable",
    "ExportSettings",
    "FetchSettings",
    "Orientation",
    "RenderSettings",
    "ReviewSettings",
    "Settings",
    "VersionSpec",
    "VersionTable",
    "check_lang",
    "load_document",
    "load_settings",
    "parse_langs",
    "reference_markdown",
    "settings_from_table",
    "source_folder",
    "templates_folder",
]
