"""The package follows the flow: imports point only backwards, and no module imports itself round.

kernel (top-level modules) ← io ← ingest ← analyse ← pipeline ← report ← cli; ``demo`` writes
files with the kernel and io only. Every import counts, also one inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "flueko"

LAYERS = ["kernel", "io", "ingest", "analyse", "pipeline", "report", "cli"]
"""Flow order: a module may import from its own layer and the layers before it."""
SIDE = {"demo": "io"}
"""Side packages and the last layer they may import from (nothing may import them)."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:  # the package itself (flueko/__init__.py: version only)
        return "kernel"
    head = parts[1]
    if head in LAYERS or head in SIDE:
        return head
    return "kernel"


def imports_of(path: Path) -> list[tuple[str, int]]:
    """Every ``flueko…`` module imported by ``path`` (``from flueko import x`` counts as x)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("flueko")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("flueko"):
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(
                    ".py"
                ).is_file() or (PACKAGE.parent / Path(*candidate.split("."))).is_dir()
                found.append((candidate if is_module else node.module, node.lineno))
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: imports_of(path) for name, path in MODULES.items()}


def allowed(source: str, target: str) -> bool:
    src, dst = layer_of(source), layer_of(target)
    if dst in SIDE:
        return src == dst
    if src in SIDE:
        return LAYERS.index(dst) <= LAYERS.index(SIDE[src])
    return LAYERS.index(dst) <= LAYERS.index(src)


def test_the_layer_map_knows_every_sub_package():
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert subpackages <= set(LAYERS) | set(SIDE)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_only_backwards_along_the_flow(module):
    wrong = [
        f"{module} ({layer_of(module)}) imports {target} ({layer_of(target)}) in line {line}"
        for target, line in GRAPH[module]
        if not allowed(module, target)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles():
    edges = {m: {t for t, _ in GRAPH[m] if t in MODULES and t != m} for m in MODULES}
    # a package's __init__ importing its own modules is not a cycle of the flow
    edges = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in edges.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def test_the_checker_sees_a_wrong_import(tmp_path):
    """The test can fail: an ingest module importing the report layer is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from flueko.report import fmt\n", encoding="utf-8")
    targets = [t for t, _ in imports_of(bad)]
    assert targets == ["flueko.report.fmt"]
    assert not allowed("flueko.ingest.cards", "flueko.report.fmt")
    assert allowed("flueko.report.fmt", "flueko.ingest.cards")
    assert not allowed("flueko.schema", "flueko.io.tables")
    assert not allowed("flueko.ingest.cards", "flueko.demo.generate")


def test_no_module_is_over_about_500_lines():
    """Small modules with one job; pure data modules are the exception."""
    data_modules = {"flueko.demo.content"}
    long = {
        name: n
        for name, path in MODULES.items()
        if name not in data_modules
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > 520
    }
    assert not long, long
