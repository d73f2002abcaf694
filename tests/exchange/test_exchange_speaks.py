"""Exchange speaks in messages (issue 12 §7): no Chinese is composed in exchange/ outside the
catalogue, and with English chosen a damaged package, a package of the wrong studio, a changed
key and a conflict are told in English; the command line frames its errors in English too."""

from __future__ import annotations

import pytest
from tests.cjk import CJK, chinese_in

from helpers import run_cli
from laomo_desktop import texts
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import conflicts, importer, package, privacy
from laomo_desktop.store.database import close_ledger

STUDIO = "李明劳模创新工作室"  # the sample studio's name: user data, shown as typed


@pytest.fixture
def english():
    texts.set_language("en")
    yield
    texts.set_language("zh_CN")


def _english(text: str, *user_data: str) -> bool:
    """No Chinese in `text` once the user's own data is taken out."""
    for d in user_data:
        text = text.replace(d, "")
    return not CJK.search(text)


def test_exchange_composes_no_chinese_outside_the_catalogue():
    assert chinese_in("exchange") == {}


def test_a_damaged_package_is_refused_in_english(tmp_path, english):
    bad = tmp_path / "bad.laomo.zip"
    bad.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(LaomoError) as caught:
        package.read_package(bad)
    assert caught.value.message == ('Package "bad.laomo.zip" is damaged or incomplete (the copy '
                                    "may have been interrupted). Nothing was imported.")
    texts.set_language("zh_CN")
    assert caught.value.message == "数据包“bad.laomo.zip”已损坏或不完整（可能复制时中断）。未导入任何数据。"


def test_a_package_of_this_ledgers_own_studio_is_refused_in_english(ex, english):
    pkg = ex.export().path
    with pytest.raises(LaomoError) as caught:  # still at the studio: its own studio
        importer.preview(ex.studio, pkg)
    said = caught.value.message
    assert STUDIO in said and "own studio" in said and _english(said, STUDIO)


def test_a_first_key_and_the_import_are_told_in_english(setup, english):
    ex, pkg, _ = setup
    with pytest.raises(importer.KeyNotTrusted) as first:
        importer.apply(ex.office, pkg)
    assert "first package" in first.value.message and _english(first.value.message, STUDIO)
    result = importer.apply(ex.office, pkg, trust_new_key=True)
    assert result.applied and _english(texts.worded(result.message), STUDIO)
    assert "Imported package No. 1" in texts.worded(result.message)


def test_a_conflict_is_described_in_english(ex, english):
    from test_conflicts import make_conflicts

    rule = make_conflicts(ex)["rule"]
    said = [tuple(texts.worded(part) for part in d) for d in conflicts.differences(rule)]
    assert said[1] == ("Posted on the wall", "No", "Yes")
    assert said[0][1:] == ("办公室改的", "工作室学习培训制度")  # the records' own text
    assert all(_english(label) for label, _, _ in said)
    with pytest.raises(LaomoError) as caught:
        conflicts.resolve(ex.office, rule["id"], "neither")
    assert _english(caught.value.message)
    done = conflicts.resolve(ex.office, rule["id"], "local")
    assert _english(texts.worded(done["message"]), "办公室改的")


def test_withheld_fields_are_named_in_the_language_shown(english):
    withheld = {"member": ["birth_date"], "studio": ["contact_phone"]}
    assert [texts.worded(x) for x in privacy.labels(withheld)] == [
        "Member: Birth date", "Studio: Contact phone"]
    with pytest.raises(LaomoError) as caught:
        privacy.parse_include("shoe_size")
    assert _english(caught.value.message) and "shoe_size" in caught.value.message


def test_the_command_line_says_a_refused_write_in_english(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LAOMO_LANG", "en")
    try:
        code, out, err = run_cli(capsys, "--data-dir", str(tmp_path / "ledger"),
                                 "conflicts", "--resolve", "99", "--keep", "local")
    finally:
        close_ledger()
        texts.set_language("zh_CN")
    assert code == 1
    assert err.strip() == "Error: There is no conflict number 99."


def test_the_command_line_stays_chinese_unless_asked(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LAOMO_LANG", raising=False)
    try:
        code, out, err = run_cli(capsys, "--data-dir", str(tmp_path / "ledger"),
                                 "conflicts", "--resolve", "99", "--keep", "local")
    finally:
        close_ledger()
    assert code == 1 and err.strip() == "错误：找不到编号为 99 的冲突。"


def test_a_usage_error_of_laomo_records_is_english_when_asked(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LAOMO_LANG", "en")
    try:
        code, out, err = run_cli(capsys, "--data-dir", str(tmp_path / "ledger"),
                                 "records", "add", "spaceship", "--set", "name=x")
    finally:
        close_ledger()
        texts.set_language("zh_CN")
    assert code == 2 and err.startswith('Error: There is no record kind "spaceship".')
    assert _english(err)
