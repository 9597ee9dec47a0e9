"""The two halves of ingest: the readers and the segmenter never import each other, only hlmpub.ingest.blocks.

The import-linter contract that says the same (independence of hlmpub.ingest.readers and hlmpub.ingest.segment) is
in docs/design/ingest.md.  grimp comes with import-linter; without it the check is skipped, not passed.
"""

import pytest

grimp = pytest.importorskip("grimp")

READERS = "hlmpub.ingest.readers"
SEGMENT = "hlmpub.ingest.segment"
BLOCKS = "hlmpub.ingest.blocks"


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("hlmpub", cache_dir=None)  # no .grimp_cache in the working tree


@pytest.mark.parametrize(("importer", "imported"), [(READERS, SEGMENT), (SEGMENT, READERS)])
def test_readers_and_segment_do_not_import_each_other(graph, importer, imported):
    # as_packages: any module below one reaching any module below the other, directly or through other modules
    chains = graph.find_shortest_chains(importer=importer, imported=imported, as_packages=True)
    assert chains == set(), [" -> ".join(chain) for chain in chains]


def test_both_halves_speak_the_block_type(graph):
    for package in (READERS, SEGMENT):
        assert BLOCKS in graph.find_upstream_modules(package, as_package=True)
    upstream = graph.find_upstream_modules(BLOCKS)
    assert not [m for m in upstream if m.startswith("hlmpub.ingest")]


def test_every_format_is_read_by_a_module_under_readers():
    from hlmpub.ingest import READERS as TABLE

    assert TABLE and all(module.startswith(f"{READERS}.") for module in TABLE.values())
