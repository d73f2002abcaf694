"""Which personal fields travel in a data package, and what the union office knows it lacks.

A studio's ledger holds personal data of its members (sex, birth date, education, phone) and
the studio's contact phone. The union office needs none of it for its statistics or the
review (docs/package-format.md, "Personal data"), so a package leaves those fields out unless
the studio ticks them; what was left out is written in the signed manifest as
`omitted_fields` ({kind: [field, ...]}) and the fields are null in the records.

At the office the withheld fields of the studio's newest package hold: they are cleared from
the office's copy (the studio chose not to share them any more) and shown as "未提供", never
as an empty value. The state lives in the import log's result (no schema change): the latest
import of a studio records the fields withheld from then on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from laomo_desktop.errors import LaomoError
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Joined, Text

MANIFEST_KEY = "omitted_fields"  # the manifest's key, part of the package format

LIST = Both("、", ", ")
CHOICE = Text("{name}（{label}）", "{name} ({label})")
UNKNOWN = Text("不认识的字段“{names}”。可以选择加入的个人信息有：{choices}，或 all（全部）。",
               'Unknown field "{names}". The personal data that may be included: {choices}, '
               "or all (every one).")


@dataclass(frozen=True)
class Personal:
    """A personal field the studio may choose to send: its --include name and its place."""

    name: str
    kind: str
    field: str

    @property
    def label(self) -> str:
        """Chinese, from the declarations: 成员出生日期."""
        return S.kind(self.kind).label + S.kind(self.kind).field(self.field).label

    @property
    def en(self) -> str:
        """English, from the declarations: Member: Birth date."""
        return f"{S.kind(self.kind).en}: {S.kind(self.kind).field(self.field).en}"


OPTIONAL: tuple[Personal, ...] = (
    Personal("sex", "member", "sex"),
    Personal("birth_date", "member", "birth_date"),
    Personal("education", "member", "education"),
    Personal("phone", "member", "phone"),
    Personal("contact_phone", "studio", "contact_phone"),
)
BY_NAME = {o.name: o for o in OPTIONAL}

Withheld = dict[str, frozenset[str]]  # kind -> field names


def choices_text(sep: str | None = None) -> Joined:
    """The --include names with their labels, for help texts and error messages (worded when
    shown; `sep` for both languages, else 、 or ", ")."""
    return Joined(tuple(CHOICE(name=o.name, label=o) for o in OPTIONAL),
                  LIST.zh if sep is None else sep, LIST.en if sep is None else sep)


def parse_include(text: str | Iterable[str] | None) -> frozenset[str]:
    """The optional fields named in `text` ("phone,birth_date" or a list; "all" for every one);
    LaomoError naming the valid names for anything else."""
    if text is None:
        return frozenset()
    parts = text.split(",") if isinstance(text, str) else list(text)
    names = {p.strip() for p in parts if p.strip()}
    if "all" in names:
        return frozenset(BY_NAME)
    unknown = sorted(names - set(BY_NAME))
    if unknown:
        raise LaomoError(UNKNOWN(names=unknown, choices=choices_text()))
    return frozenset(names)


def omitted_for(include: str | Iterable[str] | None) -> dict[str, list[str]]:
    """{kind: [field, ...]} of the optional fields not included, in declaration order."""
    chosen = parse_include(include)
    out: dict[str, list[str]] = {}
    for o in OPTIONAL:
        if o.name not in chosen:
            out.setdefault(o.kind, []).append(o.field)
    return out


def _empty(kind: S.Kind, name: str) -> object:
    return False if kind.field(name).type == S.BOOL else None


def strip(kind: S.Kind, records: list[dict], fields: Iterable[str]) -> None:
    """Set the withheld fields of records (in place) to their empty value."""
    empties = {name: _empty(kind, name) for name in fields}
    for r in records:
        r.update(empties)


# --- reading a manifest ----------------------------------------------------------------------

def valid_manifest_entry(value: object) -> bool:
    """Whether a manifest's `omitted_fields` (optional: absent in packages written before it
    existed) names declared, non-required fields of record kinds, each once."""
    if value is None:
        return True
    if not isinstance(value, dict):
        return False
    for kind_name, fields in value.items():
        if kind_name not in S.BY_NAME or not isinstance(fields, list):
            return False
        kind = S.kind(kind_name)
        declared = {f.name: f for f in kind.fields}
        if len(set(map(str, fields))) != len(fields):
            return False
        for name in fields:
            if not isinstance(name, str) or name not in declared or declared[name].required:
                return False
    return True


def package_withheld(manifest: Mapping) -> Withheld:
    """The fields a (checked) package left out; none for a package without the key."""
    return {k: frozenset(v) for k, v in (manifest.get(MANIFEST_KEY) or {}).items() if v}


def labels(withheld: Mapping[str, Iterable[str]]) -> list[Both]:
    """Labels of withheld fields ("成员出生日期" / "Member: Birth date", worded when shown): the
    optional ones in OPTIONAL's order, then any other (a newer program's) in declaration order."""
    sets = {k: set(v) for k, v in withheld.items()}
    out = [Both(o.label, o.en) for o in OPTIONAL if o.field in sets.get(o.kind, ())]
    for kind in S.KINDS:
        out += [Both(kind.label + f.label, f"{kind.en}: {f.en}") for f in kind.fields
                if f.name in sets.get(kind.name, ())
                and not any(o.kind == kind.name and o.field == f.name for o in OPTIONAL)]
    return out


# --- at the union office -----------------------------------------------------------------------

def _logged(result: str) -> Withheld:
    try:
        saved = json.loads(result).get(MANIFEST_KEY) or {}
    except (ValueError, AttributeError):
        return {}
    return {k: frozenset(v) for k, v in saved.items() if v}


def withheld(studio_uid: str) -> Withheld:
    """The fields the studio's newest imported package withheld (none for a studio of this
    ledger, or one whose packages were all written before fields could be withheld)."""
    from laomo_desktop.store.models import ImportLog  # not at import: `laomo --help` reads this

    row = (ImportLog.select(ImportLog.result).where(ImportLog.studio_uid == studio_uid)
           .order_by(ImportLog.id.desc()).first())
    return {} if row is None else _logged(row.result)


def withheld_by_studio() -> dict[str, Withheld]:
    """withheld() of every imported studio, in one query (the union page lists them all)."""
    from laomo_desktop.store.models import database

    rows = database.execute_sql(
        "SELECT studio_uid, result FROM import_log WHERE id IN "
        "(SELECT max(id) FROM import_log GROUP BY studio_uid)")
    return {uid: _logged(result) for uid, result in rows}


def withheld_after(manifest: Mapping, studio_id: int | None, before: Withheld) -> Withheld:
    """What is withheld once this package is imported: its own choice when it is the studio's
    newest package (by creation time), else `before`, the choice of the newest one imported."""
    from laomo_desktop.ledger.records import imported_row

    row = imported_row(studio_id)
    made = str(manifest.get("created_at", ""))
    if row is None or made > row[2] or (made == row[2] and manifest.get("sequence", 0) >= row[1]):
        return package_withheld(manifest)
    return before


@dataclass
class Incoming:
    """A package's records seen against what the office holds, as far as withheld fields go."""

    after: Withheld            # withheld once the package is imported
    masks: Withheld            # emptied in the incoming records: ignored when comparing
    shared_again: Withheld     # withheld before, carried by this package

    def compare(self, kind_name: str, ours: dict, theirs: dict) -> str:
        """For a record of the same version here and in the package: "unchanged";
        "refresh" when it differs only in fields the studio shares again (the office takes
        them: they are not a conflict); "conflict" otherwise."""
        masked = self.masks.get(kind_name, frozenset())
        if same(ours, theirs, masked):
            return "unchanged"
        if same(ours, theirs, masked | self.shared_again.get(kind_name, frozenset())):
            return "refresh"
        return "conflict"


def prepare(records: Mapping[str, list[dict]], manifest: Mapping, studio_uid: str,
            studio_id: int | None) -> Incoming:
    """Empty, in the incoming records (in place), every field the package left out or that stays
    withheld after it; the rest of the comparison is Incoming.compare's."""
    before = withheld(studio_uid) if studio_id else {}
    after = withheld_after(manifest, studio_id, before)
    own = package_withheld(manifest)
    masks = {k: own.get(k, frozenset()) | after.get(k, frozenset()) for k in {*own, *after}}
    for kind_name, fields in masks.items():
        strip(S.kind(kind_name), records.get(kind_name, []), fields)
    again = {k: v - masks.get(k, frozenset()) for k, v in before.items()}
    return Incoming(after, masks, {k: v for k, v in again.items() if v})


def same(ours: dict, theirs: dict, masked: frozenset[str] | None) -> bool:
    """Whether two copies of a record agree but for the masked fields."""
    if not masked:
        return ours == theirs
    return ({k: v for k, v in ours.items() if k not in masked}
            == {k: v for k, v in theirs.items() if k not in masked})


def clear(studio_id: int, studio_uid: str, after: Withheld) -> None:
    """Empty the withheld fields in the office's copy of every record of the studio, and in the
    copies its conflicts keep (the caller holds the import's transaction, after the import is
    logged). Versions stay: the studio's records did not change."""
    from laomo_desktop.store.models import database

    for kind_name, fields in after.items():
        kind = S.kind(kind_name)
        owner = "studio_id" if kind.per_studio else "id"
        for name in sorted(fields):
            column = kind.field(name).column
            database.execute_sql(f'UPDATE "{kind.table}" SET "{column}" = ? WHERE "{owner}" = ?',
                                 (_empty(kind, name), studio_id))
    if not after:
        return
    rows = database.execute_sql(
        'SELECT c.id, c.kind, c.local, c.incoming FROM "conflict" c JOIN "import_log" l '
        'ON l.package_uid = c.package_uid WHERE l.studio_uid = ?', (studio_uid,)).fetchall()
    for cid, kind_name, *copies in rows:
        fields = after.get(kind_name)
        if not fields:
            continue
        scrubbed = []
        for text in copies:
            record = json.loads(text)
            strip(S.kind(kind_name), [record], fields)
            scrubbed.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
        database.execute_sql('UPDATE "conflict" SET "local" = ?, "incoming" = ? WHERE "id" = ?',
                             (*scrubbed, cid))


def log_entry(after: Withheld) -> dict[str, list[str]]:
    """`after` as the import log keeps it (JSON)."""
    return {k: sorted(v) for k, v in sorted(after.items()) if v}
