"""Importing a package as a job: real progress, and Cancel at any step leaves the ledger as it was."""

from __future__ import annotations

from exchange_helpers import snapshot

from laomo_desktop.exchange import importer
from laomo_desktop.work import Cancelled, Progress, drive


def test_import_reports_each_attachment_the_backup_and_the_rows(setup):
    ex, pkg, _ = setup
    seen: list[Progress] = []
    result = drive(importer.apply_steps(ex.office, pkg, trust_new_key=True), seen.append)
    assert result.applied and result.preview.total("new") > 0
    n_files = len(seen) - 4  # the check, a step per file, the backup, the rows (before, after)
    assert n_files >= 1  # the sample studio has attachments
    total = seen[0].total
    assert total == n_files + 3 and all(p.total == total for p in seen)
    assert [p.done for p in seen] == sorted(p.done for p in seen) and seen[-1].done == total
    assert any("附件" in p.text for p in seen) and any("备份" in p.text for p in seen)


def test_cancel_at_every_step_leaves_the_ledger_as_it_was(setup):
    ex, pkg, _ = setup
    steps: list[Progress] = []
    stop_after = 1
    while True:  # cancel after the first step, then the second, ... until nothing is left to stop
        before = snapshot(ex.office)[0]
        steps.clear()
        try:
            result = drive(importer.apply_steps(ex.office, pkg, trust_new_key=True,
                                                take_backup=False),
                           steps.append, cancelled=lambda k=stop_after: len(steps) == k)
        except Cancelled:
            assert snapshot(ex.office)[0] == before, f"cancelled after step {stop_after}"
            stop_after += 1
            continue
        break
    assert result.applied and stop_after == len(steps) + 1 >= 5  # the last step was cancelled too
