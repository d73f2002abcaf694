"""Rows copied out of a section's table, and rows pasted in from Excel/WPS.

A spreadsheet puts copied cells on the clipboard as tab-separated text, one line a row, and
quotes a cell that holds a tab, a line break or a quote ("…" with quotes doubled). We write the
same, so our rows paste into a sheet as cells; and we read it back with a header line: each
pasted column is matched to one of the kind's fields by its header (the label the table shows,
with the variants people write), each row is read as a form reads typed text (ledger.typed) and
checked with the same rules as saving one record (ledger.validate, and the rules across a
studio's records), without writing anything. `add` then writes the valid rows together: all of
them or, on any failure, none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds, typed
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.clipboard import parse_tsv
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import enums as E
from laomo_desktop.store import rows as writer
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, database
from laomo_desktop.texts import Both, Message, Text, worded
from laomo_desktop.work import Job, Progress, result_of

NO_DATA = Text("剪贴板中没有可粘贴的表格内容。请在 Excel 或 WPS 中选中包括表头（列名）在内的若干行后复制。",
               "The clipboard holds no table to paste. In Excel or WPS, select some rows "
               "together with the header (the column names) and copy them.")
ONLY_HEADER = Text("粘贴的内容只有表头一行，没有数据行。",
                   "What was pasted is only the header line: it has no rows of data.")
NO_NAME = Text("这一列没有列名", "This column has no name")
NO_SUCH_ITEM = Text("“{kind}”没有名为“{header}”的项目", '"{kind}" has no item called "{header}"')
TAKEN = Text("前面已有一列对应“{field}”", 'An earlier column is already "{field}"')
NONE_CALLED = Text("本工作室没有名为“{title}”的{kind}", 'This studio has no {kind} called "{title}"')
SEVERAL_CALLED = Text("本工作室有 {n} 条名为“{title}”的{kind}，无法确定是哪一条，请添加后在表单中选择",
                      'This studio has {n} records of {kind} called "{title}" and which one is '
                      "meant cannot be told: add the row, then choose it in the form")
PRESET = Text("未填写“{field}”的行按“{value}”添加", 'Rows without "{field}" are added as "{value}"')
SUMMARY = Text("可添加 {good} 行，{bad} 行有错误", "{good} rows can be added, {bad} rows have errors")
CHOOSE_STUDIO = Text("请先选择一个工作室，再粘贴记录。", "Choose a studio first, then paste the records.")
NOT_PASTED = Text("“{kind}”不能通过粘贴添加。", '"{kind}" records cannot be added by pasting.')
NO_HEADER = Text("粘贴内容的第一行没有可识别的列名，无法对应到“{kind}”的项目。"
                 "请连同表头一起复制，表头应为本表的列名，例如：{names}。",
                 'The first line of what was pasted has no column name that matches an item '
                 'of "{kind}". Copy the header too: it should hold the columns of this table, '
                 "for example {names}.")
BEYOND_HEADER = Text("这一行有 {n} 个单元格在表头之外，无法对应到任何一列",
                     "This row has {n} cells beyond the header that match no column")
GONE = Text("粘贴的{kind}记录中有的已被彻底删除，无法再撤销或恢复。",
            "Some of the pasted {kind} records have been deleted for good: the paste cannot be "
            "undone or redone any more.")
ROW_KEY = ""  # the key of a row's problems that belong to no pasted column
# what a new record's form already fills in (section page defaults) and a pasted list of
# names usually leaves out: a member added without a role is an ordinary member
PRESETS: dict[str, dict[str, Any]] = {"member": {"role": E.MemberRole.MEMBER.value}}


# --- matching headers to fields ---------------------------------------------------------------

_BRACKETS = str.maketrans("（）【】〔〕［］", "()[][][]")  # full-width brackets as ASCII
_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORDS = (("名字", "姓名"), ("时间", "日期"))  # a variant, and the word the labels use
# headers that name a kind's date, its one amount of money and its title, whatever their labels
LOOSE_HEADERS = {"date": "日期", "money": "金额", "title": "名称"}


def normal(header: str) -> str:
    """A header as compared: half-width brackets, no spaces, the labels' words, case folded."""
    h = _SPACES.sub("", half_brackets(header)).casefold()
    for variant, word in _WORDS:
        h = h.replace(variant, word)
    return h


def half_brackets(text: str) -> str:
    return text.translate(_BRACKETS)


def _bare(text: str) -> str:
    """Without its bracketed part: 金额(元) → 金额, 徒弟(本工作室成员) → 徒弟."""
    return _PARENS.sub("", text)


def _aliases(kind: S.Kind) -> dict[str, S.Field]:
    """Each way of naming a field → the field; a field's own label wins over a looser name."""
    fields = kind.fields
    loose: dict[str, S.Field] = {}
    for f in fields:
        for name in (_bare(normal(f.label)), _bare(normal(f.en))):
            loose.setdefault(name, f)
    if kind.date_field:
        loose.setdefault(LOOSE_HEADERS["date"], kind.field(kind.date_field))
    money = [f for f in fields if f.type == S.MONEY]
    if len(money) == 1:
        loose.setdefault(LOOSE_HEADERS["money"], money[0])
    title = kind.field(kind.title) if kind.title in {f.name for f in fields} else None
    if title is not None and title.type == S.TEXT:
        loose.setdefault(LOOSE_HEADERS["title"], title)
    exact = {normal(n): f for f in fields for n in (f.label, f.en, f.name)}
    return {**loose, **exact}


@dataclass(frozen=True)
class Column:
    header: str                # as pasted
    field: S.Field | None      # None: not imported
    reason: Message | str = ""  # why not, in words (a texts.Message)


def match_headers(kind: S.Kind, headers: Sequence[str]) -> list[Column]:
    """One Column per pasted header; a field takes the first column that names it."""
    aliases = _aliases(kind)
    used: set[str] = set()
    out = []
    for h in headers:
        key = normal(h)
        f = aliases.get(key) or aliases.get(_bare(key))
        if not h.strip():
            out.append(Column(h, None, NO_NAME()))
        elif f is None:
            out.append(Column(h, None, NO_SUCH_ITEM(kind=kind, header=h.strip())))
        elif f.name in used:
            out.append(Column(h, None, TAKEN(field=f)))
        else:
            used.add(f.name)
            out.append(Column(h, f))
    return out


# --- reading one cell as a form reads typed text ------------------------------------------------

_TIME = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")  # 2025/3/5 0:00 from a date cell
_YES = frozenset({"是", "yes", "y", "true", "1", "√", "✓", "✔", "对"})
_NO = frozenset({"否", "no", "n", "false", "0", "×", "✗", "✘", "不是"})
# what a sheet writes around a number: currency signs before it, units after it
NUMBER_AFFIXES = ("¥￥", ("元", "年度", "年"))
LIST_SEPARATORS = re.compile(r"[、,，;；/]")  # between the choices of a multiple choice
_NUMBER_KIND = {S.INT: "int", S.YEAR: "year", S.FLOAT: "float", S.MONEY: "money"}


@cache
def _choice_codes(choices: type[E.Choice]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in choices:
        for name in (c.value, c.en, c.zh):
            out[normal(name)] = c.value
    return out


class _Refs:
    """A studio's live records of a kind by the title the table shows, read once a paste."""

    def __init__(self, studio_uid: str):
        self.studio_uid = studio_uid
        self._by_title: dict[str, dict[str, list[str]]] = {}

    def find(self, kind: str, title: str) -> tuple[str | None, Message | None]:
        if kind not in self._by_title:
            table: dict[str, list[str]] = {}
            for uid, t in Q.ref_choices(kind, self.studio_uid):  # 王 芳 is 王芳
                table.setdefault(_SPACES.sub("", t or ""), []).append(uid)
            self._by_title[kind] = table
        uids = self._by_title[kind].get(_SPACES.sub("", title), [])
        declared = S.kind(kind)
        if not uids:
            return None, NONE_CALLED(title=title.strip(), kind=declared)
        if len(uids) > 1:
            return None, SEVERAL_CALLED(n=len(uids), title=title.strip(), kind=declared)
        return uids[0], None


def cell_value(f: S.Field, text: str, refs: _Refs) -> tuple[Any, Message | None]:
    """What the text of a pasted cell means for field `f`: (value for the services, None), or
    (None, message) when it names a record that cannot be found. Text that is not a valid
    value is passed on as typed, so the services refuse it with their own message."""
    t = text.strip()
    if f.type in (S.TEXT, S.LONGTEXT):
        return text, None
    if not t:
        return None, None
    if f.type == S.DATE:
        return typed.date_text(_TIME.sub("", t)), None
    if f.type in _NUMBER_KIND:
        signs, units = NUMBER_AFFIXES
        t = t.lstrip(signs)
        for unit in units:
            t = t.removesuffix(unit)
        t = t.strip()
        return typed.number_value(t, _NUMBER_KIND[f.type]), None
    if f.type == S.BOOL:
        low = t.casefold()
        return (True, None) if low in _YES else (False, None) if low in _NO else (t, None)
    if f.type == S.CHOICE:
        return _choice_codes(f.choices).get(normal(t), t), None
    if f.type == S.MULTI:
        codes = _choice_codes(f.choices)
        items = [s.strip() for s in LIST_SEPARATORS.split(t) if s.strip()]
        found = [codes.get(normal(s)) for s in items]
        return (found if all(found) else t), None
    if f.type == S.REF:
        return refs.find(f.ref, t)
    return t, None


# --- the preview ------------------------------------------------------------------------------

@dataclass
class Row:
    cells: list[str]                 # one per pasted column (short rows filled with "")
    values: dict[str, Any]           # what would be saved, as for a form
    # field name (or ROW_KEY) → message, worded when the preview is made (to be shown)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Preview:
    kind: S.Kind
    studio_uid: str
    columns: list[Column]
    rows: list[Row]
    preset: frozenset[str] = frozenset()  # fields some rows took from PRESETS

    def notes(self) -> list[str]:
        """What the rows were given that the paste did not hold (said in the preview)."""
        out = []
        for name in sorted(self.preset):
            f = self.kind.field(name)
            value = PRESETS[self.kind.name][name]
            c = f.choices(value) if f.choices else None
            out.append(worded(PRESET(field=f, value=Both(c.zh, c.en) if c else str(value))))
        return out

    @property
    def valid(self) -> list[Row]:
        return [r for r in self.rows if r.ok]

    def counts(self) -> tuple[int, int]:
        """(rows that can be added, rows with an error)."""
        good = sum(1 for r in self.rows if r.ok)
        return good, len(self.rows) - good

    def summary(self) -> str:
        good, bad = self.counts()
        return worded(SUMMARY(good=good, bad=bad))

    def row_problems(self, row: Row) -> list[str]:
        """The messages of a row that no pasted column shows (a required field not pasted)."""
        shown = {c.field.name for c in self.columns if c.field is not None}
        return [m for k, m in row.errors.items() if k not in shown]


class _CachedResolver:
    """The database resolver, asked once per referenced record rather than once per row."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], V.Ref | None] = {}

    def resolve(self, kind: str, uid: str) -> V.Ref | None:
        key = (kind, uid)
        if key not in self._cache:
            self._cache[key] = R.RESOLVER.resolve(kind, uid)
        return self._cache[key]


def _studio(studio_uid: str) -> int:
    ref = R.RESOLVER.resolve("studio", studio_uid) if studio_uid else None
    if ref is None:
        raise LaomoError(CHOOSE_STUDIO())
    if ref.deleted:
        raise LaomoError(R.STUDIO_IN_BIN())
    R.check_writable(ref.id)
    return ref.id


def _cross_record(kind: S.Kind, studio_id: int, rows: list[tuple[Row, dict]]) -> None:
    """The rules across a studio's records (one leader, one plan a year), for the stored
    records and the pasted rows before each one."""
    model = MODELS[kind.name]
    for rule in R.CROSS_RULES:
        if rule.kind != kind.name:
            continue
        taken: dict[Any, dict] = {}
        for other in model.select().where(model.studio == studio_id, *rule.where(model)).dicts():
            taken.setdefault(other[rule.key] if rule.key else None, other)
        for row, clean in rows:
            if not row.ok or not rule.applies(clean):
                continue
            key = clean[rule.key] if rule.key else None
            if key in taken:
                row.errors[rule.field] = worded(rule.message(clean, taken[key]))
            else:
                taken[key] = clean


def preview(kind_name: str, studio_uid: str, text: str, *, today: date | None = None) -> Preview:
    """The records pasted `text` would add to a studio, each checked; nothing is written.

    Raises LaomoError when there is nothing to paste, when no header names a field of the
    kind, or when the studio cannot be written (imported, in the recycle bin)."""
    table = parse_tsv(text)
    return result_of(check_steps(kind_name, studio_uid, table[:1], table[1:], today=today))


def check_steps(kind_name: str, studio_uid: str, header: list[list[str]], body: list[list[str]],
                *, columns: list[Column] | None = None, today: date | None = None
                ) -> Job[Preview]:
    """`preview` of a table already split into its header ([] or [cells]) and its rows, as a
    job (a step per BATCH rows): the paste, and an Excel sheet (ledger.excelimport) with its
    `columns` matched there."""
    kind = S.kind(kind_name)
    if not kind.per_studio or kinds.rules(kind).is_file:
        raise LaomoError(NOT_PASTED(kind=kind))
    studio_id = _studio(studio_uid)
    if not header:
        raise LaomoError(NO_DATA())
    columns = match_headers(kind, header[0]) if columns is None else columns
    if not any(c.field for c in columns):
        raise LaomoError(NO_HEADER(kind=kind, names=list(kind.fields[:4])))
    if not body:
        raise LaomoError(ONLY_HEADER())
    ctx = V.Context(studio_id, _CachedResolver(), today or date.today())
    refs = _Refs(studio_uid)
    width = len(columns)
    preset = PRESETS.get(kind.name, {})
    checked: list[tuple[Row, dict]] = []
    rows = []
    preset_used: set[str] = set()
    for i, cells in enumerate(body):
        if i % BATCH == 0:
            yield Progress(i, len(body), str(CHECKING_ROWS))
        extra = [c for c in cells[width:] if c.strip()]
        cells = (cells + [""] * width)[:width] if len(cells) != width else cells
        values: dict[str, Any] = {}
        own: dict[str, str] = {}
        for col, text_ in zip(columns, cells, strict=True):
            if col.field is None:
                continue
            value, err = cell_value(col.field, text_, refs)
            if err:
                own[col.field.name] = worded(err)
            else:
                values[col.field.name] = value
        for name, value in preset.items():
            if values.get(name) is None and name not in own:
                values[name] = value
                preset_used.add(name)
        row = Row(cells, values)
        try:
            clean, _children = V.clean_record(kind, values, ctx)
        except ValidationError as exc:
            row.errors.update(exc.errors)
            clean = {}
        row.errors.update(own)
        if extra:
            row.errors[ROW_KEY] = worded(BEYOND_HEADER(n=len(extra)))
        rows.append(row)
        checked.append((row, clean))
    _cross_record(kind, studio_id, checked)
    return Preview(kind, studio_uid, columns, rows, frozenset(preset_used))


# --- writing ----------------------------------------------------------------------------------
# What records.create, trash and restore do for one record, done for the pasted rows together:
# the same checks (the studio writable, every row through validate.clean_record, the rules
# across the studio's records), one transaction, an audit entry for each record with its
# content before and after. Row by row, a thousand rows took many seconds; together, well
# under one.

CHUNK = 500  # uids in one IN (...): far below SQLite's limit on parameters


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _records(kind: S.Kind, uids: Sequence[str]) -> list[dict]:
    """The records with these uids as records.get returns them, in the order of `uids`."""
    model = MODELS[kind.name]
    rows: list[dict] = []
    for chunk in _chunks(list(uids)):
        rows.extend(model.select().where(model.uid.in_(list(chunk))).dicts())
    by_uid = {r["uid"]: r for r in R.to_records(kind, rows)}
    return [by_uid[u] for u in uids if u in by_uid]


def _audit(action: str, kind: S.Kind, pairs: list[tuple[dict | None, dict]], verb: Text,
           actor: str | None) -> None:
    """One audit entry a record, as records.audit writes it (its summary: records.logged)."""
    at, who = R.now_iso(), actor or R.current_actor()
    writer.write_audit(writer.audit_entry(at, who, action, kind.name, after["uid"],
                                          after["studio"], before, after,
                                          R.logged(verb(record=R.named(kind, after))))
                       for before, after in pairs)


def _broken(kind: S.Kind, studio_id: int, rows: dict[str, dict]) -> None:
    found = R.broken_together(kind, studio_id, rows)
    if found is not None:
        raise found[1]


BATCH = 200  # rows checked or written between two progress steps (and chances to stop)
CHECKING_ROWS = Text("正在核对各行", "Checking the rows")
ADDING_ROWS = Text("正在添加记录", "Adding the records")


def add(p: Preview, *, actor: str | None = None) -> list[str]:
    """Add the preview's valid rows, in one transaction: every row or, when one of them fails
    after all, none (the error is raised). Returns the new records' uids."""
    return result_of(add_steps(p, actor=actor))


def add_steps(p: Preview, *, actor: str | None = None) -> Job[list[str]]:
    """`add` as a job: a step per BATCH rows checked, then per BATCH rows written, all inside
    the one transaction, so stopping at any step (or a failure) adds no row at all."""
    kind = p.kind
    valid = p.valid
    if not valid:
        return []
    total = len(valid)
    with database.atomic():
        studio_id = _studio(p.studio_uid)
        ctx = V.Context(studio_id, _CachedResolver(), date.today())
        stamp = R.now_iso()
        clean: dict[str, dict] = {}
        for i, pasted in enumerate(valid):
            if i % BATCH == 0:
                yield Progress(i, 2 * total, str(CHECKING_ROWS))
            # a pasted row fills fields only (match_headers maps no child list)
            clean[R.new_uid()] = V.clean_record(kind, pasted.values, ctx)[0]
        _broken(kind, studio_id, {u: {**r, "deleted_at": None} for u, r in clean.items()})
        new = [{**r, "studio": studio_id, "uid": u, "created_at": stamp, "updated_at": stamp,
                "version": 1, "deleted_at": None} for u, r in clean.items()]
        for start in range(0, total, BATCH):
            writer.insert(kind.name, new[start:start + BATCH])
            yield Progress(total + min(start + BATCH, total), 2 * total, str(ADDING_ROWS))
        uids = list(clean)
        _audit("create", kind, [(None, a) for a in _records(kind, uids)], R.LOG_CREATE, actor)
    return uids


def _set_deleted(kind_name: str, uids: Sequence[str], deleted: bool,
                 actor: str | None) -> None:
    kind = S.kind(kind_name)
    with database.atomic():
        before = _records(kind, uids)
        if len(before) != len(set(uids)):
            raise LaomoError(GONE(kind=kind))
        changing = [b for b in before if bool(b["deleted_at"]) != deleted]
        if not changing:
            return
        studio = R.get("studio", changing[0]["studio"])
        studio_id = R.RESOLVER.resolve("studio", studio["uid"]).id
        R.check_writable(studio_id)
        if not deleted:
            if studio["deleted_at"]:
                raise LaomoError(R.OWNER_IN_BIN())
            _broken(kind, studio_id, {b["uid"]: {**b, "deleted_at": None} for b in changing})
        stamp = R.now_iso()
        writer.set_deleted(kind_name, [b["uid"] for b in changing], stamp, deleted)
        after = [{**b, "deleted_at": stamp if deleted else None, "updated_at": stamp,
                  "version": b["version"] + 1} for b in changing]
        verb = R.LOG_TRASH if deleted else R.LOG_RESTORE
        _audit("trash" if deleted else "restore", kind, list(zip(changing, after, strict=True)),
               verb, actor)


def trash_added(kind_name: str, uids: Sequence[str], *, actor: str | None = None) -> None:
    """Undo of `add`: the added records go to the recycle bin together."""
    _set_deleted(kind_name, uids, True, actor)


def restore_added(kind_name: str, uids: Sequence[str], *, actor: str | None = None) -> None:
    """Redo of `add`: the records come back from the recycle bin together, or none does (the
    rules across the studio's records are checked again: a leader added since, for one)."""
    _set_deleted(kind_name, uids, False, actor)
