"""Every setting the program keeps, declared once: its key in settings.ini, its type, its
default and what it is in the user's words (English and Chinese, for a settings dialog or the
user guide).

Why here and Qt-free: the default of a setting used to be written at each place that read it
(back-up-on-close twice), so the two could drift apart; and the keys are a promise to existing
users, whose settings.ini must stay valid. The GUI reads and writes these through
`laomo_desktop.ui.prefs`, which adds only QSettings; this module knows nothing of Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TYPES = (bool, int, str, bytes)  # bytes: state Qt saved (geometry, header), kept as stored
_TRUE = ("true", "1", "yes")


@dataclass(frozen=True)
class Setting:
    """One setting. `key` may hold "{}" for a part that names what it belongs to (one key per
    section: columns/{}); `default` None means "not set", and the reader decides."""

    key: str
    type: type
    default: Any
    title: str
    title_zh: str

    def key_for(self, part: str = "") -> str:
        """The key as stored; `part` fills the "{}" of a per-item setting."""
        return self.key.format(part) if "{}" in self.key else self.key

    def parse(self, raw: Any) -> Any:
        """The value of a stored `raw` (None: unset) in this setting's type. An INI file stores
        text, a hand-edited one anything: what cannot be read is the default, never an error."""
        if raw is None:
            return self.default
        if self.type is bool:
            if isinstance(raw, str):
                text = raw.strip().lower()
                return text in _TRUE if text in (*_TRUE, "false", "0", "no") else self.default
            return bool(raw)
        if self.type is int:
            try:
                return int(raw)
            except (TypeError, ValueError):
                return self.default
        if self.type is str:
            return ",".join(map(str, raw)) if isinstance(raw, list) else str(raw)
        return raw


REGISTRY: dict[str, Setting] = {}


def declare(key: str, type_: type, default: Any, title: str, title_zh: str) -> Setting:
    """Declare a setting; a key declared twice is a programming error."""
    if key in REGISTRY:
        raise ValueError(f"setting {key!r} is declared twice")
    if type_ not in TYPES:
        raise ValueError(f"setting {key!r}: type {type_!r} is not one of {TYPES}")
    setting = Setting(key, type_, default, title, title_zh)
    REGISTRY[key] = setting
    return setting


# -- chosen in Tools ▸ Settings -------------------------------------------------------------
LANGUAGE = declare("language", str, "zh_CN",
                   "Language of the program", "界面语言")
BACKUP_ON_CLOSE = declare("backup/on_close", bool, True,
                          "Back up the ledger every time the program closes",
                          "每次关闭程序时备份台账")

FORM_FILE_NAME = declare("forms/file_name", str, "{工作室名称}{年度}考核材料",
                         "File name of a filled union form: {工作室名称} {年度} {表单名称} "
                         "{领衔人} {所在单位} stand for their values",
                         "填好的表单的文件名格式：{工作室名称}{年度}{表单名称}{领衔人}{所在单位}"
                         "会换成相应内容")

MUST_HAVE_SET = declare("must_haves/set", str, "eight_must_haves",
                        "The union's must-have set (八个必有, 六有…): an assessment template's "
                        "name or file, checked on the dashboard, in the annual summary and the "
                        "review packet",
                        "本工会的必有项标准（八个必有、六有……）：评分模板的名称或文件，用于概况页、"
                        "年度工作总结和考核材料")

# -- remembered from the last session -------------------------------------------------------
WINDOW_GEOMETRY = declare("window/geometry", bytes, None,
                          "Size and place of the main window", "主窗口的大小和位置")
WINDOW_SPLITTER = declare("window/splitter", bytes, None,
                          "Width of the navigation beside the pages", "左侧导航栏的宽度")
WINDOW_SECTION = declare("window/section", int, 0,
                         "The page shown last", "上次打开的页面")
LAST_STUDIO = declare("last/studio", str, "",
                      "The studio shown last", "上次查看的工作室")
LAST_YEAR = declare("last/year", int, None,
                    "The year shown last (0: all years; unset: this year)",
                    "上次查看的年度（0 为全部年度；未设置时为今年）")
COLUMNS = declare("columns/{}", bytes, None,
                  "Order and widths of a section's columns", "各栏目表格的列顺序和列宽")
COLUMN_NAMES = declare("columns/{}-names", str, None,
                       "The columns those widths were saved for", "保存列宽时表格中的列")
REPORT_DOCUMENT = declare("reports/document", str, "annual",
                          "The document chosen last on the reports page", "上次选择的报表")
REPORT_TEMPLATE = declare("reports/template", str, "eight_must_haves",
                          "The scoring template chosen last", "上次选择的评分模板")
REPORTS_SAVE_DIR = declare("reports/save_dir", str, "",
                           "Folder a report was saved to last (unset: Documents)",
                           "上次保存报表的文件夹（未设置时为“文档”）")
FORMS_SAVE_DIR = declare("forms/save_dir", str, "",
                         "Folder a filled form was saved to last (unset: Documents)",
                         "上次保存填好的表单的文件夹（未设置时为“文档”）")
LISTS_SAVE_DIR = declare("lists/save_dir", str, "",
                         "Folder a list was saved to last (unset: Documents)",
                         "上次保存列表的文件夹（未设置时为“文档”）")


def stored(ini: Path, setting: Setting) -> Any:
    """A setting as the GUI stored it in `ini` (QSettings' INI format), read without Qt, for the
    command line; its default when the file or the key is absent. Keys with "{}" are not read."""
    section, _, key = setting.key.rpartition("/")
    section = section or "General"
    try:
        text = ini.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return setting.default
    current = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == section and line.partition("=")[0].strip() == key:
            raw = line.partition("=")[2].strip()
            if len(raw) >= 2 and raw[0] == raw[-1] == '"':
                raw = re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]),
                             raw[1:-1])
            return setting.parse(raw)
    return setting.default


def store(ini: Path, setting: Setting, value: str) -> None:
    """Write one text setting into `ini` as QSettings' INI format has it (quoted, with \\ and
    \" escaped), keeping every other line; for the command line, which has no Qt. The file is
    replaced whole (written beside it, then renamed), so a failure leaves it as it was."""
    import os

    section, _, key = setting.key.rpartition("/")
    section = section or "General"
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    try:
        lines = ini.read_text("utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    out, current, done = [], None, False
    for line in lines:
        bare = line.strip()
        if bare.startswith("[") and bare.endswith("]"):
            if current == section and not done:
                out.append(f"{key}={quoted}")
                done = True
            current = bare[1:-1]
        elif current == section and bare.partition("=")[0].strip() == key:
            if not done:
                out.append(f"{key}={quoted}")
                done = True
            continue
        out.append(line)
    if not done:
        if current != section:
            if out and out[-1].strip():
                out.append("")
            out.append(f"[{section}]")
        out.append(f"{key}={quoted}")
    ini.parent.mkdir(parents=True, exist_ok=True)
    tmp = ini.with_name(ini.name + ".partial")
    tmp.write_text("\n".join(out) + "\n", "utf-8")
    os.replace(tmp, ini)
