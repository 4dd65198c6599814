"""The shape the standards ask of the code (DEVELOPERS.md, STYLE.md): a domain
that knows nothing of MkDocs and has no import cycle, and a thin adapter
(the files directly in hooks/) a newcomer reads in ten minutes: the events in
site_hooks.py alone, what the adapter keeps in one owner, no file over about
250 lines. Milliseconds, no build.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

HOOKS = REPO / "hooks"
DOMAIN = HOOKS / "learning_platform"
ADAPTER = sorted(HOOKS.glob("*.py"))
ENGINE_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs", "jinja2")


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _type_checking_only(module: ast.Module) -> set[int]:
    """Ids of the nodes under `if TYPE_CHECKING:`: read by type checkers, never run."""
    hidden = set()
    for node in ast.walk(module):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            hidden |= {id(inner) for statement in node.body for inner in ast.walk(statement)}
    return hidden


def imported_modules(module: ast.Module) -> list[tuple[str, int, int]]:
    """(name, level, line) of every import that runs, at the top and inside functions."""
    found = []
    hidden = _type_checking_only(module)
    for node in ast.walk(module):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, 0, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level and node.module is None:  # from . import x
                found += [(alias.name, node.level, node.lineno) for alias in node.names]
            else:
                found.append((node.module or "", node.level, node.lineno))
    return found


@pytest.mark.parametrize("path", sorted(DOMAIN.glob("*.py")), ids=lambda path: path.name)
def test_the_domain_imports_nothing_from_the_engine(path):
    engine = [(name, line) for name, level, line in imported_modules(tree(path))
              if level == 0 and name.split(".")[0] in ENGINE_PACKAGES]
    assert engine == [], f"{path.relative_to(REPO)} imports the engine: {engine}"


def test_the_domain_has_no_import_cycle():
    graph: dict[str, set[str]] = {}
    for path in DOMAIN.glob("*.py"):
        edges = set()
        for name, level, _ in imported_modules(tree(path)):
            if level == 1 and name:
                edges.add(name.split(".")[0])
            elif level == 0 and name.startswith("learning_platform."):
                edges.add(name.split(".")[1])
        graph[path.stem] = {edge for edge in edges if (DOMAIN / f"{edge}.py").exists()}
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for other in sorted(graph[module]):
            if state.get(other) == "open":
                cycles.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, trail + [other])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("path", ADAPTER, ids=lambda path: path.name)
def test_no_file_of_the_adapter_is_over_250_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 250, f"hooks/{path.name} has {lines} lines: split it by responsibility (STYLE.md)"


def test_site_hooks_holds_the_events_and_nothing_else():
    module = tree(HOOKS / "site_hooks.py")
    functions = [node.name for node in module.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
    assert functions and all(name.startswith("on_") for name in functions), functions
    # MkDocs' events, in the order it runs them for one language.
    order = ["on_config", "on_startup", "on_pre_build", "on_files", "on_page_markdown", "on_page_content",
             "on_env", "on_page_context", "on_post_page", "on_post_template", "on_post_build"]
    assert functions == order


@pytest.mark.parametrize("path", ADAPTER, ids=lambda path: path.name)
def test_the_adapter_keeps_its_state_in_one_owner(path):
    """No module variable beside `platform`, the one Platform (build_state.py), and no `global`."""
    module = tree(path)
    variables = []
    for node in module.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        variables += [target.id for target in targets if isinstance(target, ast.Name)]
    state = [name for name in variables if not name.isupper() and not (path.name == "site_hooks.py" and name == "platform")]
    assert state == [], f"hooks/{path.name} keeps module state: {state}"
    assert not [node for node in ast.walk(module) if isinstance(node, ast.Global)], f"hooks/{path.name} uses global"
