"""Declared shapes of what comes from outside the ledger: a record's bookkeeping fields (uid,
studio, timestamps, version), the JSON type of each declared field, and small building blocks
the package manifest is declared with (exchange/package.py).

Why here: a record typed into a form gets its uid, timestamps and version from the services,
so nothing checks them; a record read from a package brings its own, and they are stored as
they come. Each is declared once below, with its type and range, and checked from the
declaration before anything is written. The kinds' own fields keep their declarations in
store/schema.py and their rules in ledger/validate.py; here only the JSON type a package must
carry them with is added, so that what is stored reads back equal to what was signed.
"""

from __future__ import annotations

import re
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from laomo_desktop.ledger import validate as V
from laomo_desktop.store import schema as S
from laomo_desktop.visible import visible

INT_MAX = 2**31           # versions, sequences, counts
EARLIEST_STAMP = 2000     # no record of this program was written before
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?")


class Problem(Exception):  # noqa: N818 - internal: carries a field message to the caller
    """One field that does not match its declaration: `message` names the field and why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _q(label: str) -> str:
    return f"“{label}”"


def _no_surrogates(label: str, v: str) -> None:
    if not v.isascii():
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            raise Problem(f"{_q(label)}含有无效的字符（孤立的代理项），不是有效的文字") from None


@dataclass(frozen=True)
class Shape(ABC):
    """A declared value: `check` raises Problem naming the label, else returns None."""

    label: str
    nullable: bool = False

    def check(self, v: Any) -> None:
        if v is None:
            if not self.nullable:
                raise Problem(f"{_q(self.label)}不能为空")
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
            raise Problem(f"{_q(self.label)}应为“{self.value}”")


@dataclass(frozen=True)
class Int(Shape):
    lo: int = 0
    hi: int = INT_MAX

    def _check(self, v: Any) -> None:
        if not isinstance(v, int) or isinstance(v, bool) or not self.lo <= v <= self.hi:
            raise Problem(f"{_q(self.label)}应为 {self.lo} 到 {self.hi} 之间的整数")


@dataclass(frozen=True)
class Text(Shape):
    """A string of at most max_len characters, all matching `pattern` when one is given."""

    max_len: int = 200
    pattern: re.Pattern | None = None
    what: str = "文字"

    def _check(self, v: Any) -> None:
        if not isinstance(v, str):
            raise Problem(f"{_q(self.label)}应为{self.what}")
        if len(v) > self.max_len:
            raise Problem(f"{_q(self.label)}不能超过 {self.max_len} 个字符（现有 {len(v)} 个）")
        if self.pattern is not None:
            if not self.pattern.fullmatch(v):  # the patterns are ASCII: no surrogate passes
                raise Problem(f"{_q(self.label)}应为{self.what}")
        else:
            _no_surrogates(self.label, v)


def Uid(label: str, nullable: bool = False) -> Text:  # noqa: N802 - reads as a declaration
    return Text(label, nullable, 36, UUID_RE, "小写的 UUID 编号（如 5d0c0e1a-0b1c-4d2e-8f3a-"
                                              "1b2c3d4e5f60）")


def Hex(label: str, digits: int) -> Text:  # noqa: N802
    return Text(label, False, digits, re.compile(f"[0-9a-f]{{{digits}}}"),
                f" {digits} 位小写十六进制数")


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
            raise Problem(f"{_q(self.label)}不是有效的时间（应为 2025-03-05T08:15:00+00:00 的格式）")
        try:
            when = datetime.fromisoformat(v)
        except ValueError:
            raise Problem(f"{_q(self.label)}不是有效的时间（“{visible(v)}”）") from None
        latest = _latest_year()
        if not EARLIEST_STAMP <= when.year <= latest:
            raise Problem(f"{_q(self.label)}应在 {EARLIEST_STAMP} 年到 {latest} 年之间")


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
            raise Problem(f"{_q(self.label)}的格式无效")


class _NoRefs:
    def resolve(self, kind: str, uid: str) -> V.Ref | None:
        return None


_NO_REFS = _NoRefs()


def declared(kind: str, name: str, nullable: bool = False) -> Declared:
    f = S.kind(kind).field(name)
    return Declared(f.label, nullable, f)


@dataclass(frozen=True)
class Obj(Shape):
    """A JSON object with exactly these keys (those in `optional` may be left out)."""

    fields: dict[str, Shape] = field(default_factory=dict)
    optional: dict[str, Shape] = field(default_factory=dict)

    def _check(self, v: Any) -> None:
        if not isinstance(v, dict):
            raise Problem(f"{_q(self.label)}的格式无效")
        unknown = v.keys() - self.fields.keys() - self.optional.keys()
        if unknown:
            names = "、".join(visible(str(k))[:40] for k in sorted(map(str, unknown))[:5])
            raise Problem(f"{_q(self.label)}中有未知的项：{names}")
        for name, shape in self.fields.items():
            if name not in v:
                raise Problem(f"{_q(self.label)}缺少“{shape.label}”")
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
            raise Problem(f"{_q(self.label)}应为不超过 {self.max_items} 项的列表")
        for x in v:
            self.item.check(x)


@dataclass(frozen=True)
class MapOf(Shape):
    """A JSON object whose keys are some of `keys` and whose values all have one shape."""

    keys: frozenset[str] = frozenset()
    value: Shape | None = None

    def _check(self, v: Any) -> None:
        if not isinstance(v, dict):
            raise Problem(f"{_q(self.label)}的格式无效")
        for k, x in v.items():
            if k not in self.keys:
                raise Problem(f"{_q(self.label)}中有未知的项：{visible(str(k))[:40]}")
            self.value.check(x)


@dataclass(frozen=True)
class FileName(Shape):
    """A file name without control, bidi or other invisible characters: a right-to-left
    override shows `照片\u202egnp.exe` as `照片exe.png`. (Type and length: the declaration.)"""

    nullable: bool = True

    def _check(self, v: Any) -> None:
        if isinstance(v, str) and visible(v) != v:
            shown = visible(v)
            raise Problem(f"{_q(self.label)}含有控制字符或改变文字方向的字符"
                          f"（{shown[:60]}{'…' if len(shown) > 60 else ''}），可能是伪装的文件名")


KIND_NAMES = frozenset(S.BY_NAME)

# --- records ---------------------------------------------------------------------------------

# What every record carries besides its kind's fields (records.META), as a package holds it.
RECORD_META: dict[str, Shape] = {
    "uid": Uid("记录编号（uid）"),
    "studio": Uid("所属工作室（studio）"),
    "created_at": Stamp("创建时间（created_at）"),
    "updated_at": Stamp("修改时间（updated_at）"),
    "deleted_at": Stamp("移入回收站的时间（deleted_at）", nullable=True),
    "version": Int("版本号（version）", lo=1, hi=INT_MAX),
}

# The JSON type a package carries each declared field type with (None: empty, for any type).
JSON_TYPES: dict[str, tuple[type, ...]] = {
    S.TEXT: (str,), S.LONGTEXT: (str,), S.DATE: (str,), S.CHOICE: (str,), S.MULTI: (str,),
    S.REF: (str,), S.INT: (int,), S.YEAR: (int,), S.MONEY: (int,), S.FLOAT: (int, float),
    S.BOOL: (bool,),
}
JSON_TYPE_NAMES = {str: "文字", int: "整数", bool: "是或否"}

# Fields a form never types but a package brings: they get a tighter declaration here. An
# attachment's content is addressed by its SHA-256, its size is checked against the file, and
# its name comes from another computer's file system (attachments.attach takes it from a file
# the user picked here).
PACKAGE_FIELDS: dict[tuple[str, str], Shape] = {
    ("attachment", "sha256"): Hex(S.kind("attachment").field("sha256").label, 64),
    ("attachment", "size"): Int(S.kind("attachment").field("size").label, lo=0, hi=V.INT_MAX),
    ("attachment", "filename"): FileName(S.kind("attachment").field("filename").label),
}


def _typed(f: S.Field, v: Any) -> None:
    """The JSON type only: the value itself (surrogates included) is clean_record's to judge,
    and every record read from a package goes through clean_record before anything is written."""
    if v is None:
        return
    types = JSON_TYPES[f.type]
    if not isinstance(v, types) or (v.__class__ is bool and bool not in types):
        raise Problem(f"{_q(f.label)}应为{JSON_TYPE_NAMES.get(types[0], '数字')}")


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
        raise Problem("记录的格式无效")
    for name, shape in RECORD_META.items():
        if name not in rec and not shape.nullable:
            raise Problem(f"缺少{_q(shape.label)}")
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
            raise Problem(f"{_q(child.label)}的格式无效")
        for i, item in enumerate(items):
            for f, types in plan:
                v = item.get(f.name)
                if v is not None and (not isinstance(v, types)
                                      or (v.__class__ is bool and bool not in types)):
                    try:
                        _typed(f, v)
                    except Problem as p:
                        raise Problem(f"{child.label}第 {i + 1} 行：{p.message}") from None
    # unknown keys (a surrogate in a name included) are refused by clean_record, by name


def title_of(kind: S.Kind, rec: Any, limit: int = 40) -> str:
    """How a message names a record: its title, else its uid, shown safely and shortened."""
    if isinstance(rec, dict):
        for key in (kind.title, "uid"):
            v = rec.get(key)
            if isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip():
                text = visible(str(v).strip())
                return text if len(text) <= limit else text[:limit] + "…"
    return "（无标题）"
