"""The figures of one studio-year as a typed object: what ledger.stats.studio_year returns.

Every figure is an attribute with a type and a note on what it counts and as of which day, so a
reader (the reports, the dashboard, the assessment, `laomo stats`) names it once and a typo is
an AttributeError at the line that made it, not a KeyError somewhere else. "In the period"
means the statistics year's days (ledger/period.py), start to end inclusive; "at the end" means
standing records in force on its last day (ledger/asof.py). Money is integer fen.

Where something needs the figures by name — the assessment templates' "metric", the dashboard's
tiles, the plans' targets — it goes through the registry (ledger/metrics.py), which names each
figure's attribute once. `as_json` is the one mapping of the whole object (`laomo stats --json`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from laomo_desktop.store import enums as E
from laomo_desktop.texts import Both, Rendered


@dataclass(frozen=True)
class StudioThen:
    """The studio as it stood on the period's last day."""

    uid: str
    name: str
    founded_on: str | None
    founded: bool
    """Founded by the period's end (or no founding date recorded)."""
    party_org: str
    """E.PartyOrg code in force at the end ("none" when there was none)."""
    level: str | None
    """The highest level (E.Level) among the namings valid at the end; None: not named."""
    leader: str | None
    """The leader's name at the end; None: none recorded."""


@dataclass(frozen=True)
class TargetResult:
    """One target of the year's plan against the figure it is measured by (metrics.BY_TARGET)."""

    metric: str
    """E.TargetMetric code."""
    label: str
    target: int | float
    actual: int | float
    met: bool
    progress: float
    """actual / target, capped at 9.99 (1.0 for a target of 0)."""


@dataclass(frozen=True)
class MustHave:
    """One of the eight must-haves (八个必有) as of the period."""

    item: str
    """Its code: sign, room, equipment, participation, rules, funds, ledger, results."""
    label: Both
    met: bool
    section: str
    """The ledger section where it is recorded (where "go and complete" leads)."""
    evidence: list[dict]
    """Up to five records that show it ({kind, uid, title}); empty when it is not met."""
    detail: Rendered
    """What was found, or what is missing, worded when shown."""


@dataclass(frozen=True)
class YearFigures:
    """Every figure of one studio and statistics year (DOMAIN §3)."""

    year: int
    """The statistics year."""
    start: str
    """The period's first day (ISO)."""
    end: str
    """The period's last day (ISO): every "at the end" figure is as of this day."""
    period_label: str
    period_short: str
    studio: StudioThen

    activities_by_type: dict[str, int]
    """Live activities dated in the period, by E.ActivityType code."""
    activities_total: int
    """Live activities dated in the period."""
    training_sessions: int
    """Trainings dated in the period."""
    training_person_times: int
    """Person-times of those trainings (meanings.person_times_sql), entered counts only."""
    training_hours: float
    """Hours of those trainings, entered hours only."""
    training_without_count: int
    """Trainings in the period with no participants entered (left out of the person-times)."""
    training_without_hours: int
    """Trainings in the period with no hours entered (left out of the hours)."""
    exchanges: int
    """Technical exchanges dated in the period."""

    projects_by_type: dict[str, int]
    """Projects that lasted into the period, by E.ProjectType code."""
    projects_by_status: dict[str, int]
    """The same projects by their status at the period's end."""
    projects_total: int
    """Projects that lasted into the period (under way at some day of it)."""
    projects_started: int
    """Of those, started in the period."""
    projects_open_call: int
    """Of the projects under way, those taken by open call (揭榜挂帅, their source)."""

    results_by_type: dict[str, int]
    """Results dated in the period, by E.ResultType code."""
    results_total: int
    """Results dated in the period."""
    results_awarded: int
    """Of those, awarded by the period's end."""
    results_rolled_out: int
    """Of those, rolled out by the period's end."""
    results_technical: int
    """Of those, of a technical type (E.TECHNICAL_RESULT_TYPES)."""
    results_cumulative: int
    """Results dated up to the period's end."""
    patents_by_kind: dict[str, int]
    """Patent results dated in the period, by patent kind."""
    patents_total: int
    """Patent results dated in the period (by the result's date)."""
    patents_total_granted: int
    """Of those, granted by the period's end."""
    patents_filed: int
    """Patents filed in the period (by 申请日), whatever the result's date."""
    patents_granted: int
    """Patents granted in the period (by 授权日), results of earlier years included."""

    benefit_fen: int
    """Economic benefit of the statistics year."""
    benefit_wan: float
    """The same in 万元, six decimals (exact to the fen)."""
    benefit_cumulative_fen: int
    """Economic benefit of every year up to the statistics year."""
    benefit_cumulative_wan: float
    """The same in 万元, six decimals."""
    fund_income_fen: int
    """Fund income dated in the period."""
    fund_expense_fen: int
    """Fund expense dated in the period."""
    fund_income_by_source: dict[str, int]
    """That income by E.FundSource code."""
    fund_expense_by_category: dict[str, int]
    """That expense by E.FundCategory code."""
    fund_balance_fen: int
    """Income less expense of every entry up to the period's end."""
    fund_carried_in_fen: int
    """Income less expense of every entry before the period: carried over into it."""

    members_total: int
    """Members in the team at the period's end."""
    members_party: int
    """Of those, party members."""
    leaders: int
    """Of those, leaders (meanings.is_leader_sql)."""
    promotions: int
    """Members promoted to a higher skill level in the period while in the team."""
    promotions_cumulative: int
    """Members promoted up to the period's end while in the team."""
    mentoring_pairs: int
    """Mentoring pairs that lasted into the period."""
    apprentices: int
    """Distinct apprentices of those pairs."""
    mentoring_new: int
    """Pairs whose agreement is dated in the period."""
    apprentices_graduated: int
    """Pairs that graduated in the period."""
    apprentices_promoted: int
    """Of those, graduated and promoted."""
    participating_members: int
    """Distinct members who attended an activity dated in the period."""

    years_running: int
    """Whole years from the founding date to the period's end (0 when none is recorded)."""
    party_quarters: int
    """Quarters of the period (its months 1–3, 4–6, …) with a party activity."""
    has_plaque: int
    """1 when the studio's profile says its plaque is hung (the profile has no history)."""
    has_honour_board: int
    """1 when the profile says it has an honour board (no history)."""
    rules_on_wall: int
    """1 when the profile says its rules are on the wall (no history)."""
    record_counts: dict[str, int]
    """<kind> → how many of its records count for the period (metrics.COUNTED): standing
    records in force at its end, pairs and projects that lasted into it, dated records up to
    its end, yearly ones up to its year."""

    targets: tuple[TargetResult, ...]
    """The year's plan's targets, in the plan's order (empty: no plan or no target)."""
    must_haves: tuple[MustHave, ...]
    """The eight must-haves, in their fixed order."""

    # ---- the registers unions count (ledger/registers.py) ----
    proposals_total: int = 0
    """Rationalisation proposals dated (提出) in the period."""
    proposals_adopted: int = 0
    """Of those, adopted by the period's end (采纳, 实施 or 验收 reached by then)."""
    proposals_implemented: int = 0
    """Of those, implemented by the period's end (实施 or 验收)."""
    proposals_accepted: int = 0
    """Of those, accepted (验收) by the period's end."""
    proposal_benefit_fen: int = 0
    """The economic benefit entered on those proposals."""
    qc_groups: int = 0
    """QC groups registered for the statistics year."""
    qc_groups_finished: int = 0
    """Of those, finished (已结题)."""
    qc_groups_with_result: int = 0
    """Of those, with a result entered (the 成果率's numerator)."""
    qc_groups_awarded: int = 0
    """Of those, with an award level entered."""
    firm_services: int = 0
    """Services to firms (助企行 / 技术服务) dated in the period."""
    firms_served: int = 0
    """Distinct firms among those (by name)."""
    firm_problems_solved: int = 0
    """Of those services, the problems solved."""
    firm_workers_trained: int = 0
    """The firms' workers trained in those services (person-times)."""
    firm_service_person_times: int = 0
    """The studio's people who served in them (person-times)."""
    apprentices_excellent: int = 0
    """Pairs that graduated in the period with the 出师 grade 优秀."""
    mentoring_renewed: int = 0
    """Mentoring agreements renewed in the period."""
    mentoring_records: int = 0
    """Mentoring records (带徒记录) dated in the period."""
    # ---- grants (补助资金) ----
    grants_received_fen: int = 0
    """Grants received in the period (by 到账日期)."""
    grants_spent_fen: int = 0
    """Expenses dated in the period drawn on the studio's grants."""

    # ---- alliances (联盟, ledger/alliances.py) ----
    alliances_joined: int = 0
    """Alliances the studio was in at the period's end (as leader or member)."""
    alliances_led: int = 0
    """Of those, the ones it leads (盟主)."""
    alliance_projects: int = 0
    """Projects tied to one of its alliances that lasted into the period (joint projects)."""
    alliance_funds_received_fen: int = 0
    """Alliance fund income dated in the period."""
    alliance_funds_spent_fen: int = 0
    """Alliance fund expenses dated in the period."""

    @property
    def party_activities(self) -> int:
        """Party activities dated in the period."""
        return self.activities_by_type.get(E.ActivityType.PARTY.value, 0)

    @property
    def targets_total(self) -> int:
        """Targets in the year's plan."""
        return len(self.targets)

    @property
    def targets_met(self) -> int:
        """Of those, met."""
        return sum(t.met for t in self.targets)

    def activities_of(self, activity_type: str) -> int:
        """Activities of one E.ActivityType dated in the period."""
        return self.activities_by_type.get(activity_type, 0)

    def must_have(self, item: str) -> MustHave:
        """The must-have with code `item`."""
        return next(m for m in self.must_haves if m.item == item)


def as_json(figures: YearFigures) -> dict[str, Any]:
    """The whole object as plain JSON-able data (`laomo stats --json`): each attribute under
    its name, the must-haves' label and detail worded in the current language."""
    out = dataclasses.asdict(figures)
    out["targets"] = [dataclasses.asdict(t) for t in figures.targets]
    out["must_haves"] = [{**dataclasses.asdict(m), "label": str(m.label), "detail": str(m.detail)}
                         for m in figures.must_haves]
    return out
