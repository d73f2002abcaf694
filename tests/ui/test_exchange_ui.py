"""Data packages through the GUI: the export dialog at a studio, the union overview page and the
import preview at the union office, read-only imported studios, and the drive list."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest
from boxes import stand_in_for_message_boxes
from exchange_ledgers import Ledgers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from laomo_desktop.exchange import export, importlog, keys
from laomo_desktop.exchange.package import read_package
from laomo_desktop.ledger import union
from laomo_desktop.store.database import close_ledger
from laomo_desktop.ui import i18n
from laomo_desktop.ui.dialogs.exchange import ExportDialog
from laomo_desktop.ui.dialogs.imports import ImportPreviewDialog, ImportReportDialog
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.pages.union import COLUMNS, UnionPage, cell_text
from laomo_desktop.ui.system import drives
from laomo_desktop.ui.window.mainwindow import MainWindow
from sample_ledger import build

YEAR = 2025


@pytest.fixture
def two(tmp_path, qapp):
    i18n.install(qapp, "zh_CN")
    yield Ledgers(tmp_path)
    close_ledger()


@pytest.fixture
def boxes(monkeypatch):
    calls: list[tuple[str, str, str]] = []
    stand_in_for_message_boxes(monkeypatch, lambda *call: calls.append(call))
    return calls


@pytest.fixture
def user(monkeypatch):
    """Stands in for the user at the import dialogs: the files chosen, what is ticked."""

    class User:
        files: list[Path] = []
        tick = True
        previews: list[dict] = []
        reports: list[str] = []

    def choose(*_args, **_kwargs):
        return [str(f) for f in User.files], ""

    def preview_exec(dlg: ImportPreviewDialog) -> int:
        seen = {"dialog": dlg, "enabled_before": dlg.import_button.isEnabled(),
                "warnings": dlg.warnings.text() if dlg.warnings.isVisibleTo(dlg) else "",
                "fingerprint": dlg.pv.fingerprint, "status": dlg.pv.key_status,
                "rows": {dlg.table.item(r, 0).text(): [dlg.table.item(r, c).text()
                                                       for c in range(1, 6)]
                         for r in range(dlg.table.rowCount())}}
        if User.tick:
            (dlg.trust if dlg.pv.key_status == "first" else dlg.replace).setChecked(True)
        seen["enabled_after"] = dlg.import_button.isEnabled()
        User.previews.append(seen)
        if dlg.import_button.isEnabled():
            dlg.import_button.click()
        else:
            dlg.reject()
        return dlg.result()

    def report_exec(dlg: ImportReportDialog) -> int:
        User.reports.append(dlg.text.toPlainText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    monkeypatch.setattr(ImportPreviewDialog, "exec", preview_exec)
    monkeypatch.setattr(ImportReportDialog, "exec", report_exec)
    User.previews, User.reports = [], []
    return User


def imported(qtbot, start) -> list:
    """The outcomes of an import started by `start(then)` once it has ended (its checks and
    the import run as jobs; what follows is a callback)."""
    got: list = []
    start(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    return got[0]


# -- export -------------------------------------------------------------------------------------
def test_export_writes_a_verified_package_and_says_the_stick_can_be_removed(two, qtbot, boxes):
    ctx = two.ctx(two.studio)
    ctx.set_studio(two.uids["A"])
    dlg = ExportDialog(ctx, targets=[])
    qtbot.addWidget(dlg)
    assert dlg.fingerprint.text() == keys.installation_fingerprint(two.studio)
    assert not dlg.export_button.isEnabled()  # no target yet
    dlg.set_folder(two.usb)
    dlg.export_button.click()
    qtbot.waitUntil(lambda: bool(boxes))
    kind, _title, text = boxes[0]
    written = list(two.usb.glob("*.laomo.zip"))
    assert kind == "information" and len(written) == 1
    assert written[0].name in text and "可以安全拔出U盘" in text
    assert read_package(written[0]).studio_uid == two.uids["A"]
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_a_failed_export_shows_the_reason_and_leaves_no_package(two, qtbot, boxes, tmp_path):
    ctx = two.ctx(two.studio)
    ctx.set_studio(two.uids["A"])
    dlg = ExportDialog(ctx, targets=[])
    qtbot.addWidget(dlg)
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    dlg.set_folder(not_a_folder)
    dlg.export_button.click()
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes[-1][0] == "warning" and "找不到目标文件夹" in boxes[-1][2]

    def pulled_stick(path: Path):  # writes a little, then the stick is gone
        f = open(path, "xb")  # noqa: SIM115

        class Dying:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                f.close()

            def write(self, data):
                f.write(data[:10])
                raise OSError(errno.EIO, "Input/output error")

            def flush(self):
                pass

            def fileno(self):
                return f.fileno()
        return Dying()

    dlg.opener = pulled_stick
    dlg.set_folder(two.usb)
    dlg.export_button.click()
    qtbot.waitUntil(lambda: len(boxes) == 2)
    kind, _title, text = boxes[-1]
    assert kind == "warning" and "U 盘可能已被拔出" in text
    assert list(two.usb.iterdir()) == []  # nothing that could pass as a package
    assert list(tmp_path.rglob("*.laomo.zip")) == list(export.outbox(two.studio).iterdir())

    # the package kept in the outbox is written to another stick without exporting again
    assert dlg.rewrite_button.isEnabled()
    other = tmp_path / "usb2"
    other.mkdir()
    dlg.opener = export.default_opener
    dlg.set_folder(other)
    dlg.rewrite_button.click()
    qtbot.waitUntil(lambda: len(boxes) == 3)
    assert boxes[-1][0] == "information" and "可以安全拔出U盘" in boxes[-1][2]
    assert len(list(other.glob("*.laomo.zip"))) == 1


def test_export_shows_its_progress_and_cancel_leaves_the_files_as_they_were(two, qtbot, boxes):
    ctx = two.ctx(two.studio)
    ctx.set_studio(two.uids["A"])
    dlg = ExportDialog(ctx, targets=[])
    qtbot.addWidget(dlg)
    writing, gate = threading.Event(), threading.Event()

    def slow_stick(path: Path):  # the first write waits until the test has pressed Cancel
        f = open(path, "xb")  # noqa: SIM115

        class Slow:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                f.close()

            def write(self, data):
                writing.set()
                gate.wait(10)
                return f.write(data)

            def flush(self):
                f.flush()

            def fileno(self):
                return f.fileno()
        return Slow()

    dlg.opener = slow_stick
    dlg.set_folder(two.usb)
    dlg.export_button.click()
    runner = dlg.job
    qtbot.waitUntil(writing.is_set, timeout=30_000)
    qtbot.waitUntil(lambda: runner.last is not None and runner.last.done > 0)  # building shown
    assert runner.last.total == 100
    runner.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    gate.set()
    with qtbot.waitSignal(runner.ended, timeout=30_000):
        pass
    assert [b[0] for b in boxes] == ["information"] and "取消" in boxes[0][2]
    assert list(two.usb.iterdir()) == []  # not even the partial copy
    assert list(export.outbox(two.studio).iterdir()) == []  # the package built is gone too
    assert export.outbox_packages(two.studio, two.uids["A"]) == []
    assert dlg.job is None and dlg.export_button.isEnabled() and not dlg.rewrite_button.isEnabled()


# -- import at the union office -------------------------------------------------------------------
def test_import_through_the_union_page(two, qtbot, user):
    pkg = two.package()
    counts = read_package(pkg).counts
    ctx = two.ctx(two.office)
    ctx.set_year(YEAR)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.table.rowCount() == 0 and page.empty.isVisible()

    user.files = [pkg]
    page.import_button.click()
    qtbot.waitUntil(lambda: len(user.reports) == 1, timeout=10000)  # checked, imported: jobs
    seen = user.previews[0]
    assert seen["status"] == "first" and not seen["enabled_before"] and seen["enabled_after"]
    assert seen["fingerprint"] == keys.installation_fingerprint(two.studio)
    assert seen["rows"]["合计"][0] == str(sum(counts.values()))  # all new
    assert "已导入工作室" in user.reports[0]

    data = union.union_year(YEAR, union.load_targets(union.targets_path(two.office.root)))
    assert page.table.rowCount() == len(data["studios"]) == 1
    row = data["studios"][0]
    shown = [page.table.item(0, c).text() for c in range(len(COLUMNS))]
    assert shown[0] == "李明劳模创新工作室" and shown[3] != "—"
    for c, (key, _h) in enumerate(COLUMNS):
        if key != "last_package":
            assert shown[c] == cell_text(row, key), key
    assert shown[COLUMNS.index(("patents_total", "Patents"))] == "2"
    assert page.history.topLevelItemCount() == 1
    assert page.history.topLevelItem(0).text(3) == pkg.name
    assert page.conflicts.text().endswith("0")

    # the same package again: said to be imported already, nothing to apply
    page.import_button.click()
    qtbot.waitUntil(lambda: len(user.reports) == 2, timeout=10000)
    again = user.previews[1]
    assert again["status"] == "match" and not again["enabled_after"]
    assert "导入过，再次导入" in again["warnings"]
    assert "导入过" in user.reports[1]
    assert page.history.topLevelItemCount() == 1


def test_a_first_seen_key_is_not_imported_without_the_confirmation(two, qtbot, user):
    pkg = two.package()
    ctx = two.ctx(two.office)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    user.files, user.tick = [pkg], False
    imported(qtbot, lambda then: page.import_from("", then))
    assert not user.previews[0]["enabled_after"]
    assert page.table.rowCount() == 0 and "跳过" in user.reports[0]


def test_a_changed_key_needs_replace_ticked(two, qtbot, user):
    first = two.package()
    ctx = two.ctx(two.office)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    user.files = [first]
    imported(qtbot, lambda then: page.import_from("", then))
    for f in keys.key_dir(two.studio).iterdir():  # the studio reinstalled: a new key
        f.unlink()
    second = two.package()
    page = UnionPage(two.ctx(two.office))
    qtbot.addWidget(page)
    user.files = [second]
    imported(qtbot, lambda then: page.import_from("", then))
    seen = user.previews[-1]
    assert seen["status"] == "changed" and not seen["enabled_before"] and seen["enabled_after"]
    assert keys.pinned(two.uids["A"]).fingerprint == seen["fingerprint"]


def test_imported_studios_are_read_only_and_open_from_the_overview(two, qtbot, user, driver,
                                                                   boxes):
    pkg = two.package()
    ctx = two.ctx(two.office)
    ctx.set_year(YEAR)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    user.files = [pkg]
    imported(qtbot, win.import_packages)  # File ▸ Import, from the first-run page
    keys_ = [s.key for s in SECTIONS]
    assert win.nav.currentRow() == keys_.index("union")
    page = win.pages["union"]
    assert page.table.rowCount() == 1

    page.table.doubleClicked.emit(page.table.model().index(0, 0))
    assert ctx.studio_uid == two.uids["A"] and win.nav.currentRow() == keys_.index("dashboard")
    assert not win.export_action.isEnabled()

    win.nav.setCurrentRow(keys_.index("member"))
    members = win.pages["member"]
    assert members.banner.isVisible() and "只读" in members.banner.text()
    assert not members.new_button.isEnabled() and not members.delete_button.isEnabled()
    members.table.selectRow(0)
    members.edit_current()
    dlg = driver.opened[-1]
    assert not dlg.save_button.isEnabled()
    dlg.accept()  # Ctrl+S would do this: refused
    assert dlg.saved is None and boxes[-1][0] == "warning"


# -- drives ---------------------------------------------------------------------------------------
def test_removable_drives_come_first_and_unusable_volumes_are_left_out():
    vols = [
        drives.Volume("/", device="/dev/sda2", fs_type="ext4", free=50 << 30, total=100 << 30),
        drives.Volume("/media/li/KINGSTON", name="KINGSTON", device="/dev/sdb1", fs_type="vfat",
                      free=3 << 30, total=8 << 30),
        drives.Volume("/data", device="/dev/sdc1", fs_type="ext4", free=1 << 30, total=2 << 30),
        drives.Volume("/boot/efi", device="/dev/sda1", fs_type="vfat", free=1, total=2),
        drives.Volume("/run/user/1000", fs_type="tmpfs", free=1, total=2),
        drives.Volume("/cdrom", fs_type="iso9660", free=0, total=2, read_only=True),
        drives.Volume("/mnt/x", device="/dev/sdd1", fs_type="ext4", free=1, total=2,
                      ready=False),
        drives.Volume("/run/media/li/STICK", device="/dev/sde1", fs_type="exfat", free=900 << 20,
                      total=1 << 30),
    ]
    nowhere = Path("/nonexistent-sys")
    targets = drives.targets_from(
        vols, lambda v: drives._linux_removable(v.device, v.root, sys_root=nowhere),
        platform="linux")
    assert [str(t.root) for t in targets] == ["/media/li/KINGSTON", "/run/media/li/STICK",
                                             "/", "/data"]
    assert [t.removable for t in targets] == [True, True, False, False]
    assert "KINGSTON" in targets[0].label and "/media/li/KINGSTON" in targets[0].label
    assert drives.size_text(3 << 30) == "3.0 GB" and drives.size_text(900 << 20) == "900 MB"

    win = [drives.Volume("C:/", free=1 << 30, total=1 << 31),
           drives.Volume("E:/", name="U盘", free=1 << 29, total=1 << 30)]
    targets = drives.targets_from(win, lambda v: v.root == "E:/", platform="win32")
    assert [t.removable for t in targets] == [True, False] and targets[0].name == "U盘"


def test_the_removable_flag_comes_from_sys_block(tmp_path):
    block = tmp_path / "devices" / "usb1" / "block" / "sdb"
    (block / "sdb1").mkdir(parents=True)
    (block / "sdb1" / "partition").write_text("1")
    (block / "removable").write_text("0\n")
    (tmp_path / "class" / "block").mkdir(parents=True)
    (tmp_path / "class" / "block" / "sdb1").symlink_to(block / "sdb1")
    assert drives._linux_removable("/dev/sdb1", "/srv/x", sys_root=tmp_path)  # on a USB bus
    inner = tmp_path / "devices" / "pci0" / "block" / "nvme0n1"
    inner.mkdir(parents=True)
    (inner / "removable").write_text("0\n")
    (tmp_path / "class" / "block" / "nvme0n1").symlink_to(inner)
    assert not drives._linux_removable("/dev/nvme0n1", "/", sys_root=tmp_path)
    (inner / "removable").write_text("1\n")
    assert drives._linux_removable("/dev/nvme0n1", "/", sys_root=tmp_path)


def test_the_overview_lists_local_studios_too_and_sorts_by_number(ctx, qtbot, tmp_path):
    u = build(ctx.paths, tmp_path)
    ctx.set_year(YEAR)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.table.rowCount() == 2
    last = [k for k, _ in COLUMNS].index("last_package")
    patents = [k for k, _ in COLUMNS].index("patents_total")
    assert {page.table.item(r, last).text() for r in range(2)} == {"—"}
    for order, first in ((Qt.SortOrder.DescendingOrder, u["A"]),
                         (Qt.SortOrder.AscendingOrder, u["B"])):
        page.table.sortByColumn(patents, order)
        assert page.uid_at(0) == first
    assert "合计" in page.totals.text() and "专利（件） 2" in page.totals.text()
    assert "周红职工创新工作室" not in page.lacking.text()  # not rated: outside the target's scope


def test_about_shows_the_signing_key_fingerprint_once_there_is_one(ctx):
    from laomo_desktop.ui.dialogs.menus import about_text

    assert "尚未生成" in about_text(ctx)
    assert not keys.key_dir(ctx.paths).exists()  # showing it makes no key
    fp = keys.installation_fingerprint(ctx.paths)
    assert fp in about_text(ctx)


def test_three_packages_show_a_step_each_and_cancel_keeps_only_the_first(two, qtbot, user,
                                                                         monkeypatch):
    """One job imports the confirmed packages in turn, a named step each; Cancel pressed while
    the first is imported stops before the second: the first stays, complete, the others are
    said to be cancelled."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from laomo_desktop.exchange import importer

    files = [two.package() for _ in range(3)]
    ctx = two.ctx(two.office)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    gate, calls = threading.Event(), []
    real = importer.apply_steps

    def held(*args, **kwargs):  # the first package waits until Cancel was pressed
        calls.append(args[1])
        if len(calls) == 1:
            gate.wait(10)
        return (yield from real(*args, **kwargs))

    monkeypatch.setattr(importer, "apply_steps", held)

    def progress():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()]
        return shown[0] if shown else None

    got: list = []
    user.files = files
    page.import_from("", got.append)
    qtbot.waitUntil(lambda: progress() is not None and bool(calls), timeout=10000)
    dlg = progress()
    assert files[0].name in dlg.labelText() and dlg.maximum() == 3 and dlg.value() == 0
    qtbot.mouseClick(dlg.findChild(QPushButton), Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert [status for _, status, _ in got[0]] == ["imported", "skipped", "skipped"]
    assert len(calls) == 1, "nothing was started after Cancel"
    history = importlog.import_history()
    assert [h["file_name"] for h in history] == [files[0].name]
    assert page.history.topLevelItemCount() == 1 and page.table.rowCount() == 1
    assert user.reports[0].count("取消") == 2
