"""Numbered schema steps. Each runs in its own transaction together with its user_version,
so a ledger is always at exactly one version. Callers take a verified backup first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import peewee as pw

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


STEPS: list[Step] = [
    Step(1, "initial schema", _v1),
    Step(2, "data package exchange: export log, pinned keys, imported studios, conflicts", _v2),
    Step(3, "ledger identity: its uid, to recognise its own journal", _v3),
]
LATEST = STEPS[-1].version
# The schema of the records a data package carries (its manifest's schema_version): raised only
# by a step that changes what records hold, so a step about the file itself (3) does not make
# the packages of an upgraded studio unreadable for an office that has not upgraded yet.
RECORDS_SCHEMA = 2


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
