"""The check and the paste of many rows as jobs (work.py): progress in several steps, and a
paste stopped at any step adds no row."""

from __future__ import annotations

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import check
from laomo_desktop.ledger import paste as P
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, AuditEntry
from laomo_desktop.work import Cancelled, Progress, drive
from sample_ledger import build


@pytest.fixture
def u(ledger, tmp_path):
    return build(ledger, tmp_path)


def snapshot() -> tuple[int, ...]:
    return (AuditEntry.select().count(), *(MODELS[k.name].select().count() for k in S.KINDS))


def test_the_check_reports_each_check_as_a_step(u, ledger):
    seen: list[Progress] = []
    problems = drive(check.check_steps(ledger), seen.append)
    assert [p.text for p in seen] == [str(t) for t in (
        check.FILE_CHECK, check.ATTACHMENT_CHECK, check.RULE_CHECK, check.TEXT_CHECK)]
    assert [p.done for p in seen] == [0, 1, 2, 3] and {p.total for p in seen} == {4}
    assert problems == check.check_ledger(ledger)


def test_a_cancelled_check_changes_nothing(u, ledger):
    before = snapshot()
    seen: list[Progress] = []
    with pytest.raises(Cancelled):
        drive(check.check_steps(ledger), seen.append, lambda: len(seen) == 2)
    assert snapshot() == before


def _many(u, n: int) -> P.Preview:
    text = "制度名称\t制度类别\r\n" + "".join(f"制度{i}\t管理\r\n" for i in range(n))
    return P.preview("rule", u["A"], text)


def test_pasting_many_rows_reports_progress_in_batches(u, monkeypatch):
    monkeypatch.setattr(P, "BATCH", 10)
    seen: list[Progress] = []
    uids = drive(P.add_steps(_many(u, 45)), seen.append)
    assert len(uids) == 45
    assert len(seen) == 10 and seen[-1] == Progress(90, 90, str(P.ADDING_ROWS))
    assert [p.done for p in seen] == sorted(p.done for p in seen)


@pytest.mark.parametrize("stop", [1, 5, 10])
def test_a_cancelled_paste_adds_no_row(u, monkeypatch, stop):
    monkeypatch.setattr(P, "BATCH", 10)
    p = _many(u, 45)
    before = snapshot()
    seen: list[Progress] = []
    with pytest.raises(Cancelled):
        drive(P.add_steps(p), seen.append, lambda: len(seen) == stop)
    assert snapshot() == before


def test_a_failed_paste_adds_no_row(u, monkeypatch):
    monkeypatch.setattr(P, "BATCH", 10)
    p = _many(u, 45)
    before = snapshot()
    calls = []

    def insert(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise LaomoError("磁盘已满")
        return real(*args, **kwargs)

    real = P.writer.insert
    monkeypatch.setattr(P.writer, "insert", insert)
    with pytest.raises(LaomoError, match="磁盘已满"):
        drive(P.add_steps(p))
    assert snapshot() == before
