"""Peewee models, built from the declarations in store/schema.py.

`database` is the one database object; it is bound to a file by store.ledger.open_ledger().
Every ledger row has `uid`, `created_at`, `updated_at`, `version`, `deleted_at` and (but for
the studio itself) its owning `studio`. A child table's rows belong to one parent record.
"""

from __future__ import annotations

import peewee as pw

from laomo_desktop.store import schema as S
from laomo_desktop.store.dbguard import LedgerDatabase

# Every transaction takes the write lock at BEGIN, so two writers never deadlock half-way.
database = LedgerDatabase(None, lock_type="IMMEDIATE")


class BaseModel(pw.Model):
    class Meta:
        database = database


class AuditEntry(BaseModel):
    at = pw.TextField()
    actor = pw.TextField()
    action = pw.TextField()
    kind = pw.TextField()
    record_uid = pw.TextField(null=True)
    studio_uid = pw.TextField(null=True)
    summary = pw.TextField(default="")
    # the same summary in English; entries written before migration 5 have "" (the SQL default
    # the migration's ALTER TABLE needs, declared here too so both ways make the same table)
    summary_en = pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])
    before = pw.TextField(null=True)
    after = pw.TextField(null=True)

    class Meta:
        table_name = "audit_entry"
        indexes = ((("record_uid",), False), (("studio_uid", "at"), False))


def _column(f: S.Field, models: dict[str, type[pw.Model]]) -> pw.Field:
    if f.type == S.REF:
        return pw.ForeignKeyField(models[f.ref], null=True, on_delete="RESTRICT",
                                  column_name=f.column, backref="+")
    if f.type == S.BOOL:
        return pw.BooleanField(default=False)
    if f.type in (S.INT, S.YEAR, S.MONEY):
        return pw.IntegerField(null=True)
    if f.type == S.FLOAT:
        return pw.FloatField(null=True)
    return pw.TextField(null=True)


def _live_order_index(kind: S.Kind, model: type[pw.Model]) -> None:
    """A dated kind's live records in the order its lists show them (newest first), for a list
    over every studio: an index of the records not in the recycle bin by their date or year."""
    column = kind.date_field or ("year" if any(f.name == "year" for f in kind.fields) else None)
    if kind.per_studio and column:
        field = getattr(model, column)
        model.add_index(pw.ModelIndex(model, (field,), where=model.deleted_at.is_null(True),
                                      name=f"{kind.table}_live_{column}"))


def _build() -> tuple[dict[str, type[pw.Model]], dict[tuple[str, str], type[pw.Model]]]:
    models: dict[str, type[pw.Model]] = {}
    children: dict[tuple[str, str], type[pw.Model]] = {}
    for kind in S.KINDS:
        attrs: dict = {
            "uid": pw.CharField(max_length=36, unique=True),
            "created_at": pw.TextField(),
            "updated_at": pw.TextField(),
            "version": pw.IntegerField(default=1),
            "deleted_at": pw.TextField(null=True),
        }
        indexes = []
        if kind.per_studio:
            attrs["studio"] = pw.ForeignKeyField(models["studio"], on_delete="RESTRICT",
                                                 column_name="studio_id", backref="+")
            indexes = [((("studio",) + tuple(ix)), False) for ix in kind.indexes]
        for f in kind.fields:
            attrs[f.name] = _column(f, {**models, kind.name: "self"} if f.ref == kind.name
                                    else models)
        attrs["Meta"] = type("Meta", (), {"table_name": kind.table, "indexes": tuple(indexes)})
        model = type(kind.name.title().replace("_", ""), (BaseModel,), attrs)
        _live_order_index(kind, model)
        models[kind.name] = model
        for child in kind.children:
            cattrs: dict = {
                "parent": pw.ForeignKeyField(model, on_delete="CASCADE", column_name="parent_id", index=False,
                                             backref="+"),
                "position": pw.IntegerField(default=0),
            }
            for f in child.fields:
                cattrs[f.name] = _column(f, models)
            cattrs["Meta"] = type("Meta", (), {
                "table_name": child.table,
                "indexes": (((("parent", "position")), False),),
            })
            cname = "".join(p.title() for p in child.table.split("_"))
            children[(kind.name, child.name)] = type(cname, (BaseModel,), cattrs)
    return models, children


MODELS, CHILD_MODELS = _build()


# --- exchange of data packages (schema version 2) ------------------------------------------

class ExportLog(BaseModel):
    """Each package this installation wrote to a target; `sequence` counts per studio."""

    studio_uid = pw.TextField()
    sequence = pw.IntegerField()
    package_uid = pw.TextField()
    file_name = pw.TextField()
    sha256 = pw.TextField()
    size = pw.IntegerField()
    created_at = pw.TextField()
    target = pw.TextField()

    class Meta:
        table_name = "export_log"
        indexes = ((("studio_uid", "sequence"), False),)


class TrustedKey(BaseModel):
    """The signing key pinned for a studio whose packages this ledger imports."""

    studio_uid = pw.CharField(max_length=36, unique=True)  # one key per studio
    studio_name = pw.TextField()
    fingerprint = pw.TextField()
    public_key = pw.TextField()  # the raw 32-byte Ed25519 public key, lower-case hex
    trusted_at = pw.TextField()

    class Meta:
        table_name = "trusted_key"


class ImportedStudio(BaseModel):
    """A studio whose records come from its packages: read-only in this ledger."""

    studio = pw.ForeignKeyField(MODELS["studio"], on_delete="RESTRICT", column_name="studio_id",
                                unique=True, backref="+")
    fingerprint = pw.TextField()
    last_sequence = pw.IntegerField()
    last_package_at = pw.TextField()

    class Meta:
        table_name = "imported_studio"


class ImportLog(BaseModel):
    package_uid = pw.CharField(max_length=36, unique=True)
    studio_uid = pw.TextField()
    sequence = pw.IntegerField()
    file_name = pw.TextField()
    imported_at = pw.TextField()
    actor = pw.TextField()
    result = pw.TextField()  # JSON: per-kind counts, warnings, conflicts

    class Meta:
        table_name = "import_log"
        indexes = ((("studio_uid", "sequence"), False),)


class Conflict(BaseModel):
    """An incoming record with the same version as ours but different content: kept, not applied."""

    package_uid = pw.TextField()
    kind = pw.TextField()
    record_uid = pw.TextField()
    local = pw.TextField()
    incoming = pw.TextField()
    created_at = pw.TextField()
    resolved_at = pw.TextField(null=True)

    class Meta:
        table_name = "conflict"
        indexes = ((("record_uid",), False),)


EXCHANGE_MODELS: list[type[pw.Model]] = [ExportLog, TrustedKey, ImportedStudio, ImportLog,
                                         Conflict]


# ---- offices above offices (issue 16 §5; ledger/offices.py, migration step 10) ------------

class Office(BaseModel):
    """This ledger's own union office (`own`) and the offices below whose packages it imported."""

    uid = pw.CharField(max_length=36, unique=True)
    name = pw.TextField()
    code = pw.TextField(null=True)
    level = pw.TextField()  # E.OfficeLevel
    own = pw.IntegerField(default=0)
    last_sequence = pw.IntegerField(default=0)
    last_package_at = pw.TextField(null=True)

    class Meta:
        table_name = "office"


class OfficeYear(BaseModel):
    """The targets an office below set itself for a year (from its newest package)."""

    office_uid = pw.TextField()
    year = pw.IntegerField()
    targets = pw.TextField()  # JSON
    package_uid = pw.TextField()

    class Meta:
        table_name = "office_year"
        indexes = ((("office_uid", "year"), True),)


class OfficeImportLog(BaseModel):
    package_uid = pw.CharField(max_length=36, unique=True)
    office_uid = pw.TextField()
    sequence = pw.IntegerField()
    year = pw.IntegerField()
    file_name = pw.TextField()
    imported_at = pw.TextField()
    actor = pw.TextField()
    result = pw.TextField()  # JSON

    class Meta:
        table_name = "office_import_log"


class StudioRoute(BaseModel):
    """Which office below a studio's package came through, for a statistics year."""

    studio_uid = pw.TextField()
    office_uid = pw.TextField()
    year = pw.IntegerField()
    package_uid = pw.TextField()
    sequence = pw.IntegerField()
    content = pw.TextField()  # SHA-256 of the package's record files (exchange/office.py)
    arrived_at = pw.TextField()

    class Meta:
        table_name = "studio_route"
        indexes = ((("studio_uid", "office_uid", "year"), True),)


class ForwardPackage(BaseModel):
    """The newest imported package of each studio, kept in forward/ to send further up."""

    studio_uid = pw.CharField(max_length=36, unique=True)
    package_uid = pw.TextField()
    sequence = pw.IntegerField()
    file_name = pw.TextField()
    sha256 = pw.TextField()
    size = pw.IntegerField()
    kept_at = pw.TextField()

    class Meta:
        table_name = "forward_package"


OFFICE_MODELS: list[type[pw.Model]] = [Office, OfficeYear, OfficeImportLog, StudioRoute,
                                       ForwardPackage]


class UnionColumn(BaseModel):
    """A figure the union summary shows, by its metric key, at its position (ledger/unioncolumns)."""

    position = pw.IntegerField(primary_key=True)
    metric = pw.TextField()

    class Meta:
        table_name = "union_column"


UNION_MODELS: list[type[pw.Model]] = [UnionColumn]
# ---- notices from the office to its studios (issue 16 §1; exchange/noticepkg.py, step 11) ----

class OfficeNotice(BaseModel):
    """A notice this union office wrote to send to its studios (ledger/officenotices.py)."""

    uid = pw.CharField(max_length=36, unique=True)
    revision = pw.IntegerField()           # raised by every saved change
    body = pw.TextField()                  # JSON: fields, items (with keys), attachments
    created_at = pw.TextField()
    updated_at = pw.TextField()
    sent_revision = pw.IntegerField(default=0)  # the newest revision exported

    class Meta:
        table_name = "office_notice"


class NoticeOrigin(BaseModel):
    """A studio's notice that came from an office's notice package (exchange/noticeimport.py):
    which office, which of its notices and revisions, and the office's items as last sent."""

    notice_uid = pw.CharField(max_length=36, unique=True)   # the studio's notice record
    studio_uid = pw.TextField()
    office_notice_uid = pw.TextField()
    office_uid = pw.TextField()
    office_name = pw.TextField()
    office_level = pw.TextField()
    fingerprint = pw.TextField()
    revision = pw.IntegerField()
    package_uid = pw.TextField()
    items = pw.TextField()                 # JSON: the office's items of that revision
    imported_at = pw.TextField()

    class Meta:
        table_name = "notice_origin"
        indexes = ((("office_notice_uid", "studio_uid"), True),)


class NoticeImportLog(BaseModel):
    package_uid = pw.CharField(max_length=36, unique=True)
    office_uid = pw.TextField()
    office_notice_uid = pw.TextField()
    revision = pw.IntegerField()
    studio_uid = pw.TextField()
    file_name = pw.TextField()
    imported_at = pw.TextField()
    actor = pw.TextField()

    class Meta:
        table_name = "notice_import_log"


NOTICE_EXCHANGE_MODELS: list[type[pw.Model]] = [OfficeNotice, NoticeOrigin, NoticeImportLog]


class LedgerInfo(BaseModel):
    """Facts about the ledger file itself: its uid (which recognises its own journal)."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()

    class Meta:
        table_name = "ledger_info"


def all_models() -> list[type[pw.Model]]:
    """Every table, parents before children, in creation order."""
    out: list[type[pw.Model]] = []
    for kind in S.KINDS:
        out.append(MODELS[kind.name])
        out.extend(CHILD_MODELS[(kind.name, c.name)] for c in kind.children)
    out.append(AuditEntry)
    out.extend(EXCHANGE_MODELS)
    out.extend(OFFICE_MODELS)
    out.extend(UNION_MODELS)
    out.extend(NOTICE_EXCHANGE_MODELS)
    return out


def file_models() -> list[type[pw.Model]]:
    """Tables about the file itself rather than the ledger's content."""
    return [LedgerInfo]


# Columns no model has: a child list's length kept on its parent's row by the row writer
# (store/rows.py), never part of a record (a form, a package); and the indexes the union's
# figures read, which hold one. Step 15 made them (store/steps_year.py); here is what the schema
# holds today, which a ledger made from these models gets from `derived`.
COUNTED = {("activity", "attendees"): "attendee_count"}  # (kind, child list) -> parent column
FIGURES_INDEXES = {  # ledger/union.py reads them by name (INDEXED BY)
    "activity": ("type", "date", "studio_id", "attendee_count", "outside_count", "deleted_at"),
    "result": ("date", "studio_id", "type", "deleted_at"),
    "fund": ("date", "studio_id", "direction", "amount_fen", "grant_id", "alliance_id",
             "deleted_at"),
}


def figures_index(table: str) -> str:
    return f"{table}_live_figures"


def derived(db: pw.Database) -> None:
    """The counted columns and the figures' indexes, on tables made from the models."""
    for (kind, _child), column in COUNTED.items():
        db.execute_sql(f'ALTER TABLE "{S.kind(kind).table}" ADD COLUMN "{column}" '
                       "INTEGER NOT NULL DEFAULT 0")
    for table, columns in FIGURES_INDEXES.items():
        listed = ", ".join(f'"{c}"' for c in columns)
        db.execute_sql(f'CREATE INDEX "{figures_index(table)}" ON "{table}" ({listed}) '
                       "WHERE deleted_at IS NULL")
