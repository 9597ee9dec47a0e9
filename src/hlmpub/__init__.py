"""hlmpub: align the language versions of a UN document, archive them as TEI P5,
publish side-by-side DOCX and PDF editions."""

__version__ = "0.1.0"
