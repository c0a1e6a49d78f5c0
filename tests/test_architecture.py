"""The shape of the code: one-way imports between stages, no cycles, one kind table."""

from __future__ import annotations

import re
import subprocess
import sys

import grimp
import pytest

from companion.lesson.kinds import KINDS
from tests.helpers import ROOT


def _cycles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in graph.modules:
                continue
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_anywhere_in_companion():
    assert _cycles(grimp.build_graph("companion")) == []


def test_the_import_contracts_hold():
    """import-linter: web -> views -> lesson -> common, generation -> lesson; Flask only
    in the web layer (pyproject.toml, [tool.importlinter])."""
    linter = ROOT / ".venv" / "bin" / "lint-imports"
    command = [str(linter)] if linter.exists() else [sys.executable, "-m", "importlinter"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("folder", ["companion/lesson", "companion/views", "companion/web"])
def test_only_the_kind_table_names_kinds(folder: str):
    """Outside companion/lesson/kinds.py, no code compares a question kind to a name."""
    names = "|".join(KINDS)
    test = re.compile(rf"kind\s*(?:==|!=|in|not in)\s*[(\[{{]?\s*[\"'](?:{names})[\"']")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "kinds.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if test.search(line)
    ]
    assert offenders == []
