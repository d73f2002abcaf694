"""Numbered schema steps. Each runs in its own transaction together with its user_version,
so a ledger is always at exactly one version. Callers take a verified backup first."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import peewee as pw

from laomo_desktop.store import steps_year as Y
from laomo_desktop.store.steps_year import alliance_uid, split_alliances  # noqa: F401 - used as migrations.<name>
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
    return upgrade_project_source(kind, record, schema)


def upgrade_project_source(kind: str, record: dict, schema: int) -> dict:
    """A project of a package written before step 16 at the level 揭榜挂帅 is an open-call
    project whose level was not given, as the migration reads it (store/steps_year.v16)."""
    if schema < 16 and kind == "project" and record.get("level") == "open_call":
        return {**record, "level": None, "source": "open_call"}
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


STEPS: list[Step] = [
    Step(1, "initial schema", _v1),
    Step(2, "data package exchange: export log, pinned keys, imported studios, conflicts", _v2),
    Step(3, "ledger identity: its uid, to recognise its own journal", _v3),
    Step(4, "as of the year: disposal, repeal, ended pairs, a naming's life, party organisation "
            "and leader history; benefit targets typed in wan yuan stored in fen", _v4),
    Step(5, "the audit log keeps each summary in English too", _v5),
    Step(6, "the registers unions count: rationalisation proposals, QC groups, services to "
            "firms; a mentoring pair's graduation grade, allowance, renewal and records", Y.v6),
    Step(7, "grants: a studio's grants and the fund entries drawn on them", Y.v7),
    Step(8, "notices: issuing union, document number, due date and the required items", Y.v8),
    Step(9, "studios of several kinds: the studio's category", _v9),
    Step(10, "offices above offices: the office's own identity and level, the offices below, "
             "office packages imported, routes of studios, packages kept to forward", Y.v10),
    Step(11, "notices sent by the office: the office's own notices, where a studio's notice came "
             "from, notice packages imported", Y.v11),
    Step(12, "alliances: a studio's alliances with members and yearly plans, the joint projects "
             "and funds tied to one; the profile's list moved to them", Y.v12),
    Step(13, "the union summary's columns chosen from the metric registry", Y.v13),
    Step(14, "lists over every studio read in order from an index of the live records", Y.v14),
    Step(15, "a province's figures read from covering indexes; an activity keeps the number of "
             "its member attendees", Y.v15),
    Step(16, "a project's source: an open call (jiebang guashuai) was a level", Y.v16),
]
LATEST = STEPS[-1].version
# The schema of the records a data package carries (its manifest's schema_version): raised only
# by a step that changes what records hold, so a step about the file itself (3) does not make
# the packages of an upgraded studio unreadable for an office that has not upgraded yet. Step 4
# adds fields to the records, so from it on packages say 4; older packages are read through
# upgrade_record. Step 6 adds kinds and a pair's fields, step 7 grants and a fund entry's grant,
# step 8 notices, step 9 the studio's category: packages say 9 (an older package has none of
# them: empty, and the category reads as 劳模创新工作室). Step 12: alliances are records of
# their own, a studio's profile lists none (an older package's list: split_alliances). Step 16:
# a project's source; an older package's level 揭榜挂帅 reads as that source.
RECORDS_SCHEMA = 16


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
