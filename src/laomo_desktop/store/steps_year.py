"""The schema steps of the union's year (issue 16): registers (6), grants (7), notices (8),
offices (10), notices sent by an office (11), alliances (12), the union summary's columns (13)
and the lists' order index (14), each as frozen DDL and the function that applies it; listed
in order in store/migrations.py STEPS. A step never changes once released: a later change is
a new step."""

from __future__ import annotations

import datetime
import uuid

import peewee as pw

# Step 6: the registers unions count (issue 16 §3): rationalisation proposals, QC groups,
# services to firms; the 出师 grade, allowance, renewal and records of a mentoring pair. Frozen
# DDL, as peewee generated it once for the models declared in store/schema.py.
_V6 = (
    'CREATE TABLE "proposal" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "version" INTEGER NOT NULL, '
    '"deleted_at" TEXT, "studio_id" INTEGER NOT NULL, "title" TEXT, "date" TEXT, "content" '
    'TEXT, "status" TEXT, "reviewed_on" TEXT, "adopted_on" TEXT, "implemented_on" TEXT, '
    '"accepted_on" TEXT, "amount_fen" INTEGER, "department" TEXT, FOREIGN KEY ("studio_id") '
    'REFERENCES "studio" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "proposal_uid" ON "proposal" ("uid")',
    'CREATE INDEX "proposal_studio_id" ON "proposal" ("studio_id")',
    'CREATE INDEX "proposal_studio_id_date" ON "proposal" ("studio_id", "date")',
    'CREATE TABLE "proposal_proposer" ("id" INTEGER NOT NULL PRIMARY KEY, "parent_id" INTEGER '
    'NOT NULL, "position" INTEGER NOT NULL, "member_id" INTEGER, FOREIGN KEY ("parent_id") '
    'REFERENCES "proposal" ("id") ON DELETE CASCADE, FOREIGN KEY ("member_id") REFERENCES '
    '"member" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "proposalproposer_member_id" ON "proposal_proposer" ("member_id")',
    'CREATE INDEX "proposalproposer_parent_id_position" ON "proposal_proposer" ("parent_id", '
    '"position")',
    'CREATE TABLE "qc_group" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "version" INTEGER NOT NULL, '
    '"deleted_at" TEXT, "studio_id" INTEGER NOT NULL, "year" INTEGER, "name" TEXT, '
    '"registration_no" TEXT, "topic" TEXT, "leader_id" INTEGER, "stage" TEXT, "result" TEXT, '
    '"award_level" TEXT, "award_grade" TEXT, FOREIGN KEY ("studio_id") REFERENCES "studio" '
    '("id") ON DELETE RESTRICT, FOREIGN KEY ("leader_id") REFERENCES "member" ("id") ON DELETE '
    'RESTRICT)',
    'CREATE UNIQUE INDEX "qcgroup_uid" ON "qc_group" ("uid")',
    'CREATE INDEX "qcgroup_studio_id" ON "qc_group" ("studio_id")',
    'CREATE INDEX "qcgroup_leader_id" ON "qc_group" ("leader_id")',
    'CREATE INDEX "qcgroup_studio_id_year" ON "qc_group" ("studio_id", "year")',
    'CREATE TABLE "qc_group_member" ("id" INTEGER NOT NULL PRIMARY KEY, "parent_id" INTEGER NOT'
    ' NULL, "position" INTEGER NOT NULL, "member_id" INTEGER, FOREIGN KEY ("parent_id") '
    'REFERENCES "qc_group" ("id") ON DELETE CASCADE, FOREIGN KEY ("member_id") REFERENCES '
    '"member" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "qcgroupmember_member_id" ON "qc_group_member" ("member_id")',
    'CREATE INDEX "qcgroupmember_parent_id_position" ON "qc_group_member" ("parent_id", '
    '"position")',
    'CREATE TABLE "firm_service" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT '
    'NULL, "created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "version" INTEGER NOT NULL, '
    '"deleted_at" TEXT, "studio_id" INTEGER NOT NULL, "date" TEXT, "firm" TEXT, "problem" TEXT,'
    ' "solved" INTEGER NOT NULL, "trained" INTEGER, "solution" TEXT, FOREIGN KEY ("studio_id") '
    'REFERENCES "studio" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "firmservice_uid" ON "firm_service" ("uid")',
    'CREATE INDEX "firmservice_studio_id" ON "firm_service" ("studio_id")',
    'CREATE INDEX "firmservice_studio_id_date" ON "firm_service" ("studio_id", "date")',
    'CREATE TABLE "firm_service_server" ("id" INTEGER NOT NULL PRIMARY KEY, "parent_id" INTEGER'
    ' NOT NULL, "position" INTEGER NOT NULL, "member_id" INTEGER, FOREIGN KEY ("parent_id") '
    'REFERENCES "firm_service" ("id") ON DELETE CASCADE, FOREIGN KEY ("member_id") REFERENCES '
    '"member" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "firmserviceserver_member_id" ON "firm_service_server" ("member_id")',
    'CREATE INDEX "firmserviceserver_parent_id_position" ON "firm_service_server" ("parent_id",'
    ' "position")',
    'CREATE TABLE "mentorship_record" ("id" INTEGER NOT NULL PRIMARY KEY, "parent_id" INTEGER '
    'NOT NULL, "position" INTEGER NOT NULL, "date" TEXT, "content" TEXT, FOREIGN KEY '
    '("parent_id") REFERENCES "mentorship" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "mentorshiprecord_parent_id_position" ON "mentorship_record" ("parent_id", '
    '"position")',
    'ALTER TABLE "mentorship" ADD COLUMN "grade" TEXT',
    'ALTER TABLE "mentorship" ADD COLUMN "allowance_fen" INTEGER',
    'ALTER TABLE "mentorship" ADD COLUMN "renewed_on" TEXT',
    'ALTER TABLE "mentorship" ADD COLUMN "renewed_months" INTEGER',
)


def v6(db: pw.Database) -> None:
    for stmt in _V6:
        db.execute_sql(stmt)


# Step 7: grants (补助资金), and a fund entry's reference to the grant it is drawn on. Frozen DDL,
# as peewee generated it for the declarations (store/schema.py GRANT, FUND.grant).
_V7 = (
    'CREATE TABLE "grant" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "version" INTEGER NOT NULL, '
    '"deleted_at" TEXT, "studio_id" INTEGER NOT NULL, "name" TEXT, "body" TEXT, '
    '"doc_no" TEXT, "amount_fen" INTEGER, "received_on" TEXT, "categories" TEXT, '
    '"period_from" TEXT, "period_to" TEXT, "conditions" TEXT, '
    'FOREIGN KEY ("studio_id") REFERENCES "studio" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "grant_uid" ON "grant" ("uid")',
    'CREATE INDEX "grant_studio_id" ON "grant" ("studio_id")',
    'CREATE INDEX "grant_studio_id_received_on" ON "grant" ("studio_id", "received_on")',
    'ALTER TABLE "fund" ADD COLUMN "grant_id" INTEGER '
    'REFERENCES "grant" ("id") ON DELETE RESTRICT',
    'CREATE INDEX "fund_grant_id" ON "fund" ("grant_id")',
)


def v7(db: pw.Database) -> None:
    for stmt in _V7:
        db.execute_sql(stmt)


# Step 8: notices (通知) and their required items (issue 16 §1). Frozen DDL, as peewee generated
# it for the kind "notice" declared in store/schema.py.
_V8 = (
    'CREATE TABLE "notice" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "version" INTEGER NOT NULL, '
    '"deleted_at" TEXT, "studio_id" INTEGER NOT NULL, "issuer" TEXT, "doc_no" TEXT, '
    '"title" TEXT, "received_on" TEXT, "due_on" TEXT, "closed_on" TEXT, "note" TEXT, '
    'FOREIGN KEY ("studio_id") REFERENCES "studio" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "notice_uid" ON "notice" ("uid")',
    'CREATE INDEX "notice_studio_id" ON "notice" ("studio_id")',
    'CREATE INDEX "notice_studio_id_due_on" ON "notice" ("studio_id", "due_on")',
    'CREATE TABLE "notice_item" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"parent_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "what" TEXT, "source" TEXT, '
    '"done" INTEGER NOT NULL, "done_on" TEXT, '
    'FOREIGN KEY ("parent_id") REFERENCES "notice" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "noticeitem_parent_id_position" ON "notice_item" ("parent_id", "position")',
)


def v8(db: pw.Database) -> None:
    for stmt in _V8:
        db.execute_sql(stmt)


# Step 10: offices above offices (ledger/offices.py): this ledger's own office and the offices
# below it whose packages it imported, each office package imported, which office each studio
# came through (per statistics year), and the studio packages kept to forward to the level above.
_V10 = (
    'CREATE TABLE "office" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"name" TEXT NOT NULL, "code" TEXT, "level" TEXT NOT NULL, "own" INTEGER NOT NULL, '
    '"last_sequence" INTEGER NOT NULL, "last_package_at" TEXT)',
    'CREATE UNIQUE INDEX "office_uid" ON "office" ("uid")',
    'CREATE TABLE "office_year" ("id" INTEGER NOT NULL PRIMARY KEY, "office_uid" TEXT NOT NULL, '
    '"year" INTEGER NOT NULL, "targets" TEXT NOT NULL, "package_uid" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "officeyear_office_uid_year" ON "office_year" ("office_uid", "year")',
    'CREATE TABLE "office_import_log" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"package_uid" VARCHAR(36) NOT NULL, "office_uid" TEXT NOT NULL, '
    '"sequence" INTEGER NOT NULL, "year" INTEGER NOT NULL, "file_name" TEXT NOT NULL, '
    '"imported_at" TEXT NOT NULL, "actor" TEXT NOT NULL, "result" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "officeimportlog_package_uid" ON "office_import_log" ("package_uid")',
    'CREATE TABLE "studio_route" ("id" INTEGER NOT NULL PRIMARY KEY, "studio_uid" TEXT NOT NULL, '
    '"office_uid" TEXT NOT NULL, "year" INTEGER NOT NULL, "package_uid" TEXT NOT NULL, '
    '"sequence" INTEGER NOT NULL, "content" TEXT NOT NULL, "arrived_at" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "studioroute_studio_uid_office_uid_year" ON "studio_route" '
    '("studio_uid", "office_uid", "year")',
    'CREATE TABLE "forward_package" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"studio_uid" VARCHAR(36) NOT NULL, "package_uid" TEXT NOT NULL, '
    '"sequence" INTEGER NOT NULL, "file_name" TEXT NOT NULL, "sha256" TEXT NOT NULL, '
    '"size" INTEGER NOT NULL, "kept_at" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "forwardpackage_studio_uid" ON "forward_package" ("studio_uid")',
)


def v10(db: pw.Database) -> None:
    for stmt in _V10:
        db.execute_sql(stmt)


# Step 11: the office's own notices to send to its studios, and where a studio's notice came
# from (issue 16 §1, exchange/noticepkg.py). Frozen DDL, as peewee generated it for the models
# OfficeNotice, NoticeOrigin and NoticeImportLog in store/models.py. Records are unchanged.
_V11 = (
    'CREATE TABLE "office_notice" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"revision" INTEGER NOT NULL, "body" TEXT NOT NULL, "created_at" TEXT NOT NULL, '
    '"updated_at" TEXT NOT NULL, "sent_revision" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "officenotice_uid" ON "office_notice" ("uid")',
    'CREATE TABLE "notice_origin" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"notice_uid" VARCHAR(36) NOT NULL, "studio_uid" TEXT NOT NULL, '
    '"office_notice_uid" TEXT NOT NULL, "office_uid" TEXT NOT NULL, "office_name" TEXT NOT NULL, '
    '"office_level" TEXT NOT NULL, "fingerprint" TEXT NOT NULL, "revision" INTEGER NOT NULL, '
    '"package_uid" TEXT NOT NULL, "items" TEXT NOT NULL, "imported_at" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "noticeorigin_notice_uid" ON "notice_origin" ("notice_uid")',
    'CREATE UNIQUE INDEX "noticeorigin_office_notice_uid_studio_uid" ON "notice_origin" '
    '("office_notice_uid", "studio_uid")',
    'CREATE TABLE "notice_import_log" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"package_uid" VARCHAR(36) NOT NULL, "office_uid" TEXT NOT NULL, '
    '"office_notice_uid" TEXT NOT NULL, "revision" INTEGER NOT NULL, "studio_uid" TEXT NOT NULL, '
    '"file_name" TEXT NOT NULL, "imported_at" TEXT NOT NULL, "actor" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "noticeimportlog_package_uid" ON "notice_import_log" ("package_uid")',
)


def v11(db: pw.Database) -> None:
    for stmt in _V11:
        db.execute_sql(stmt)


# Step 12 (issue 16 §3): alliances (联盟) as records of their own, with member studios and yearly
# plans; projects and fund entries may be tied to one. The name and role a studio profile
# listed (studio_alliance) become alliance records and the old list goes, so the fact is kept
# once. Frozen DDL, as peewee generated it for store/schema.py ALLIANCE, PROJECT and FUND.
_V12 = (
    'CREATE TABLE "alliance" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "version" INTEGER NOT NULL, '
    '"deleted_at" TEXT, "studio_id" INTEGER NOT NULL, "name" TEXT, "role" TEXT, '
    '"founded_on" TEXT, "lead_studio" TEXT, "joined_on" TEXT, "left_on" TEXT, "aims" TEXT, '
    'FOREIGN KEY ("studio_id") REFERENCES "studio" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "alliance_uid" ON "alliance" ("uid")',
    'CREATE INDEX "alliance_studio_id" ON "alliance" ("studio_id")',
    'CREATE INDEX "alliance_studio_id_joined_on" ON "alliance" ("studio_id", "joined_on")',
    'CREATE TABLE "alliance_member" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"parent_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "studio_name" TEXT, '
    '"host_unit" TEXT, "role" TEXT, '
    'FOREIGN KEY ("parent_id") REFERENCES "alliance" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "alliancemember_parent_id_position" ON "alliance_member" ("parent_id", '
    '"position")',
    'CREATE TABLE "alliance_plan" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"parent_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "year" INTEGER, '
    '"joint_projects" INTEGER, "tasks" TEXT, '
    'FOREIGN KEY ("parent_id") REFERENCES "alliance" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "allianceplan_parent_id_position" ON "alliance_plan" ("parent_id", '
    '"position")',
    'ALTER TABLE "project" ADD COLUMN "alliance_id" INTEGER '
    'REFERENCES "alliance" ("id") ON DELETE RESTRICT',
    'CREATE INDEX "project_alliance_id" ON "project" ("alliance_id")',
    'ALTER TABLE "fund" ADD COLUMN "alliance_id" INTEGER '
    'REFERENCES "alliance" ("id") ON DELETE RESTRICT',
    'CREATE INDEX "fund_alliance_id" ON "fund" ("alliance_id")',
)
_ALLIANCE_NS = uuid.UUID("6f1c2a52-3c1e-4b59-9d0b-8a1e0c7b5a12")


def alliance_uid(studio_uid: str, index: int, name: str) -> str:
    """The uid of the alliance record made of a studio's `index`-th listed alliance: the same
    whether the ledger migrated it or an old package of the studio was imported."""
    return str(uuid.uuid5(_ALLIANCE_NS, f"{studio_uid}/{index}/{name}"))


def v12(db: pw.Database) -> None:

    for stmt in _V12:
        db.execute_sql(stmt)
    rows = db.execute_sql("""
        SELECT s.id, s.uid, a.name, a.role FROM studio_alliance a
        JOIN studio s ON s.id = a.parent_id ORDER BY a.parent_id, a.position, a.id""").fetchall()
    stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")
    index: dict[int, int] = {}
    for sid, studio_uid, name, role in rows:
        i = index[sid] = index.get(sid, -1) + 1
        db.execute_sql(
            "INSERT INTO alliance (uid, created_at, updated_at, version, studio_id, name, role) "
            "VALUES (?, ?, ?, 1, ?, ?, ?)",
            (alliance_uid(studio_uid, i, name or ""), stamp, stamp, sid, name, role))
    db.execute_sql('DROP TABLE "studio_alliance"')


def split_alliances(records: dict[str, list[dict]], schema: int) -> dict[str, list[dict]]:
    """The records of a package written before step 12: each studio's listed alliances become
    alliance records of the studio (what the migration makes of them), the list goes."""
    if schema >= 12:
        return records
    studios, made = [], list(records.get("alliance", []))
    for studio in records.get("studio", []):
        listed = studio.get("alliances")
        studio = {k: v for k, v in studio.items() if k != "alliances"}
        studios.append(studio)
        for i, item in enumerate(listed if isinstance(listed, list) else []):
            if not isinstance(item, dict):
                continue  # not a listed alliance: nothing to carry over
            name = item.get("name")
            made.append({"uid": alliance_uid(studio["uid"], i, name if isinstance(name, str)
                                             else ""),
                         "studio": studio["uid"], "created_at": studio.get("created_at"),
                         "updated_at": studio.get("updated_at"), "version": 1,
                         "deleted_at": None, "name": name, "role": item.get("role")})
    return {**records, "studio": studios, "alliance": made}


# Step 13: the union summary's columns the office chose from the metric registry
# (ledger/unioncolumns.py), in their order; no row: the default columns.
_V13 = ('CREATE TABLE "union_column" ("position" INTEGER NOT NULL PRIMARY KEY, '
        '"metric" TEXT NOT NULL)',)


def v13(db: pw.Database) -> None:
    for stmt in _V13:
        db.execute_sql(stmt)


# Step 14: a list over every studio (a province: 150,000 activities) in its shown order, newest
# first, read from an index of the live records instead of sorting the whole table each time.
# Frozen: the dated kinds' tables and the column that places a record in a year, at this step.
_V14_LIST_ORDER = (
    ("mentorship", "agreement_date"), ("rule", "adopted_on"), ("equipment", "acquired_on"),
    ("plan", "year"), ("project", "start_date"), ("activity", "date"), ("result", "date"),
    ("benefit", "year"), ("grant", "received_on"), ("fund", "date"), ("honour", "year"),
    ("proposal", "date"), ("qc_group", "year"), ("firm_service", "date"), ("notice", "due_on"),
)


def v14(db: pw.Database) -> None:
    for table, column in _V14_LIST_ORDER:
        db.execute_sql(f'CREATE INDEX "{table}_live_{column}" ON "{table}" ("{column}") '
                       "WHERE deleted_at IS NULL")


# Step 15: a province's figures (2,000 studios: 88,000 trainings, 1.7 million attendee rows)
# read from covering indexes of the year's live rows instead of every row of the tables.
# - An activity keeps the number of its member attendees (`attendee_count`) instead of counting
#   its list each time. The row writer sets it wherever it writes the list (store/rows.py,
#   the one writer of child lists); it is not a record's field, no form or package sees it.
#   (Triggers kept it at first: they cost 5 µs per attendee row, 7 ms per studio imported.)
# - `{table}_live_figures`: the columns the union's figures read (ledger/union.py), by date;
#   with `deleted_at` (NULL in all of them), so SQLite knows it need not read the table.
_V15 = (
    'ALTER TABLE "activity" ADD COLUMN "attendee_count" INTEGER NOT NULL DEFAULT 0',
    'UPDATE "activity" SET "attendee_count" = (SELECT count(*) FROM "activity_attendee" x '
    'WHERE x."parent_id" = "activity"."id")',
    'CREATE INDEX "activity_live_figures" ON "activity" ("type", "date", "studio_id", '
    '"attendee_count", "outside_count", "deleted_at") WHERE deleted_at IS NULL',
    'CREATE INDEX "result_live_figures" ON "result" ("date", "studio_id", "type", "deleted_at") '
    "WHERE deleted_at IS NULL",
    'CREATE INDEX "fund_live_figures" ON "fund" ("date", "studio_id", "direction", "amount_fen", '
    '"grant_id", "alliance_id", "deleted_at") WHERE deleted_at IS NULL',
)


def v15(db: pw.Database) -> None:
    for stmt in _V15:
        db.execute_sql(stmt)


# Step 16: 揭榜挂帅 is where a project came from (立项来源), beside its level: a 省级 project can
# be taken by open call. A project stored at the level 揭榜挂帅 keeps it as its source, its level
# left for the studio to fill; the same record as every copy of it reads it (an office's copy
# migrates alike, an older package reads alike: migrations.upgrade_project_source), so its
# version stays. The records of conflicts waiting for review are read the same way.
def v16(db: pw.Database) -> None:
    db.execute_sql('ALTER TABLE "project" ADD COLUMN "source" TEXT')
    db.execute_sql("UPDATE project SET source = 'open_call', level = NULL "
                   "WHERE level = 'open_call'")
    for side in ("local", "incoming"):
        db.execute_sql(
            f"UPDATE conflict SET {side} = json_set({side}, '$.level', json('null'), "
            f"'$.source', 'open_call') WHERE kind = 'project' AND json_valid({side}) "
            f"AND json_extract({side}, '$.level') = 'open_call'")
