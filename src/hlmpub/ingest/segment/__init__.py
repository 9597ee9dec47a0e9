"""The segmenter: blocks of lines → units (furniture, footnotes, markers, joining, keys).

It knows UN documents, not file formats: it never imports
:mod:`hlmpub.ingest.readers` (``tests/ingest/test_layers.py``).
"""
