"""Turn what a user typed into a row the database accepts, or say what is wrong (messages of
the catalogue, worded in the user's language when shown: laomo_desktop.texts).

Field checks come from the declarations in store/schema.py; each kind's own rules are in its
module under ledger/kinds/.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, Protocol

from laomo_desktop.ledger import kinds
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ledger.typed import date_parts, date_text, no_such_day
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Message, Text
from laomo_desktop.visible import mark, visible

MIN_YEAR = 1900
FUTURE_YEARS = 5  # a date more than this many years ahead is a typing mistake
MONEY_MAX_FEN = 10**13  # one hundred billion yuan
INT_MAX = 2**63 - 1  # SQLite's INTEGER: a larger number cannot be stored at all
UID_MAX = 100  # a reference longer than this cannot be a stored uid

# What text may hold. Any character is kept exactly as typed (emoji, bidi marks for Uyghur or
# Arabic names, zero-width joiners) except: lone surrogates, which no file can store (UTF-8
# has no encoding for them), and control characters, which nobody types on purpose and which
# hide or fake what is shown (NUL truncates strings in other programs, ESC drives terminals).
# Multi-line text keeps its line breaks and tabs; a one-line field has neither.
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
# A tab pasted from a spreadsheet cell, and Word's manual line break (\x0b) and page break
# (\x0c) in long text, are kept: earlier versions saved them, and a package holding them must
# still import. Every other control character is refused.
_CONTROL_ONE_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_MULTI_LINE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LEADING_BLANK_LINES = re.compile("\\A(?:[^\\S\n]*\n)+")


@dataclass(frozen=True)
class Ref:
    id: int
    studio_id: int | None
    deleted: bool
    label: str = ""


class Resolver(Protocol):
    """Finds a referenced record by uid. The database one is in ledger.records."""

    def resolve(self, kind: str, uid: str) -> Ref | None: ...


@dataclass
class Context:
    studio_id: int | None
    resolver: Resolver
    today: date = field(default_factory=date.today)
    record_id: int | None = None
    kept_refs: frozenset[tuple[str, str]] = frozenset()  # (kind, uid) the record already had


# What the checks below say; {field} is the declared Field (or Child), worded with the message.
NOT_TEXT = Text("“{field}”应为文字", '"{field}" must be text')
TOO_LONG = Text("“{field}”不能超过 {limit} 个字（现有 {n} 个）",
                '"{field}" cannot be longer than {limit} characters (it has {n})')
BROKEN_CHARACTER = Text("“{field}”含有无法保存的字符 {shown}（可能是复制时损坏的文字），请删除后重新输入",
                        '"{field}" holds a character that cannot be saved, {shown} (perhaps text '
                        "damaged when it was copied): delete it and type it again")
ONE_LINE = Text("“{field}”只能填一行", '"{field}" must be a single line')
CONTROL_CHARACTER = Text("“{field}”含有不可见的控制字符 {shown}，请删除后重新输入",
                         '"{field}" holds an invisible control character, {shown}: delete it '
                         "and type it again")
NOT_WHOLE = Text("“{field}”应为整数", '"{field}" must be a whole number')
NOT_AMOUNT = Text("“{field}”不是有效的金额（应为如 1,200.50 的数字，最多两位小数）",
                  '"{field}" is not a valid amount (write a number such as 1,200.50, with at '
                  "most two decimals)")
NOT_FEN = Text("“{field}”应以整数“分”保存", '"{field}" must be stored as a whole number of fen')
NEGATIVE = Text("“{field}”不能为负数", '"{field}" cannot be negative')
BELOW = Text("“{field}”不能小于 {limit}", '"{field}" cannot be less than {limit}')
ABOVE = Text("“{field}”不能大于 {limit}", '"{field}" cannot be more than {limit}')
NOT_NUMBER = Text("“{field}”应为数字", '"{field}" must be a number')
DATE_FORMAT = Text("“{field}”不是有效的日期（应为 2025-03-05 的格式）",
                   '"{field}" is not a valid date (write it as 2025-03-05)')
NO_SUCH_DATE = Text("“{field}”不是有效的日期：{why}", '"{field}" is not a valid date: {why}')
NOT_DATE = Text("“{field}”不是有效的日期", '"{field}" is not a valid date')
TOO_EARLY = Text("“{field}”早于 {year} 年，请检查", '"{field}" is before {year}: please check it')
TOO_LATE = Text("“{field}”晚于 {year} 年，请检查", '"{field}" is after {year}: please check it')
BAD_CHOICE = Text("“{field}”的取值无效", '"{field}" has an invalid value')
NOT_A_CHOICE = Text("“{field}”的取值“{value}”不在可选范围内",
                    '"{field}" cannot be "{value}": it is not one of the choices')
NO_SUCH_RECORD = Text("“{field}”所选的记录不存在", '"{field}": the chosen record does not exist')
OTHER_STUDIO = Text("“{field}”不能引用其他工作室的记录",
                    '"{field}" cannot refer to a record of another studio')
IN_BIN = Text("“{field}”所选的记录已在回收站中", '"{field}": the chosen record is in the recycle bin')
NOT_YES_NO = Text("“{field}”应为“是”或“否”", '"{field}" must be "yes" or "no"')
EMPTY = Text("“{field}”不能为空", '"{field}" cannot be empty')
BAD_LIST = Text("“{field}”的格式无效", '"{field}" is not in a valid form')
TOO_MANY = Text("“{field}”最多 {n} 项", '"{field}" can hold at most {n} items')
BAD_LINE = Text("“{field}”第 {line} 行的格式无效", '"{field}", line {line}, is not in a valid form')
IN_LINE = Text("{field}第 {line} 行：{why}", "{field}, line {line}: {why}")
REPEATED_LINE = Text("“{field}”第 {line} 行与前面重复",
                     '"{field}", line {line}, repeats an earlier line')
UNKNOWN_FIELDS = Text("未知的字段：{names}", "Unknown fields: {names}")


def _num(x: float) -> str:
    """A limit as a person writes it: 1000000000000, not 1e+12."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def trim(f: S.Field, v: str) -> str:
    """The only change made to typed text: spaces and line breaks around it are dropped.

    Multi-line text keeps the indentation of its first line (a Chinese paragraph starts with
    two full-width spaces); only blank lines before it and whitespace after it go."""
    if f.type == S.LONGTEXT:
        return _LEADING_BLANK_LINES.sub("", v.rstrip())
    return v.strip()


# Anything the checks below look for, in one pass: most text holds none of it.
_SUSPECT_ONE_LINE = re.compile("[\ud800-\udfff\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_SUSPECT_MULTI_LINE = re.compile("[\ud800-\udfff\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _text(f: S.Field, v: Any) -> tuple[Any, Message | None]:
    if not isinstance(v, str):
        return None, NOT_TEXT(field=f)
    one_line = f.type == S.TEXT
    if not (_SUSPECT_ONE_LINE if one_line else _SUSPECT_MULTI_LINE).search(v):
        v = trim(f, v)
        if len(v) > f.text_limit:
            return None, TOO_LONG(field=f, limit=f.text_limit, n=len(v))
        return v or None, None
    bad = _SURROGATE.search(v)
    if bad:
        return None, BROKEN_CHARACTER(field=f, shown=mark(bad.group()))
    v = trim(f, v)
    if f.type == S.TEXT and _LINE_BREAK.search(v):
        return None, ONE_LINE(field=f)
    bad = (_CONTROL_ONE_LINE if f.type == S.TEXT else _CONTROL_MULTI_LINE).search(v)
    if bad:
        return None, CONTROL_CHARACTER(field=f, shown=mark(bad.group()))
    if len(v) > f.text_limit:
        return None, TOO_LONG(field=f, limit=f.text_limit, n=len(v))
    return v or None, None


def text_problem(f: S.Field, v: str) -> Message | None:
    """What the forms would say about the text `v` in field `f` (None: it would be saved)."""
    return _text(f, v)[1]


def _limit(f: S.Field, v: float, lo: float, hi: float | None) -> Message | None:
    """Why `v` is out of its range, the limit written as a person writes it."""
    if v < lo:
        return NEGATIVE(field=f) if lo == 0 else BELOW(field=f, limit=_num(lo))
    if hi is not None and v > hi:
        return ABOVE(field=f, limit=_num(hi))
    return None


def _int(f: S.Field, v: Any, ctx: Context) -> tuple[Any, Message | None]:
    if isinstance(v, bool):
        return None, NOT_WHOLE(field=f)
    if isinstance(v, str) and re.fullmatch(r"-?[0-9]{1,15}", v.strip()):
        v = int(v.strip())
    if isinstance(v, float) and v.is_integer() and f.type != S.MONEY:
        v = int(v)
    if not isinstance(v, int):
        if f.type == S.MONEY and isinstance(v, str):
            return None, NOT_AMOUNT(field=f)
        if f.type == S.MONEY:
            return None, NOT_FEN(field=f)
        return None, NOT_WHOLE(field=f)
    lo = f.min if f.min is not None else 0
    hi = f.max if f.max is not None else INT_MAX
    if f.type == S.MONEY:
        hi = MONEY_MAX_FEN
    if f.type == S.YEAR:
        lo, hi = MIN_YEAR, ctx.today.year + FUTURE_YEARS
    out = _limit(f, v, lo, hi)
    return (None, out) if out else (v, None)


def _float(f: S.Field, v: Any) -> tuple[Any, Message | None]:
    if isinstance(v, str):
        try:
            v = float(v.strip())
        except ValueError:
            return None, NOT_NUMBER(field=f)
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None, NOT_NUMBER(field=f)
    try:
        v = float(v)  # an int too large for a float is refused like infinity
    except OverflowError:
        v = math.inf
    if not math.isfinite(v):
        return None, NOT_NUMBER(field=f)
    out = _limit(f, v, f.min if f.min is not None else 0, f.max)
    return (None, out) if out else (v, None)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(f: S.Field, v: Any, ctx: Context) -> tuple[Any, Message | None]:
    if isinstance(v, datetime):
        d = v.date()
    elif isinstance(v, date):
        d = v
    elif isinstance(v, str):
        try:  # as stored and as packages carry it, else written as a spreadsheet takes a date
            d = date.fromisoformat(v if _ISO_DATE.fullmatch(v) else date_text(v))
        except ValueError:
            parts = date_parts(v)
            if parts is None:
                return None, DATE_FORMAT(field=f)
            return None, NO_SUCH_DATE(field=f, why=no_such_day(parts))
    else:
        return None, NOT_DATE(field=f)
    if d.year < MIN_YEAR:
        return None, TOO_EARLY(field=f, year=MIN_YEAR)
    if d.year > ctx.today.year + FUTURE_YEARS:
        return None, TOO_LATE(field=f, year=ctx.today.year + FUTURE_YEARS)
    return d.isoformat(), None


@cache
def _codes(choices: type[E.Choice]) -> tuple[frozenset[str], tuple[str, ...]]:
    order = tuple(c.value for c in choices)
    return frozenset(order), order


def _choice(f: S.Field, v: Any) -> tuple[Any, Message | None]:
    codes, order = _codes(f.choices)
    if f.type == S.MULTI:
        items = [s.strip() for s in v.split(",")] if isinstance(v, str) else v
        if not isinstance(items, list | tuple | set) or any(
                not isinstance(i, str) or i not in codes for i in items):
            return None, BAD_CHOICE(field=f)
        return ",".join(sorted(set(items), key=order.index)) or None, None
    if not isinstance(v, str):
        return None, BAD_CHOICE(field=f)
    if v not in codes:
        return None, NOT_A_CHOICE(field=f, value=visible(v[:40]))
    return str(v), None


def _lookup(f: S.Field, v: str, ctx: Context) -> Ref | None:
    """The referenced record, or None when `v` cannot be a stored uid (uids are short ASCII;
    the database cannot even be asked about text with a lone surrogate)."""
    if len(v) > UID_MAX or not v.isascii():
        return None
    return ctx.resolver.resolve(f.ref, v)



def _ref(f: S.Field, v: Any, ctx: Context) -> tuple[Any, Message | None]:
    if not isinstance(v, str):
        return None, BAD_CHOICE(field=f)
    ref = _lookup(f, v, ctx)
    if ref is None:
        return None, NO_SUCH_RECORD(field=f)
    if ref.studio_id != ctx.studio_id:
        return None, OTHER_STUDIO(field=f)
    if ref.deleted and (f.ref, v) not in ctx.kept_refs:
        return None, IN_BIN(field=f)
    return ref.id, None


def clean_value(f: S.Field, v: Any, ctx: Context) -> tuple[Any, Message | None]:
    """(stored value, None) or (None, message). Empty input is None (or False for BOOL)."""
    t = f.type
    if t == S.BOOL:
        if v is None or v == "":
            return False, None
        if isinstance(v, bool) or v in (0, 1):
            return bool(v), None
        return None, NOT_YES_NO(field=f)
    if v is None or (isinstance(v, str) and (not v or v.isspace())) or v == []:
        if f.required:
            return None, EMPTY(field=f)
        return None, None
    if t == S.REF:
        return _ref(f, v, ctx)
    if t in (S.TEXT, S.LONGTEXT):
        out, err = _text(f, v)
        if err is None and out is None and f.required:
            return None, EMPTY(field=f)
        return out, err
    if t in (S.INT, S.YEAR, S.MONEY):
        return _int(f, v, ctx)
    if t == S.FLOAT:
        return _float(f, v)
    if t == S.DATE:
        return _date(f, v, ctx)
    if t in (S.CHOICE, S.MULTI):
        return _choice(f, v)
    raise ValueError(f"unknown field type {f.type}")


def clean_fields(fields: tuple[S.Field, ...], values: dict, ctx: Context,
                 ) -> tuple[dict, dict[str, Message]]:
    row: dict = {}
    errors: dict[str, Message] = {}
    for f in fields:
        v = values.get(f.name)
        if v is None and not f.required and f.type != S.BOOL:
            row[f.name] = None  # what clean_value gives, without the call (bulk writes)
            continue
        if f.type == S.REF and isinstance(v, str):  # the usual case of _ref, inline
            ref = _lookup(f, v, ctx)
            if ref is not None and ref.studio_id == ctx.studio_id and not ref.deleted:
                row[f.name] = ref.id
                continue
        elif (f.type == S.TEXT or f.type == S.LONGTEXT) and isinstance(v, str):
            out, err = _text(f, v)
            if err is None and out is not None:
                row[f.name] = out
                continue
        out, err = clean_value(f, v, ctx)
        if err:
            errors[f.name] = err
        else:
            row[f.name] = out
    return row, errors


def clean_children(child: S.Child, items: Any, ctx: Context
                   ) -> tuple[list[dict], Message | None]:
    if items is None:
        return [], None
    if not isinstance(items, list | tuple):
        return [], BAD_LIST(field=child)
    if child.max_items is not None and len(items) > child.max_items:
        return [], TOO_MANY(field=child, n=child.max_items)
    rows, seen = [], set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            return [], BAD_LINE(field=child, line=i + 1)
        row, errs = clean_fields(child.fields, item, ctx)
        if errs:
            return [], IN_LINE(field=child, line=i + 1, why=next(iter(errs.values())))
        if child.unique:
            key = row[child.unique]
            if key in seen:
                return [], REPEATED_LINE(field=child, line=i + 1)
            seen.add(key)
        row["position"] = i
        rows.append(row)
    return rows, None


_NAMES = {k.name: frozenset(f.name for f in k.fields) | {c.name for c in k.children}
          for k in S.KINDS}


def clean_record(kind: S.Kind, values: dict, ctx: Context,
                 ignore: frozenset[str] = frozenset()) -> tuple[dict, dict[str, list[dict]]]:
    """The row and child rows for `values`, or ValidationError naming every bad field."""
    row, errors = clean_fields(kind.fields, values, ctx)
    children: dict[str, list[dict]] = {}
    for child in kind.children:
        rows, err = clean_children(child, values.get(child.name), ctx)
        if err:
            errors[child.name] = err
        children[child.name] = rows
    unknown = values.keys() - _NAMES[kind.name] - ignore  # `ignore`: keys the caller checks itself
    if unknown:
        errors["_"] = UNKNOWN_FIELDS(names=sorted(visible(str(k)) for k in unknown))
    rule = kinds.rules(kind).validate
    if rule:
        rule(kind, row, children, ctx, errors)
    if errors:
        raise ValidationError(errors)
    return row, children
