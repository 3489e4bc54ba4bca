"""No import cycles between the top-level packages of archive_desk, nor between the modules of importing/
(lint-imports checks the layers; this catches a cycle among modules the layers do not name)."""

from __future__ import annotations

import grimp
import pytest


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("archive_desk")


def _cycles(edges: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs (a, b) with a path a -> … -> b and b -> … -> a over ``edges``."""
    nodes = {n for edge in edges for n in edge}
    reach = {n: {b for a, b in edges if a == n} for n in nodes}
    changed = True
    while changed:
        changed = False
        for n in nodes:
            more = set().union(*(reach[m] for m in reach[n])) - reach[n] if reach[n] else set()
            if more:
                reach[n] |= more
                changed = True
    return sorted((a, b) for a in nodes for b in reach[a] if a < b and a in reach[b])


def test_no_cycle_between_the_top_level_packages(graph: grimp.ImportGraph) -> None:
    edges = set()
    for module in graph.modules:
        if module.count(".") < 1:
            continue
        top = module.split(".")[1]
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("archive_desk.") and imported.split(".")[1] != top:
                edges.add((top, imported.split(".")[1]))
    assert _cycles(edges) == []


def test_no_cycle_between_the_modules_of_importing(graph: grimp.ImportGraph) -> None:
    modules = {m for m in graph.modules if m.startswith("archive_desk.importing.")}
    edges = {(m, i) for m in modules for i in graph.find_modules_directly_imported_by(m) if i in modules}
    assert _cycles(edges) == []
