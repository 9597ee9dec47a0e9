"""The segmenter: blocks of lines → units (furniture, footnotes, markers, joining, keys).

:func:`to_version` is its entry point (:mod:`.units`).  It knows UN documents,
not file formats: it never imports :mod:`hlmpub.ingest.readers`
(``tests/ingest/test_layers.py``).
"""

from .units import to_version

__all__ = ["to_version"]
