"""Dates in the six UN languages: the review's name for :mod:`hlmpub.dates` (the ingest reads masthead dates too)."""

from __future__ import annotations

from ..dates import DateSpan, find_dates, patterns_for

__all__ = ["DateSpan", "find_dates", "patterns_for"]
