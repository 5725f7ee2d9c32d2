"""The generator's modules form no import cycle, even through imports inside functions.

A cycle is what makes a newcomer unable to read the code top-down and what
forces imports into functions; grimp (the import graph library behind
import-linter) finds every import, at module level or not.
"""

from __future__ import annotations

import grimp
import pytest

PACKAGES = ("generator", "recert_engine")


def import_cycles(graph) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def own_modules_graph():
    # No cache: grimp's .grimp_cache still lists a module after it is deleted or renamed.
    graph = grimp.build_graph(*PACKAGES, include_external_packages=False, cache_dir=None)
    # A package's __init__ re-exporting its own modules is not a cycle a reader
    # meets: leave out edges from a package to the modules inside it.
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith(module + "."):
                graph.remove_import(importer=module, imported=imported)
    return graph


def test_no_module_imports_itself_back():
    cycles = import_cycles(own_modules_graph())
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(group) for group in cycles)


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for name in ("a", "b", "c"):
        graph.add_module(name)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    assert import_cycles(graph) == []
    graph.add_import(importer="c", imported="a")
    assert import_cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_imports_on_its_own(package):
    """Imported first and alone, each module loads: no hidden order dependence."""
    import subprocess
    import sys

    graph = grimp.build_graph(package, include_external_packages=False)
    modules = sorted(m for m in graph.modules if ".pyodide_side" not in m)
    script = "import importlib, sys\nfor m in sys.argv[1:]:\n    importlib.import_module(m)\n"
    for module in modules:
        result = subprocess.run([sys.executable, "-c", script, module], capture_output=True, text=True)
        assert result.returncode == 0, f"{module}: {result.stderr.strip().splitlines()[-1:]}"
