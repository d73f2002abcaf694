"""Settings through QSettings: each declared default is what the program uses when a setting
is unset, at every place that reads it, and what is written reads back after a restart."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QByteArray, QSettings

from laomo_desktop import settings as declared
from laomo_desktop.ledger import records as R
from laomo_desktop.store import backup
from laomo_desktop.ui import prefs
from laomo_desktop.ui.dialogs.menus import SettingsDialog
from laomo_desktop.ui.window.mainwindow import MainWindow

SAMPLES = {bool: False, int: 2031, str: "某个值, 带逗号", bytes: QByteArray(b"\x00\x01state")}


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.mark.parametrize("setting", list(declared.REGISTRY.values()), ids=lambda s: s.key)
def test_each_setting_is_its_default_when_unset_and_keeps_what_was_written(setting, tmp_path,
                                                                            qapp):
    s = _settings(tmp_path)
    assert prefs.read(s, setting, "members") == setting.default
    value = SAMPLES[setting.type]
    prefs.write(s, setting, value, "members")
    s.sync()
    again = _settings(tmp_path)  # as the next start of the program reads it
    assert again.contains(setting.key_for("members"))
    assert prefs.read(again, setting, "members") == value


def _with_backup_default(monkeypatch, default: bool) -> None:
    monkeypatch.setattr(declared, "BACKUP_ON_CLOSE",
                        dataclasses.replace(declared.BACKUP_ON_CLOSE, default=default))


@pytest.mark.parametrize("default", [True, False])
def test_the_settings_dialog_and_closing_follow_the_one_backup_default(default, ctx, qtbot,
                                                                       monkeypatch):
    _with_backup_default(monkeypatch, default)
    dlg = SettingsDialog(ctx.settings)
    qtbot.addWidget(dlg)
    assert dlg.backup_on_close.isChecked() is default

    R.create("studio", None, {"name": "测试", "host_unit": "x", "founded_on": "2020-01-01"})
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.close()
    assert len(backup.list_backups(ctx.paths)) == (1 if default else 0)


def test_a_year_of_0_means_all_years_and_an_unset_year_this_one(ctx, qtbot):
    R.create("studio", None, {"name": "测试", "host_unit": "x", "founded_on": "2020-01-01"})
    prefs.write(ctx.settings, declared.BACKUP_ON_CLOSE, False)
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.refresh_studios()
    assert ctx.year != 0  # unset: this year, not every year
    first.year_box.setCurrentIndex(first.year_box.findData(0))
    assert prefs.read(ctx.settings, declared.LAST_YEAR) == 0
    first.close()
    ctx.year = 0  # a new start of the program
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.refresh_studios()
    assert again.year_box.currentData() == 0
