"""Importing an office package (the office above's side): everything checked, then one
transaction for the whole office.

Refused before anything is written, each with its reason: a damaged or hostile file, a manifest
changed after it was signed (exchange/office.py), an office that is not below this one (a
区县 office's package in a 区县 office's ledger, or this office's own package), a package
already imported or older than one imported from the same office, an office key that is not
the one pinned, and every enclosed studio package that fails its own checks (its signature,
its records, the merge's validation: exchange/importer.py's preview). Then a backup, then one
transaction over all the studios, the routes (which office each studio came through this
year), the office's key and targets and the log: a failure anywhere leaves the ledger as it
was. The studio packages are then kept to forward them further up (exchange/forward.py).
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import forward, importer, keys
from laomo_desktop.exchange import office as O
from laomo_desktop.exchange.outcomes import ImportResult, KeyChanged, KeyNotTrusted, Preview
from laomo_desktop.ledger import offices
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database
from laomo_desktop.texts import Text
from laomo_desktop.visible import visible
from laomo_desktop.work import Job, Progress, result_of

CACHE_KIB = 64 << 10  # the page cache during an office's transaction, in KiB

SELF = Text("工会数据包“{name}”是本工会（{office}）自己转报的，不能导入到自己的台账。未导入任何数据。",
            'Office package "{name}" was forwarded by this office ({office}) itself and cannot '
            "be imported into its own ledger. Nothing was imported.")
WRONG_LEVEL = Text("工会数据包“{name}”来自{level}级工会“{office}”，不是本工会（{own}级）的下级，"
                   "不能导入。未导入任何数据。",
                   'Office package "{name}" comes from "{office}", an office at {level} level, '
                   "which is not below this office ({own} level); it cannot be imported. "
                   "Nothing was imported.")
REPLAYED = Text("工会数据包“{name}”已于 {when} 导入过，不能重复导入。台账没有改动。",
                'Office package "{name}" was already imported on {when} and is not imported '
                "again. The ledger was not changed.")
OLDER = Text("工会数据包“{name}”是“{office}”的第 {sequence} 号，不新于已导入的第 {last} 号"
             "（可能是旧的或被重放的数据包），不能导入。台账没有改动。",
             'Office package "{name}" is No. {sequence} of "{office}", not newer than No. '
             "{last} already imported (an old or replayed package); it cannot be imported. "
             "The ledger was not changed.")
FIRST_OFFICE_KEY = Text("这是工会“{office}”的第一个数据包，其签名密钥指纹为 {fingerprint}。"
                        "请先通过电话或纸面与该工会核对指纹，确认无误后再选择信任并导入。",
                        'This is the first package from office "{office}"; its signing-key '
                        "fingerprint is {fingerprint}. Compare the fingerprint with the office "
                        "first (by phone or on paper), then choose to trust it and import.")
OFFICE_KEY_CHANGED = Text("工会“{office}”的数据包签名密钥变了：登记的指纹是 {old}，此数据包是 {new}。"
                          "请与该工会核对新指纹，确认后选择“更换密钥”再导入。本次未导入任何数据。",
                          'The signing key of office "{office}" has changed: the registered '
                          "fingerprint is {old}, this package's is {new}. Compare the new "
                          'fingerprint with the office, then choose "Replace the key" and '
                          "import. Nothing was imported.")
STUDIO_KEY_CHANGED = Text("工会数据包“{name}”中工作室“{studio}”的签名密钥（指纹 {new}）与本台账登记的"
                          "（指纹 {old}）不同，不能导入。请与该工作室核对。未导入任何数据。",
                          'In office package "{name}", the signing key of studio "{studio}" '
                          "(fingerprint {new}) differs from the one registered here "
                          "(fingerprint {old}); it cannot be imported. Check with the studio. "
                          "Nothing was imported.")
STEP_CHECK = Text("核对工作室“{studio}”的数据包（{i}/{n}）", 'Checking the package of "{studio}" ({i}/{n})')
STEP_BACKUP = Text("备份台账", "Backing up the ledger")
STEP_WRITE = Text("导入工作室“{studio}”（{i}/{n}）", 'Importing "{studio}" ({i}/{n})')
IMPORTED = Text("已导入{level}级工会“{office}”转报的第 {sequence} 号数据包（{year} 年度）：工作室 {n} 个，"
                "其中有新数据的 {applied} 个。",
                'Imported package No. {sequence} forwarded by "{office}" ({level} level, year '
                "{year}): {n} studios, {applied} of them with new data.")
AUDIT = Text("导入工会“{office}”转报的第 {sequence} 号数据包：工作室 {n} 个",
             'Imported package No. {sequence} forwarded by office "{office}": {n} studios')


class OfficeKeyNotTrusted(KeyNotTrusted):
    def __init__(self, office: str, fp: str):
        LaomoError.__init__(self, FIRST_OFFICE_KEY(office=office, fingerprint=fp))
        self.fingerprint = fp


class OfficeKeyChanged(KeyChanged):
    def __init__(self, office: str, old: str, new: str):
        LaomoError.__init__(self, OFFICE_KEY_CHANGED(office=office, old=old, new=new))
        self.fingerprint, self.pinned = new, old


@dataclass
class OfficePreview:
    file: Path
    office: dict
    year: int
    sequence: int
    created_at: str
    fingerprint: str
    key_status: str
    pinned_fingerprint: str | None
    studios: list[Preview] = field(default_factory=list)


@dataclass
class OfficeResult:
    preview: OfficePreview
    results: list[ImportResult]
    message: object
    backup: Path | None = None
    applied: bool = True


def _check_office(opkg: O.OfficePackage) -> None:
    name = visible(opkg.path.name)
    own = offices.require_own_office()
    if opkg.office_uid == own.uid:
        raise LaomoError(SELF(name=name, office=own.name))
    if offices.level_rank(opkg.level) >= offices.level_rank(own.level):
        raise LaomoError(WRONG_LEVEL(name=name, office=opkg.office_name,
                                     level=E.OfficeLevel(opkg.level), own=own.level_choice))
    when = offices.office_package_imported(opkg.package_uid)
    if when:
        raise LaomoError(REPLAYED(name=name, when=when[:19].replace("T", " ")))
    below = offices.office_below(opkg.office_uid)
    if below and opkg.sequence <= below["last_sequence"]:
        raise LaomoError(OLDER(name=name, office=opkg.office_name, sequence=opkg.sequence,
                               last=below["last_sequence"]))


def _check_key(opkg: O.OfficePackage, trust_new_key: bool, replace_key: bool) -> str:
    status = keys.key_status(opkg.office_uid, opkg.public_key)
    if status == "first" and not trust_new_key:
        raise OfficeKeyNotTrusted(opkg.office_name, opkg.fingerprint)
    if status == "changed" and not replace_key:
        raise OfficeKeyChanged(opkg.office_name, keys.pinned(opkg.office_uid).fingerprint,
                               opkg.fingerprint)
    return status


def _preview(opkg: O.OfficePackage) -> OfficePreview:
    pin = keys.pinned(opkg.office_uid)
    return OfficePreview(opkg.path, opkg.office, opkg.year, opkg.sequence, opkg.created_at,
                         opkg.fingerprint, keys.key_status(opkg.office_uid, opkg.public_key),
                         pin.fingerprint if pin else None)


def _checked(paths: LedgerPaths, opkg: O.OfficePackage, folder: Path, pv: OfficePreview
             ) -> Job[list]:
    """Every studio package copied out and checked as an import of it would be: (entry,
    package, plan). The plans are for the transaction, unless two packages share a record
    (or a package uid): then each is planned again there, after the ones before it."""
    out = []
    n = len(opkg.studios)
    seen: set[tuple[str, str]] = set()
    shared = False
    for i, (entry, pkg) in enumerate(O.extract_studios(opkg, folder), 1):
        yield Progress(i - 1, n + 2, str(STEP_CHECK(studio=entry["name"], i=i, n=n)))
        if keys.key_status(pkg.studio_uid, pkg.public_key) == "changed":
            raise LaomoError(STUDIO_KEY_CHANGED(
                name=visible(opkg.path.name), studio=pkg.studio_name,
                old=keys.pinned(pkg.studio_uid).fingerprint, new=pkg.fingerprint))
        studio_pv, plan = importer.planned(paths, pkg)
        pv.studios.append(studio_pv)
        mine = {("package", pkg.package_uid)} | {
            (kind, r["uid"]) for kind, records in pkg.records.items() for r in records}
        shared = shared or not seen.isdisjoint(mine)
        seen |= mine
        out.append((entry, pkg, plan))
    return [(entry, pkg, None if shared else plan) for entry, pkg, plan in out]


@contextlib.contextmanager
def _page_cache() -> Iterator[None]:
    """A larger page cache for the office's transaction: its studios' rows go into the indexes
    of a province's ledger (hundreds of MB), which SQLite's default 2 MB would spill and read
    again."""
    was = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-CACHE_KIB}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(was)}")


def _incoming(paths: LedgerPaths) -> Path:
    folder = paths.forward / f".incoming-{uuid.uuid4().hex[:12]}"
    folder.mkdir(parents=True)
    return folder


def preview(paths: LedgerPaths, path: Path) -> OfficePreview:
    """What importing the office package would do; raises LaomoError if it would be refused
    (everything but the office key, which the caller asks about)."""
    opkg = O.read_office(path)
    _check_office(opkg)
    pv = _preview(opkg)
    folder = _incoming(paths)
    try:
        result_of(_checked(paths, opkg, folder, pv))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return pv


def apply(paths: LedgerPaths, path: Path, trust_new_key: bool = False,
          replace_key: bool = False, *, take_backup: bool = True,
          actor: str | None = None) -> OfficeResult:
    return result_of(apply_steps(paths, path, trust_new_key, replace_key,
                                 take_backup=take_backup, actor=actor))


def apply_steps(paths: LedgerPaths, path: Path, trust_new_key: bool = False,
                replace_key: bool = False, *, take_backup: bool = True,
                actor: str | None = None) -> Job[OfficeResult]:
    opkg = O.read_office(path)
    _check_office(opkg)
    _check_key(opkg, trust_new_key, replace_key)
    pv = _preview(opkg)
    folder = _incoming(paths)
    n = len(opkg.studios)
    try:
        checked = yield from _checked(paths, opkg, folder, pv)
        yield Progress(n, n + 2, str(STEP_BACKUP))
        taken = backup.take_backup(paths, "pre-import").path if take_backup else None
        results: list[ImportResult] = []
        with _page_cache(), database.atomic("IMMEDIATE"):
            _check_office(opkg)  # another program may have imported it meanwhile
            for i, (entry, pkg, plan) in enumerate(checked, 1):
                yield Progress(n + 1, n + 2, str(STEP_WRITE(studio=entry["name"], i=i, n=n)))
                results.append(importer.apply(paths, pkg, trust_new_key=True, take_backup=False,
                                              keep_copy=False, actor=actor, plan=plan))
                offices.record_route(pkg.studio_uid, opkg.office_uid, opkg.year,
                                     pkg.package_uid, pkg.sequence, entry["content"])
            keys.trust(opkg.office_uid, opkg.office_name, opkg.public_key, replace=True,
                       actor=actor, office=True)
            applied = sum(r.applied for r in results)
            offices.register_office_package(
                opkg.office, opkg.package_uid, opkg.sequence, opkg.created_at, opkg.year,
                opkg.manifest["targets"], opkg.path.name,
                {"studios": [s["uid"] for s in opkg.studios], "applied": applied,
                 "fingerprint": opkg.fingerprint}, actor)
            R.audit("import_office", "office", opkg.office_uid, None, None,
                    {"package_uid": opkg.package_uid, "sequence": opkg.sequence,
                     "studios": n}, AUDIT(office=opkg.office_name, sequence=opkg.sequence, n=n),
                    actor)
            yield Progress(n + 2, n + 2, str(STEP_WRITE(studio=opkg.office_name, i=n, n=n)))
        later: list[Path] = []  # committed: keep the packages to forward them further up
        with database.atomic():
            for _entry, pkg, _plan in checked:
                forward.keep_package(paths, pkg, move=True, later=later)
        for old in later:  # what they replace, once that is committed
            with contextlib.suppress(OSError):
                old.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    message = IMPORTED(level=E.OfficeLevel(opkg.level), office=opkg.office_name,
                       sequence=opkg.sequence, year=opkg.year, n=n, applied=applied)
    return OfficeResult(pv, results, message, taken)
