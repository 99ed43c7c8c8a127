"""The builder's own source: rules that keep its modules readable and its regular expressions what they say."""

from __future__ import annotations

import ast
import collections
from pathlib import Path

import pytest

BUILDER = Path(__file__).resolve().parent.parent / "builder"


@pytest.mark.parametrize("module", sorted(BUILDER.rglob("*.py")), ids=lambda p: str(p.relative_to(BUILDER)))
def test_no_module_level_name_is_defined_twice(module):
    """A pattern defined again further down a long module replaces the first for every caller, the first's too
    (document.py's _FIGURE_CELL: digits only where ideographic spaces part a row's cells, but read as the later one,
    which takes 无, dashes and empty cells): each name once."""
    defined = collections.Counter()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            defined.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined[node.name] += 1
    assert [name for name, count in defined.items() if count > 1] == []
