"""Finding ids: the short stable name under which a reviser sees, accepts or rejects a finding.

It lives below the stages because every place that shows a finding prints it: the review report, the
review editions (drawn by the renderer, which may not import the review) and the workbench.
"""

from __future__ import annotations

import hashlib

from .model import Finding

#: Hex digits of the id (48 bits: no two findings of one document collide in practice).
ID_DIGITS = 12


def finding_id(f: Finding) -> str:
    """Stable id: the first 12 hex digits of sha256(code, lang, unit id, evidence).

    Neither the row number nor the message wording goes in, so the id survives re-alignment and rewording.
    """
    raw = "\x1f".join((f.code, f.lang, f.unit_id, f.evidence))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:ID_DIGITS]
