"""The layout docs/architecture.md describes, checked on the source: layers, no cycles, modules of a readable size."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

PACKAGE = Path(__file__).resolve().parents[2] / "snowleopard_plugin"
TOP = PACKAGE.name

#: Longest module, in lines (docs/architecture.md: "no module over about 600 lines").
MAX_LINES = 650

#: What each layer may import from the plugin (docs/architecture.md, "What may import what").
#: A module's layer is the first part of its path below the package; top-level modules by name.
ALLOWED = {
    "core": {"core"},
    "labels": {"i18n"},
    "i18n": {"__about__"},
    "help": {"__about__", "i18n"},
    "deps": set(),
    "__about__": set(),
    "qgis_io": {"core", "i18n", "labels", "__about__"},
    "report": {"core", "qgis_io", "i18n", "labels", "__about__"},
    "processing": {"core", "qgis_io", "report", "i18n", "labels", "help", "__about__", "processing"},
    "gui": {"core", "qgis_io", "processing", "i18n", "labels", "help", "__about__", "gui"},
    "plugin": {"core", "qgis_io", "processing", "gui", "i18n", "labels", "help", "deps", "__about__"},
    "__init__": {"plugin", "deps", "__about__"},
}


def modules() -> Dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _typing_only(stmt: ast.stmt) -> bool:
    """``if TYPE_CHECKING:`` blocks: read by type checkers, never run."""
    return isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.dump(stmt.test)


def module_imports(name: str, path: Path, top_level_only: bool) -> Set[str]:
    """Plugin modules that ``name`` imports (``top_level_only``: at import time, not inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    if top_level_only:  # also imports under module-level if/try blocks, but not typing-only ones
        body = [stmt for stmt in tree.body if not _typing_only(stmt)]
        nodes = [n for stmt in body for n in ast.walk(stmt)
                 if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
        nodes += [n for stmt in tree.body if isinstance(stmt, ast.ClassDef) for n in stmt.body
                  if isinstance(n, (ast.Import, ast.ImportFrom))]
    found = set()
    known = modules()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith(TOP):
                continue
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add(full if full in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith(TOP))
    found.discard(name)
    return {m for m in found if m in known}


def layer_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_no_module_is_too_long():
    long = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    assert {name: n for name, n in long.items() if n > MAX_LINES} == {}


def test_layers_import_only_what_they_may():
    wrong: List[str] = []
    for name, path in modules().items():
        layer = layer_of(name)
        allowed = ALLOWED.get(layer)
        assert allowed is not None, f"{name}: layer {layer!r} is not in docs/architecture.md's table"
        for target in module_imports(name, path, top_level_only=False):
            if layer_of(target) not in allowed | {layer}:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_import_cycles():
    graph = {name: module_imports(name, path, top_level_only=True) for name, path in modules().items()}
    cycles = []
    state: Dict[str, int] = {}
    stack: List[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            # a package importing its own submodules (re-exports) is not a cycle of concepts
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []
