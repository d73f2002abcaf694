"""Declared shapes of what comes from outside the ledger: a record's bookkeeping fields (uid,
studio, timestamps, version), the JSON type of each declared field, and small building blocks
the package manifest is declared with (exchange/package.py).

Why here: a record typed into a form gets its uid, timestamps and version from the services,
so nothing checks them; a record read from a package brings its own, and they are stored as
they come. Each is declared once below, with its type and range, and checked from the
declaration before anything is written. The kinds' own fields keep their declarations in
store/schema.py and their rules in ledger/validate.py; here only the JSON type a package must
carry them with is added, so that what is stored reads back equal to what was signed.

A shape's label is anything a message can word (laomo_desktop.texts): a declared Field, a
`Both`, or plain text that is the same in every language.
"""

from __future__ import annotations

import re
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from laomo_desktop import texts as T
from laomo_desktop.ledger import validate as V
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, worded
from laomo_desktop.visible import visible

INT_MAX = 2**31           # versions, sequences, counts
EARLIEST_STAMP = 2000     # no record of this program was written before
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?")


class Problem(Exception):  # noqa: N818 - internal: carries a field message to the caller
    """One field that does not match its declaration: `said` names the field and why (a
    texts.Message); `message` is it worded in the user's language."""

    def __init__(self, said: Any):
        super().__init__(said)
        self.said = said

    @property
    def message(self) -> str:
        return worded(self.said)

    def __str__(self) -> str:
        return self.message


LONE_SURROGATE = T.Text("“{field}”含有无效的字符（孤立的代理项），不是有效的文字",
                        '"{field}" holds an invalid character (a lone surrogate): it is not '
                        "valid text")
EMPTY = T.Text("“{field}”不能为空", '"{field}" cannot be empty')
NOT_CONST = T.Text("“{field}”应为“{value}”", '"{field}" must be "{value}"')
INT_RANGE = T.Text("“{field}”应为 {lo} 到 {hi} 之间的整数",
                   '"{field}" must be a whole number from {lo} to {hi}')
MUST_BE = T.Text("“{field}”应为{what}", '"{field}" must be {what}')
TOO_LONG = T.Text("“{field}”不能超过 {limit} 个字符（现有 {n} 个）",
                  '"{field}" cannot be longer than {limit} characters (it has {n})')
TEXT = Both("文字", "text")
UUID = Both("小写的 UUID 编号（如 5d0c0e1a-0b1c-4d2e-8f3a-1b2c3d4e5f60）",
            "a lowercase UUID (such as 5d0c0e1a-0b1c-4d2e-8f3a-1b2c3d4e5f60)")
HEX_DIGITS = T.Text(" {digits} 位小写十六进制数", "{digits} lowercase hexadecimal digits")
STAMP_FORMAT = T.Text("“{field}”不是有效的时间（应为 2025-03-05T08:15:00+00:00 的格式）",
                      '"{field}" is not a valid time (write it as 2025-03-05T08:15:00+00:00)')
NOT_A_TIME = T.Text("“{field}”不是有效的时间（“{value}”）", '"{field}" is not a valid time ("{value}")')
YEARS = T.Text("“{field}”应在 {first} 年到 {last} 年之间", '"{field}" must be from {first} to {last}')
BAD_FORM = T.Text("“{field}”的格式无效", '"{field}" is not in a valid form')
UNKNOWN_ITEMS = T.Text("“{field}”中有未知的项：{names}", '"{field}" has unknown items: {names}')
MISSING_ITEM = T.Text("“{field}”缺少“{item}”", '"{field}" lacks "{item}"')
LIST_OF = T.Text("“{field}”应为不超过 {n} 项的列表", '"{field}" must be a list of at most {n} items')
DISGUISED_NAME = T.Text("“{field}”含有控制字符或改变文字方向的字符（{shown}），可能是伪装的文件名",
                        '"{field}" holds control characters or characters that change the '
                        "direction of text ({shown}): it may be a disguised file name")
BAD_RECORD = T.Text("记录的格式无效", "The record is not in a valid form")
MISSING = T.Text("缺少“{field}”", 'The record lacks "{field}"')
IN_LINE = T.Text("{field}第 {line} 行：{why}", "{field}, line {line}: {why}")
UNTITLED = Both("（无标题）", "(untitled)")


def _no_surrogates(label: Any, v: str) -> None:
    if not v.isascii():
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            raise Problem(LONE_SURROGATE(field=label)) from None


@dataclass(frozen=True)
class Shape(ABC):
    """A declared value: `check` raises Problem naming the label, else returns None."""

    label: Any  # a str, Both or declared Field: worded with the message
    nullable: bool = False

    def check(self, v: Any) -> None:
        if v is None:
            if not self.nullable:
                raise Problem(EMPTY(field=self.label))
            return
        self._check(v)

    @abstractmethod
    def _check(self, v: Any) -> None:
        """Raise Problem when the (non-null) value does not match."""


@dataclass(frozen=True)
class Const(Shape):
    value: Any = None

    def _check(self, v: Any) -> None:
        if type(v) is not type(self.value) or v != self.value:
            raise Problem(NOT_CONST(field=self.label, value=self.value))


@dataclass(frozen=True)
class Int(Shape):
    lo: int = 0
    hi: int = INT_MAX

    def _check(self, v: Any) -> None:
        if not isinstance(v, int) or isinstance(v, bool) or not self.lo <= v <= self.hi:
            raise Problem(INT_RANGE(field=self.label, lo=self.lo, hi=self.hi))


@dataclass(frozen=True)
class Text(Shape):
    """A string of at most max_len characters, all matching `pattern` when one is given."""

    max_len: int = 200
    pattern: re.Pattern | None = None
    what: Any = TEXT  # what the value must be, as a message says it (a Both or Message)

    def _check(self, v: Any) -> None:
        if not isinstance(v, str):
            raise Problem(MUST_BE(field=self.label, what=self.what))
        if len(v) > self.max_len:
            raise Problem(TOO_LONG(field=self.label, limit=self.max_len, n=len(v)))
        if self.pattern is not None:
            if not self.pattern.fullmatch(v):  # the patterns are ASCII: no surrogate passes
                raise Problem(MUST_BE(field=self.label, what=self.what))
        else:
            _no_surrogates(self.label, v)


def Uid(label: Any, nullable: bool = False) -> Text:  # noqa: N802 - reads as a declaration
    return Text(label, nullable, 36, UUID_RE, UUID)


def Hex(label: Any, digits: int) -> Text:  # noqa: N802
    return Text(label, False, digits, re.compile(f"[0-9a-f]{{{digits}}}"),
                HEX_DIGITS(digits=digits))


_year_cache: list = [0.0, 0]


def _latest_year() -> int:
    """This year + FUTURE_YEARS, looked up at most once a minute (it is asked per record)."""
    now = time.monotonic()
    if now - _year_cache[0] > 60 or not _year_cache[1]:
        _year_cache[:] = [now, datetime.now(UTC).year + V.FUTURE_YEARS]
    return _year_cache[1]


@dataclass(frozen=True)
class Stamp(Shape):
    """An ISO 8601 date and time, from the year 2000 up to a few years ahead."""

    def _check(self, v: Any) -> None:
        if not isinstance(v, str) or len(v) > 40 or not STAMP_RE.fullmatch(v):
            raise Problem(STAMP_FORMAT(field=self.label))
        try:
            when = datetime.fromisoformat(v)
        except ValueError:
            raise Problem(NOT_A_TIME(field=self.label, value=visible(v))) from None
        latest = _latest_year()
        if not EARLIEST_STAMP <= when.year <= latest:
            raise Problem(YEARS(field=self.label, first=EARLIEST_STAMP, last=latest))


@dataclass(frozen=True)
class Declared(Shape):
    """A value of a field declared in store/schema.py, checked by the services' own rules."""

    decl: S.Field | None = None

    def _check(self, v: Any) -> None:
        if isinstance(v, str):
            _no_surrogates(self.label, v)
        out, err = V.clean_value(self.decl, v, V.Context(None, _NO_REFS))
        if err:
            raise Problem(err)
        if out != v:
            raise Problem(BAD_FORM(field=self.label))


class _NoRefs:
    def resolve(self, kind: str, uid: str) -> V.Ref | None:
        return None


_NO_REFS = _NoRefs()


def declared(kind: str, name: str, nullable: bool = False) -> Declared:
    f = S.kind(kind).field(name)
    return Declared(f, nullable, f)


@dataclass(frozen=True)
class Obj(Shape):
    """A JSON object with exactly these keys (those in `optional` may be left out)."""

    fields: dict[str, Shape] = field(default_factory=dict)
    optional: dict[str, Shape] = field(default_factory=dict)

    def _check(self, v: Any) -> None:
        if not isinstance(v, dict):
            raise Problem(BAD_FORM(field=self.label))
        unknown = v.keys() - self.fields.keys() - self.optional.keys()
        if unknown:
            names = [visible(str(k))[:40] for k in sorted(map(str, unknown))[:5]]
            raise Problem(UNKNOWN_ITEMS(field=self.label, names=names))
        for name, shape in self.fields.items():
            if name not in v:
                raise Problem(MISSING_ITEM(field=self.label, item=shape.label))
            shape.check(v[name])
        for name, shape in self.optional.items():
            if name in v:
                shape.check(v[name])


@dataclass(frozen=True)
class ListOf(Shape):
    item: Shape | None = None
    max_items: int = 50_000

    def _check(self, v: Any) -> None:
        if not isinstance(v, list) or len(v) > self.max_items:
            raise Problem(LIST_OF(field=self.label, n=self.max_items))
        for x in v:
            self.item.check(x)


@dataclass(frozen=True)
class MapOf(Shape):
    """A JSON object whose keys are some of `keys` and whose values all have one shape."""

    keys: frozenset[str] = frozenset()
    value: Shape | None = None

    def _check(self, v: Any) -> None:
        if not isinstance(v, dict):
            raise Problem(BAD_FORM(field=self.label))
        for k, x in v.items():
            if k not in self.keys:
                raise Problem(UNKNOWN_ITEMS(field=self.label, names=visible(str(k))[:40]))
            self.value.check(x)


@dataclass(frozen=True)
class FileName(Shape):
    """A file name without control, bidi or other invisible characters: a right-to-left
    override shows `照片\u202egnp.exe` as `照片exe.png`. (Type and length: the declaration.)"""

    nullable: bool = True

    def _check(self, v: Any) -> None:
        if isinstance(v, str) and visible(v) != v:
            shown = visible(v)
            raise Problem(DISGUISED_NAME(
                field=self.label, shown=shown[:60] + ("…" if len(shown) > 60 else "")))


KIND_NAMES = frozenset(S.BY_NAME)

# --- records ---------------------------------------------------------------------------------

# What every record carries besides its kind's fields (records.META), as a package holds it.
RECORD_META: dict[str, Shape] = {
    "uid": Uid(Both("记录编号（uid）", "Record id (uid)")),
    "studio": Uid(Both("所属工作室（studio）", "Studio (studio)")),
    "created_at": Stamp(Both("创建时间（created_at）", "Created (created_at)")),
    "updated_at": Stamp(Both("修改时间（updated_at）", "Changed (updated_at)")),
    "deleted_at": Stamp(Both("移入回收站的时间（deleted_at）", "Moved to the recycle bin "
                                                         "(deleted_at)"), nullable=True),
    "version": Int(Both("版本号（version）", "Version (version)"), lo=1, hi=INT_MAX),
}

# The JSON type a package carries each declared field type with (None: empty, for any type).
JSON_TYPES: dict[str, tuple[type, ...]] = {
    S.TEXT: (str,), S.LONGTEXT: (str,), S.DATE: (str,), S.CHOICE: (str,), S.MULTI: (str,),
    S.REF: (str,), S.INT: (int,), S.YEAR: (int,), S.MONEY: (int,), S.FLOAT: (int, float),
    S.BOOL: (bool,),
}
JSON_TYPE_NAMES = {str: TEXT, int: Both("整数", "a whole number"), bool: Both("是或否", "yes or no")}
A_NUMBER = Both("数字", "a number")

# Fields a form never types but a package brings: they get a tighter declaration here. An
# attachment's content is addressed by its SHA-256, its size is checked against the file, and
# its name comes from another computer's file system (attachments.attach takes it from a file
# the user picked here).
PACKAGE_FIELDS: dict[tuple[str, str], Shape] = {
    ("attachment", "sha256"): Hex(S.kind("attachment").field("sha256"), 64),
    ("attachment", "size"): Int(S.kind("attachment").field("size"), lo=0, hi=V.INT_MAX),
    ("attachment", "filename"): FileName(S.kind("attachment").field("filename")),
}


def _typed(f: S.Field, v: Any) -> None:
    """The JSON type only: the value itself (surrogates included) is clean_record's to judge,
    and every record read from a package goes through clean_record before anything is written."""
    if v is None:
        return
    types = JSON_TYPES[f.type]
    if not isinstance(v, types) or (v.__class__ is bool and bool not in types):
        raise Problem(MUST_BE(field=f, what=JSON_TYPE_NAMES.get(types[0], A_NUMBER)))


@cache
def _field_plan(kind_name: str) -> tuple[tuple[S.Field, tuple[type, ...], Shape | None], ...]:
    kind = S.kind(kind_name)
    return tuple((f, JSON_TYPES[f.type], PACKAGE_FIELDS.get((kind.name, f.name)))
                 for f in kind.fields)


@cache
def _child_plans(kind_name: str) -> tuple[tuple[S.Child, tuple], ...]:
    return tuple((c, tuple((f, JSON_TYPES[f.type]) for f in c.fields))
                 for c in S.kind(kind_name).children)


def check_record(kind: S.Kind, rec: Any) -> None:
    """Raise Problem unless `rec` is an object with valid bookkeeping fields and every declared
    field (and child list) of the kind that it carries has its JSON type. The values themselves
    are the services' to judge (validate.clean_record), after this."""
    if not isinstance(rec, dict):
        raise Problem(BAD_RECORD())
    for name, shape in RECORD_META.items():
        if name not in rec and not shape.nullable:
            raise Problem(MISSING(field=shape.label))
        shape.check(rec.get(name))
    get = rec.get
    for f, types, extra in _field_plan(kind.name):
        v = get(f.name)
        if v is not None and (not isinstance(v, types)
                              or (v.__class__ is bool and bool not in types)):
            _typed(f, v)  # raises, naming the field
        if extra is not None:
            extra.check(v)
    for child, plan in _child_plans(kind.name):
        items = get(child.name)
        if items is None:
            continue
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise Problem(BAD_FORM(field=child))
        for i, item in enumerate(items):
            for f, types in plan:
                v = item.get(f.name)
                if v is not None and (not isinstance(v, types)
                                      or (v.__class__ is bool and bool not in types)):
                    try:
                        _typed(f, v)
                    except Problem as p:
                        raise Problem(IN_LINE(field=child, line=i + 1, why=p.said)) from None
    # unknown keys (a surrogate in a name included) are refused by clean_record, by name


def title_of(kind: S.Kind, rec: Any, limit: int = 40) -> str | Both:
    """How a message names a record: its title, else its uid, shown safely and shortened."""
    if isinstance(rec, dict):
        for key in (kind.title, "uid"):
            v = rec.get(key)
            if isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip():
                text = visible(str(v).strip())
                return text if len(text) <= limit else text[:limit] + "…"
    return UNTITLED
