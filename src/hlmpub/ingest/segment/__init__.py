"""The segmenter: blocks of lines → units (furniture, footnotes, markers, joining, keys).

:func:`to_version` is its entry point (:mod:`.units`).  It knows UN documents,
not file formats: it never imports :mod:`hlmpub.ingest.readers`
(``tests/ingest/test_layers.py``).  The sentences of a unit are computed on
request (:mod:`.sentences`), not stored in it.
"""

from .sentences import sentence_ids, split_sentences, split_unit
from .units import to_version

__all__ = ["sentence_ids", "split_sentences", "split_unit", "to_version"]
