"""Reads and writes the settings declared in laomo_desktop.settings through QSettings.

The declaration gives the key, type and default; this adapter adds only the storage, so a
page names the setting (`prefs.read(ctx.settings, declared.LAST_STUDIO)`) and never its key
or its default."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from laomo_desktop.settings import Setting


def read(settings: QSettings, setting: Setting, part: str = "") -> Any:
    """The stored value in the setting's type; its declared default when unset or unreadable.
    `part` names the item of a per-item setting (a section's key for its columns)."""
    return setting.parse(settings.value(setting.key_for(part)))


def write(settings: QSettings, setting: Setting, value: Any, part: str = "") -> None:
    settings.setValue(setting.key_for(part), value)
