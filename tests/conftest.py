from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import helpers  # noqa: E402
from helpers import new_ledger  # noqa: E402
from laomo_desktop.paths import LedgerPaths  # noqa: E402
from laomo_desktop.store import journal  # noqa: E402
from laomo_desktop.store.database import close_ledger  # noqa: E402


@pytest.fixture(scope="session")
def migrated_template() -> Path:
    """The file of an empty ledger made and migrated once for the whole run: migrating takes
    about a quarter of a second, which every test opening a new ledger would otherwise pay."""
    db = helpers.migrated_template()
    paths = LedgerPaths(db.parent)
    assert not journal.wal_path(paths).exists() and not journal.shm_path(paths).exists()
    return db


@pytest.fixture
def ledger(tmp_path: Path, migrated_template: Path):
    """A fresh, empty ledger in a temporary data directory, bound for this test only."""
    paths = new_ledger(tmp_path / "data", migrated_template)
    yield paths
    close_ledger()


@pytest.fixture
def sample_dir(tmp_path: Path, migrated_template: Path) -> Path:
    """A data folder holding the hand-computed sample ledger (closed, ready for the CLI)."""
    from sample_ledger import build

    paths = new_ledger(tmp_path / "data", migrated_template)
    build(paths, tmp_path)
    close_ledger()
    return paths.root


@pytest.fixture(autouse=True)
def _collect_between_tests():
    """Once a GUI test has installed the GUI thread's collector (ui/system/collector), Python
    collects no cycles by itself in this worker: between tests, on the main thread, collect what
    the automatic collector would have."""
    yield
    import gc

    if not gc.isenabled():
        from laomo_desktop.ui.system.collector import collect_due

        collect_due(gc.get_threshold())


# The slowest tests (subprocesses, documents printed twice) go first, so that with one worker
# per core (make test) none of them starts last while the other worker idles.
SLOW_FIRST = ("tests/test_wheel.py", "tests/ui/test_fit_screen.py", "tests/ledger/test_as_of_year.py",
              "tests/store/test_crash.py", "tests/test_cli_lock.py", "tests/store/test_safety.py")


def pytest_collection_modifyitems(config, items) -> None:
    rank = {path: i for i, path in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable
