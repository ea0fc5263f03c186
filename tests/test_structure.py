"""The shape of the code: imports run one way (no cycle, none hidden behind TYPE_CHECKING or
inside a function), modules stay small, and no check type imports another."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "lint"
MAX_LINES = 300


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path) -> set[str]:
    """The modules of the package that a module imports, anywhere in it: at the top, in a
    function, under ``if TYPE_CHECKING``. ``from .x import y`` counts as importing ``x.y``
    when that is a module, else ``x``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            source = ".".join(part for part in (base if node.level else "", node.module or "") if part)
            for alias in node.names:
                found.add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imports(name, path) for name, path in MODULES.items()}


def cycle() -> list[str] | None:
    """One import cycle of the package, as the list of modules around it, or None."""
    done: set[str] = set()
    for start in GRAPH:
        stack, path, on_path = [(start, iter(sorted(GRAPH[start])))], [start], {start}
        while stack:
            node, following = stack[-1]
            step = next(following, None)
            if step is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
            elif step in on_path:
                return [*path[path.index(step):], step]
            elif step not in done:
                stack.append((step, iter(sorted(GRAPH[step]))))
                path.append(step)
                on_path.add(step)
    return None


def test_the_import_graph_is_read_from_the_code():
    assert "lint.checks.base" in GRAPH["lint.checks.names"]
    assert "lint.names.usage" in GRAPH["lint.checks.variants"]
    assert "lint.engines.harper" in GRAPH["lint.engines"]  # an import inside a function counts
    assert "lint.config" in GRAPH["lint.cli"]  # from . import config


def test_no_import_cycle_in_lint():
    assert cycle() is None, " -> ".join(cycle() or [])


def test_the_cycle_finder_finds_one():
    GRAPH["lint.finding"].add("lint.formats.json")  # formats.json imports finding
    try:
        found = cycle()
    finally:
        GRAPH["lint.finding"].discard("lint.formats.json")
    assert found is not None and found[0] == found[-1] and "lint.finding" in found


def test_no_module_over_300_lines():
    long = {name: lines for name, path in MODULES.items()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_check_type_imports_another():
    for name, imported in GRAPH.items():
        if name.startswith("lint.checks.") and name != "lint.checks.base":
            assert {module for module in imported if module.startswith("lint.checks")} <= {"lint.checks.base"}, name


def floors() -> dict[str, tuple[int, int]]:
    """Where docs/design.md's "Import floors" diagram puts each module or package: (floor from
    the top, place from the left). ``pkg/`` is a package and, unless it lists its modules in
    parentheses, every module in it; ``pkg/*`` or ``pkg/<type>.py`` its modules."""
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    block = text.split("## Import floors", 1)[1].split("\n\n    ", 1)[1].split("\n\n", 1)[0]
    places: dict[str, tuple[int, int]] = {}
    for floor, row in enumerate(block.splitlines()):
        package = None
        for place, token in enumerate(re.findall(r"[\w<>*./]+|[()]", row)):
            if token == "(":
                continue
            if token == ")":
                package = None
            elif token.endswith("/"):  # names/ (usage ...): the modules listed are its own
                package = token[:-1] if row[row.index(token) + len(token):].lstrip().startswith("(") else None
                places.setdefault(token[:-1], (floor, place))
                places.setdefault(token[:-1] + ".*", (floor, place))
            elif "/" in token:
                head, tail = token.split("/", 1)
                if tail == "*":  # formats/*: the package and its modules
                    places.setdefault(head, (floor, place))
                name = head if tail == "__init__" else f"{head}.*" if tail in ("*", "<type>.py") else f"{head}.{tail}"
                places.setdefault(name, (floor, place))
            elif re.fullmatch(r"[a-z_]+", token):
                places.setdefault(f"{package}.{token}" if package else token, (floor, place))
    return places


def place(module: str, places: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    name = "__init__" if module == "lint" else module.removeprefix("lint.")
    return places.get(name) or places.get(name.rpartition(".")[0] + ".*")


def test_every_import_goes_down_the_diagram_of_the_design_notes():
    places = floors()
    unplaced = sorted(module for module in GRAPH if place(module, places) is None)
    assert unplaced == []
    upward = sorted(f"{module} -> {imported}" for module, imported_modules in GRAPH.items()
                    for imported in imported_modules
                    if place(imported, places) <= place(module, places)
                    and place(imported, places) != place(module, places))
    assert upward == []
