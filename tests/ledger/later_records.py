"""Ledgers of every kind of record around a statistics year, and changes dated after it.

`base_ledgers(per)` draws a studio (with a second one beside it) whose records lie before,
within and after the period `per`; `later_changes(per)` draws changes that all happen after
the period's end: records of every kind added with later dates, standing records closed
later, dates already after the end moved further on, records dated after the end deleted.
`apply_change` makes one change through the ledger services, as a user would.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.period import Period

TODAY = date(2026, 6, 1)  # the services' "today": dates up to 2031 are accepted
STUDIO, OTHER = "甲劳模创新工作室", "乙职工创新工作室"
NAMES = ("张三", "李四", "王五", "赵六", "钱七", "孙八", "周九")


def days(lo: date, hi: date, edges: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    """Days from lo to hi; `edges` (days of the period's edges within them) drawn more often."""
    any_day = st.integers(0, max((hi - lo).days, 0)).map(lambda n: (lo + timedelta(n)).isoformat())
    near = [e for e in edges if lo.isoformat() <= e <= hi.isoformat()]
    return st.one_of(st.sampled_from(near), any_day) if near else any_day


def edges(per: Period) -> tuple[str, ...]:
    """The days on either side of the period's first and last day."""
    return (per.day_before, per.start, per.end, later(per.end, 1))


def bounds(per: Period) -> tuple[date, date, date]:
    """(earliest, first day after the period, latest) of the drawn dates."""
    start, end = date.fromisoformat(per.start), date.fromisoformat(per.end)
    return start - timedelta(700), end + timedelta(1), end + timedelta(420)


def later(d: str, n: int) -> str:
    return (date.fromisoformat(d) + timedelta(n)).isoformat()


def _span(draw, anyday) -> tuple[str | None, str | None]:
    """A start (maybe unknown) and an end (maybe none) not before it."""
    a = draw(st.none() | anyday)
    b = draw(st.none() | anyday)
    if a and b and b < a:
        a, b = b, a
    return a, b


LEVELS = st.sampled_from(["national", "provincial", "city", "district", "enterprise"])
PARTY = st.sampled_from(["none", "pioneer_post", "party_group", "party_branch"])
STATUS = st.sampled_from([None, "valid", "under_review", "revoked", "removed", "renamed"])
SKILLS = st.sampled_from(["grade5", "grade4", "grade3", "grade2", "grade1"])


@st.composite
def naming(draw, lo: date, hi: date) -> dict:
    d = draw(days(lo, hi))
    status = draw(STATUS)
    return {"level": draw(LEVELS), "demonstration": draw(st.booleans()), "date": d,
            "body": draw(st.sampled_from([None, "市总工会"])), "status": status,
            "status_on": draw(days(date.fromisoformat(d), hi)) if status else None,
            "next_review": draw(st.none() | days(date.fromisoformat(d) + timedelta(1),
                                                 hi + timedelta(1)))}


@st.composite
def base_ledgers(draw, per: Period) -> list[tuple]:
    """Steps (kind, key, studio key, values); values refer to earlier records as ("@", key)."""
    early, after, late = bounds(per)
    end = after - timedelta(1)
    anyday = days(early, late, edges(per))
    founded = draw(days(early - timedelta(300), end))
    f = date.fromisoformat(founded)
    since_founding = days(f, late, edges(per))  # history lists begin with the studio
    steps: list[tuple] = [("studio", "A", None, {
        "name": STUDIO, "host_unit": "江城供电公司", "founded_on": founded,
        "has_plaque": draw(st.booleans()), "room_address": draw(st.sampled_from([None, "一号楼"])),
        "room_area": draw(st.sampled_from([None, 0, 60])),
        "party_org": draw(st.none() | PARTY), "party_org_founded_on": draw(st.none() | anyday),
        "recognitions": draw(st.lists(naming(f, late), max_size=3)),
        "party_changes": draw(st.lists(st.fixed_dictionaries(
            {"party_org": PARTY, "date": since_founding}), max_size=2,
            unique_by=lambda c: c["date"])),
        "leaders": draw(st.lists(st.fixed_dictionaries(
            {"name": st.sampled_from(NAMES), "since": since_founding}), max_size=2,
            unique_by=lambda c: c["since"])),
    })]
    n = draw(st.integers(2, 6))
    for i in range(n):
        joined, left = _span(draw, anyday)
        role = "leader" if i == 0 else draw(st.sampled_from(["core", "member"]))
        steps.append(("member", f"m{i}", "A", {
            "name": NAMES[i], "role": role, "party_member": draw(st.booleans()),
            "joined_on": joined, "left_on": None if i == 0 else left,
            "skill_levels": [{"level": lv, "date": d} for lv, d in draw(st.lists(
                st.tuples(SKILLS, anyday), max_size=2, unique_by=lambda t: t[1]))]}))
    member = st.integers(0, n - 1).map(lambda i: ("@", f"m{i}"))
    members = st.lists(st.integers(0, n - 1), unique=True, max_size=3).map(
        lambda ix: [{"member": ("@", f"m{i}")} for i in ix])
    for i in range(draw(st.integers(0, 2))):
        agreed, ended = _span(draw, anyday)
        master = draw(st.integers(0, n - 1))
        pupil = draw(st.integers(0, n - 1))
        steps.append(("mentorship", f"ms{i}", "A", {
            "master": ("@", f"m{master}"),
            "apprentice": ("@", f"m{pupil}") if pupil != master else None,
            "apprentice_name": "外单位徒弟" if pupil == master else None,
            "agreement_date": agreed or founded, "goal": "技能提升",
            "graduated_on": ended if ended and ended >= (agreed or founded) else None,
            "promoted": draw(st.booleans())}))
    for i in range(draw(st.integers(0, 3))):
        since, until = _span(draw, anyday)
        steps.append(("rule", f"rule{i}", "A", {
            "title": f"制度{i}", "category": draw(st.sampled_from(["training", "funds", "other"])),
            "adopted_on": since, "repealed_on": until, "on_wall": draw(st.booleans())}))
    for i in range(draw(st.integers(0, 3))):
        since, until = _span(draw, anyday)
        steps.append(("equipment", f"eq{i}", "A", {
            "name": f"设备{i}", "quantity": draw(st.integers(1, 3)), "value_fen": 120_000,
            "acquired_on": since, "disposed_on": until}))
    for i in range(draw(st.integers(0, 2))):
        start = draw(anyday)
        stop = draw(st.none() | anyday)
        steps.append(("project", f"p{i}", "A", {
            "title": f"课题{i}", "type": "breakthrough", "start_date": start,
            "end_date": stop if stop and stop >= start else None,
            "status": draw(st.sampled_from(["approved", "in_progress", "concluded"])),
            "leader": draw(st.none() | member), "participants": draw(members)}))
    for i in range(draw(st.integers(0, 5))):
        steps.append(("activity", f"a{i}", "A", {
            "date": draw(anyday), "topic": f"活动{i}",
            "type": draw(st.sampled_from(["training", "meeting", "exchange", "party", "contest"])),
            "hours": draw(st.sampled_from([None, 2, 3.5])),
            "outside_count": draw(st.sampled_from([None, 5, 12])), "attendees": draw(members)}))
    for i in range(draw(st.integers(0, 3))):
        d = draw(anyday)
        patent = draw(st.booleans())
        values = {"title": f"成果{i}", "type": "patent" if patent else
                  draw(st.sampled_from(["renovation", "operating_method", "suggestion"])),
                  "date": d, "contributors": [{"member": draw(member)}],
                  "applied_where": draw(st.sampled_from([None, "本单位"])),
                  "applied_since": draw(st.none() | anyday)}
        if draw(st.booleans()):
            values.update(award_name="市职工技术创新成果",
                          award_year=draw(st.none() | st.integers(per.year - 1, per.year + 1)))
        if patent:
            granted = draw(st.none() | days(date.fromisoformat(d), late))
            values.update(patent_kind=draw(st.sampled_from(["invention", "utility"])),
                          patent_filed_on=d, patent_status="granted" if granted else "filed",
                          patent_granted_on=granted)
        steps.append(("result", f"r{i}", "A", values))
    years = st.integers(per.year - 1, per.year + 1)
    for i in range(draw(st.integers(0, 2))):
        steps.append(("benefit", f"b{i}", "A", {
            "year": draw(years), "amount_fen": draw(st.sampled_from([500_000, 12_345_600])),
            "kind": "saving", "basis": f"节约费用{i}"}))
    for i in range(draw(st.integers(0, 4))):
        income = draw(st.booleans())
        steps.append(("fund", f"f{i}", "A", {
            "date": draw(anyday), "direction": "income" if income else "expense",
            "source": "union" if income else None, "category": None if income else "training",
            "amount_fen": draw(st.sampled_from([100_000, 2_500_000]))}))
    for y in sorted(draw(st.sets(years, max_size=2))):
        steps.append(("plan", f"plan{y}", "A", {
            "year": y, "problems": f"{y} 年的问题", "next_year": f"{y + 1} 年的打算",
            "targets": [{"metric": "training_sessions", "value": 2},
                        {"metric": "benefit_fen", "value": 5_000_000}]}))
    for i in range(draw(st.integers(0, 2))):
        steps.append(("honour", f"h{i}", "A", {
            "name": f"荣誉{i}", "level": "city", "year": draw(years),
            "holder": draw(st.none() | member)}))
    other = draw(days(early, late))
    steps += [("studio", "B", None, {
        "name": OTHER, "host_unit": "滨海公交集团", "founded_on": other, "party_org": "party_group",
        "recognitions": [{"level": "city", "date": other}]}),
        ("member", "B0", "B", {"name": "周红", "role": "leader"}),
        ("activity", "B1", "B", {"date": draw(anyday), "type": "training",
                                 "topic": "驾驶培训", "outside_count": 30})]
    return steps


def build(steps: list[tuple]) -> dict[str, str]:
    """Create the drawn records; returns their uids by key."""
    uids: dict[str, str] = {}

    def resolve(v):
        if isinstance(v, tuple) and v[:1] == ("@",):
            return uids[v[1]]
        if isinstance(v, list):
            return [resolve(x) for x in v]
        if isinstance(v, dict):
            return {k: resolve(x) for k, x in v.items()}
        return v

    for kind, key, studio, values in steps:
        uids[key] = R.create(kind, studio and uids[studio], resolve(values), today=TODAY)["uid"]
    return uids


# ---- changes dated after the period --------------------------------------------------------

ADDABLE = ("member", "leader", "equipment", "rule", "mentorship", "project", "activity",
           "result", "fund", "benefit", "honour", "plan", "naming", "party_change", "skill",
           "studio")
CLOSABLE = ("member", "mentorship", "rule", "equipment", "project", "patent", "naming",
            "award", "rollout")
MOVABLE = ("member", "mentorship", "rule", "equipment", "project", "activity", "result", "fund",
           "benefit", "honour", "plan")
DELETABLE = (*MOVABLE, "naming", "party_change", "leader")


def later_changes(per: Period) -> st.SearchStrategy[list[tuple]]:
    """("add", what, day, pick, n) / ("close", what, day, pick, n) / ("move", what, _, pick, n) /
    ("delete", what, _, pick, n): `day` after the period's end, `pick` chooses among the
    eligible records (modulo their number), `n` a small number for variety."""
    _, after, late = bounds(per)
    day = days(after, late, edges(per))
    pick = st.integers(0, 20)
    n = st.integers(1, 400)
    return st.lists(st.one_of(
        st.tuples(st.just("add"), st.sampled_from(ADDABLE), day, pick, n),
        st.tuples(st.just("close"), st.sampled_from(CLOSABLE), day, pick, n),
        st.tuples(st.just("move"), st.sampled_from(MOVABLE), day, pick, n),
        st.tuples(st.just("delete"), st.sampled_from(DELETABLE), day, pick, n),
    ), min_size=1, max_size=8)


SINCE = {"member": "joined_on", "mentorship": "agreement_date", "rule": "adopted_on",
         "equipment": "acquired_on", "project": "start_date", "activity": "date",
         "result": "date", "fund": "date"}
UNTIL = {"member": "left_on", "mentorship": "graduated_on", "rule": "repealed_on",
         "equipment": "disposed_on", "project": "end_date"}
YEARLY = ("benefit", "honour", "plan")


def _live(kind: str, studio: str) -> list[dict]:
    return R.list_records(kind, studio)


def _chosen(items: list, pick: int):
    return items[pick % len(items)] if items else None


def apply_change(change: tuple, per: Period, uids: dict[str, str]) -> str:
    """Make one change; returns what was done (for the failure message), or "" when the drawn
    change has no record to act on or the services refuse it (each service call changes the
    ledger completely or not at all, and each is itself a change dated after the period)."""
    action, what, day, pick, n = change
    try:
        return {"add": _add, "close": _close, "move": _move, "delete": _delete}[action](
            what, day, pick, n, per, uids["A"])
    except LaomoError:
        return ""


def _add(what: str, day: str, pick: int, n: int, per: Period, studio: str) -> str:
    people = _live("member", studio)
    someone = people[pick % len(people)]["uid"] if people else None
    if what == "member":
        R.create("member", studio, {"name": f"新成员{n}", "role": "core", "joined_on": day,
                                    "party_member": n % 2 == 0,
                                    "skill_levels": [{"level": "grade3", "date": day}]},
                 today=TODAY)
    elif what == "leader":
        for m in people:
            if m["role"] == "leader" and not m["left_on"]:
                R.update("member", m["uid"], {"left_on": day}, today=TODAY)
        R.create("member", studio, {"name": f"新领衔人{n}", "role": "leader", "joined_on": day},
                 today=TODAY)
        s = R.get("studio", studio)
        if all(ld["since"] != day for ld in s["leaders"]):  # one entry a day
            R.update("studio", studio, {"leaders": [*s["leaders"],
                                                    {"name": f"新领衔人{n}", "since": day}]},
                     today=TODAY)
    elif what == "studio":  # a studio founded after the period, with its first records
        new = R.create("studio", None, {
            "name": f"后成立的工作室{n}", "host_unit": "新单位", "founded_on": day,
            "party_org": "party_branch", "recognitions": [{"level": "provincial", "date": day}]},
            today=TODAY)["uid"]
        head = R.create("member", new, {"name": "新人", "role": "leader", "joined_on": day},
                        today=TODAY)["uid"]
        R.create("activity", new, {"date": day, "type": "training", "topic": "首次培训",
                                   "outside_count": n, "attendees": [{"member": head}]},
                 today=TODAY)
        R.create("result", new, {"title": "首项成果", "type": "renovation", "date": day},
                 today=TODAY)
    elif what in ("naming", "party_change"):
        s = R.get("studio", studio)
        child, item = (("recognitions", {"level": "national", "date": day, "demonstration": True})
                       if what == "naming" else ("party_changes",
                                                 {"party_org": "party_branch", "date": day}))
        if what == "naming" or all(c["date"] != day for c in s[child]):  # one change a day
            R.update("studio", studio, {child: [*s[child], item]}, today=TODAY)
    elif what == "skill":
        m = _chosen(people, pick)
        R.update("member", m["uid"], {"skill_levels": [
            *m["skill_levels"], {"level": "grade1", "date": day}]}, today=TODAY)
    else:
        values = {
            "equipment": {"name": f"新设备{n}", "quantity": 1, "value_fen": 990_000,
                          "acquired_on": day},
            "rule": {"title": f"新制度{n}", "category": "incentive", "adopted_on": day},
            "mentorship": {"master": someone, "apprentice_name": f"新徒弟{n}",
                           "agreement_date": day},
            "project": {"title": f"新课题{n}", "type": "renovation", "start_date": day,
                        "status": "approved", "participants": [{"member": someone}]},
            "activity": {"date": day, "type": "training", "topic": f"新培训{n}", "hours": 8,
                         "outside_count": n, "attendees": [{"member": someone}]},
            "result": {"title": f"新成果{n}", "type": "patent", "date": day,
                       "patent_kind": "utility", "patent_filed_on": day,
                       "patent_status": "granted", "patent_granted_on": later(day, 30),
                       "contributors": [{"member": someone}], "award_name": "省级奖"},
            "fund": {"date": day, "direction": "income", "source": "award",
                     "amount_fen": 7_700_000},
            "benefit": {"year": per.year + 1 + n % 2, "amount_fen": 88_000_000,
                        "kind": "saving", "basis": f"新效益{n}"},
            "honour": {"name": f"新荣誉{n}", "level": "national", "year": per.year + 1 + n % 2},
            "plan": {"year": per.year + 1 + n % 2, "problems": "以后的问题",
                     "targets": [{"metric": "results", "value": 9}]},
        }[what]
        R.create(what, studio, values, today=TODAY)
    return f"add {what} {day}"


def _after(value: str | None, per: Period) -> bool:
    return bool(value) and value > per.end


def _close(what: str, day: str, pick: int, n: int, per: Period, studio: str) -> str:
    """End a standing record after the period (or move a later end further on)."""
    if what == "naming":
        s = R.get("studio", studio)
        open_ = [i for i, r in enumerate(s["recognitions"])
                 if not r["status"] or r["status"] == "valid" or _after(r["status_on"], per)]
        if not open_:
            return ""
        i = _chosen(open_, pick)
        r = s["recognitions"][i]
        status = ("removed", "revoked", "under_review", "renamed")[n % 4]
        when = max(day, r["date"], later(r["status_on"], n) if r["status_on"] else day)
        items = [dict(x) for x in s["recognitions"]]
        items[i].update(status=status, status_on=when)
        R.update("studio", studio, {"recognitions": items}, today=TODAY)
        return f"naming {r['date']} {status} on {when}"
    if what in ("award", "rollout"):
        return _later_result_fact(what, day, pick, n, per, studio)
    kind = "result" if what == "patent" else what
    rows = _live(kind, studio)
    if what == "patent":
        rows = [r for r in rows if r["type"] == "patent"
                and (r["patent_status"] != "granted" or _after(r["patent_granted_on"], per))]
        field = "patent_granted_on"
    else:
        field = UNTIL[what]
        rows = [r for r in rows if not r[field] or _after(r[field], per)]
        if what == "mentorship":
            rows = [r for r in rows if not r["ended_on"] or _after(r["ended_on"], per)]
    r = _chosen(rows, pick)
    if r is None:
        return ""
    floor = [x for x in (r.get(SINCE.get(kind, "date")), r.get("patent_filed_on")) if x]
    when = max([day, *floor, *([later(r[field], n)] if r[field] else [])])
    values = {field: when}
    if what == "patent":
        values["patent_status"] = "granted"
    elif what == "project":
        values["status"] = "concluded"
    elif what == "mentorship" and n % 2:
        values["promoted"] = True
    elif what == "mentorship":
        values = {"graduated_on": None, "ended_on": max(when, r["ended_on"] or when)}
    R.update(kind, r["uid"], values, today=TODAY)
    return f"close {what} {r.get(SINCE.get(kind, 'date'))} → {values}"


def _later_result_fact(what: str, day: str, pick: int, n: int, per: Period,
                       studio: str) -> str:
    """A result wins an award in a later year, or is put to use after the period."""
    rows = _live("result", studio)
    if what == "award":
        r = _chosen([r for r in rows if not r["award_name"]
                     or (r["award_year"] or 0) > per.year], pick)
        if r is None:
            return ""
        year = max(per.year + 1 + n % 2, r["award_year"] or 0)
        values = {"award_name": "省职工优秀技术创新成果", "award_level": "provincial",
                  "award_grade": "first", "award_year": year}
    else:
        r = _chosen([r for r in rows if not r["applied_where"] or _after(r["applied_since"], per)],
                    pick)
        if r is None:
            return ""
        values = {"applied_where": "全省推广",
                  "applied_since": max(day, r["applied_since"] or day)}
    R.update("result", r["uid"], values, today=TODAY)
    return f"{what} of result {r['date']}: {values}"


def _move(what: str, day: str, pick: int, n: int, per: Period, studio: str) -> str:
    """A record dated after the period moved further into the future."""
    if what in YEARLY:
        rows = [r for r in _live(what, studio) if r["year"] > per.year]
        r = _chosen(rows, pick)
        if r is None:
            return ""
        R.update(what, r["uid"], {"year": r["year"] + 1}, today=TODAY)
        return f"move {what} {r['year']} → {r['year'] + 1}"
    field = SINCE[what]
    rows = [r for r in _live(what, studio) if _after(r[field], per)]
    r = _chosen(rows, pick)
    if r is None:
        return ""
    values = {field: later(r[field], n)}
    until = UNTIL.get(what)
    if until and r[until] and r[until] < values[field]:
        values[until] = values[field]
    if what == "result" and r["type"] == "patent":
        values.update(patent_filed_on=max(r["patent_filed_on"] or values[field], values[field]))
        if r["patent_granted_on"]:
            values["patent_granted_on"] = max(r["patent_granted_on"], values["patent_filed_on"])
    if what == "mentorship" and r["ended_on"] and r["ended_on"] < values[field]:
        values["ended_on"] = values[field]
    R.update(what, r["uid"], values, today=TODAY)
    return f"move {what} {r[field]} → {values}"


def _delete(what: str, day: str, pick: int, n: int, per: Period, studio: str) -> str:
    """A record dated after the period moved to the recycle bin (or a later list entry
    removed)."""
    if what in ("naming", "party_change", "leader"):
        child, field = {"naming": ("recognitions", "date"), "party_change": ("party_changes",
                                                                           "date"),
                        "leader": ("leaders", "since")}[what]
        s = R.get("studio", studio)
        later_ones = [i for i, x in enumerate(s[child]) if _after(x[field], per)]
        if not later_ones:
            return ""
        i = _chosen(later_ones, pick)
        R.update("studio", studio, {child: [x for j, x in enumerate(s[child]) if j != i]},
                 today=TODAY)
        return f"delete {what} {s[child][i]}"
    if what in YEARLY:
        rows = [r for r in _live(what, studio) if r["year"] > per.year]
    else:
        rows = [r for r in _live(what, studio) if _after(r[SINCE[what]], per)]
    r = _chosen(rows, pick)
    if r is None:
        return ""
    R.trash(what, r["uid"])
    return f"delete {what} {r.get(SINCE.get(what, 'year'))}"
