"""The core speaks in messages everywhere (issue 12 §7): no module of the base, the store, the
ledger or the exchange holds Chinese outside the catalogue of messages (texts.Text / Both), a
bilingual declaration (tests/cjk.py BILINGUAL), or the data constants and documents listed here
with the reason each is Chinese by nature. The per-package tests (tests/ledger/
test_validation_speaks.py, test_core_speaks.py, tests/exchange/test_exchange_speaks.py) check
what their messages say in English; this one makes sure no module is left out."""

from __future__ import annotations

import ast

from tests.cjk import SRC, chinese_in

CORE = ("store", "ledger", "exchange", "work.py", "errors.py", "texts.py", "paths.py",
        "settings.py", "visible.py")

# whole modules that are Chinese by nature
DOCUMENTS_AND_DATA = {
    "store/schema.py": "the declarations: every label is given in Chinese and English",
    "store/enums.py": "the choices: every one is given in Chinese and English",
    "ledger/demo.py": "the sample studio's records, Chinese data a Chinese studio would type",
    "ledger/demo_words.py": "the words the sample records are made of",
    "ledger/demo_life.py": "the sample studio's history",
    "ledger/demo_union.py": "the sample studio's grants, registers and the union's notices",
    "ledger/listing.py": "the exported list (XLSX/CSV/PDF), a document in Chinese like the others",
    "ledger/formfields.py": "the names a union's (Chinese) forms use, their values as the forms "
                            "print them and what the help says of them",
}

# module-level constants that are data: what readers of typed text accept, units and the
# separators the catalogue itself words with, SQL that titles evidence in the Chinese documents
DATA = {
    "texts.py": {"zh_sep"},
    "ledger/typed.py": {"_FULL_WIDTH", "_DATE", "NUMBER_SEPARATORS", "CHINESE_DATE"},
    "ledger/paste.py": {"_BRACKETS", "_WORDS", "_YES", "_NO", "LOOSE_HEADERS",
                        "NUMBER_AFFIXES", "LIST_SEPARATORS"},
    "ledger/targets.py": {"PERCENT_SIGNS"},
    "ledger/excelread.py": {"SHEET_WORDS", "SERIAL_HEADERS", "_TOTAL", "_WAN",
                            "_WAN_HEADER", "_YUAN"},
    "ledger/metrics.py": {"_TIMES", "_ITEMS", "_PEOPLE", "_PAIRS", "_WAN", "_UNITS_EN",
                          "INTERNAL", "_zh"},
    "ledger/assessment.py": {"_TITLES"},
    "ledger/kinds/fund.py": {"CITED_LINE", "CITED_WHAT"},
    "ledger/kinds/mentorship.py": {"TITLE_JOIN"},
    "ledger/kinds/proposal.py": {"NAMES_JOIN"},
    "ledger/kinds/firm_service.py": {"NAMES_JOIN"},
    # the kinds of studio a union's (Chinese) template titles name, to word them for a studio
    "ledger/kinds/studio.py": {"_KIND_NAMES"},
    "ledger/kinds/grant.py": {"CITED"},
}


def _names(target: ast.expr) -> set[str]:
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, (ast.Tuple, ast.List)):
        return set().union(*(_names(t) for t in target.elts))
    return set()


def _data_lines(rel: str) -> set[int]:
    wanted = DATA.get(rel, set())
    tree = ast.parse((SRC / rel).read_text(encoding="utf-8"))
    out: set[int] = set()
    for node in ast.walk(tree):
        targets = (node.targets if isinstance(node, ast.Assign) else
                   [node.target] if isinstance(node, ast.AnnAssign) else [])
        if any(_names(t) & wanted for t in targets):
            out.update(n.lineno for n in ast.walk(node) if hasattr(n, "lineno"))
        if isinstance(node, ast.arg) and node.arg in wanted:  # a keyword's default
            out.add(node.lineno)
    return out


def test_no_core_module_speaks_chinese_outside_the_catalogue():
    found = chinese_in(*CORE)
    left = {rel: [n for n in lines if n not in _data_lines(rel)]
            for rel, lines in found.items() if rel not in DOCUMENTS_AND_DATA}
    assert {rel: lines for rel, lines in left.items() if lines} == {}


def test_the_listed_exceptions_still_exist():
    """A listed module or constant that is gone is a stale exception that hides nothing."""
    for rel in DOCUMENTS_AND_DATA:
        assert (SRC / rel).is_file(), rel
    for rel, names in DATA.items():
        text = (SRC / rel).read_text(encoding="utf-8")
        assert all(name in text for name in names), rel
