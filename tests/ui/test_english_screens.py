"""The English interface shows no Chinese except what the user typed (issue 12 §7, "Done when").

A ledger whose user data is all ASCII, made through the services: a studio with members and a
record of every kind, an attachment, a second studio that lacks every must-have; and a union
office's ledger that imported the studio's package. The GUI runs in English; the tests visit
every page of the studio's window and of the union office's, open every dialog, meet the
messages a user causes (a form with a bad date and an over-long name, bad pasted cells, the
ledger check with a missing file, a bad package, restore with no backups) and collect every
text on screen (tests/ui/seen_texts.py) and in every message box. Any Chinese character in them
is a failure naming the widget and the text.

Exempt, as data: the built-in assessment templates' titles and criteria (resources/templates),
the union's own wording, Chinese by nature; and the language list's "简体中文", the name a
Chinese reader looks for to switch back.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from boxes import stand_in_for_message_boxes
from exchange_ledgers import context_for
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from seen_texts import Seen, widget_texts, window_texts

from cjk import CJK
from helpers import new_ledger
from laomo_desktop import texts
from laomo_desktop.exchange import export, importer
from laomo_desktop.ledger import attachments
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths, resources_dir
from laomo_desktop.store.database import close_ledger
from laomo_desktop.store.health import LedgerProblem
from laomo_desktop.ui import i18n
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.window.mainwindow import MainWindow

TODAY = date(2026, 6, 1)
YEAR = 2025


def template_wording() -> set[str]:
    """Every string of the built-in assessment templates: the union's wording, data."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for f in (resources_dir() / "templates").glob("*.json"):
        walk(json.loads(f.read_text(encoding="utf-8")))
    return found


DATA = template_wording() | {i18n.LANGUAGES["zh_CN"]}


def is_data(text: str) -> bool:
    """A text made only of the templates' wording (a title, a criterion, a tooltip of one)."""
    rest = text
    for words in sorted(DATA, key=len, reverse=True):
        rest = rest.replace(words, "")
    return not CJK.search(rest)


def chinese(seen: Seen) -> list[str]:
    """Each text with Chinese in it, once, with the first place it was seen."""
    first: dict[str, str] = {}
    for where, text in seen:
        if CJK.search(text) and not is_data(text):
            first.setdefault(text, where)
    return [f"{where}: {text!r}" for text, where in first.items()]


def assert_english(seen: Seen) -> None:
    found = chinese(seen)
    assert not found, "Chinese on the English screens:\n" + "\n".join(found)


# -- the ledgers ---------------------------------------------------------------------------------
def fill_studio(paths: LedgerPaths, tmp: Path) -> dict[str, str]:
    """A studio with a record of every kind and an attachment, all typed in ASCII."""
    u: dict[str, str] = {}

    def add(key, kind, studio, values):
        u[key] = R.create(kind, studio, values, today=TODAY)["uid"]
        return u[key]

    a = add("A", "studio", None, {
        "name": "Li Ming Innovation Studio", "code": "LM-0001", "host_unit": "Jiangcheng Power",
        "unit_type": "state", "founded_on": "2019-03-01", "directions": ["technology"],
        "room_address": "Building 1, room 201", "room_area": 120, "has_plaque": True,
        "party_org": "party_group", "party_members": 2,
        "recognitions": [{"level": "city", "date": "2021-05-01", "next_review": "2025-05-01"}]})
    add("lead", "member", a, {"name": "Li Ming", "role": "leader", "party_member": True,
                              "joined_on": "2019-03-01"})
    add("core", "member", a, {"name": "Wang Fang", "role": "core",
                              "skill_levels": [{"level": "grade3", "date": "2018-01-01"},
                                               {"level": "grade2", "date": "2025-04-01"}]})
    add("appr", "member", a, {"name": "Liu Yang", "role": "member", "joined_on": "2020-01-01"})
    add("act", "activity", a, {"date": "2025-03-10", "type": "training", "topic": "Live work",
                               "hours": 4, "outside_count": 10,
                               "attendees": [{"member": u["core"]}, {"member": u["appr"]}],
                               "follow_ups": [{"what": "Buy a tester", "owner": u["lead"],
                                               "due": "2025-03-31"}]})
    add("proj", "project", a, {"title": "Line robot", "type": "breakthrough",
                               "start_date": "2025-03-01", "status": "in_progress",
                               "leader": u["lead"], "participants": [{"member": u["core"]}]})
    add("res", "result", a, {"title": "Insulated rod", "type": "patent", "date": "2025-01-10",
                             "patent_kind": "utility", "patent_status": "granted",
                             "patent_granted_on": "2025-08-20", "project": u["proj"],
                             "contributors": [{"member": u["lead"]}, {"name": "Guest"}],
                             "points": [{"text": "Safer"}]})
    add("ben", "benefit", a, {"result": u["res"], "year": YEAR, "amount_fen": 12_345_600,
                              "kind": "saving", "basis": "Less repair"})
    add("fin", "fund", a, {"date": "2025-02-01", "direction": "income", "source": "union",
                           "amount_fen": 3_000_000})
    add("fout", "fund", a, {"date": "2025-05-01", "direction": "expense",
                            "category": "equipment", "amount_fen": 1_200_000})
    add("pair", "mentorship", a, {"master": u["lead"], "apprentice": u["appr"],
                                  "agreement_date": "2024-03-01"})
    add("plan", "plan", a, {"year": YEAR, "problems": "Few young staff",
                            "targets": [{"metric": "training_sessions", "value": 4},
                                        {"metric": "patents", "value": 1}]})
    add("rule", "rule", a, {"title": "Training rules", "category": "training",
                            "adopted_on": "2019-04-01", "on_wall": True})
    add("eq", "equipment", a, {"name": "Megger", "quantity": 2, "value_fen": 1_200_000,
                               "acquired_on": "2025-05-01"})
    add("hon", "honour", a, {"name": "Model studio", "level": "provincial", "year": 2023})
    scan = tmp / "certificate.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n a certificate scan")
    u["att"] = attachments.attach(paths, "result", u["res"], scan, "Certificate")["uid"]
    R.trash("honour", add("gone", "honour", a, {"name": "Old honour", "level": "city",
                                                 "year": 2020}))
    u["B"] = add("B", "studio", None, {"name": "New Studio", "host_unit": "Bus Group",
                                       "founded_on": "2024-01-01"})  # lacks every must-have
    return u


class Ledgers:
    """The studio's ledger, its package, and a union office's ledger that imported it."""

    def __init__(self, tmp: Path, template: Path):
        self.tmp = tmp
        self.studio = new_ledger(tmp / "studio", template)
        self.uids = fill_studio(self.studio, tmp)
        usb = tmp / "usb"
        usb.mkdir()
        self.package = export.export_studio(self.studio, self.uids["A"], usb).path
        close_ledger()
        self.office = new_ledger(tmp / "office", template)
        importer.apply(self.office, self.package, trust_new_key=True)
        close_ledger()

    def ctx(self, paths: LedgerPaths) -> AppContext:
        return context_for(paths, self.tmp)


@pytest.fixture
def english(qapp):
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


@pytest.fixture
def two(tmp_path, migrated_template, english):
    yield Ledgers(tmp_path, migrated_template)
    close_ledger()


@pytest.fixture
def seen(monkeypatch) -> Seen:
    """What the user was shown in dialogs and message boxes: each dialog's texts as it opens
    (then it closes unanswered), and every message box."""
    out: Seen = []

    def dialog_exec(dlg: QDialog) -> int:
        dlg.show()
        QApplication.processEvents()
        out.extend(window_texts(dlg, dlg.objectName() or type(dlg).__name__))
        dlg.hide()
        return 0

    def box_exec(box: QMessageBox) -> int:
        widget_texts(box, "message box", out)
        out.append(("message box text", box.text()))
        return 0

    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    stand_in_for_message_boxes(monkeypatch, lambda kind, title, text: out.extend(
        [(f"{kind} box title", title), (f"{kind} box text", text)]))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([], "")))
    return out


def open_window(ctx: AppContext, qtbot, studio: str) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.refresh_studios(select=studio)
    win.year_box.setCurrentIndex(max(win.year_box.findData(YEAR), 0))
    return win


def visit_every_page(win: MainWindow, qtbot, name: str) -> Seen:
    out = window_texts(win, f"{name} ({win.studio_box.currentText()})")
    for i, s in enumerate(SECTIONS):
        win.nav.setCurrentRow(i)
        page = win.page(s.key)
        if hasattr(page, "up_to_date"):
            qtbot.waitUntil(lambda page=page: page.up_to_date, timeout=5000)
        QApplication.processEvents()
        out += window_texts(win, f"{name}: {s.key}")
    return out


# -- the tests -----------------------------------------------------------------------------------
def test_every_page_of_the_studio_window_is_english(two, qtbot):
    win = open_window(two.ctx(two.studio), qtbot, two.uids["A"])
    seen = visit_every_page(win, qtbot, "studio window")
    win.refresh_studios(select=two.uids["B"])  # every must-have missing: the reminders
    seen += visit_every_page(win, qtbot, "studio window, new studio")
    assert_english(seen)


def test_every_dialog_of_the_studio_window_is_english(two, qtbot, seen):
    ctx = two.ctx(two.studio)
    win = open_window(ctx, qtbot, two.uids["A"])
    for i, s in enumerate(SECTIONS):
        page = win.page(s.key)
        win.nav.setCurrentRow(i)
        if hasattr(page, "new_record") and s.kind != "attachment":
            page.new_record()
        if hasattr(page, "edit_uid") and s.kind in ("result", "activity", "member"):
            uid = {"result": "res", "activity": "act", "member": "lead"}[s.kind]
            page.edit_uid(two.uids[uid])  # with its child lists and attachments filled
    win.new_studio()
    win.edit_studio()
    win.global_search()
    win.change_year_start()
    win.export_package()
    from laomo_desktop.ui.dialogs import menus
    from laomo_desktop.ui.dialogs.conflicts import ConflictsDialog
    from laomo_desktop.ui.dialogs.leader import ChangeLeaderDialog
    from laomo_desktop.ui.dialogs.recovery import RecoveryDialog

    menus.settings_dialog(ctx, win)
    menus.about_dialog(ctx, win)
    for dlg in (ConflictsDialog(ctx, win),
                ChangeLeaderDialog(two.uids["A"], None, lambda *_a: [], parent=win),
                RecoveryDialog(two.studio, LedgerProblem(
                    "damaged", "The ledger file is damaged.", "details"), None)):
        dlg.exec()
        dlg.deleteLater()
    opened = {where.split(":")[0] for where, _ in seen}
    forms = {f"dialog_{k}" for k in ("studio", *(s.kind for s in SECTIONS if s.kind))}
    assert forms - {"dialog_attachment"} | {
        "search_dialog", "year_start_dialog", "export_dialog", "settings_dialog",
        "message box window title", "conflicts_dialog", "change_leader_dialog",
        "recovery_dialog"} <= opened
    assert_english(seen)


def test_the_messages_a_user_meets_are_english(two, qtbot, seen):
    ctx = two.ctx(two.studio)
    win = open_window(ctx, qtbot, two.uids["A"])
    from laomo_desktop.ui.dialogs.record import RecordDialog

    dlg = RecordDialog(ctx.paths, "member", two.uids["A"], None,
                       lambda values: R.create("member", two.uids["A"], values))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.editors["name"].widget.setText("x" * 500)
    birth = dlg.editors["birth_date"].line
    birth.setText("2025-13-45")
    QTest.keyClick(birth, Qt.Key.Key_Tab)
    QTest.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    seen += window_texts(dlg, "member form with errors")
    dlg.reject()

    win.nav.setCurrentRow([s.key for s in SECTIONS].index("member"))
    page = win.page("member")
    QApplication.clipboard().setText("Name\tSex\tBirth date\tShoe size\r\n"
                                     "Bob\tunknown\t2025-02-30\t42\r\nAnn\r\n")
    page.paste_action.trigger()  # Ctrl+V, or Paste in the table's menu
    QApplication.clipboard().setText("Bob\tmale\r\n")  # no header line
    page.paste_action.trigger()

    next(f for f in two.studio.attachments.rglob("*") if f.is_file()).unlink()  # a lost file
    win.check_ledger()  # a job: its report opens when the check ends
    qtbot.waitUntil(lambda: any(where.startswith("check_dialog") for where, _ in seen))
    from laomo_desktop.ui.dialogs import menus

    menus.restore_from_backup(ctx, win)  # none made yet
    opened = {where.split(":")[0] for where, _ in seen}
    assert {"paste_dialog", "warning box text", "check_dialog", "restore_dialog"} <= opened
    assert_english(seen)


def test_the_union_office_is_english(two, qtbot, seen, monkeypatch):
    ctx = two.ctx(two.office)
    studio = two.uids["A"]
    win = open_window(ctx, qtbot, studio)
    shown = visit_every_page(win, qtbot, "union office")
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("member"))
    win.page("member").edit_uid(two.uids["lead"])  # read-only form of an imported studio
    win.export_package()  # refused: an imported studio
    bad = two.tmp / "bad.laomo.zip"
    bad.write_bytes(b"not a package")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(bad), str(two.package)], "")))
    imported: list = []
    win.import_packages(imported.append)  # a bad one refused, the good one already imported
    qtbot.waitUntil(lambda: bool(imported), timeout=10000)  # the checks run as jobs
    win.page("union").show_conflicts()
    opened = {where.split(":")[0] for where, _ in seen}
    assert {"import_preview", "import_report", "conflicts_dialog", "information box text",
            "dialog_member"} <= opened
    assert_english(shown + seen)


def test_the_check_finds_chinese_on_a_window(qapp, english):
    """The check itself can fail: a label with Chinese on it is found and named."""
    w = QWidget()
    w.setObjectName("probe")
    w.setWindowTitle("工作室")
    found = chinese(window_texts(w, "probe"))
    assert found == ["probe: QWidget 'probe' window title: '工作室'"]
    criterion = next(t for t in sorted(template_wording()) if CJK.search(t))
    assert chinese([("x", f"Template: {criterion}")]) == []
    assert chinese([("x", f"{criterion}，未达到")]) == ["x: '" + criterion + "，未达到'"]


def test_the_log_reads_in_the_language_it_is_read_in(two):
    """An audit entry is kept in both languages and read in the chosen one; an entry written
    before the log kept English (no English summary) shows the Chinese it was written in."""
    from laomo_desktop.ledger import queries as Q
    from laomo_desktop.store.models import database

    two.ctx(two.studio)
    studio = two.uids["A"]
    database.execute_sql("INSERT INTO audit_entry (at, actor, action, kind, studio_uid, summary) "
                         "VALUES ('2020-01-01T00:00:00.000+00:00', 'x', 'create', 'member', ?,"
                         " '新建成员“Old”')", (studio,))
    english_rows = [s for _, s, _ in Q.latest_changes(studio, limit=50)]
    assert english_rows[0] == "新建成员“Old”"
    assert any(s.startswith("New Member") for s in english_rows[1:]), english_rows
    texts.set_language("zh_CN")
    assert any(s.startswith("新建成员“") for s in [s for _, s, _ in Q.latest_changes(studio, limit=50)][1:])
