"""What a kind's own module declares: its rules, constraints, defaults, derived columns, what
"in force during a period" means for it, and the hints the screens read.

The generic code (validation, services, queries, section tables, forms) asks a kind's
KindRules, never its name; a kind without a module of its own gets the empty KindRules.
Labels in messages come from the declaration in store/schema.py, never typed again here:
a message takes the declared Field or Child (texts.Text), worded with it in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Message, Text

if TYPE_CHECKING:  # the window's navigation reads the kinds before peewee is loaded
    import peewee as pw

EARLIER = Text("“{end}”不能早于“{start}”", '"{end}" cannot be earlier than "{start}"')

# What a totals figure under a list counts, and so how it is worded (ledger/listing.py): money
# in 元 or in 万元, a number of records (场次), a sum of people (人次), of hours, or a plain sum
# of a count column.
FEN, WAN, SESSIONS, PERSONS, HOURS, COUNT = "fen", "wan", "sessions", "persons", "hours", "count"


def label(kind: S.Kind, name: str) -> S.Field | S.Child:
    """The declaration of a field or a child list of `kind`, for a message to name."""
    for c in kind.children:
        if c.name == name:
            return c
    return kind.field(name)


def choice(c: E.Choice) -> Both:
    """A choice as a message names it (a Choice is its code, a str, so it is not worded alone)."""
    return Both(c.zh, c.en)


def before(kind: S.Kind, row: dict, errors: dict, start: str, end: str) -> None:
    """`end` may not come before `start` (both fields of `kind`); reported on `end`."""
    if row.get(start) and row.get(end) and row[end] < row[start] and end not in errors:
        errors[end] = EARLIER(end=label(kind, end), start=label(kind, start))


# (kind, row, children, ctx, errors) -> adds field messages to errors
Validate = Callable[[S.Kind, dict, dict[str, list[dict]], Any, dict[str, Message]], None]


@dataclass(frozen=True)
class Extra:
    """A computed column: a SQL expression `sql` over the kind's table aliased `t`, or the
    name of a shared meaning in ledger/meanings.py that gives it for an alias (meanings sits
    above the kinds: it reads what was in force through asof, which reads the kinds' spans;
    ledger/queries.py fills `sql` in). `choices`: the codes it yields are of this enum."""

    name: str
    label: str
    en: str
    sql: str = ""
    meaning: str | None = None
    choices: type[E.Choice] | None = None
    type: str = ""  # S.MONEY: an amount in fen, shown and exported as money


@dataclass(frozen=True)
class Span:
    """The columns that start and end a standing record; `until_included`: the end day itself
    still belongs to the record (a project's last day), else the record is over on it. With
    several `ends`, the first one filled ends the record (出师 or 解除)."""

    since: str
    ends: tuple[str, ...]
    until_included: bool = False

    @property
    def until(self) -> str:
        return self.ends[0]

    def until_sql(self, a: str) -> str:
        if len(self.ends) == 1:
            return f"{a}.{self.ends[0]}"
        return f"coalesce({', '.join(f'{a}.{e}' for e in self.ends)})"

    def until_value(self, record: dict) -> str | None:
        return next((record[e] for e in self.ends if record.get(e)), None)


@dataclass(frozen=True)
class OnePer:
    """A rule across a studio's records: among its live records of `kind` whose fields have the
    values in `when` (None: empty), no two share the value of `key` (no key: at most one).

    Declared once with its kind; the services check it against the stored records, an import
    over the package's records together with them, `laomo check` over the whole ledger."""

    kind: str
    field: str                                # the field a broken rule is reported on
    when: tuple[tuple[str, Any], ...]
    key: str | None
    rule: Message                             # the rule in words, for `laomo check`
    message: Callable[[dict, dict], Message]  # (this row, another in its way) -> field message

    def applies(self, row: dict) -> bool:
        return all(row.get(f) is None if v is None else row.get(f) == v for f, v in self.when)

    def where(self, model: type[pw.Model]) -> list:
        """The same condition in SQL, for live rows."""
        out = [model.deleted_at.is_null()]
        for f, v in self.when:
            column = getattr(model, f)
            out.append(column.is_null() if v is None else column == v)
        return out

    def groups(self, rows: Iterable[dict]) -> list[list[dict]]:
        """The sets of (live, matching) rows of one studio that break the rule."""
        by_key: dict[Any, list[dict]] = {}
        for r in rows:
            by_key.setdefault(r[self.key] if self.key else None, []).append(r)
        return [g for g in by_key.values() if len(g) > 1]


@dataclass(frozen=True)
class Cited:
    """How an inspector reads a record where a document cites it (the packet's evidence index):
    its title, its date (ISO; "" for none) and the words that find its row where the annual
    summary prints it (empty: the record has a section of its own, not a row). `date_is_key`:
    the row shows the date too, as the document prints dates. `place`: where it happened, for
    a photo's caption."""

    title: str
    date: str = ""
    keys: tuple[str, ...] = ()
    date_is_key: bool = False
    place: str = ""


@dataclass(frozen=True)
class KindRules:
    """Everything a kind does beyond its declared shape.

    validate: cross-field rules over a cleaned row and its child rows.
    constraints: rules across the studio's records (one leader, one plan a year).
    defaults: values a new record starts with (besides today's date / the year, which the
        form gives every required date and year field).
    extras: derived columns the lists can show.
    span: what "in force during a period" means (a standing record), None for dated ones.
    evidence_at_end: a criterion's evidence and count are the records in force at the
        period's end, not those that lasted into it.
    later: the dates that come after the record's own (an end, a grant), each with the
        fields that go with it; at a period's end a later one is not yet known.
    known_at_end: the record as it stood at a period's end, beyond `later` (record, out, p).
    picker_order: SQL ORDER BY for pickers of this kind (default: newest first).
    leader_first: a criterion's evidence lists the studio's leader first.
    is_file: the records are stored files (attachments): they have no attachments
        themselves and their lists show file columns.
    hidden_fields: fields the form does not show (set by the program, not the user).
    people_lists: child lists that hold the studio's members (a checklist on the form).
    owns_records: every per-studio record belongs to a record of this kind (the studio).
    leader_first also marks the kind the studio's leader is a record of: its section offers
        更换领衔人….

    The section of the main window that lists the kind (every per-studio kind has one):
    section: its title in both languages (None: the kind's declared label and English name).
    columns: the fields and extras its table shows, in order (empty: the shown fields, long
        texts left out, at most eight).
    totals: (label column, ((column, unit), ...)) summed under the list, units as above; a
        SESSIONS figure counts the rows and stands under its column.
    balance: (direction field, amount field): the list totals income, expense and the balance
        instead (funds).

    The figures:
    counted: the kind has a `<kind>_count` figure (records as of the period).
    count_words: that figure's (Chinese label, English label, unit 项 or 对); None: "累计登记…".

    cite: how a document citing a record reads it, `cite(record, title)` -> Cited (title: as
        the assessment lists it); None: by that title alone.

    checklist: the records are notices with required items (ledger/notices.py): the section
        shows the chosen record's items, ticks them done, opens what produces each and prints
        the checklist.
    """

    validate: Validate | None = None
    constraints: tuple[OnePer, ...] = ()
    defaults: dict[str, Any] = field(default_factory=dict)
    extras: tuple[Extra, ...] = ()
    span: Span | None = None
    evidence_at_end: bool = False
    later: dict[str, tuple[str, ...]] = field(default_factory=dict)
    known_at_end: Callable[[dict, dict, Any], None] | None = None
    picker_order: str | None = None
    leader_first: bool = False
    is_file: bool = False
    hidden_fields: frozenset[str] = frozenset()
    people_lists: frozenset[str] = frozenset()
    owns_records: bool = False
    section: Both | None = None
    columns: tuple[str, ...] = ()
    totals: tuple[str, tuple[tuple[str, str], ...]] | None = None
    balance: tuple[str, str] | None = None
    counted: bool = True
    count_words: tuple[str, str, str] | None = None
    cite: Callable[[dict, str], Cited] | None = None
    checklist: bool = False
