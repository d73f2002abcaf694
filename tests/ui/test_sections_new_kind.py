"""Adding a record kind touches its declaration, a migration, its own module and the
translation, nothing else (issue 12 §1): the navigation entry, its table's columns, the form,
its rule and its count figure all follow from what the kind declares.

The new kind (资助, subsidies) is declared in a fresh program process before anything reads the
declarations, as a real new kind would be, and its module sits in a temporary folder that is
part of ledger/kinds/ for that process only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from laomo_desktop.ledger import kinds
from laomo_desktop.store import schema as S
from laomo_desktop.ui.pages.sections import SECTIONS, kind_sections

SRC = Path(__file__).resolve().parents[2] / "src"

SUBSIDY_MODULE = '''
"""Subsidies received: what arrived may not exceed what was approved."""

from laomo_desktop.ledger.kinds.base import KindRules, label
from laomo_desktop.texts import Both, Text

MORE_THAN_APPROVED = Text("“{received}”不能大于“{approved}”",
                          '"{received}" cannot be more than "{approved}"')


def _validate(kind, row, children, ctx, errors):
    if (row.get("received_fen") or 0) > (row.get("approved_fen") or 0):
        errors.setdefault("received_fen", MORE_THAN_APPROVED(
            received=label(kind, "received_fen"), approved=label(kind, "approved_fen")))


RULES = KindRules(validate=_validate, section=Both("资助", "Subsidies"),
                  columns=("name", "approved_fen", "received_fen"))
'''

# Run in the fresh process: declare the kind, add the module's folder to ledger/kinds, then
# import the program as it starts and look for the kind everywhere.
PROBE = '''
import importlib.util, json, sys
from laomo_desktop.store import schema as S

SUBSIDY = S.Kind("subsidy", "资助", "Subsidy", "subsidy", title="name", date_field="date", fields=(
    S.Field("name", "资助项目", "Subsidy", required=True, max_len=100),
    S.Field("date", "批准日期", "Approved on", S.DATE, required=True),
    S.Field("approved_fen", "批准金额", "Approved", S.MONEY, required=True),
    S.Field("received_fen", "到账金额", "Received", S.MONEY),
))
S.KINDS = S.KINDS + (SUBSIDY,)
S.BY_NAME["subsidy"] = SUBSIDY

spec = importlib.util.find_spec("laomo_desktop.ledger.kinds")
spec.submodule_search_locations.append(sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = module
spec.loader.exec_module(module)

from PySide6.QtWidgets import QApplication
from laomo_desktop.ledger import metrics, templates
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.models import MODELS
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.pages.sections import SECTIONS

app = QApplication([])
out = {"sections": [[s.key, s.title.zh, s.title.en, list(s.columns)]
                    for s in SECTIONS if s.kind == "subsidy"],
       "model": "subsidy" in MODELS, "figure": metrics.METRICS["subsidy_count"].label,
       "evidence": "subsidy" in templates.EVIDENCE_KINDS}
row = {"name": "技能提升资助", "date": "2025-03-01", "approved_fen": 100000,
       "received_fen": 150000}
try:
    V.clean_record(SUBSIDY, row, V.Context(studio_id=1, resolver=None))
except ValidationError as e:
    out["rule"] = e.errors
def save(values):
    return V.clean_record(SUBSIDY, values, V.Context(studio_id=1, resolver=None))[0]
dlg = RecordDialog(LedgerPaths(sys.argv[2]), "subsidy", "studio-uid", None, save)
out["form"] = list(dlg.editors)
for name, value in row.items():
    dlg.editors[name].set(value)
dlg.accept()
out["form_error"] = dlg.errors["received_fen"].text()
out["saved"] = dlg.saved
print(json.dumps(out, ensure_ascii=False))
'''


def test_a_new_kind_gets_its_section_form_rule_and_figure_from_its_declaration(tmp_path):
    folder = tmp_path / "kinds"
    folder.mkdir()
    (folder / "subsidy.py").write_text(textwrap.dedent(SUBSIDY_MODULE), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", PROBE, str(folder), str(tmp_path / "data")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["sections"] == [["subsidy", "资助", "Subsidies", ["name", "approved_fen",
                                                              "received_fen"]]]
    assert seen["model"] and seen["evidence"]
    assert seen["figure"] == "累计登记资助"
    assert seen["rule"] == {"received_fen": "“到账金额”不能大于“批准金额”"}
    assert seen["form"] == ["name", "date", "approved_fen", "received_fen"]
    assert seen["form_error"] == "“到账金额”不能大于“批准金额”"
    assert seen["saved"] is None


def test_every_kind_has_one_module_and_every_per_studio_kind_one_section():
    modules = {p.stem for p in (SRC / "laomo_desktop" / "ledger" / "kinds").glob("*.py")}
    assert modules - {"__init__", "base"} == set(S.BY_NAME) == set(kinds.BY_KIND)
    listed = [s.kind for s in SECTIONS if s.kind]
    assert listed == [k.name for k in S.KINDS if k.per_studio]
    assert [s.key for s in kind_sections()] == listed


def test_a_kind_without_declared_columns_shows_its_fields(monkeypatch):
    monkeypatch.setitem(kinds.BY_KIND, "honour", kinds.KindRules())
    assert kinds.columns(S.HONOUR) == ("holder", "name", "level", "year", "body")
    assert kinds.section_title(S.HONOUR).render("en") == "Honour"
