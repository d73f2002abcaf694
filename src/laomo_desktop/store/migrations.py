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


STEPS: list[Step] = [
    Step(1, "initial schema", _v1),
]
LATEST = STEPS[-1].version


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
