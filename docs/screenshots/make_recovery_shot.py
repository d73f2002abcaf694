"""The recovery dialog for the README: a ledger whose last page was cut off, three backups.
Run under Xvfb:  xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/make_recovery_shot.py [scale]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

if len(sys.argv) > 1:
    os.environ["QT_SCALE_FACTOR"] = sys.argv[1]

from laomo_desktop.ledger import demo  # noqa: E402
from laomo_desktop.paths import LedgerPaths  # noqa: E402
from laomo_desktop.store import backup  # noqa: E402
from laomo_desktop.store.database import close_ledger, open_ledger  # noqa: E402
from laomo_desktop.store.health import LedgerProblem  # noqa: E402
from laomo_desktop.ui import i18n  # noqa: E402
from laomo_desktop.ui.app import make_app  # noqa: E402
from laomo_desktop.ui.dialogs.recovery import RecoveryDialog  # noqa: E402

OUT = Path(__file__).parent


def main() -> int:
    app = make_app(sys.argv[:1])
    i18n.install(app, "zh_CN")
    paths = LedgerPaths(Path(tempfile.mkdtemp(prefix="laomo-shots-")))
    open_ledger(paths)
    now = datetime.now(UTC)
    list(demo.generate(2, 2))
    backup.take_backup(paths, "auto", now - timedelta(days=1, hours=3))
    backup.take_backup(paths, "pre-import", now - timedelta(hours=5))
    backup.take_backup(paths, "auto", now - timedelta(minutes=40))
    close_ledger()
    paths.db.write_bytes(paths.db.read_bytes()[:-1500])
    try:
        open_ledger(paths)
    except LedgerProblem as problem:
        dlg = RecoveryDialog(paths, problem)
    scale = sys.argv[1] if len(sys.argv) > 1 else "1"
    dlg.show()
    for _ in range(10):
        app.processEvents()
    name = "recovery-dialog.png" if scale == "1" else f"recovery-dialog-{scale}.png"
    dlg.grab().save(str(OUT / name))
    print(OUT / name, dlg.size().width(), dlg.size().height())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
