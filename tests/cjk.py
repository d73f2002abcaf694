"""Finding Chinese the core writes outside its catalogue of messages (laomo_desktop.texts).

`chinese_literals(path)` lists the lines of a module that hold a string literal with Chinese in
it, leaving out docstrings, the wording given to `Text(...)` and `Both(...)`, where a message
is declared in both languages, and bilingual declarations (BILINGUAL). Tests of each package use it to hold that package to speaking in
messages, so the English interface never shows Chinese the user did not type.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
SRC = Path(__file__).resolve().parents[1] / "src" / "laomo_desktop"
DECLARING = {"Text", "Both", "Joined"}
# declarations that carry their Chinese and English wording side by side (a field, a derived
# column, a file type, a kind's figure): Chinese there is one of the two wordings, not a message
BILINGUAL = {"Field", "F", "Extra", "FileType", "Kind", "Child", "Metric", "_m", "declare"}
BILINGUAL_KEYWORDS = {"count_words"}


def _name(func: ast.expr) -> str:
    return getattr(func, "id", None) or getattr(func, "attr", "")


def chinese_literals(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    declared: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in DECLARING | BILINGUAL:
            declared.update(id(sub) for sub in ast.walk(node))
        if isinstance(node, ast.keyword) and node.arg in BILINGUAL_KEYWORDS:
            declared.update(id(sub) for sub in ast.walk(node.value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            declared.add(id(node.value))  # a docstring, of a module, class, function or attribute
    return sorted({n.lineno for n in ast.walk(tree)
                   if isinstance(n, ast.Constant) and isinstance(n.value, str)
                   and CJK.search(n.value) and id(n) not in declared})


def chinese_in(*relative: str) -> dict[str, list[int]]:
    """{module path: lines with Chinese outside the catalogue} for the named files/folders."""
    found: dict[str, list[int]] = {}
    for rel in relative:
        target = SRC / rel
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            lines = chinese_literals(path)
            if lines:
                found[str(path.relative_to(SRC))] = lines
    return found
