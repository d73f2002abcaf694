"""An old Excel ledger brought in (Qt-free): a sheet read by ledger.excelread, its columns
matched to a kind's fields (by header, as a paste is, and editable), each row checked by the
paste's own checks (ledger.paste.check_steps: the services' rules, those across a studio's
records included) and added by the paste's own writing (one transaction, an audit entry a
record, one undo step in the GUI).

Importing the same rows twice adds nothing: a row is identified by its content, the kind's
key fields (IDENTITY) normalized (no spaces, case folded). A row whose key matches a record
of the studio is left out: as "already in the ledger" when every imported field agrees, as a
difference (shown field by field, never added as a second record) when one does not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import excelread as X
from laomo_desktop.ledger import listing, paste
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS
from laomo_desktop.texts import Text, worded
from laomo_desktop.work import Job, Progress, result_of

# what identifies a row of each kind (with its studio): the same key is the same record
IDENTITY: dict[str, tuple[str, ...]] = {
    "member": ("name",),
    "mentorship": ("master", "apprentice", "apprentice_name", "agreement_date"),
    "rule": ("title",),
    "equipment": ("name", "acquired_on"),
    "project": ("title",),
    "plan": ("year",),
    "activity": ("date", "topic"),
    "result": ("title",),
    "benefit": ("year", "kind", "result", "basis"),
    "fund": ("date", "direction", "voucher_no", "note"),
    "honour": ("name", "year", "holder"),
}
KINDS = tuple(IDENTITY)  # the kinds a sheet can hold

SERIAL = Text("序号列", "a row-number column")
UNMAPPED = Text("对应已取消", "unmatched by hand")
NO_SUCH_COLUMN = Text("工作表中没有“{column}”这一列。列：{names}。",
                      'The sheet has no column "{column}". Its columns: {names}.')
NO_SUCH_FIELD = Text("{kind}没有“{name}”这一项。可用的项：{names}。",
                     'A record ({kind}) has no item "{name}". The items: {names}.')
NOT_IMPORTED_KIND = Text("“{kind}”不能从 Excel 导入。可导入的类型：{kinds}。",
                         '"{kind}" records cannot be imported from Excel. The kinds: {kinds}.')
NO_ROWS = Text("工作表“{sheet}”的表头下没有数据行。", 'The sheet "{sheet}" has no rows under its header.')
SAME = Text("台账中已有这条记录，不再导入", "Already in the ledger: not imported again")
REPEATED = Text("与第 {line} 行相同，不重复导入", "The same as row {line}: not imported twice")
DIFFERS = Text("与台账中已有的记录不同，不导入：{fields}",
               "Differs from the record in the ledger, not imported: {fields}")
IN_LEDGER = Text("台账中为“{value}”", 'The ledger has "{value}"')
FIELD_IN_LEDGER = Text("{field}在台账中为“{value}”", '{field} is "{value}" in the ledger')
REPEAT_DIFFERS = Text("与第 {line} 行是同一条记录，但内容不同", "The same record as row {line}, with other values")
SUMMARY = Text("可导入 {new} 行；台账中已有 {same} 行；与台账不同 {differs} 行；有错误 {bad} 行"
               "（跳过空行 {blank} 行、合计行 {totals} 行、表中重复的行 {repeat} 行）",
               "{new} rows can be imported; {same} are in the ledger already; {differs} differ "
               "from the ledger; {bad} have errors ({blank} blank lines, {totals} total rows "
               "and {repeat} rows repeated in the sheet skipped)")
PREPARING = Text("正在整理各行", "Preparing the rows")

NEW, KNOWN, DIFFERENT, ERROR, REPEAT = "new", "same", "differs", "error", "repeat"
STATUSES = (NEW, KNOWN, DIFFERENT, ERROR, REPEAT)
EMPTY = Text("（空）", "(empty)")
_SPACES = re.compile(r"\s+")


def importable(kind_name: str) -> S.Kind:
    if kind_name not in IDENTITY:
        raise LaomoError(NOT_IMPORTED_KIND(kind=S.kind(kind_name) if kind_name in S.BY_NAME
                                           else kind_name, kinds=[S.kind(k) for k in KINDS]))
    return S.kind(kind_name)


# --- the columns --------------------------------------------------------------------------------

def find_field(kind: S.Kind, name: str) -> S.Field | None:
    """A field by its name, label or a header naming it; None for "-" or "" (not imported)."""
    if name.strip() in ("", "-"):
        return None
    by_name = {f.name: f for f in kind.fields}
    if name.strip() in by_name:
        return by_name[name.strip()]
    found = paste.match_headers(kind, [name])[0].field
    if found is None:
        raise LaomoError(NO_SUCH_FIELD(kind=kind, name=name,
                                       names=[f"{f.name} {f.label}" for f in kind.fields]))
    return found


def column_index(info: X.SheetInfo, column: str) -> int:
    """A column by its header or its letter (B, AA)."""
    heads = [h.strip() for h in info.headers]
    if column.strip() in heads:
        return heads.index(column.strip())
    letters = info.column_letters()
    if column.strip().upper() in letters:
        return letters.index(column.strip().upper())
    raise LaomoError(NO_SUCH_COLUMN(column=column, names=[
        f"{x} {h}" for x, h in zip(letters, info.headers, strict=True)]))


def columns_for(kind_name: str, info: X.SheetInfo,
                mapping: Mapping[str, str] | None = None) -> list[paste.Column]:
    """Each column matched by its header (序号 columns left out), then `mapping` (column →
    field, by header or letter → by name or label, "-" for none) applied over it: a field the
    user gives a column leaves the column it was matched to."""
    kind = importable(kind_name)
    cols = [paste.Column(h, None, SERIAL()) if paste.normal(h) in X.SERIAL_HEADERS else c
            for h, c in zip(info.headers, paste.match_headers(kind, list(info.headers)),
                            strict=True)]
    for column, name in (mapping or {}).items():
        i = column_index(info, column)
        f = find_field(kind, name)
        if f is not None:
            cols = [paste.Column(c.header, None, UNMAPPED()) if c.field == f else c
                    for c in cols]
        cols[i] = paste.Column(info.headers[i], f, "" if f else UNMAPPED())
    return cols


# --- the preview --------------------------------------------------------------------------------

@dataclass
class ImportPreview:
    """The paste's preview of a sheet's rows, with each row's place in the ledger."""

    preview: paste.Preview
    sheet: X.SheetInfo
    lines: list[int]                      # each row's line in the sheet
    status: list[str]                     # one of STATUSES a row
    notes: dict[int, str] = field(default_factory=dict)       # row → why it is left out
    # row → field → the ledger's value, shown (the fields that differ)
    diffs: dict[int, dict[str, str]] = field(default_factory=dict)
    blank: int = 0
    totals: int = 0
    unsaved: int = 0  # formulas without a saved result, read as blank

    def warnings(self) -> list[str]:
        """What the user should know about the sheet before importing it."""
        return [worded(X.UNSAVED_FORMULAS(sheet=self.sheet.name, n=self.unsaved))
                ] if self.unsaved else []

    def count(self, status: str) -> int:
        return self.status.count(status)

    def summary(self) -> str:
        return worded(SUMMARY(new=self.count(NEW), same=self.count(KNOWN),
                              differs=self.count(DIFFERENT), bad=self.count(ERROR),
                              blank=self.blank, totals=self.totals,
                              repeat=self.count(REPEAT)))

    def to_add(self) -> paste.Preview:
        """The paste preview of the rows to add: the new valid ones."""
        rows = [r for r, s in zip(self.preview.rows, self.status, strict=True) if s == NEW]
        return replace(self.preview, rows=rows)


def _norm(f: S.Field, v: Any) -> str:
    if f.type == S.BOOL:
        return "1" if v else "0"
    if v is None:
        return ""
    if isinstance(v, list | tuple) or f.type == S.MULTI:
        items = v if isinstance(v, list | tuple) else str(v).split(",")
        return ",".join(sorted(str(i) for i in items if i))
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return _SPACES.sub("", str(v)).casefold()


def _key(kind: S.Kind, values: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(_norm(kind.field(n), values.get(n)) for n in IDENTITY[kind.name])


class _Shown:
    """A stored value as the ledger's tables show it (a reference by its record's title)."""

    def __init__(self, studio_uid: str):
        self.studio_uid = studio_uid
        self._titles: dict[str, dict[str, str]] = {}

    def __call__(self, kind: S.Kind, f: S.Field, value: Any) -> str:
        if value == [] or value == "":
            value = None
        if f.type == S.REF and value is not None:
            if f.ref not in self._titles:
                self._titles[f.ref] = dict(Q.ref_choices(f.ref, self.studio_uid))
            return self._titles[f.ref].get(value) or str(value)
        if f.type == S.MULTI and isinstance(value, list | tuple):
            value = ",".join(value)
        shown = listing.cell(kind, f.name, value)
        return worded(EMPTY) if shown is None else str(shown)


def _existing(kind: S.Kind, studio_uid: str) -> dict[tuple[str, ...], dict]:
    model = MODELS[kind.name]
    studio_id = R.RESOLVER.resolve("studio", studio_uid).id
    rows = list(model.select().where(model.studio == studio_id,
                                     model.deleted_at.is_null()).dicts())
    return {_key(kind, rec): rec for rec in R.to_records(kind, rows)}


def _classify(ip: ImportPreview) -> None:
    p = ip.preview
    kind = p.kind
    compared = [c.field for c in p.columns if c.field is not None]
    stored = _existing(kind, p.studio_uid)
    shown = _Shown(p.studio_uid)
    seen: dict[tuple[str, ...], int] = {}
    for i, row in enumerate(p.rows):
        if not row.ok:
            ip.status.append(ERROR)
            continue
        key = _key(kind, row.values)
        other = stored.get(key)
        if other is not None:
            was = {f: shown(kind, f, other.get(f.name)) for f in compared
                   if _norm(f, other.get(f.name)) != _norm(f, row.values.get(f.name))}
            if was:
                ip.status.append(DIFFERENT)
                ip.diffs[i] = {f.name: worded(IN_LEDGER(value=v)) for f, v in was.items()}
                ip.notes[i] = worded(DIFFERS(fields=[FIELD_IN_LEDGER(field=f, value=v)
                                                     for f, v in was.items()]))
            else:
                ip.status.append(KNOWN)
                ip.notes[i] = worded(SAME())
            continue
        if key in seen:
            first = seen[key]
            same = all(_norm(f, p.rows[first].values.get(f.name))
                       == _norm(f, row.values.get(f.name)) for f in compared)
            ip.status.append(REPEAT if same else ERROR)
            note = (REPEATED if same else REPEAT_DIFFERS)(line=ip.lines[first])
            ip.notes[i] = worded(note)
            if not same:
                row.errors[paste.ROW_KEY] = worded(note)
            continue
        seen[key] = i
        ip.status.append(NEW)


def preview_steps(path: Path | str, info: X.SheetInfo, kind_name: str, studio_uid: str, *,
                  mapping: Mapping[str, str] | None = None,
                  columns: Sequence[paste.Column] | None = None,
                  today: date | None = None) -> Job[ImportPreview]:
    """Read the sheet, match its columns (or take `columns`, as the user edited them), check
    every row and find it in the ledger; nothing is written. A job: reading, then checking."""
    kind = importable(kind_name)
    cols = list(columns) if columns is not None else columns_for(kind_name, info, mapping)
    sheet = yield from X.read_steps(path, info)
    if not sheet.values:
        raise LaomoError(NO_ROWS(sheet=info.name))
    yield Progress(0, 0, str(PREPARING))
    wan = [X.is_wan(c.header) for c in cols]
    body = [[X.cell_text(v, c.field, w) for v, c, w in zip(values, cols, wan, strict=True)]
            for values in sheet.values]
    sheet.values = []
    p = yield from paste.check_steps(kind.name, studio_uid, [list(info.headers)], body,
                                     columns=cols, today=today)
    ip = ImportPreview(p, info, sheet.lines, [], blank=sheet.blank, totals=sheet.totals,
                       unsaved=sheet.unsaved)
    _classify(ip)
    return ip


def preview(path: Path | str, info: X.SheetInfo, kind_name: str, studio_uid: str,
            **options: Any) -> ImportPreview:
    return result_of(preview_steps(path, info, kind_name, studio_uid, **options))


def import_steps(ip: ImportPreview, *, actor: str | None = None) -> Job[list[str]]:
    """Add the preview's new valid rows together (ledger.paste.add_steps): all or none.
    Undone, as a paste is, by paste.trash_added."""
    return (yield from paste.add_steps(ip.to_add(), actor=actor))
