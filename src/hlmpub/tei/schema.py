"""Locate (and install at build time) the TEI P5 tei_all RELAX NG schema.  (stub: being written)"""

import sys

if __name__ == "__main__":
    sys.exit(0)
