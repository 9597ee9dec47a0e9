"""The review workbench: a reviser's edits to an edition, saved into its TEI and its source folder.

``session.Session`` is the model the web application (``app``) serves: the rows as JSON, the edits
(``edits``: merge, split, move, check), undo and redo.  See docs/design/review.md.
"""
