"""Personal data through the GUI: the export dialog's choice (nothing personal ticked by default)
and "未提供" wherever the union office shows a field an imported studio withheld."""

from __future__ import annotations

from pathlib import Path

import pytest
from boxes import stand_in_for_message_boxes
from exchange_ledgers import Ledgers
from PySide6.QtWidgets import QDialog, QLabel

from laomo_desktop.exchange import export, importer, privacy
from laomo_desktop.exchange.package import read_package
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger
from laomo_desktop.ui import i18n
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.exchange import ExportDialog
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.pages.section import SectionPage, make_read_only, refuse_edit
from laomo_desktop.ui.pages.sections import BY_KEY
from laomo_desktop.ui.pages.union import COLUMNS, UnionPage

PERSONAL = {"sex": "female", "birth_date": "1985-04-02", "education": "bachelor",
            "phone": "13800000001"}


class PrivacyLedgers(Ledgers):
    """Studio A's ledger (the sample ledger, with personal data) and a union office's."""

    def prepare_studio(self) -> None:
        R.update("member", self.uids["wangfang"], PERSONAL)
        R.update("studio", self.uids["A"], {"contact_phone": "0710-1234567"})

    def imported(self, include=None, office: str = "office") -> AppContext:
        """An office with studio A's package (exported with `include`) imported."""
        self.ctx(self.studio)
        pkg = export.export_studio(self.studio, self.uids["A"], self.usb, include=include).path
        paths = LedgerPaths(self.tmp / office)
        ctx = self.ctx(paths)
        importer.apply(paths, pkg, trust_new_key=True)
        ctx.set_studio(self.uids["A"])
        return ctx


@pytest.fixture
def two(tmp_path, qapp):
    i18n.install(qapp, "zh_CN")
    yield PrivacyLedgers(tmp_path)
    close_ledger()


@pytest.fixture
def boxes(monkeypatch):
    calls: list[tuple[str, str]] = []
    stand_in_for_message_boxes(monkeypatch, lambda kind, title, text: calls.append((kind, text)))
    return calls


def _export(two, qtbot, boxes, tick: tuple[str, ...] = ()) -> Path:
    ctx = two.ctx(two.studio)
    ctx.set_studio(two.uids["A"])
    dlg = ExportDialog(ctx, targets=[])
    qtbot.addWidget(dlg)
    for name in tick:
        dlg.include_boxes[name].setChecked(True)
    dlg.set_folder(two.usb)
    before = len(boxes)
    dlg.export_button.click()
    qtbot.waitUntil(lambda: len(boxes) > before)
    assert boxes[-1][0] == "information" and dlg.result() == QDialog.DialogCode.Accepted
    return max(two.usb.glob("*.laomo.zip"), key=lambda p: p.stat().st_mtime_ns)


def test_the_export_dialog_offers_the_personal_fields_unticked(two, qtbot, boxes):
    ctx = two.ctx(two.studio)
    ctx.set_studio(two.uids["A"])
    dlg = ExportDialog(ctx, targets=[])
    qtbot.addWidget(dlg)
    assert [b.text() for b in dlg.include_boxes.values()] == [
        "成员性别", "成员出生日期", "成员学历", "成员联系电话", "工作室联系电话"]
    assert not any(b.isChecked() for b in dlg.include_boxes.values())
    assert all(b.isEnabled() for b in dlg.include_boxes.values())
    assert "统计和考核都用不到" in dlg.findChild(QLabel, "personal_hint").text()

    pkg = read_package(_export(two, qtbot, boxes))
    wang = next(r for r in pkg.records["member"] if r["uid"] == two.uids["wangfang"])
    assert {k: wang[k] for k in PERSONAL} == dict.fromkeys(PERSONAL)
    assert pkg.records["studio"][0]["contact_phone"] is None
    assert "未放入的个人信息：成员性别、成员出生日期、成员学历、成员联系电话、工作室联系电话" in boxes[-1][1]


def test_ticked_fields_travel(two, qtbot, boxes):
    pkg = read_package(_export(two, qtbot, boxes, tick=("phone", "birth_date")))
    wang = next(r for r in pkg.records["member"] if r["uid"] == two.uids["wangfang"])
    assert (wang["phone"], wang["birth_date"], wang["sex"]) == ("13800000001", "1985-04-02", None)
    assert pkg.manifest["omitted_fields"] == {"member": ["sex", "education"],
                                              "studio": ["contact_phone"]}
    assert "成员性别、成员学历、工作室联系电话" in boxes[-1][1]


def test_the_members_table_of_an_imported_studio_says_not_provided(two, qtbot):
    ctx = two.imported()
    page = SectionPage(ctx, BY_KEY["member"])
    qtbot.addWidget(page)
    page.reload()
    columns = BY_KEY["member"].columns
    sex, party, name = columns.index("sex"), columns.index("party_member"), columns.index("name")
    m = page.model
    rows = [[m.index(r, c).data() for c in (name, sex, party)] for r in range(m.rowCount())]
    assert rows and all(row[1] == "未提供" for row in rows)
    assert dict((r[0], r[2]) for r in rows)["王芳"] == "是"  # party membership travels

    # the same studio imported with everything: its values, no "未提供"
    ctx = two.imported(include="all", office="another office")
    page = SectionPage(ctx, BY_KEY["member"])
    qtbot.addWidget(page)
    page.reload()
    texts = {page.model.index(r, name).data(): page.model.index(r, sex).data()
             for r in range(page.model.rowCount())}
    assert texts["王芳"] == "女" and "未提供" not in texts.values()


def test_the_record_dialogs_say_not_provided_for_withheld_fields(two, qtbot, driver):
    ctx = two.imported(include=["education"])
    page = SectionPage(ctx, BY_KEY["member"])
    qtbot.addWidget(page)
    page.reload()
    page.select_uid(two.uids["wangfang"])
    page.edit_current()
    dlg = driver.opened[-1]
    for name in ("sex", "birth_date", "phone"):
        label = dlg.findChild(QLabel, f"not_provided_{name}")
        assert label is not None and label.text() == "未提供", name
        assert dlg.editors[name].widget.isHidden()
    assert dlg.findChild(QLabel, "not_provided_education") is None
    assert dlg.editors["education"].get() == "bachelor"
    assert dlg.editors["name"].get() == "王芳" and not dlg.editors["name"].widget.isHidden()

    studio = make_read_only(RecordDialog(ctx.paths, "studio", two.uids["A"],
                                         R.get("studio", two.uids["A"]), refuse_edit))
    qtbot.addWidget(studio)
    assert studio.findChild(QLabel, "not_provided_contact_phone").text() == "未提供"


def test_a_studio_of_the_office_itself_shows_its_values(two, qtbot, driver):
    ctx = two.ctx(two.studio)
    ctx.set_studio(two.uids["A"])
    page = SectionPage(ctx, BY_KEY["member"])
    qtbot.addWidget(page)
    page.reload()
    page.select_uid(two.uids["wangfang"])
    page.edit_current()
    dlg = driver.opened[-1]
    assert dlg.editors["phone"].get() == "13800000001" and not dlg.editors["phone"].widget.isHidden()
    assert not dlg.findChildren(type(dlg.general_error), "not_provided_phone")
    assert privacy.withheld(two.uids["A"]) == {}


def test_the_union_page_says_what_a_studio_did_not_provide(two, qtbot):
    ctx = two.imported(include=["sex", "birth_date", "education", "contact_phone"])
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    last = COLUMNS.index(("last_package", "Last package"))
    assert "未提供：成员联系电话" in page.table.item(0, last).toolTip()
    assert "未提供：成员联系电话" in page.history.topLevelItem(0).toolTip(2)
