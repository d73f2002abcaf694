"""The figures of the registers unions count (合理化建议, QC 小组, 劳模工匠助企行) and of a
mentoring pair's 出师 grade, renewal and records, for one studio-year: SQL aggregates with the
same named parameters as ledger/stats.py's QUERIES, which takes these in.

As of the year (DOMAIN.md): a proposal and a service to a firm belong to the year of their
date, a QC group to the year it is registered for; a proposal's stage is the one reached by the
period's end (ledger/kinds/proposal.py). The union summary (ledger/union.py) counts the same
records per studio with UNION_QUERIES."""

from __future__ import annotations

from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger.kinds.proposal import CHAIN, rank_sql
from laomo_desktop.ledger.meanings import IN_YEAR, LIVE
from laomo_desktop.store import enums as E

PROPOSAL, FIRM_SERVICE, QC_GROUP = (M.table(k) for k in ("proposal", "firm_service", "qc_group"))
SERVERS = M.child_table("firm_service", "servers")
MENTORSHIP, MENTOR_RECORD = M.table("mentorship"), M.child_table("mentorship", "records")
P, Q = E.ProposalStatus, E.QcStage
ADOPTED, IMPLEMENTED, ACCEPTED = (CHAIN.index(s) for s in (P.ADOPTED, P.IMPLEMENTED, P.ACCEPTED))
# a firm is the same firm whatever spaces were typed around its name
FIRM = "nullif(trim(firm), '')"

_PROPOSALS = (f"count(*), total({rank_sql()} >= {ADOPTED}), total({rank_sql()} >= {IMPLEMENTED}),"
              f" total({rank_sql()} >= {ACCEPTED}), total(amount_fen)")
_QC = (f"count(*), total(stage = '{Q.FINISHED.value}'), total(result IS NOT NULL), "
       "total(award_level IS NOT NULL)")
_FIRMS = (f"count(*), count(DISTINCT {FIRM}), total(solved), total(trained), "
          f"total((SELECT count(*) FROM {SERVERS} c WHERE c.parent_id = t.id))")

QUERIES: dict[str, str] = {
    "proposals": f"""
        SELECT {_PROPOSALS} FROM {PROPOSAL} t
        WHERE studio_id = :sid AND {LIVE} AND date {IN_YEAR}""",
    "qc_groups": f"""
        SELECT {_QC} FROM {QC_GROUP} t WHERE studio_id = :sid AND {LIVE} AND year = :year""",
    "firm_services": f"""
        SELECT {_FIRMS} FROM {FIRM_SERVICE} t
        WHERE studio_id = :sid AND {LIVE} AND date {IN_YEAR}""",
    "mentoring_registers": f"""
        SELECT total(grade = '{E.MentorGrade.EXCELLENT.value}' AND graduated_on {IN_YEAR}),
               total(renewed_on {IN_YEAR}),
               (SELECT count(*) FROM {MENTOR_RECORD} r JOIN {MENTORSHIP} m ON m.id = r.parent_id
                WHERE m.studio_id = :sid AND m.{LIVE} AND r.date {IN_YEAR})
        FROM {MENTORSHIP} t WHERE studio_id = :sid AND {LIVE}""",
}

_FIRM_FIGURES = ("firm_services", "firms_served", "firm_problems_solved", "firm_workers_trained",
                 "firm_service_person_times")
# query → the YearFigures attributes its columns fill, in order
FIGURES: dict[str, tuple[str, ...]] = {
    "proposals": ("proposals_total", "proposals_adopted", "proposals_implemented",
                  "proposals_accepted", "proposal_benefit_fen"),
    "qc_groups": ("qc_groups", "qc_groups_finished", "qc_groups_with_result",
                  "qc_groups_awarded"),
    "firm_services": _FIRM_FIGURES,
    "mentoring_registers": ("apprentices_excellent", "mentoring_renewed", "mentoring_records"),
}


def register_figures(run) -> dict[str, int]:
    """attribute → value of every figure above; `run(name)` runs QUERIES[name] (the stats'
    parameters) and returns its rows."""
    out: dict[str, int] = {}
    for name, attrs in FIGURES.items():
        row = run(name)[0]
        out.update({a: int(v or 0) for a, v in zip(attrs, row, strict=True)})
    return out


# The union summary: the same counts for every studio at once (GROUP BY studio_id); the keys
# are the figures' names, so a summary row reads like studio_year's figures.
UNION_QUERIES: dict[str, str] = {
    "proposals": f"""
        SELECT studio_id, {_PROPOSALS}
        FROM {PROPOSAL} t WHERE {LIVE} AND date {IN_YEAR} GROUP BY studio_id""",
    "qc_groups": f"""
        SELECT studio_id, {_QC} FROM {QC_GROUP} t WHERE {LIVE} AND year = :year
        GROUP BY studio_id""",
    "firm_services": f"""
        SELECT studio_id, {_FIRMS} FROM {FIRM_SERVICE} t WHERE {LIVE} AND date {IN_YEAR}
        GROUP BY studio_id""",
    "mentoring_registers": f"""
        SELECT studio_id, total(grade = '{E.MentorGrade.EXCELLENT.value}'
                                AND graduated_on {IN_YEAR}),
               total(renewed_on {IN_YEAR}),
               total((SELECT count(*) FROM {MENTOR_RECORD} r WHERE r.parent_id = t.id
                      AND r.date {IN_YEAR}))
        FROM {MENTORSHIP} t WHERE {LIVE} GROUP BY studio_id""",
}
UNION_FIGURES = FIGURES  # every register figure, each column as studio_year's
UNION_NUMBERS: tuple[str, ...] = tuple(k for keys in UNION_FIGURES.values() for k in keys)
