"""Projects: under way from their start to their end, the end day included; their status at a
period's end is 进行中 while they last (a recorded 结题 cannot say what they were then)."""

from __future__ import annotations

from typing import Any

from laomo_desktop.ledger.kinds.base import FEN, KindRules, Span, before
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    before(kind, row, errors, "start_date", "end_date")


def status_at_end(record: dict, p: Any) -> str | None:
    """A project's status at the end of period `p`."""
    end = record.get("end_date")
    return E.ProjectStatus.IN_PROGRESS.value if not end or end > p.end else record.get("status")


def _known_at_end(record: dict, out: dict, p: Any) -> None:
    if "status" in out:
        out["status"] = status_at_end(record, p)


RULES = KindRules(
    validate=_validate,
    span=Span("start_date", ("end_date",), until_included=True),
    later={"end_date": ()},
    known_at_end=_known_at_end,
    people_lists=frozenset({"participants"}),
    section=Both("创新课题", "Projects"),
    columns=("title", "type", "level", "status", "leader", "start_date", "end_date",
             "budget_fen"),
    totals=("title", (("budget_fen", FEN),)),
    count_words=("本年度在研课题", "Projects under way", "项"),
)
