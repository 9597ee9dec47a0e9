"""Format readers: a file → the blocks of lines it holds, with the layout the format tells.

One module per format (``txt``, ``pdf``, ``docx``, ``udhr``), each exposing
``read(path, lang)``.  Readers know files, not UN numbering: they never import
:mod:`hlmpub.ingest.segment` (``tests/ingest/test_layers.py``).
"""
