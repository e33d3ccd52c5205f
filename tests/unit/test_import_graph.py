"""The layout's promises (README.md, "Layout"): no import circle between clinic's modules nor
between its concepts (packages), the Rasa components depend on clinic's text and triage code
(never clinic on the components), and tests/ and bench/ share only testkit/ (the tests of bench's
own code aside)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from clinic.paths import REPO_ROOT

# What the NLU components (loaded by Rasa from config.yml) may use of clinic.
COMPONENTS_MAY_IMPORT = ("clinic.text", "clinic.triage")


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of `package` (a folder under `root`) by its dotted name."""
    names = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def imported_names(path: Path) -> Iterator[str]:
    """Every module name the file imports, at any depth (functions and TYPE_CHECKING too):
    `from a.b import c` yields a.b.c and a.b, of which the graph keeps those that exist."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports (a package's own __init__ aside)."""
    modules = module_names(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_names(path):
            if imported in modules and imported != name and not name.startswith(f"{imported}."):
                targets.add(imported)
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as the list of modules along it, or None when the graph has none."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str] | None:
        path.append(node)
        on_path.add(node)
        for target in sorted(graph[node]):
            if target in on_path:
                return path[path.index(target) :] + [target]
            if target not in done:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    for start in sorted(graph):
        if start not in done:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_no_import_circle_between_clinic_modules():
    assert find_cycle(import_graph(REPO_ROOT, "clinic")) is None


def test_a_planted_circle_is_found(tmp_path):
    package = tmp_path / "pkg"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.inner import b\n")
    (package / "inner" / "b.py").write_text("def f():\n    import pkg.c\n")
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n"
    )
    (package / "d.py").write_text("import pkg.a\n")

    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.a", "pkg.inner.b", "pkg.c", "pkg.a"]
    (package / "c.py").write_text("import pkg.inner\n")
    assert find_cycle(import_graph(tmp_path, "pkg")) is None


def test_clinic_never_imports_the_rasa_components():
    importers = {
        name
        for name, path in module_names(REPO_ROOT, "clinic").items()
        if any(imported.split(".")[0] == "components" for imported in imported_names(path))
    }
    assert importers == set()


def test_components_use_only_clinics_text_and_triage_code():
    used = {
        imported
        for path in (REPO_ROOT / "components").glob("*.py")
        for imported in imported_names(path)
        if imported.split(".")[0] == "clinic"
    }
    assert used
    assert {name for name in used if not name.startswith(COMPONENTS_MAY_IMPORT)} == set()


def importers_of(folder: str, prefix: str) -> set[str]:
    """The modules under `folder` that import anything of the top-level package `prefix`."""
    return {
        name
        for name, path in module_names(REPO_ROOT, folder).items()
        if any(imported.split(".")[0] == prefix for imported in imported_names(path))
    }


def test_tests_and_bench_share_only_the_testkit():
    assert importers_of("bench", "tests") == set()
    bench_tests = {name for name in importers_of("tests", "bench") if "bench" in name}
    assert importers_of("tests", "bench") == bench_tests
    assert importers_of("testkit", "tests") | importers_of("testkit", "bench") == set()


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The module graph folded into clinic's concepts: clinic.leads.spool counts as clinic.leads."""

    def concept(module: str) -> str:
        return ".".join(module.split(".")[:2])

    folded: dict[str, set[str]] = {concept(name): set() for name in graph}
    for name, targets in graph.items():
        folded[concept(name)] |= {concept(target) for target in targets} - {concept(name)}
    return folded


def test_no_import_circle_between_clinic_concepts():
    assert find_cycle(package_graph(import_graph(REPO_ROOT, "clinic"))) is None


def test_a_circle_through_two_concepts_is_found():
    graph = {"clinic.a.x": {"clinic.b.y"}, "clinic.b.y": set(), "clinic.b.z": {"clinic.a.w"}}
    graph["clinic.a.w"] = set()
    assert find_cycle(package_graph(graph)) == ["clinic.a", "clinic.b", "clinic.a"]
