"""Any value given to the services is either saved exactly or refused with a field message.

For every kind and every field (child-list fields too), create and update are called with
hostile values — lone surrogates, NUL and other control characters, bidi marks, emoji,
100,000 characters, numbers past what SQLite stores, NaN — and each call must either store
what it was given (read back equal, after the one documented change: whitespace around text
is trimmed) or raise ValidationError whose message names the field in Chinese, with nothing
written at all. Never a UnicodeEncodeError, OverflowError or any other exception.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import schema as S
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import all_models, database

# its module fixture is made once per worker: the tests using it run in one (make test)
pytestmark = pytest.mark.xdist_group("test_any_input")

TODAY = date(2025, 6, 15)
CJK = re.compile("[\u4e00-\u9fff]")

# --- the world every call works in ---------------------------------------------------------


class World:
    """One studio with a few records to point at, another studio, and a record of each kind
    to update. Built once per module: a refused call must leave it exactly as it was."""

    def __init__(self) -> None:
        def add(kind: str, values: dict, studio: dict | None = None) -> dict:
            return R.create(kind, (studio or self.a)["uid"], values, today=TODAY)

        self.a = R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "某某厂",
                                           "founded_on": "2018-04-20"}, today=TODAY)
        self.b = R.create("studio", None, {"name": "王强工作室", "host_unit": "某某公司",
                                           "founded_on": "2019-01-01"}, today=TODAY)
        self.leader = add("member", {"name": "李明", "role": "leader"})
        self.member = add("member", {"name": "张伟", "role": "core"})
        self.project = add("project", {"title": "轴承寿命攻关", "type": "breakthrough",
                                       "start_date": "2024-01-01", "status": "in_progress"})
        self.activity = add("activity", {"date": "2024-04-01", "type": "meeting",
                                         "topic": "四月例会"})
        self.result = add("result", {"title": "快速换模法", "type": "operating_method",
                                     "date": "2024-06-01"})
        self.b_member = add("member", {"name": "孙丽", "role": "member"}, self.b)
        self.grant = add("grant", {"name": "示范工作室补助", "body": "省总工会",
                                   "amount_fen": 5_000_000, "received_on": "2024-03-01"})
        self.alliance = add("alliance", {"name": "电力创新联盟", "role": "member"})
        self.uids = {"member": self.member["uid"], "project": self.project["uid"],
                     "activity": self.activity["uid"], "result": self.result["uid"],
                     "grant": self.grant["uid"], "alliance": self.alliance["uid"]}
        self.existing = {k.name: self.create(k.name, {**self.base(k.name), **(
            {"year": 2000} if k.name == "plan" else {})}) for k in S.KINDS}

    def base(self, kind: str) -> dict:
        """Valid values for a kind, with one row in each child list (to vary its fields)."""
        u = self.uids
        return {
            "studio": {"name": "新建工作室", "host_unit": "某某电力公司", "founded_on": "2019-01-01",
                       "recognitions": [{"level": "city", "date": "2020-05-01"}],
                       "party_changes": [{"party_org": "pioneer_post", "date": "2020-06-01"}],
                       "leaders": [{"name": "王建国", "since": "2020-01-01"}]},
            "member": {"name": "钱七", "role": "member", "joined_on": "2020-01-01",
                       "skill_levels": [{"level": "grade3", "date": "2021-01-01"}]},
            "mentorship": {"master": u["member"], "apprentice_name": "小孙",
                           "agreement_date": "2024-03-01",
                           "records": [{"date": "2024-06-01", "content": "讲解巡检要点"}]},
            "rule": {"title": "学习培训制度", "category": "training"},
            "equipment": {"name": "数控车床", "quantity": 2, "value_fen": 12_000_000},
            "plan": {"year": 2022, "targets": [{"metric": "projects", "value": 3}]},
            "project": {"title": "新课题", "type": "breakthrough", "start_date": "2024-01-01",
                        "status": "in_progress", "participants": [{"member": u["member"]}]},
            "activity": {"date": "2024-04-01", "type": "meeting", "topic": "例会",
                         "attendees": [{"member": u["member"]}],
                         "follow_ups": [{"what": "整理纪要", "owner": u["member"]}]},
            "result": {"title": "新成果", "type": "patent", "date": "2024-06-01",
                       "patent_kind": "utility", "patent_status": "granted",
                       "patent_filed_on": "2023-01-01", "patent_granted_on": "2024-01-01",
                       "contributors": [{"name": "外援"}], "points": [{"text": "省时"}]},
            "benefit": {"year": 2024, "amount_fen": 5_000_000, "kind": "saving",
                        "basis": "年节约材料费 5 万元"},
            "fund": {"date": "2024-02-01", "direction": "income", "source": "union",
                     "category": "training", "amount_fen": 500_000},
            "honour": {"name": "五一劳动奖章", "level": "provincial", "year": 2023},
            "proposal": {"title": "巡检路线优化", "date": "2024-03-03", "status": "proposed",
                         "proposers": [{"member": u["member"]}]},
            "qc_group": {"year": 2024, "name": "降损QC小组", "topic": "降低线损率",
                         "stage": "plan", "members": [{"member": u["member"]}]},
            "firm_service": {"date": "2024-04-04", "firm": "江城机械厂", "problem": "电机过热",
                             "servers": [{"member": u["member"]}]},
            "notice": {"issuer": "市总工会", "title": "关于报送成果的通知", "due_on": "2024-06-09",
                       "items": [{"what": "成果登记表", "source": "book_results", "done": True,
                                  "done_on": "2024-06-01"}]},
            "alliance": {"name": "市装备制造联盟", "role": "leader", "founded_on": "2023-05-01",
                         "members": [{"studio_name": "王强工作室", "role": "member"}],
                         "plans": [{"year": 2024, "joint_projects": 2, "tasks": "联合攻关"}]},
            "grant": {"name": "市级补助", "body": "市总工会", "amount_fen": 1_000_000,
                      "received_on": "2024-05-01", "categories": "equipment",
                      "period_from": "2024-05-01", "period_to": "2025-04-30"},
            "attachment": {"owner_kind": "project", "owner_uid": u["project"],
                           "sha256": "0" * 64, "size": 10, "filename": "报告.pdf"},
        }[kind]

    def create(self, kind: str, values: dict) -> dict:
        return R.create(kind, None if kind == "studio" else self.a["uid"], values, today=TODAY)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    open_ledger(LedgerPaths(tmp_path_factory.mktemp("any-input") / "data"))
    try:
        yield World()
    finally:
        close_ledger()


def row_counts() -> tuple[int, ...]:
    """How many rows each table holds (audit log included): a refused call adds none."""
    sql = " UNION ALL ".join(f'SELECT COUNT(*) FROM "{m._meta.table_name}"'
                             for m in all_models())
    return tuple(r[0] for r in database.execute_sql(sql).fetchall())


# --- every field, by path: (kind, child or None, field) ------------------------------------

PATHS = [(k, None, f) for k in S.KINDS for f in k.fields] + [
    (k, c, f) for k in S.KINDS for c in k.children for f in c.fields]


def path_id(p) -> str:
    k, c, f = p
    return f"{k.name}.{c.name + '.' if c else ''}{f.name}"


def with_value(world: World, kind: S.Kind, child: S.Child | None, f: S.Field, v) -> dict:
    values = world.base(kind.name)
    if child is None:
        values[f.name] = v
    else:
        values[child.name] = [{**values[child.name][0], f.name: v}]
    return values


def read_back(record: dict, child: S.Child | None, f: S.Field):
    return record[f.name] if child is None else record[child.name][0][f.name]


# --- what "saved exactly" means, written independently of the code under test -------------

NOT_STORABLE = object()
VALID_REF = object()  # stands for the uid of a live record of the referenced kind


def expected(f: S.Field, v):
    """What must read back after saving `v`, or NOT_STORABLE if saving it would be wrong."""
    if f.type == S.BOOL:
        if v is None or v == "":
            return False
        return bool(v) if isinstance(v, bool) or v in (0, 1) else NOT_STORABLE
    if v is None or v == [] or (isinstance(v, str) and not v.strip()):
        return None
    if f.type in (S.TEXT, S.LONGTEXT):
        if not isinstance(v, str):
            return NOT_STORABLE
        if f.type == S.TEXT:
            out = v.strip()
        else:  # trailing whitespace and leading blank lines go, the first line's indent stays
            lines = v.rstrip().split("\n")
            while lines and not lines[0].strip():
                lines.pop(0)
            out = "\n".join(lines)
        return out or None
    if f.type in (S.INT, S.MONEY, S.YEAR):
        if isinstance(v, str) and v.strip().lstrip("-").isascii() and v.strip().lstrip("-").isdigit():
            return int(v.strip())
        if isinstance(v, float) and f.type != S.MONEY and v.is_integer():
            return int(v)
        return v if isinstance(v, int) and not isinstance(v, bool) else NOT_STORABLE
    if f.type == S.FLOAT:
        try:
            return float(v) if not isinstance(v, bool) else NOT_STORABLE
        except (TypeError, ValueError, OverflowError):
            return NOT_STORABLE
    if f.type == S.DATE:
        if isinstance(v, date):
            return v.isoformat()
        try:
            return date.fromisoformat(v.strip()).isoformat()
        except (AttributeError, TypeError, ValueError):
            return NOT_STORABLE
    if f.type == S.MULTI:
        items = [s.strip() for s in v.split(",")] if isinstance(v, str) else v
        order = [c.value for c in f.choices]
        return ",".join(sorted(set(items), key=order.index)) if all(
            i in order for i in items) else NOT_STORABLE
    return v  # CHOICE and REF read back as given


def safe_text(f: S.Field, text: str) -> bool:
    """What stored text may hold: no surrogates; controls only as multi-line line breaks."""
    allowed = "\n\r\t\x0b\x0c" if f.type == S.LONGTEXT else "\t"
    return not any(0xD800 <= ord(c) <= 0xDFFF or (
        (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) and c not in allowed) for c in text)


def check_refusal(exc: ValidationError, f: S.Field) -> None:
    messages = list(exc.errors.values())
    assert messages, "a ValidationError without a field message"
    assert any(f.label in m for m in messages), (f.label, messages)
    for m in messages:
        assert CJK.search(m), m
        m.encode("utf-8")  # the message itself can be printed and stored
    str(exc).encode("utf-8")


def check_saved(f: S.Field, v, got) -> None:
    want = expected(f, v)
    assert want is not NOT_STORABLE, f"{v!r} was saved as {got!r}"
    assert got == want, (v, got, want)
    if isinstance(got, str):
        assert safe_text(f, got), got


def attempt(world: World, path, v, via_update: bool = False) -> None:
    """Create a record, or update an existing one, with `v` in the field at `path`.

    What create and update return is records.get of the record as written."""
    kind, child, f = path
    if v is VALID_REF:
        v = world.uids[f.ref]
    counts = row_counts()
    if not via_update:
        try:
            record = world.create(kind.name, with_value(world, kind, child, f, v))
        except ValidationError as exc:
            check_refusal(exc, f)
            assert row_counts() == counts, "a refused create wrote something"
        else:
            check_saved(f, v, read_back(record, child, f))
            if kind.name == "plan":  # out of the way of "one plan a year"
                R.trash(kind.name, record["uid"])
        return
    before = world.existing[kind.name]
    change = {f.name: v} if child is None else {
        child.name: [{**(before[child.name] or [{}])[0], f.name: v}]}
    try:
        after = R.update(kind.name, before["uid"], change, today=TODAY)
    except ValidationError as exc:
        check_refusal(exc, f)
        assert row_counts() == counts, "a refused update wrote something"
        assert R.get(kind.name, before["uid"]) == before, "a refused update changed the record"
    else:
        check_saved(f, v, read_back(after, child, f))
        world.existing[kind.name] = after


# --- the hostile values -------------------------------------------------------------------

ANY_CHAR = st.characters(exclude_categories=())  # surrogates, controls and unassigned included
NASTY_TEXT = [
    "\ud800", "张\udfff伟", "a\x00b", "\x00", "\x1b[2J\x1b[31m已核验", "钳工\t班长", "第一行\n第二行",
    "第一段\r\n第二段", "\u2028", "照片\u202egnp.exe", "\u200f\u061cئۇيغۇر", "零\u200b宽",
    "😀", "👨\u200d👩\u200d👧 ✌🏽", "\ufeff标题", "\U000f0000", "  前后空格  ", "\u3000\u3000首行缩进",
    "\n\n  \n　　正文\n\n", "<b>粗体</b>&amp;", "x" * 100_000, "长" * 200, "长" * 201,
]
NASTY_NUMBERS = [
    2**63, 2**63 - 1, -(2**63) - 1, 10**30, 10**400, -1, 0, 1, 10**12, 10**13 + 1,
    float("nan"), float("inf"), -0.0, 1e308, 5e-324, 0.5, "12", "-3", "1e400", "１２",
    True, False,
]
ODD = [None, "", "   ", [], {}, ["a"], {"a": 1}, date(2024, 2, 29), "2024-02-29", "20240229",
       "2024-02-30", "9999-12-31"]


def values_for(f: S.Field):
    near = st.sampled_from(NASTY_TEXT + NASTY_NUMBERS + ODD)
    text = st.text(ANY_CHAR, max_size=40)
    long = st.builds(lambda c, n: c * n, ANY_CHAR, st.sampled_from([199, 200, 201, 5001, 100_000]))
    numbers = st.one_of(st.integers(), st.floats(), st.integers().map(str))
    typed = {
        S.CHOICE: st.sampled_from([c.value for c in f.choices]) if f.choices else st.nothing(),
        S.MULTI: st.lists(st.sampled_from([c.value for c in f.choices] + ["x"]))
        if f.choices else st.nothing(),
        S.DATE: st.dates().map(date.isoformat) | st.dates(),
        S.REF: st.sampled_from([VALID_REF, "uid-of-nothing", "\ud800", "x" * 10_000]),
    }.get(f.type, st.nothing())
    return st.one_of(near, text, long, numbers, typed)


@pytest.mark.parametrize("kind", S.KINDS, ids=[k.name for k in S.KINDS])
def test_a_lone_surrogate_in_every_field_is_refused_by_name(world, kind):
    """The reported case: '\\ud800' in a text or reference field raised UnicodeEncodeError in
    10 of 13 kinds. Now every field holding one is named, in one message, and nothing is
    written, on create and on update."""
    bad = "前\ud800后"
    values = {f.name: bad for f in kind.fields}
    values.update({c.name: [{f.name: bad for f in c.fields}] for c in kind.children})
    existing = world.existing[kind.name]
    for call in (lambda: world.create(kind.name, values),
                 lambda: R.update(kind.name, existing["uid"], values, today=TODAY)):
        counts = row_counts()
        with pytest.raises(ValidationError) as exc:
            call()
        assert set(exc.value.errors) == set(values)
        for f in kind.fields:
            assert f"“{f.label}”" in exc.value.errors[f.name]
        for c in kind.children:
            assert c.label in exc.value.errors[c.name]
        str(exc.value).encode("utf-8")
        assert row_counts() == counts
    assert R.get(kind.name, existing["uid"]) == existing


@pytest.mark.parametrize("path", PATHS, ids=[path_id(p) for p in PATHS])
def test_a_lone_surrogate_in_each_field_alone_is_refused(world, path):
    attempt(world, path, "\ud800")
    attempt(world, path, "\ud800", via_update=True)


@pytest.mark.parametrize("size", [2**63, 2**64, 10**30, 10**12 + 1])
def test_an_attachment_size_past_the_limit_is_refused(world, size):
    """The reported case: a size >= 2**63 raised OverflowError."""
    kind = S.kind("attachment")
    counts = row_counts()
    with pytest.raises(ValidationError) as exc:
        world.create("attachment", {**world.base("attachment"), "size": size})
    assert "“大小（字节）”不能大于" in exc.value.errors["size"]
    assert row_counts() == counts
    attempt(world, (kind, None, kind.field("size")), size)


def test_text_keeps_what_was_typed(world):
    """What is saved exactly: emoji, bidi marks, zero-width characters, markup, indentation."""
    for text in ("👨\u200d👩\u200d👧 ✌🏽", "\u200f\u061cئۇيغۇر", "零\u200b宽", "<b>粗体</b>&amp;"):
        assert world.create("rule", {**world.base("rule"), "title": text})["title"] == text
    body = "\n\n　　第一段。\n\t第二段，含制表符。\n\n　　第三段。  \n"
    saved = world.create("rule", {**world.base("rule"), "text": body})
    assert R.get("rule", saved["uid"])["text"] == "　　第一段。\n\t第二段，含制表符。\n\n　　第三段。"


@pytest.mark.parametrize("text,part", [
    ("a\x00b", "[U+0000]"), ("\x1b[31m已核验", "[U+001B]"),
    ("甲\x7f", "[U+007F]"), ("乙\x9b", "[U+009B]"), ("第一行\u2028第二行", "只能填一行"),
])
def test_control_characters_in_one_line_text_are_refused(world, text, part):
    counts = row_counts()
    with pytest.raises(ValidationError) as exc:
        world.create("member", {**world.base("member"), "name": text})
    assert "“姓名”" in exc.value.errors["name"] and part in exc.value.errors["name"]
    assert row_counts() == counts


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
@pytest.mark.parametrize("path", PATHS, ids=[path_id(p) for p in PATHS])
def test_any_value_is_saved_exactly_or_refused(world, path, data):
    value = data.draw(values_for(path[2]), label=path_id(path))
    attempt(world, path, value, via_update=data.draw(st.booleans(), label="via update"))


def test_a_tab_from_a_spreadsheet_and_words_line_break_are_kept(world):
    """Earlier versions saved them, and their packages must still import: kept exactly."""
    rec = world.create("member", {**world.base("member"), "name": "钳工\t班长"})
    assert R.get("member", rec["uid"])["name"] == "钳工\t班长"
    rule = world.create("rule", {**world.base("rule"), "text": "第一段\x0b第二段\x0c第三页"})
    assert R.get("rule", rule["uid"])["text"] == "第一段\x0b第二段\x0c第三页"
