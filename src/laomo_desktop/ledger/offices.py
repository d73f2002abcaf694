"""Offices above offices (DOMAIN "The union's year": statistics go up 区县 → 市 → 省).

A union office's ledger knows its own office (name, code, level: store.enums.OfficeLevel), the
offices below it whose office packages it imported (exchange/officeimport.py), which office each
studio came through in a statistics year (a studio may arrive by two paths: its records are
merged by uid, so it is counted once; when the two paths carried other content for the same
year, the overview says so), and the targets each office below set itself for the year.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database
from laomo_desktop.texts import Text

NAME_MAX = 60
CODE_RE = re.compile(r"[A-Za-z0-9-]{0,20}")

NO_NAME = Text("请填写工会的名称。", "Enter the union office's name.")
NAME_TOO_LONG = Text("工会名称最多 {limit} 个字。", "The office's name has at most {limit} characters.")
BAD_NAME = Text("工会名称中有不可见的控制字符。", "The office's name holds invisible control characters.")
BAD_LEVEL = Text("工会级别“{value}”无效，应为 区县、市 或 省。",
                 'The office level "{value}" is not valid; it is one of county, city, province.')
BAD_CODE = Text("工会代码只能由字母、数字和“-”组成，最多 20 个。",
                'The office code has only letters, digits and "-", at most 20.')
NOT_SET = Text("本台账还没有设置工会的名称和级别。请先在“工会设置”中填写（或运行 "
               "laomo office --name 名称 --level city）。",
               "This ledger's union office has no name and level yet. Set them first in "
               '"Office settings" (or run laomo office --name NAME --level city).')
AUDIT_SET = Text("工会设置：{name}（{level}级）", "Office settings: {name} ({level})")
DIRECT = Text("直接导入或本台账录入", "Imported directly or entered here")


@dataclass(frozen=True)
class Office:
    uid: str
    name: str
    code: str | None
    level: str

    @property
    def level_choice(self) -> E.OfficeLevel:
        return E.OfficeLevel(self.level)

    def as_dict(self) -> dict[str, Any]:
        return {"uid": self.uid, "name": self.name, "code": self.code, "level": self.level}


def level_rank(level: str) -> int:
    return E.OFFICE_RANK[E.OfficeLevel(level)]


def _clean_name(name: object) -> str:
    text = str(name or "").strip()
    if not text:
        raise LaomoError(NO_NAME)
    if len(text) > NAME_MAX:
        raise LaomoError(NAME_TOO_LONG(limit=NAME_MAX))
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u202a\u202b\u202c\u202d\u202e"
           "\u2066\u2067\u2068\u2069\u200e\u200f" for c in text):
        raise LaomoError(BAD_NAME)
    return text


def check_level(level: object) -> str:
    if level not in {lv.value for lv in E.OfficeLevel}:
        raise LaomoError(BAD_LEVEL(value=level))
    return str(level)


def _office(row: tuple | None) -> Office | None:
    return Office(row[0], row[1], row[2], row[3]) if row else None


def own_office() -> Office | None:
    """This ledger's own office, once it was set."""
    return _office(database.execute_sql(
        "SELECT uid, name, code, level FROM office WHERE own = 1").fetchone())


def require_own_office() -> Office:
    office = own_office()
    if office is None:
        raise LaomoError(NOT_SET)
    return office


def set_own_office(name: str, level: str, code: str | None = None,
                   actor: str | None = None) -> Office:
    """Name, level and code of this ledger's office (its uid is made once and kept)."""
    name, level = _clean_name(name), check_level(level)
    code = (code or "").strip() or None
    if code is not None and not CODE_RE.fullmatch(code):
        raise LaomoError(BAD_CODE)
    with database.atomic():
        old = own_office()
        uid = old.uid if old else str(uuid.uuid4())
        if old:
            database.execute_sql("UPDATE office SET name = ?, code = ?, level = ? WHERE own = 1",
                                 (name, code, level))
        else:
            database.execute_sql("INSERT INTO office (uid, name, code, level, own, "
                                 "last_sequence) VALUES (?, ?, ?, ?, 1, 0)",
                                 (uid, name, code, level))
        new = Office(uid, name, code, level)
        R.audit("office", "office", uid, None, old.as_dict() if old else None, new.as_dict(),
                AUDIT_SET(name=name, level=E.OfficeLevel(level)), actor)
    return new


# ---- the offices below ---------------------------------------------------------------------

def office_below(uid: str) -> dict | None:
    row = database.execute_sql(
        "SELECT uid, name, code, level, last_sequence, last_package_at FROM office "
        "WHERE uid = ? AND own = 0", (uid,)).fetchone()
    if row is None:
        return None
    return dict(zip(("uid", "name", "code", "level", "last_sequence", "last_package_at"), row,
                    strict=True))


def offices_below() -> list[dict]:
    rows = database.execute_sql(
        "SELECT uid, name, code, level, last_sequence, last_package_at FROM office "
        "WHERE own = 0 ORDER BY name, uid").fetchall()
    return [dict(zip(("uid", "name", "code", "level", "last_sequence", "last_package_at"), r,
                     strict=True)) for r in rows]


def register_office_package(office: dict, package_uid: str, sequence: int, created_at: str,
                            year: int, targets: dict, file_name: str, result: dict,
                            actor: str | None) -> None:
    """The office below, its year's targets and the import log; inside the caller's
    transaction."""
    here = office_below(office["uid"])
    if here is None:
        database.execute_sql(
            "INSERT INTO office (uid, name, code, level, own, last_sequence, last_package_at) "
            "VALUES (?, ?, ?, ?, 0, ?, ?)",
            (office["uid"], office["name"], office.get("code"), office["level"], sequence,
             created_at))
    else:
        database.execute_sql(
            "UPDATE office SET name = ?, code = ?, level = ?, last_sequence = ?, "
            "last_package_at = ? WHERE uid = ? AND own = 0",
            (office["name"], office.get("code"), office["level"],
             max(here["last_sequence"], sequence),
             max(here["last_package_at"] or "", created_at), office["uid"]))
    database.execute_sql(
        "INSERT OR REPLACE INTO office_year (office_uid, year, targets, package_uid) "
        "VALUES (?, ?, ?, ?)",
        (office["uid"], year, json.dumps(targets, ensure_ascii=False, sort_keys=True),
         package_uid))
    database.execute_sql(
        "INSERT INTO office_import_log (package_uid, office_uid, sequence, year, file_name, "
        "imported_at, actor, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (package_uid, office["uid"], sequence, year, file_name, R.now_iso(),
         actor or R.current_actor(), json.dumps(result, ensure_ascii=False, sort_keys=True)))


def office_package_imported(package_uid: str) -> str | None:
    """When an office package was imported (None: never)."""
    row = database.execute_sql("SELECT imported_at FROM office_import_log WHERE package_uid = ?",
                               (package_uid,)).fetchone()
    return row[0] if row else None


def office_targets(year: int) -> dict[str, dict]:
    """office uid → the targets it set itself for `year` (from its newest package)."""
    rows = database.execute_sql("SELECT office_uid, targets FROM office_year WHERE year = ?",
                                (year,)).fetchall()
    return {uid: json.loads(t) for uid, t in rows}


# ---- routes: which office each studio came through ---------------------------------------

def record_route(studio_uid: str, office_uid: str, year: int, package_uid: str,
                 sequence: int, content: str) -> None:
    database.execute_sql(
        "INSERT OR REPLACE INTO studio_route (studio_uid, office_uid, year, package_uid, "
        "sequence, content, arrived_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (studio_uid, office_uid, year, package_uid, sequence, content, R.now_iso()))


def routes(year: int) -> dict[str, list[dict]]:
    """studio uid → the offices it came through for `year` ({office_uid, name, level,
    sequence, content}), by office name."""
    out: dict[str, list[dict]] = {}
    for studio, office, name, level, seq, content in database.execute_sql(
            "SELECT r.studio_uid, r.office_uid, o.name, o.level, r.sequence, r.content "
            "FROM studio_route r JOIN office o ON o.uid = r.office_uid AND o.own = 0 "
            "WHERE r.year = ? ORDER BY o.name, o.uid", (year,)):
        out.setdefault(studio, []).append({"office_uid": office, "name": name, "level": level,
                                           "sequence": seq, "content": content})
    return out


def disagree(paths_of_studio: list[dict]) -> bool:
    """Whether the paths a studio came by carried other content for the year."""
    return len({p["content"] for p in paths_of_studio}) > 1


def by_office(rows: list[dict], year: int, numbers: tuple[str, ...]) -> dict[str, Any]:
    """The studios of union_year's `rows` grouped by the office they came through: per office
    (and one group for the studios that came by no office) the studios, their totals over
    `numbers`, the office's own targets for the year and their completion by its studios
    (`goals`: studios by level, person-times… as union_year words them); a studio that came
    through two offices is in both groups but once in `total`; `twice` and `disagreeing` name
    those."""
    from laomo_desktop.ledger import union

    paths = routes(year)
    targets = office_targets(year)
    offices = {o["uid"]: o for o in offices_below()}
    groups: dict[str, dict] = {}

    def group(key: str, name: str, level: str | None) -> dict:
        return groups.setdefault(key, {"office_uid": key, "name": name, "level": level,
                                       "studios": [], "totals": dict.fromkeys(numbers, 0),
                                       "targets": targets.get(key)})

    twice, disagreeing = [], []
    for row in rows:
        came = paths.get(row["uid"], [])
        if len(came) > 1:
            twice.append({"uid": row["uid"], "name": row["name"],
                          "offices": [p["name"] for p in came]})
            if disagree(came):
                disagreeing.append(twice[-1])
        for p in came or [{"office_uid": "", "name": DIRECT.render("zh"), "level": None}]:
            o = offices.get(p["office_uid"])
            g = group(p["office_uid"], o["name"] if o else p["name"],
                      o["level"] if o else p["level"])
            g["studios"].append(row["uid"])
            for k in numbers:
                g["totals"][k] += row.get(k) or 0
    by_uid = {r["uid"]: r for r in rows}
    for g in groups.values():
        g["goals"] = union.goals_set([by_uid[u] for u in g["studios"]], g["targets"] or {})
    ordered = sorted(groups.values(), key=lambda g: (g["office_uid"] == "", g["name"]))
    return {"groups": ordered, "twice": twice, "disagreeing": disagreeing,
            "total": {k: sum(r.get(k) or 0 for r in rows) for k in numbers},
            "studios": len(rows)}


def office_of(year: int) -> dict[str, list[str]]:
    """studio uid → the names of the offices it came through for `year`."""
    return {uid: [p["name"] for p in came] for uid, came in routes(year).items()}


# ---- the studio packages kept to forward -------------------------------------------------

def keep_forward(studio_uid: str, package_uid: str, sequence: int, file_name: str,
                 sha256: str, size: int) -> tuple[bool, str | None]:
    """Note the newest kept package of a studio: (kept, the file name it replaces, to be
    removed). An older package never replaces a newer one."""
    row = database.execute_sql("SELECT sequence, file_name, package_uid FROM forward_package "
                               "WHERE studio_uid = ?", (studio_uid,)).fetchone()
    if row is not None and row[2] == package_uid:  # kept already: nothing to write
        return True, None
    if row is not None and row[0] > sequence:
        return False, None
    database.execute_sql(
        "INSERT OR REPLACE INTO forward_package (studio_uid, package_uid, sequence, file_name, "
        "sha256, size, kept_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (studio_uid, package_uid, sequence, file_name, sha256, size, R.now_iso()))
    return True, (row[1] if row is not None and row[1] != file_name else None)


def kept_packages() -> dict[str, dict]:
    """studio uid → the kept package to forward ({package_uid, sequence, file_name, sha256,
    size})."""
    cols = ("package_uid", "sequence", "file_name", "sha256", "size")
    return {r[0]: dict(zip(cols, r[1:], strict=True)) for r in database.execute_sql(
        "SELECT studio_uid, package_uid, sequence, file_name, sha256, size "
        "FROM forward_package ORDER BY studio_uid")}
