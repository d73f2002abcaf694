"""Numbered schema steps. Each runs in its own transaction together with its user_version,
so a ledger is always at exactly one version. Callers take a verified backup first."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import peewee as pw

from laomo_desktop.texts import Text

APPLICATION_ID = 0x4C414F4D  # "LAOM": marks a file as a Laomo ledger


@dataclass(frozen=True)
class Step:
    version: int
    description: str
    apply: Callable[[pw.Database], None]


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";\n") if s.strip()]


def _v1(db: pw.Database) -> None:
    sql = resources.files("laomo_desktop.store").joinpath("schema_v1.sql").read_text("utf-8")
    for stmt in _statements(sql):
        db.execute_sql(stmt)
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


# Step 2: the exchange of data packages. Frozen DDL, as peewee generated it once for the models
# ExportLog, TrustedKey, ImportedStudio, ImportLog and Conflict in store/models.py.
_V2 = (
    'CREATE TABLE "export_log" ("id" INTEGER NOT NULL PRIMARY KEY, "studio_uid" TEXT NOT NULL, '
    '"sequence" INTEGER NOT NULL, "package_uid" TEXT NOT NULL, "file_name" TEXT NOT NULL, '
    '"sha256" TEXT NOT NULL, "size" INTEGER NOT NULL, "created_at" TEXT NOT NULL, '
    '"target" TEXT NOT NULL)',
    'CREATE INDEX "exportlog_studio_uid_sequence" ON "export_log" ("studio_uid", "sequence")',
    'CREATE TABLE "trusted_key" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"studio_uid" VARCHAR(36) NOT NULL, "studio_name" TEXT NOT NULL, '
    '"fingerprint" TEXT NOT NULL, "public_key" TEXT NOT NULL, "trusted_at" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "trustedkey_studio_uid" ON "trusted_key" ("studio_uid")',
    'CREATE TABLE "imported_studio" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"studio_id" INTEGER NOT NULL, "fingerprint" TEXT NOT NULL, '
    '"last_sequence" INTEGER NOT NULL, "last_package_at" TEXT NOT NULL, '
    'FOREIGN KEY ("studio_id") REFERENCES "studio" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "importedstudio_studio_id" ON "imported_studio" ("studio_id")',
    'CREATE TABLE "import_log" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"package_uid" VARCHAR(36) NOT NULL, "studio_uid" TEXT NOT NULL, '
    '"sequence" INTEGER NOT NULL, "file_name" TEXT NOT NULL, "imported_at" TEXT NOT NULL, '
    '"actor" TEXT NOT NULL, "result" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "importlog_package_uid" ON "import_log" ("package_uid")',
    'CREATE INDEX "importlog_studio_uid_sequence" ON "import_log" ("studio_uid", "sequence")',
    'CREATE TABLE "conflict" ("id" INTEGER NOT NULL PRIMARY KEY, "package_uid" TEXT NOT NULL, '
    '"kind" TEXT NOT NULL, "record_uid" TEXT NOT NULL, "local" TEXT NOT NULL, '
    '"incoming" TEXT NOT NULL, "created_at" TEXT NOT NULL, "resolved_at" TEXT)',
    'CREATE INDEX "conflict_record_uid" ON "conflict" ("record_uid")',
)


def _v2(db: pw.Database) -> None:
    for stmt in _V2:
        db.execute_sql(stmt)


def _v3(db: pw.Database) -> None:
    """The ledger's own uid, by which it recognises its journal (store.journal)."""
    import uuid

    db.execute_sql('CREATE TABLE "ledger_info" ("key" TEXT NOT NULL PRIMARY KEY, '
                   '"value" TEXT NOT NULL)')
    db.execute_sql("INSERT INTO ledger_info (key, value) VALUES ('ledger_uid', ?)",
                   (str(uuid.uuid4()),))


# Step 4: what the ledger needs to read every standing record as of a year (ledger/asof.py).
_V4 = (
    'ALTER TABLE "equipment" ADD COLUMN "disposed_on" TEXT',
    'ALTER TABLE "rule" ADD COLUMN "repealed_on" TEXT',
    'ALTER TABLE "mentorship" ADD COLUMN "ended_on" TEXT',
    'ALTER TABLE "studio_recognition" ADD COLUMN "status" TEXT',
    'ALTER TABLE "studio_recognition" ADD COLUMN "status_on" TEXT',
    'ALTER TABLE "studio_recognition" ADD COLUMN "next_review" TEXT',
    'CREATE TABLE "studio_party_change" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"parent_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "party_org" TEXT, "date" TEXT, '
    'FOREIGN KEY ("parent_id") REFERENCES "studio" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "studiopartychange_parent_id_position" ON "studio_party_change" '
    '("parent_id", "position")',
    'CREATE TABLE "studio_leader" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"parent_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "name" TEXT, "since" TEXT, '
    'FOREIGN KEY ("parent_id") REFERENCES "studio" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "studioleader_parent_id_position" ON "studio_leader" ("parent_id", "position")',
)

# A money target (经济效益) is stored in fen. Before step 4 the form asked for 万元 and stored
# the typed number as it was, so "50" (万元) became 50 fen. No studio sets itself a yearly benefit
# target below ¥1,000 (100,000 fen), while every value typed in 万元 under the old form up to
# 99,999 万元 is below it: such a value is read as 万元 and multiplied by 1,000,000.
TYPED_AS_WAN_BELOW = 100_000
FEN_PER_WAN = 1_000_000
# the audit log's line for each corrected target: the log is part of the ledger, kept in its
# language (Chinese) like every summary the services write
BENEFIT_READ_AS_WAN = Text("升级：{year} 年度计划的经济效益目标按万元读作 {value} 万元（原存为 {value} 分）",
                           "Upgrade: the benefit target of the {year} plan is read as {value} "
                           "ten thousand yuan (it was stored as {value} fen)")


def _v5(db: pw.Database) -> None:
    db.execute_sql('ALTER TABLE "audit_entry" ADD COLUMN "summary_en" TEXT NOT NULL DEFAULT \'\'')


def typed_as_wan(metric: str | None, value: object) -> bool:
    """Whether a stored benefit target is one the old form saved in 万元 rather than fen."""
    return (metric == "benefit_fen" and isinstance(value, int) and not isinstance(value, bool)
            and 0 < value < TYPED_AS_WAN_BELOW)


def _v4(db: pw.Database) -> None:
    import datetime
    import json

    for stmt in _V4:
        db.execute_sql(stmt)
    rows = db.execute_sql("""
        SELECT p.id, p.uid, s.uid, p.year, t.id, t.value FROM plan_target t
        JOIN plan p ON p.id = t.parent_id JOIN studio s ON s.id = p.studio_id
        WHERE t.metric = 'benefit_fen' AND t.value > 0 AND t.value < ?""",
                          (TYPED_AS_WAN_BELOW,)).fetchall()
    stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")
    for plan_id, plan_uid, studio_uid, year, target_id, value in rows:
        db.execute_sql("UPDATE plan_target SET value = ? WHERE id = ?",
                       (value * FEN_PER_WAN, target_id))
        # a new version, so the corrected plan travels in the studio's next package
        db.execute_sql("UPDATE plan SET version = version + 1, updated_at = ? WHERE id = ?",
                       (stamp, plan_id))
        db.execute_sql(
            "INSERT INTO audit_entry (at, actor, action, kind, record_uid, studio_uid, summary, "
            "before, after) VALUES (?, 'upgrade', 'update', 'plan', ?, ?, ?, ?, ?)",
            (stamp, plan_uid, studio_uid,
             BENEFIT_READ_AS_WAN(year=year, value=value).render("zh"),
             json.dumps({"benefit_fen": value}), json.dumps({"benefit_fen": value * FEN_PER_WAN})))


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


def _v6(db: pw.Database) -> None:
    for stmt in _V6:
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


def _v10(db: pw.Database) -> None:
    for stmt in _V10:
        db.execute_sql(stmt)


# Step 13: the union summary's columns the office chose from the metric registry
# (ledger/unioncolumns.py), in their order; no row: the default columns.
_V13 = ('CREATE TABLE "union_column" ("position" INTEGER NOT NULL PRIMARY KEY, '
        '"metric" TEXT NOT NULL)',)


def _v13(db: pw.Database) -> None:
    for stmt in _V13:
        db.execute_sql(stmt)


def upgrade_record(kind: str, record: dict, schema: int) -> dict:
    """A record of a package written at records schema `schema`, as this version reads it."""
    if schema < 4 and kind == "plan":
        targets = record.get("targets")
        if isinstance(targets, list):
            record = {**record, "targets": [
                {**t, "value": t["value"] * FEN_PER_WAN}
                if isinstance(t, dict) and typed_as_wan(t.get("metric"), t.get("value")) else t
                for t in targets]}
    record = upgrade_studio_category(kind, record, schema)
    return record


# Step 9 (issue 16 §4): a studio has a category; every studio of an earlier ledger was a
# 劳模创新工作室, the one kind there was.
def _v9(db: pw.Database) -> None:
    db.execute_sql('ALTER TABLE "studio" ADD COLUMN "category" TEXT')
    db.execute_sql("UPDATE studio SET category = 'model_worker' WHERE category IS NULL")


def upgrade_studio_category(kind: str, record: dict, schema: int) -> dict:
    """A studio of a package written before step 9 is a 劳模创新工作室, as the migration says."""
    if schema < 9 and kind == "studio" and not record.get("category"):
        return {**record, "category": "model_worker"}
    return record


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


def _v8(db: pw.Database) -> None:
    for stmt in _V8:
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


def _v7(db: pw.Database) -> None:
    for stmt in _V7:
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


def _v14(db: pw.Database) -> None:
    for table, column in _V14_LIST_ORDER:
        db.execute_sql(f'CREATE INDEX "{table}_live_{column}" ON "{table}" ("{column}") '
                       "WHERE deleted_at IS NULL")
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


def _v11(db: pw.Database) -> None:
    for stmt in _V11:
        db.execute_sql(stmt)


STEPS: list[Step] = [
    Step(1, "initial schema", _v1),
    Step(2, "data package exchange: export log, pinned keys, imported studios, conflicts", _v2),
    Step(3, "ledger identity: its uid, to recognise its own journal", _v3),
    Step(4, "as of the year: disposal, repeal, ended pairs, a naming's life, party organisation "
            "and leader history; benefit targets typed in wan yuan stored in fen", _v4),
    Step(5, "the audit log keeps each summary in English too", _v5),
    Step(6, "the registers unions count: rationalisation proposals, QC groups, services to "
            "firms; a mentoring pair's graduation grade, allowance, renewal and records", _v6),
    Step(7, "grants: a studio's grants and the fund entries drawn on them", _v7),
    Step(8, "notices: issuing union, document number, due date and the required items", _v8),
    Step(9, "studios of several kinds: the studio's category", _v9),
    Step(10, "offices above offices: the office's own identity and level, the offices below, "
             "office packages imported, routes of studios, packages kept to forward", _v10),
    Step(11, "notices sent by the office: the office's own notices, where a studio's notice came "
             "from, notice packages imported", _v11),
]


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


def _v12(db: pw.Database) -> None:
    import datetime

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


STEPS.append(Step(12, "alliances: a studio's alliances with members and yearly plans, the "
                      "joint projects and funds tied to one; the profile's list moved to them",
                  _v12))
STEPS.append(Step(13, "the union summary's columns chosen from the metric registry", _v13))
STEPS.append(Step(14, "lists over every studio read in order from an index of the live records",
                  _v14))
LATEST = STEPS[-1].version
# The schema of the records a data package carries (its manifest's schema_version): raised only
# by a step that changes what records hold, so a step about the file itself (3) does not make
# the packages of an upgraded studio unreadable for an office that has not upgraded yet. Step 4
# adds fields to the records, so from it on packages say 4; older packages are read through
# upgrade_record. Step 6 adds kinds and a pair's fields, step 7 grants and a fund entry's grant,
# step 8 notices, step 9 the studio's category: packages say 9 (an older package has none of
# them: empty, and the category reads as 劳模创新工作室). Step 12: alliances are records of
# their own, a studio's profile lists none (an older package's list: split_alliances).
RECORDS_SCHEMA = 12


def migrate(db: pw.Database, steps: list[Step]) -> int:
    current = db.execute_sql("PRAGMA user_version").fetchone()[0]
    for step in steps:
        if step.version <= current:
            continue
        with db.atomic():
            step.apply(db)
            db.execute_sql(f"PRAGMA user_version = {int(step.version)}")
        current = step.version
    return current
