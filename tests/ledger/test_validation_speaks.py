"""The ledger's validation speaks in messages (issue 12 §7): a refused form, a bad pasted cell
and a bad typed number are worded in the language the user chose, so the English interface
shows no Chinese except what the user typed."""

from __future__ import annotations

import ast
from datetime import date

import pytest
from tests.cjk import CJK, SRC, chinese_in

from laomo_desktop import texts
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import paste as P
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import targets as T
from laomo_desktop.ledger import typed
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import schema as S

FILES = ("ledger/validate.py", "ledger/shapes.py", "ledger/typed.py", "ledger/kinds",
         "ledger/records.py", "ledger/paste.py", "ledger/targets.py", "ledger/period.py",
         "ledger/bulk.py", "ledger/attachments.py", "ledger/filetypes.py", "ledger/studios.py")

# Declarations that carry their Chinese and English wording side by side (a derived column's
# label, a dangerous file type's name): Chinese there is one of the two wordings, not a message.
BILINGUAL = {"Extra", "FileType", "Field"}

# Chinese that is data by nature, held in clearly named module-level constants: what the
# readers of typed and pasted text accept (full-width digits, 年/月/日, 是/否, header words).
DATA = {
    "ledger/typed.py": {"_FULL_WIDTH", "_DATE", "NUMBER_SEPARATORS", "CHINESE_DATE"},
    "ledger/paste.py": {"_BRACKETS", "_WORDS", "_YES", "_NO", "LOOSE_HEADERS",
                        "NUMBER_AFFIXES", "LIST_SEPARATORS"},
    "ledger/targets.py": {"PERCENT_SIGNS"},
    # how the Chinese documents cite a record (the packet's evidence index)
    "ledger/kinds/fund.py": {"CITED_LINE", "CITED_WHAT"},
    "ledger/kinds/mentorship.py": {"TITLE_JOIN"},
    "ledger/kinds/proposal.py": {"NAMES_JOIN"},
    "ledger/kinds/firm_service.py": {"NAMES_JOIN"},
    "ledger/kinds/studio.py": {"_KIND_NAMES"},  # the kinds a union's template titles name
    "ledger/kinds/grant.py": {"CITED"},
}


def _allowed_lines(rel: str) -> set[int]:
    """Lines of `rel` inside a bilingual declaration or a listed data constant."""
    tree = ast.parse((SRC / rel).read_text(encoding="utf-8"))
    out: set[int] = set()
    for node in ast.walk(tree):
        bilingual = isinstance(node, ast.Call) and (
            getattr(node.func, "id", None) or getattr(node.func, "attr", "")) in BILINGUAL
        data = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in DATA.get(rel, set()) for t in node.targets)
        if bilingual or data:
            out.update(n.lineno for n in ast.walk(node) if hasattr(n, "lineno"))
    return out


def test_the_ledger_files_say_nothing_in_chinese_outside_the_catalogue():
    found = chinese_in(*FILES)
    left = {rel: [n for n in lines if n not in _allowed_lines(rel)]
            for rel, lines in found.items()}
    assert {rel: lines for rel, lines in left.items() if lines} == {}


def test_every_listed_data_constant_exists():
    """A constant listed as data that was renamed or removed would quietly allow nothing."""
    for rel, names in DATA.items():
        tree = ast.parse((SRC / rel).read_text(encoding="utf-8"))
        assigned = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign)
                    for t in n.targets if isinstance(t, ast.Name)}
        assert names <= assigned, (rel, names - assigned)


@pytest.fixture
def english():
    texts.set_language("en")
    yield
    texts.set_language("zh_CN")


TODAY = date(2025, 6, 15)
NAME = "张" * 200  # the user's own input: Chinese, and too long for a name


def _no_chinese_but(message: str, *typed_in: str) -> None:
    for mine in typed_in:
        message = message.replace(mine, "")
    assert not CJK.search(message), message


def test_a_refused_member_form_is_worded_in_english(ledger, english):
    studio = R.create("studio", None, {"name": "Studio A", "host_unit": "Works",
                                       "founded_on": "2018-04-20"}, today=TODAY)
    with pytest.raises(ValidationError) as exc:
        R.create("member", studio["uid"], {"name": NAME, "role": "member",
                                           "birth_date": "1985-13-40", "joined_on": "2020-05-01",
                                           "left_on": "2019-01-01"}, today=TODAY)
    errors = exc.value.errors
    assert set(errors) == {"name", "birth_date", "left_on"}
    assert errors["birth_date"] == ('"Birth date" is not a valid date: there is no month 13 '
                                    "(months are 1 to 12)")
    assert errors["name"].startswith('"Name" cannot be longer than ')
    assert errors["left_on"] == '"Left on" cannot be earlier than "Joined on"'
    for message in [*errors.values(), exc.value.message]:
        _no_chinese_but(message)
    texts.set_language("zh_CN")  # the same error, shown again, in Chinese
    assert exc.value.errors["birth_date"] == "“出生日期”不是有效的日期：没有 13 月（月份应为 1 至 12）"


def test_a_bad_pasted_cell_is_worded_in_english(ledger, english):
    studio = R.create("studio", None, {"name": "Studio A", "host_unit": "Works",
                                       "founded_on": "2018-04-20"}, today=TODAY)
    p = P.preview("member", studio["uid"], "姓名\t加入日期\t列\n王五\t2020-02-30\t\n", today=TODAY)
    [row] = p.rows
    cell = texts.worded(row.errors["joined_on"])
    assert cell == '"Joined on" is not a valid date: 2020 has only 29 days in month 2'
    assert texts.worded(p.columns[2].reason) == '"Member" has no item called "列"'
    _no_chinese_but(texts.worded(p.summary()))
    for note in p.notes():
        _no_chinese_but(texts.worded(note))
    with pytest.raises(LaomoError) as exc:
        P.preview("member", studio["uid"], "", today=TODAY)
    _no_chinese_but(exc.value.message)


def test_a_bad_number_is_worded_in_english(ledger, english):
    f = S.kind("fund").field("amount_fen")
    _, err = V.clean_value(f, "一百", V.Context(None, R.RESOLVER))
    _no_chinese_but(texts.worded(err), "一百")
    assert texts.worded(err).startswith(f'"{f.en}" is not a valid amount')
    with pytest.raises(ValidationError) as exc:
        T.read_form({"training_person_times": "十", "party_coverage_percent": "很多",
                     "level:city": "-1", "unit:滨海公交集团": "x"}, "city")
    assert set(exc.value.errors) == {"training_person_times", "technical_innovations",
                                     "patents", "party_coverage_percent", "level:city",
                                     "unit:滨海公交集团"}
    for message in exc.value.errors.values():
        _no_chinese_but(message, "十", "很多", "滨海公交集团")
    assert texts.worded(typed.no_such_day((2026, 2, 30))) == "2026 has only 28 days in month 2"


def test_messages_are_chinese_by_default():
    assert texts.language() == "zh"
    f = S.kind("member").field("joined_on")
    _, err = V.clean_value(f, "2025-13-01", V.Context(None, R.RESOLVER, TODAY))
    assert str(err) == "“加入日期”不是有效的日期：没有 13 月（月份应为 1 至 12）"


def test_the_test_reads_real_files():
    assert all((SRC / rel).exists() for rel in FILES)
