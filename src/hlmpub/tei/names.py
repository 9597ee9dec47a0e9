"""Names shared by the TEI writer, reader, validator and exports.

The encoding is described in ``docs/design/tei.md``.  In short: every unit is
one element with ``xml:id`` (the unit id), ``@n`` (the marker as printed) and
``@ana`` pointing at two categories of the edition header — its kind
(``#kind-para``) and, when it has one, its structural key (``#key-p.19``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {None: TEI_NS}
NS = {"tei": TEI_NS}

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

#: The methods every edition declares as a respStmt, so that a reviewer can set
#: ``resp="#resp-manual"`` on a link without touching the header.
STANDARD_METHODS: tuple[str, ...] = ("structural", "semantic", "manual")
METHOD_LABELS = {
    "structural": "alignment by structural key (UN numbering)",
    "semantic": "alignment by sentence-embedding similarity",
    "manual": "alignment corrected by a reviewer",
    "row": "sentence alignment given by its paragraph row (one sentence in every language)",
}

#: The method of a reviewer's decision: its respStmt names the reviser, not hlmpub.
MANUAL = "manual"
#: The name of the manual respStmt when document.toml names no reviser (``<name type="role">``).
UNNAMED_REVISER = "reviewer"
UNNAMED_TYPE = "role"

#: A reviser's respStmt (``<resp key="reviser">``): named by a manual link's second @resp pointer and by
#: the @who of a ``revisionDesc/change``.
REVISER_PREFIX = "reviser-"
REVISER_KEY = "reviser"
REVISER_LABEL = "review decisions (manual links, checked rows, findings accepted or rejected)"
#: The taxonomy of row states and its one category: a row a reviser marked as checked (in the link's @ana).
ROW_STATES = "row-states"
CHECKED = "row-checked"
CHECKED_MEANING = "a row a reviser has checked (the link's @ana points here)"

KIND_PREFIX = "kind-"
KEY_PREFIX = "key-"
RESP_PREFIX = "resp-"
RTL_RENDITION = "rtl"
TITLE_BLOCK = "titleBlock"

#: The linkGrp that holds the paragraph alignment.
LINKGRP_TYPE = "alignment"
LINKGRP_SUBTYPE = "paragraph"
#: The linkGrp that holds the sentence alignment inside the paragraph rows.
SENTENCE_SUBTYPE = "sentence"

#: The taxonomy of the edition header that declares what the alignment's @type values mean.
LINK_TYPES = "link-types"
LINK_TYPE_MEANINGS = {
    "type-alignment": (
        f'linkGrp/@type="{LINKGRP_TYPE}": the alignment of the language versions, one link or ptr per row '
        "of corresponding units"
    ),
    "type-paragraph": f'linkGrp/@subtype="{LINKGRP_SUBTYPE}": the rows correspond paragraph by paragraph',
    "type-bead": (
        'link/@type and ptr/@type, e.g. "1:1:2": the bead shape, the number of units of each language version '
        "in the row, in the order of langUsage; @target lists those units in the same order, @cert is the "
        "confidence (0 to 1), @resp the method (a respStmt), @ana the row's structural key (unit-keys)"
    ),
}
#: Declared only in editions that have a sentence alignment (so that older archives stay as they were).
SENTENCE_TYPE_MEANING = (
    f'linkGrp/@subtype="{SENTENCE_SUBTYPE}": the sentences (s) inside each paragraph row, one link or ptr per '
    "sentence row; @type is its bead shape in sentences, @ana the key of its paragraph row"
)


def tei(tag: str) -> str:
    """Clark name of a TEI element: ``tei("p")`` → ``{http://www.tei-c.org/ns/1.0}p``."""
    return f"{{{TEI_NS}}}{tag}"


def kind_id(kind: str) -> str:
    """The xml:id of a unit-kind category."""
    return KIND_PREFIX + kind


def resp_id(method: str) -> str:
    """The xml:id of the respStmt for an alignment method."""
    return RESP_PREFIX + re.sub(r"[^\w.\-]", "_", method)


def methods_declared(used: Iterable[str]) -> list[str]:
    """The standard methods, then any other used ones in sorted order."""
    extra = sorted(set(used) - set(STANDARD_METHODS))
    return list(STANDARD_METHODS) + extra


def reviser_ids(names: Iterable[str]) -> dict[str, str]:
    """A stable, unique xml:id for every reviser named, in sorted order: ``A. Reviser`` → ``reviser-A._Reviser``."""
    out: dict[str, str] = {}
    for name in sorted(set(names) - {""}):
        base = REVISER_PREFIX + re.sub(r"[^\w.\-]", "_", name)
        candidate, n = base, 2
        while candidate in out.values():
            candidate, n = f"{base}-{n}", n + 1
        out[name] = candidate
    return out


def key_ids(keys: Iterable[str]) -> dict[str, str]:
    """A stable, unique xml:id for every structural key, in the order given.

    ``p:19`` → ``key-p.19``; a collision after sanitising gets ``-2``, ``-3`` ...
    The exact key is kept in the category's ``catDesc``, so nothing is lost.
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in keys:
        if not key or key in out:
            continue
        base = KEY_PREFIX + re.sub(r"[^\w.\-]", ".", key)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        out[key] = candidate
        taken.add(candidate)
    return out


def pointers(value: str | None) -> list[str]:
    """The whitespace-separated pointers of an attribute value."""
    return (value or "").split()


def local_ids(value: str | None) -> list[str]:
    """The ids named by ``#id`` pointers of an attribute value (others skipped)."""
    return [p[1:] for p in pointers(value) if p.startswith("#") and len(p) > 1]


def format_cert(score: float) -> str:
    """Confidence as an xsd:double that reads back to the same float."""
    return repr(float(score))
