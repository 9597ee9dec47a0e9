"""The build layer: many document folders built at once, cached, hand edits kept.

* :mod:`.document` — :func:`build_one`: one folder through :mod:`hlmpub.pipeline`, its result or error
  recorded as a :class:`BuildResult` (:mod:`.result`);
* :mod:`.runners` — :func:`run_batch`: every folder, in this process, in worker processes or on a Dask
  cluster, unchanged ones served from the cache;
* :mod:`.cache` — ``<output>/.hlmpub-cache.json``, keyed on the inputs, the code and the settings;
* :mod:`.backup` — a hand-edited TEI archive kept as ``.bak`` before a rebuild replaces it.

Progress is reported through a callback; drawing it is the CLI's business.
"""

from __future__ import annotations

from .backup import keep_hand_edits
from .document import build_one
from .result import BuildResult
from .runners import find_document_folders, run_batch

__all__ = ["BuildResult", "build_one", "find_document_folders", "keep_hand_edits", "run_batch"]
