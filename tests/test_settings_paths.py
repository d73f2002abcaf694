"""Each setting and each place in the data folder is declared once (issue 12, point 6): the
keys and file names on disk stay those existing users already have."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from laomo_desktop import settings as declared
from laomo_desktop.paths import LedgerPaths

PKG = Path(__file__).parents[1] / "src" / "laomo_desktop"

# what existing users' settings.ini files hold: renaming one loses their choice
KEYS_ON_DISK = {
    "language", "backup/on_close", "window/geometry", "window/splitter", "window/section",
    "last/studio", "last/year", "reports/document", "reports/template", "reports/save_dir",
    "lists/save_dir", "columns/{}", "columns/{}-names", "forms/file_name", "forms/save_dir",
    "must_haves/set",
}


def _sources():
    for p in sorted(PKG.rglob("*.py")):
        yield p.relative_to(PKG), p.read_text("utf-8")


def test_the_registry_keeps_the_keys_users_already_have():
    assert set(declared.REGISTRY) == KEYS_ON_DISK


def test_every_setting_says_what_it_is_in_both_languages():
    for s in declared.REGISTRY.values():
        assert s.title and s.title_zh, s.key
        assert re.search(r"[\u4e00-\u9fff]", s.title_zh), s.key
        assert s.type in (bool, int, str, bytes), s.key


def test_no_settings_key_is_written_outside_the_registry():
    offenders = []
    for rel, text in _sources():
        if str(rel) == "settings.py":
            continue
        for node in ast.walk(ast.parse(text)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("value", "setValue", "remove", "contains")
                    and node.args
                    and (isinstance(node.args[0], ast.JoinedStr)
                         or (isinstance(node.args[0], ast.Constant)
                             and isinstance(node.args[0].value, str)))):
                offenders.append(f"{rel}:{node.lineno}")
        for key in declared.REGISTRY:  # a bare word such as "language" is also a widget's name
            literal = key.split("{}")[0]
            if "/" in literal and re.search(rf"[\"']{re.escape(literal)}", text):
                offenders.append(f"{rel}: {key!r}")
    assert not offenders


@pytest.mark.parametrize("setting", list(declared.REGISTRY.values()), ids=lambda s: s.key)
def test_an_unset_or_unreadable_setting_is_its_default(setting):
    assert setting.parse(None) == setting.default
    if setting.type in (bool, int):
        assert setting.parse("not a number") == setting.default


def test_values_are_read_in_whatever_form_the_file_stored_them():
    assert declared.BACKUP_ON_CLOSE.parse("false") is False
    assert declared.BACKUP_ON_CLOSE.parse("true") is True
    assert declared.BACKUP_ON_CLOSE.parse(False) is False
    assert declared.WINDOW_SECTION.parse("3") == 3
    assert declared.LAST_YEAR.parse("0") == 0  # "every year" is a choice, not "unset"
    assert declared.COLUMNS.key_for("members") == "columns/members"
    assert declared.COLUMN_NAMES.key_for("members") == "columns/members-names"


def test_a_key_is_declared_only_once():
    with pytest.raises(ValueError):
        declared.declare("language", str, "zh_CN", "Language", "语言")


def test_the_data_folder_keeps_its_layout(tmp_path):
    p = LedgerPaths(tmp_path)
    named = {
        p.db: "ledger.sqlite3", p.attachments: "attachments", p.backups: "backups",
        p.templates: "templates", p.logs: "logs", p.union_targets: "union_targets.json",
        p.outbox: "outbox", p.keys: "keys", p.lock: "ledger.lock",
        p.session_marker: "ledger.session", p.aside: "aside", p.settings_file: "settings.ini",
    }
    for path, name in named.items():
        assert path == tmp_path / name


def test_only_paths_py_knows_the_data_folders_layout():
    offenders = [f"{rel}:{i}" for rel, text in _sources() if str(rel) != "paths.py"
                 for i, line in enumerate(text.splitlines(), 1)
                 if re.search(r"\broot\s*/\s*[\"'A-Z]", line)]
    assert not offenders
