"""tei_all cut down to one document's vocabulary: the same verdict, compiled in milliseconds, not seconds.

libxml2 needs about 6 s to compile the 595 element patterns of tei_all; an hlmpub edition uses about
40 of them.  :func:`subset` rewrites a parsed tei_all so that every element pattern whose single name
does not occur in the document becomes ``notAllowed``, and simplifies as RELAX NG itself does
(spec section 4.19): a ``choice`` drops a notAllowed branch, a ``group``, ``interleave``,
``oneOrMore``, ``list``, ``attribute`` or ``element`` with a notAllowed part is notAllowed,
``optional`` and ``zeroOrMore`` of notAllowed are ``empty``, a ``ref`` to a notAllowed ``define`` is
notAllowed.  What no longer hangs from ``start`` is dropped.

Why the verdict is the same: an element pattern only ever matches an element of its own name, so a
pattern for a name that is absent from the document matches nothing in it, exactly as notAllowed
matches nothing; every rewrite above keeps the language of the pattern on documents without those
names.  Wildcard patterns (``anyName``, ``nsName``) are kept as they are.  tests/tei/test_subset.py
compares the verdicts with the full tei_all on our outputs and on many broken variants of them.
"""

from __future__ import annotations

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"
NOT_ALLOWED = _R + "notAllowed"
EMPTY = _R + "empty"
#: Patterns whose children are no patterns to simplify (or none at all).
LEAVES = frozenset(_R + t for t in ("value", "param", "text", "empty", "data", "except", "name", "anyName", "nsName"))
_BAD, _OK = False, True

Name = tuple[str, str]  # (namespace, local name)


def names_in(root: etree._Element) -> frozenset[Name]:
    """The (namespace, local name) of every element of a document."""
    return frozenset((etree.QName(el).namespace or "", etree.QName(el).localname) for el in root.iter(etree.Element))


def _element_name(pattern: etree._Element) -> Name | None:
    """The one name an ``element`` pattern matches (``@name`` with the inherited ``@ns``), else None."""
    name = pattern.get("name")
    if name is None:
        return None
    if ":" in name:
        prefix, local = name.split(":", 1)
        return pattern.nsmap.get(prefix) or "", local
    holder: etree._Element | None = pattern
    while holder is not None and holder.get("ns") is None:
        holder = holder.getparent()
    return (holder.get("ns") or "") if holder is not None else "", name


def _patterns(el: etree._Element) -> list[etree._Element]:
    """The RELAX NG children of ``el`` (annotations and comments left out)."""
    return [k for k in el if isinstance(k.tag, str) and k.tag.startswith(_R)]


class _Cutter:
    """One pass of the rewrite over the reachable defines, given the names kept and the defines known dead."""

    def __init__(self, names: frozenset[Name], dead: set[str]) -> None:
        self.names = names
        self.dead = dead

    def allowed(self, node: etree._Element) -> bool:
        """Simplify ``node`` in place; False when it has become notAllowed (the caller removes it)."""
        tag = node.tag
        if tag == NOT_ALLOWED:
            return _BAD
        if tag == _R + "ref":
            return node.get("name") not in self.dead
        if tag in LEAVES:
            return _OK
        kids = _patterns(node)
        if tag in (_R + "element", _R + "attribute") and node.get("name") is None:
            kids = kids[1:]  # the first child is the name class
        if tag == _R + "element":
            name = _element_name(node)
            if name is not None and name not in self.names:
                return _BAD
        if tag == _R + "choice":
            live = 0
            for kid in kids:
                if self.allowed(kid):
                    live += 1
                else:
                    node.remove(kid)
            return live > 0
        ok = [self.allowed(kid) for kid in kids]  # every child: each one is simplified in place
        if tag in (_R + "optional", _R + "zeroOrMore"):
            if not all(ok):  # optional(notAllowed) = zeroOrMore(notAllowed) = empty
                parent = node.getparent()
                if parent is not None:
                    parent.replace(node, etree.Element(EMPTY))
            return _OK
        # group, interleave, oneOrMore, mixed, list, the content of element, attribute and define
        return all(ok)


def subset(grammar: etree._Element, names: frozenset[Name]) -> etree._Element | None:
    """Rewrite a parsed tei_all ``grammar`` (in place) for a document whose element names are ``names``.

    None when ``start`` itself becomes notAllowed: no document with these names is valid, and the full
    schema should say why.
    """
    defines = {d.get("name", ""): d for d in grammar.iterfind(_R + "define")}
    start = grammar.find(_R + "start")
    if start is None or len(defines) != len(grammar.findall(_R + "define")):
        return None  # a grammar of another shape (combined defines): leave it to the full schema
    dead: set[str] = set()
    while True:  # a define found dead makes the refs to it dead: repeat until nothing changes
        reachable = _reachable(start, defines, dead)
        cutter = _Cutter(names, dead)
        newly = {name for name in reachable if not cutter.allowed(defines[name])}
        if not newly:
            break
        dead |= newly
    if not _Cutter(names, dead).allowed(start):
        return None
    for name, define in defines.items():
        if name not in reachable:
            grammar.remove(define)
    for el in list(grammar.iter()):
        if not (isinstance(el.tag, str) and el.tag.startswith(_R)):  # annotations, Schematron, comments
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
    return grammar


def _reachable(start: etree._Element, defines: dict[str, etree._Element], dead: set[str]) -> set[str]:
    """The names of the live defines that ``start`` reaches through refs."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for ref in todo.pop().iter(_R + "ref"):
            name = ref.get("name", "")
            if name not in seen and name not in dead and name in defines:
                seen.add(name)
                todo.append(defines[name])
    return seen
