"""The package's shape: stages import only downwards, nothing imports in a circle, no module
grows past what one reader holds in mind. Function-level imports count like the others."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

# lowest first: a module may import from its own layer or a lower one, never from a higher one
LAYERS = [
    ("pipeline", "pipeline.errors", "pipeline.progress", "pipeline.files", "pipeline.cache", "pipeline.memo",
     "pipeline.edits", "pipeline.corrections", "pipeline.evaluate"),
    ("pipeline.language",),
    ("pipeline.read",),
    ("pipeline.repair",),
    ("pipeline.records",),
    ("pipeline.validate",),
    ("pipeline.review",),
    ("pipeline.emit",),
    ("pipeline.run",),
    ("pipeline.batch",),
    ("pipeline.cli",),
]
MAX_TOP_MODULES = 12
MAX_MODULE_LINES = 600
MAX_RUN_LINES = 120


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """The project's modules `path` imports anywhere in it (a `from pkg import mod` names mod)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known}
    return {m for m in found if m in known and m != name}


def layer_of(name: str) -> int:
    best = max((i for i, layer in enumerate(LAYERS) for prefix in layer
                if name == prefix or (prefix != "pipeline" and name.startswith(prefix + "."))), default=None)
    assert best is not None, f"{name} is in no layer: add it to LAYERS"
    return best


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imported(path, name, set(found)) for name, path in found.items()}


def test_every_import_goes_down_or_stays_in_its_layer():
    upward = [f"{a} imports {b}" for a, targets in import_graph().items() for b in targets
              if layer_of(b) > layer_of(a) and not (b == "pipeline")]
    assert not upward


def test_no_module_imports_itself_round_a_circle():
    graph = import_graph()
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not circles


def test_a_package_is_not_imported_by_its_own_modules():
    """A stage's __init__ names its entry points; its modules import each other directly, so
    importing the stage never runs half of it."""
    inward = [f"{a} imports {b}" for a, targets in import_graph().items() for b in targets
              if b != "pipeline" and a.startswith(b + ".")]
    assert not inward


def test_the_package_stays_small_enough_to_read():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long
    assert len((PACKAGE / "run.py").read_text(encoding="utf-8").splitlines()) <= MAX_RUN_LINES


def test_the_walk_sees_function_level_imports(tmp_path):
    """The check above must not pass because it misses imports inside functions."""
    source = tmp_path / "mod.py"
    source.write_text("def f():\n    from pipeline.cli import main\n", encoding="utf-8")
    assert imported(source, "pipeline.language.mod", {"pipeline.cli"}) == {"pipeline.cli"}
