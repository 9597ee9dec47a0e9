"""The ``hlmpub`` command: parse arguments, call the stages, report.

This package is the only code that talks to the terminal, and ``app.run`` the
only place where exceptions become exit codes.  Stage modules are imported
inside each command so that ``hlmpub --help`` stays fast.
"""

from . import (  # noqa: F401  (register the commands)
    edition_commands,
    maintenance_commands,
    review_commands,
    sentence_commands,
    source_commands,
)
from .app import entry, main, run

__all__ = ["entry", "main", "run"]
