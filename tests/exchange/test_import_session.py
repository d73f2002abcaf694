"""One pre-import backup per session of imports, not one per package."""

from __future__ import annotations

from laomo_desktop.exchange import export, importer
from laomo_desktop.exchange.session import ImportSession
from laomo_desktop.ledger import records as R
from laomo_desktop.store import backup


def pre_import(paths) -> int:
    return sum(1 for b in backup.list_backups(paths) if b.reason == "pre-import")


def import_all(paths, files, session: ImportSession) -> list:
    out = []
    for f in files:
        r = importer.apply(paths, f, trust_new_key=True, take_backup=session.needs_backup())
        session.imported(r.backup)
        out.append(r)
    return out


def packages(ex, n: int) -> list:
    """n packages of studio A, in the order they were made."""
    ex.at_studio()
    return [export.export_studio(ex.studio, ex.uids["A"], ex.usb).path for _ in range(n)]


def test_a_session_backs_up_once_before_its_first_import(ex):
    files = packages(ex, 3)
    office = ex.at_office()
    session = ImportSession()
    results = import_all(office, files, session)
    assert [r.backup is not None for r in results] == [True] + [False] * (len(files) - 1)
    assert all(r.applied for r in results)
    assert pre_import(office) == 1
    assert session.backup == results[0].backup and session.backup.exists()


def test_a_change_between_imports_is_backed_up_before_the_next(ex):
    first, second = packages(ex, 2)
    office = ex.at_office()
    session = ImportSession()
    import_all(office, [first], session)
    assert not session.needs_backup()  # nothing but the import changed the ledger
    R.create("studio", None, {"name": "本单位自建工作室", "host_unit": "市总工会",
                              "founded_on": "2020-01-01"})
    assert session.needs_backup()  # a record typed in at the office since
    (r,) = import_all(office, [second], session)
    assert r.backup is not None and pre_import(office) == 2


def test_a_removed_backup_is_taken_again(ex):
    first, second = packages(ex, 2)
    office = ex.at_office()
    session = ImportSession()
    (r,) = import_all(office, [first], session)
    r.backup.unlink()
    (r2,) = import_all(office, [second], session)
    assert r2.backup is not None and r2.backup.exists()
