"""The layer rule, all of it (DESIGN.md, "Layers"): only ui/ imports Qt; store/ and ledger/ import
neither Qt nor ReportLab; each layer imports only the layers below it; ui/ runs no SQL; and no
modules import each other in a circle.

Imports are read from the source (the AST of every module), so an import inside a function
counts as much as one at the top: it runs as soon as that function does. Imports under
`if TYPE_CHECKING:` never run and are left out.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PKG = Path(__file__).parents[1] / "src" / "laomo_desktop"
ROOT = "laomo_desktop"
QT = ("PySide6", "shiboken6")
HEAVY = ("reportlab",)

# What each layer may import from the project (besides itself). "base" is the package's own
# top-level helpers (errors, paths, visible, ...), which import nothing above them.
ALLOWED = {
    "base": set(),
    "store": {"base"},
    "ledger": {"base", "store"},
    "exchange": {"base", "store", "ledger"},
    "reports": {"base", "store", "ledger", "exchange"},  # the packet prints the key's fingerprint
    "ui": {"base", "store", "ledger", "exchange", "reports"},
    "front": {"base", "store", "ledger", "exchange", "reports"},
}
# The command line reaches into ui/ only to start the GUI and to run the self-test's Qt checks,
# and only from inside a function, so `laomo stats` and the like never load Qt.
FRONT_INTO_UI = {("laomo_desktop.cli", "laomo_desktop.ui.app"),
                 ("laomo_desktop.selftest", "laomo_desktop.ui.system.selftest")}


@dataclass(frozen=True)
class Import:
    source: str      # the importing module
    target: str      # the project module imported ("" for a third-party one)
    top: str         # the first part of the name imported (PySide6, peewee, laomo_desktop)
    line: int
    in_function: bool

    def where(self) -> str:
        return f"{self.source}:{self.line}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _resolve(name: str) -> str:
    """The most specific project module a dotted name names ("" when it is not ours)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return ""


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk(node: ast.AST, in_function: bool = False):
    """Every node with whether it sits inside a function, skipping TYPE_CHECKING blocks."""
    for child in ast.iter_child_nodes(node):
        if _is_type_checking(child):
            for other in child.orelse:
                yield from _walk_one(other, in_function)
            continue
        yield from _walk_one(child, in_function)


def _walk_one(node: ast.AST, in_function: bool):
    yield node, in_function
    inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
    yield from _walk(node, inside)


def _trees() -> dict[str, ast.Module]:
    return {name: ast.parse(path.read_text("utf-8")) for name, path in MODULES.items()}


TREES = _trees()


def imports_of(name: str) -> list[Import]:
    is_package = MODULES[name].name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    out = []
    for node, in_function in _walk(TREES[name]):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # `from pkg import module` imports the module; `from module import name` the module
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                     for a in node.names]
        else:
            continue
        for full in dict.fromkeys(names):
            target = _resolve(full) if full.split(".")[0] == ROOT else ""
            if target != name:
                out.append(Import(name, target, full.split(".")[0], node.lineno, in_function))
    return out


IMPORTS = {name: imports_of(name) for name in MODULES}


def layer(name: str) -> str:
    parts = name.split(".")
    if len(parts) > 2 or (len(parts) == 2 and MODULES[name].name == "__init__.py"):
        return parts[1]
    last = parts[-1]
    if last.startswith("cli") or last in ("selftest", "__main__"):
        return "front"
    return "base"


# -- third-party imports ------------------------------------------------------------------------

def test_only_ui_imports_qt():
    offenders = [f"{i.where()} imports {i.top}" for name, found in IMPORTS.items()
                 if layer(name) != "ui" for i in found if i.top in QT]
    assert not offenders, "Qt imported outside ui/:\n" + "\n".join(offenders)


def test_store_and_ledger_import_neither_qt_nor_reportlab():
    offenders = [f"{i.where()} imports {i.top}" for name, found in IMPORTS.items()
                 if layer(name) in ("store", "ledger") for i in found if i.top in QT + HEAVY]
    assert not offenders, "Qt or ReportLab imported in store/ or ledger/:\n" + "\n".join(offenders)


def test_loading_the_core_loads_no_qt_or_reportlab_at_run_time():
    code = (
        "import sys\n"
        "import laomo_desktop.cli, laomo_desktop.ledger.records, laomo_desktop.ledger.stats\n"
        "import laomo_desktop.ledger.demo, laomo_desktop.ledger.check, laomo_desktop.store.backup\n"
        "import laomo_desktop.exchange.export, laomo_desktop.exchange.importer\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'reportlab')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- the project's own order --------------------------------------------------------------------

def order_offences() -> list[str]:
    """Each import of a layer that is not below the importer's, as `module:line imports x`."""
    out = []
    for name, found in IMPORTS.items():
        own = layer(name)
        for i in found:
            if not i.target:
                continue
            theirs = layer(i.target)
            if theirs == own or theirs in ALLOWED[own]:
                continue
            entry = (name, i.target) in FRONT_INTO_UI
            if own == "front" and theirs == "ui" and entry and i.in_function:
                continue
            out.append(f"{i.where()} ({own}) imports {i.target} ({theirs})"
                       + (" at module level" if entry else ""))
    return out


def test_each_layer_imports_only_the_layers_below_it():
    """store ← ledger ← exchange ← reports (DESIGN.md's order); ui on all of those; the command
    line on all of those, and on ui only to start the GUI and the self-test's Qt checks."""
    offences = order_offences()
    assert not offences, "imports against the layer order:\n" + "\n".join(offences)


def test_the_layer_check_sees_an_upward_import(monkeypatch):
    """The check itself: a ledger module importing ui/, even inside a function, is named."""
    wrong = Import("laomo_desktop.ledger.records", "laomo_desktop.ui.app", ROOT, 7, True)
    monkeypatch.setitem(IMPORTS, "laomo_desktop.ledger.records",
                        [*IMPORTS["laomo_desktop.ledger.records"], wrong])
    assert ("laomo_desktop.ledger.records:7 (ledger) imports laomo_desktop.ui.app (ui)"
            in order_offences())


# -- ui/ runs no SQL ----------------------------------------------------------------------------

SQL_IMPORTS = {"peewee", "sqlite3", "playhouse"}
SQL_MODULES = {"laomo_desktop.store.models"}      # the Peewee models and the database object
SQL_CALLS = {"execute_sql", "atomic", "transaction", "savepoint", "raw", "get_or_none"}
SQL_TEXT = re.compile(r"\b(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\b.*\bSET|DELETE\s+FROM|PRAGMA)\b",
                      re.IGNORECASE | re.DOTALL)


def sql_offences(name: str) -> list[str]:
    out = [f"{i.where()} imports {i.target or i.top}" for i in IMPORTS[name]
           if i.top in SQL_IMPORTS or i.target in SQL_MODULES]
    for node, _ in _walk(TREES[name]):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS):
            out.append(f"{name}:{node.lineno} calls .{node.func.attr}()")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and SQL_TEXT.search(node.value)):
            out.append(f"{name}:{node.lineno} has SQL text {node.value[:40]!r}")
    return out


def test_ui_runs_no_sql():
    """ui/ asks the ledger's functions; it never queries the database, opens a transaction or
    touches the Peewee models itself."""
    offences = [o for name in MODULES if layer(name) == "ui" for o in sql_offences(name)]
    assert not offences, "SQL in ui/ (move it into a ledger function):\n" + "\n".join(offences)


def test_the_sql_check_sees_a_query():
    """The check itself: the ledger's own modules, which do run SQL, are caught by it."""
    assert any("execute_sql" in o for o in sql_offences("laomo_desktop.ledger.union"))
    assert any("imports laomo_desktop.store.models" in o
               for o in sql_offences("laomo_desktop.ledger.records"))


# -- no circles ---------------------------------------------------------------------------------

def cycles(imports: dict[str, list[Import]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each as its edges."""
    edges = {n: [i for i in found if i.target and i.target != n] for n, found in imports.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for i in edges[v]:
            w = i.target
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return [sorted(f"{i.where()} imports {i.target}" for n in g for i in edges[n] if i.target in g)
            for g in groups]


def test_no_modules_import_each_other_in_a_circle():
    """Module-level and function-level imports alike: a circle means neither module can be
    understood, tested or moved without the other."""
    found = cycles(IMPORTS)
    assert not found, "import circles:\n" + "\n\n".join("\n".join(c) for c in found)


def test_the_circle_check_sees_a_circle():
    fake = {"a": [Import("a", "b", ROOT, 1, False)], "b": [Import("b", "c", ROOT, 2, True)],
            "c": [Import("c", "a", ROOT, 3, True)], "d": [Import("d", "a", ROOT, 4, False)]}
    assert cycles(fake) == [["a:1 imports b", "b:2 imports c", "c:3 imports a"]]
