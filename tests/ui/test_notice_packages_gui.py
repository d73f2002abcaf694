"""The office's notices dialog (write, attach, send) and the studio's preview of a notice package."""

from __future__ import annotations

from pathlib import Path

from helpers import new_ledger
from laomo_desktop.exchange import noticeimport
from laomo_desktop.ledger import officenotices, offices
from laomo_desktop.store.database import close_ledger, open_ledger

NOTICE = {"issuer": "江城区总工会", "doc_no": "江工发〔2025〕12号", "title": "关于报送考核材料的通知",
          "received_on": "2025-05-06", "due_on": "2025-06-09", "note": None,
          "items": [{"what": "年度工作总结", "source": "annual"},
                    {"what": "工作室考核表", "source": "union_form"}]}


def test_the_office_sends_and_the_studio_previews(qtbot, tmp_path, migrated_template):
    from PySide6.QtCore import QSettings

    from laomo_desktop.ledger.studios import create_studio
    from laomo_desktop.ui.context import AppContext
    from laomo_desktop.ui.dialogs.noticepkg import NoticePreviewDialog, OfficeNoticesDialog

    office = new_ledger(tmp_path / "county", migrated_template)
    offices.set_own_office("江城区总工会", "county")
    doc = tmp_path / "通知正文.pdf"
    doc.write_bytes(b"%PDF-1.4\n")
    officenotices.save(office, NOTICE, add_files=[doc])
    ctx = AppContext(office, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dlg = OfficeNoticesDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.table.rowCount() == 1 and not dlg.export_button.isEnabled()
    dlg.table.selectRow(0)
    assert dlg.export_button.isEnabled() and "通知正文.pdf" in dlg.files.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg.export(str(usb))
    qtbot.waitUntil(lambda: hasattr(dlg, "last_sent"), timeout=10000)
    dlg.grab().save(str(Path("/tmp/notice_office_dialog.png")))
    sent = dlg.last_sent
    assert dlg.table.item(0, 4).text() != "" and sent.exists()
    close_ledger()

    studio = new_ledger(tmp_path / "studio", migrated_template)
    s = create_studio({"name": "李明劳模创新工作室", "code": "LM-1", "host_unit": "江城机械厂",
                       "founded_on": "2020-01-01"}, "李明")
    pv = noticeimport.preview(studio, sent, None)
    pd = NoticePreviewDialog(pv)
    qtbot.addWidget(pd)
    pd.show()
    assert not pd.import_button.isEnabled()  # the first key is confirmed first
    pd.trust.setChecked(True)
    assert pd.import_button.isEnabled() and pd.items.rowCount() == 3
    pd.grab().save("/tmp/notice_preview_dialog.png")
    assert s["uid"]
    close_ledger()
    open_ledger  # noqa: B018 - imported for symmetry with the other GUI tests


def test_the_offices_notice_form_leaves_out_what_only_a_studio_fills(qtbot, tmp_path,
                                                                      migrated_template):
    from PySide6.QtCore import QSettings

    from laomo_desktop.ui.context import AppContext
    from laomo_desktop.ui.dialogs.noticepkg import OfficeNoticesDialog

    office = new_ledger(tmp_path / "county", migrated_template)
    offices.set_own_office("江城区总工会", "county")
    officenotices.save(office, NOTICE)
    ctx = AppContext(office, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dlg = OfficeNoticesDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.table.selectRow(0)
    form = dlg.notice_form(dlg.current())
    qtbot.addWidget(form)
    assert "closed_on" not in form.editors  # 办结日期: the studio's, when it has handed all in
    items = form.editors["items"]
    assert [f.name for f in items.child.fields] == ["what", "source"]  # no done / done on
    assert [i["what"] for i in items.get()] == ["年度工作总结", "工作室考核表"]
    close_ledger()
