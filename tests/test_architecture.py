"""The shape of the package: imports point down only, read from the source with ``ast``.

Every ``import``/``from ... import`` of an arnews module anywhere in a module
counts — at the top, inside a function, or under ``if TYPE_CHECKING:`` — so no
circle can hide behind a lazy or a type-only import.  Imports inside functions
are allowed only for optional dependencies (pandas and the like), never for
arnews's own modules.  The one exception is the facade's ``__getattr__``, which
imports each public name's module on first use (for cost); its table is
checked against the typing-only imports below.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import arnews

SOURCE = Path(arnews.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(SOURCE.rglob("*.py"))}


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute module name a ``from`` import names (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _imports(module: str) -> Iterator[tuple[str, ast.stmt]]:
    """Every arnews module that ``module`` imports, with the statement that does it."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "arnews":
                    yield alias.name, node
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            if target.split(".")[0] != "arnews":
                continue
            for alias in node.names:
                # `from . import _display` imports a module; `from ._x import name` a name.
                full = f"{target}.{alias.name}"
                yield (full if full in MODULES else target), node


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        edges = {target for target, _ in _imports(module) if target in MODULES}
        # Importing a submodule first imports its package's __init__.
        graph[module] = {t for t in edges if t != module}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the list of its modules, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_the_graph_is_read_from_every_module() -> None:
    graph = _graph()
    assert {"arnews", "arnews._corpus", "arnews._model", "arnews._checks"} <= set(graph)
    assert "arnews._model" in graph["arnews._corpus"] or any(
        "arnews._model" in graph[m] for m in graph["arnews._corpus"]
    )
    assert graph["arnews._checks"] == set()  # the bottom layer imports nothing of arnews


def test_no_module_imports_into_a_circle() -> None:
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_a_planted_circle() -> None:
    graph = _graph()
    graph["arnews._checks"] = {"arnews._corpus"}  # the bottom importing the top
    found = _cycle(graph)
    assert found is not None
    assert found[0] == found[-1]


def test_no_function_imports_an_arnews_module() -> None:
    # Lazy imports of arnews's own modules are how circles hide; only optional
    # third-party dependencies may be imported inside a function.
    lazy = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.ImportFrom) and (
                    node.level or (node.module or "").startswith("arnews")
                ):
                    lazy.append(f"{module}: line {node.lineno}")
                if isinstance(node, ast.Import) and any(
                    a.name.startswith("arnews") for a in node.names
                ):
                    lazy.append(f"{module}: line {node.lineno}")
    assert lazy == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_imports_on_its_own(name: str) -> None:
    assert importlib.util.find_spec(name) is not None
    importlib.import_module(name)


# -- the facade ---------------------------------------------------------------------------


def _facade_imports() -> dict[str, str]:
    """Name -> module of the facade's ``if TYPE_CHECKING:`` imports (what type checkers see)."""
    tree = ast.parse(MODULES["arnews"].read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom)
                for alias in stmt.names:
                    found[alias.name] = "." * stmt.level + (stmt.module or "")
    return found


def test_the_facade_table_says_what_type_checkers_see() -> None:
    # The lazy table and the typing-only imports are one list written twice: keep them equal.
    assert _facade_imports() == arnews._EXPORTS
    assert sorted(arnews._EXPORTS) == arnews.__all__


def test_every_public_name_is_the_object_its_module_defines() -> None:
    for name, module in arnews._EXPORTS.items():
        assert getattr(arnews, name) is getattr(importlib.import_module(module, "arnews"), name)
    assert "normalize" in dir(arnews)
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = arnews.nope


def test_importing_arnews_imports_none_of_its_modules() -> None:
    code = (
        "import sys, arnews\n"
        "print(sorted(m for m in sys.modules if m.startswith('arnews.')))\n"
        "print(sorted(m for m in ('attrs', 'regex', 'sqlite3') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["[]", "[]"]
