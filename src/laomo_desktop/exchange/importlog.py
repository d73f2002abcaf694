"""What the office has imported, and the conflicts still open: read from the import log and
the conflicts the imports kept aside (exchange/importer.py writes both)."""

from __future__ import annotations

import json

from laomo_desktop.store.models import Conflict, ImportLog


def import_history(studio_uid: str | None = None, limit: int | None = None) -> list[dict]:
    """The import log, newest first (the `limit` newest: only those records are parsed)."""
    q = ImportLog.select().order_by(ImportLog.imported_at.desc(), ImportLog.id.desc())
    if studio_uid:
        q = q.where(ImportLog.studio_uid == studio_uid)
    if limit is not None:
        q = q.limit(limit)
    return [{**r, "result": json.loads(r["result"])} for r in q.dicts()]


def import_count() -> int:
    return ImportLog.select().count()


def open_conflict_count() -> int:
    return Conflict.select().where(Conflict.resolved_at.is_null()).count()


def open_conflicts() -> list[dict]:
    q = Conflict.select().where(Conflict.resolved_at.is_null()).order_by(Conflict.id)
    return [{**r, "local": json.loads(r["local"]), "incoming": json.loads(r["incoming"])}
            for r in q.dicts()]
