"""Forwarding up through the window (issue 16 §5): a 区县 office's 转报上级工会… writes its office
package to the chosen folder and says so; the 市 office's 导入数据包… shows the office, its level
and its studios, imports nothing until the office's fingerprint is confirmed, then imports every
studio and shows which office each came through."""

from __future__ import annotations

from pathlib import Path

import pytest
from boxes import stand_in_for_message_boxes
from exchange_ledgers import Ledgers
from PySide6.QtWidgets import QDialog, QFileDialog

from laomo_desktop.exchange import importer, keys
from laomo_desktop.ledger import offices
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger
from laomo_desktop.ui import i18n
from laomo_desktop.ui.dialogs.imports import ImportReportDialog
from laomo_desktop.ui.dialogs.officeimport import OfficePreviewDialog
from laomo_desktop.ui.pages.union import COLUMNS, UnionPage

YEAR = 2025


@pytest.fixture
def county(tmp_path, qapp):
    """The sample studio's package imported by a 区县 office."""
    i18n.install(qapp, "zh_CN")
    two = Ledgers(tmp_path)
    pkg = two.package()
    ctx = two.ctx(two.office)
    offices.set_own_office("江城区总工会", "county", "JC-QX")
    importer.apply(two.office, pkg, trust_new_key=True)
    yield two, ctx
    close_ledger()


def _page(ctx, qtbot) -> UnionPage:
    ctx.set_year(YEAR)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_forward_up_then_import_at_the_office_above(county, qtbot, monkeypatch, tmp_path):
    two, ctx = county
    stick = tmp_path / "stick"
    stick.mkdir()
    said: list[tuple[str, str, str]] = []
    stand_in_for_message_boxes(monkeypatch, lambda *call: said.append(call))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *_a, **_k: str(stick)))
    county_fingerprint = keys.installation_fingerprint(two.office)
    page = _page(ctx, qtbot)
    page.forward_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    kind, _title, text = said[0]
    written = list(stick.iterdir())
    assert kind == "information" and len(written) == 1
    assert written[0].name.startswith("江城区总工会_JC-QX-")
    assert written[0].name.endswith(".office.laomo.zip") and written[0].name in text
    assert "第 1 号工会数据包已写入并回读校验：含工作室数据包 1 个" in text

    # the city office: its window imports the stick's office package
    city = LedgerPaths(tmp_path / "city")
    cctx = two.ctx(city)
    offices.set_own_office("江城市总工会", "city")
    seen: list[dict] = []

    def preview_exec(dlg: OfficePreviewDialog) -> int:
        seen.append({"enabled_before": dlg.import_button.isEnabled(),
                     "studios": [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())],
                     "fingerprint": dlg.pv.fingerprint})
        dlg.trust.setChecked(True)
        seen[-1]["enabled_after"] = dlg.import_button.isEnabled()
        dlg.import_button.click()
        return dlg.result()

    reports: list[str] = []
    monkeypatch.setattr(OfficePreviewDialog, "exec", preview_exec)
    monkeypatch.setattr(ImportReportDialog, "exec",
                        lambda dlg: reports.append(dlg.text.toPlainText())
                        or QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_a, **_k: ([str(written[0])], "")))
    up = _page(cctx, qtbot)
    up.import_button.click()
    qtbot.waitUntil(lambda: bool(reports), timeout=15000)
    assert seen[0]["studios"] == ["李明劳模创新工作室"]
    assert not seen[0]["enabled_before"] and seen[0]["enabled_after"]  # the fingerprint first
    assert seen[0]["fingerprint"] == county_fingerprint
    assert "江城区总工会" in reports[0]
    qtbot.waitUntil(lambda: up.table.rowCount() == 1, timeout=10000)
    col = [k for k, _ in COLUMNS].index("came_through")
    assert up.table.item(0, 0).text() == "李明劳模创新工作室"
    assert up.table.item(0, col).text() == "江城区总工会"
    assert Path(written[0]).exists()  # the stick's file is left as it was
