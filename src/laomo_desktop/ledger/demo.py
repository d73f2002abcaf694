"""Sample studios for trying the program out and for load tests: one BulkWriter batch each.

Drawn from one random.Random(seed) and `today` only: same seed and day, same ledger (but uids).
A studio's life (namings reviewed every two years, a re-review, a plaque removed, a leader who
handed over, a party organisation that grew, equipment disposed of, a rule revised, pairs ended
without 出师) is drawn from a second generator per studio, seeded from the same seed, so that
it leaves the rest of the sample as it was. The one-off events of a run (one re-review, one
plaque removed, one change of leader) go to the first studios they fit.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.ledger.demo_life import LEVELS, Life, Member, years_after
from laomo_desktop.ledger.demo_union import UnionYear
from laomo_desktop.ledger.demo_words import (
    CITIES,
    DEV,
    ENG_TITLES,
    EQUIP,
    INDUSTRIES,
    MED_TITLES,
    MEMBER_HONOURS,
    OTHER_ACTS,
    POINTS,
    PROBLEM,
    PROJ,
    PROJ_TYPES,
    RESULT_TYPES,
    RULES,
    STUDIO_HONOURS,
    TRAIN,
    TRAIN_GEN,
    UNION,
    W,
)
from laomo_desktop.ledger.money import FEN_PER_WAN
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import MODELS, database
from laomo_desktop.texts import Both, Text
from laomo_desktop.work import Job, Progress

HEAVY = (42, 10)  # studios, years for --heavy
# members, trainings a year, person-times a year, other activities, projects, results, new pairs
PROFILES = {"busy": ((25, 35), (55, 66), (1600, 2500), (22, 38), (4, 8), (18, 30), (3, 5)),
            "normal": ((20, 28), (40, 55), (1300, 1800), (18, 30), (3, 6), (12, 20), (2, 4)),
            "small": ((15, 18), (10, 24), (200, 600), (6, 12), (1, 3), (6, 12), (1, 2))}
LEADING = ("leader", "core")


class _Studio(Life, UnionYear):
    """One studio; the random generator is shared, so a whole run is one sequence."""

    def __init__(self, rng: random.Random, index: int, years: int, today: date, used: set[str],
                 seed: int = 0, story: dict[str, str] | None = None):
        r = self.r = rng
        self.index, self.years, self.today, self.used = index, years, today, used
        self.life = random.Random(f"{seed}/{index}")  # the studio's life events (docstring)
        self.union_rng = random.Random(f"{seed}/{index}/union")  # its grants, registers…
        self.story = {} if story is None else story   # one-off event -> the studio it went to
        # 领衔人沿革, kept where the leader changed; elsewhere the member with the role of leader
        # is the leader (ledger/asof.py), and a later change of role in the form shows at once
        self.leaders: list[tuple[str, date]] = []
        self.former: Member | None = None  # a leader who handed over (not in the pools)
        self.kind = ("busy", "normal", "small")[index] if index < 3 else \
            r.choices(("busy", "normal", "small"), (5, 3, 2))[0]
        self.small, self.prof = self.kind == "small", PROFILES[self.kind]
        self.ind, self.unit_type, female, units, posts, specs, objs = r.choice(INDUSTRIES)
        self.female, self.posts, self.specs, self.objs = float(female), W(posts), W(specs), W(objs)
        self.city = r.choice(CITIES)
        self.unit = r.choice(W(units)).format(c=self.city)
        young = r.random() < (0.35 if self.small else 0.12)
        self.founded = today - timedelta(days=r.randint(200, 3 * 365) if young
                                         else r.randint(3 * 365, 12 * 365))
        self.party_org = "none" if r.random() < (0.7 if self.small else 0.15) else \
            r.choices(("pioneer_post", "party_group", "party_branch"), (3, 3, 4))[0]
        self.approvers = [self._name(r.random() < 0.3) for _ in range(2)]
        self.projects: list[tuple[str, date, str]] = []
        self.trainings: list[tuple[str, date]] = []

    def _obj(self) -> str:
        return self.r.choice(self.objs)

    def _pool(self, d: date, roles: tuple[str, ...] = ("leader", "core", "member")) -> list[Member]:
        return [m for m in self.members if m.role in roles and m.active(d)]

    def _people(self) -> None:
        r, today = self.r, self.today
        n, cores = r.randint(*self.prof[0]), r.randint(5, 7)
        founders = max(10, round(n * r.uniform(0.55, 0.7)))
        run_years = (today - self.founded).days // 365
        self.members = []
        for k in range(n):
            role = "leader" if k == 0 else "core" if k <= cores else "member"
            female = r.random() < self.female
            lo, hi = {"leader": (38, 56), "core": (30, 55)}.get(role, (22, 50))
            if k < founders:  # old enough to have worked when the studio was founded
                lo = max(lo, min(hi, run_years + 21))
            birth = today - timedelta(days=r.randint(lo, hi) * 365 + r.randint(0, 300))
            earliest = max(self.founded, years_after(birth, 20))
            joined = earliest if k < founders else self._day(earliest, today)
            left = self._day(joined + timedelta(365), today) if role == "member" and \
                r.random() < 0.1 and joined + timedelta(400) < today else None
            while (name := self._name(female)) in self.used:
                pass
            self.used.add(name)
            top = {"leader": r.randint(4, 6), "core": r.randint(3, 5)}.get(role, r.randint(1, 3))
            adult = years_after(birth, 18)
            when = self._day(max(joined, adult + timedelta(days=1100)), today) \
                if r.random() < 0.75 else self._day(adult + timedelta(days=400), joined)
            skills: list[tuple[int, date]] = []
            for lv in range(top, max(-1, top - r.choice((1, 2, 2, 3, 3))), -1):
                if when >= adult:
                    skills.insert(0, (lv, when))
                    when -= timedelta(r.randint(500, 1500))
            party = r.random() < {"leader": 0.85, "core": 0.6}.get(role, 0.35)
            self.members.append(Member(name, role, female, birth, joined, left, party, skills))
        self.leader = self.members[0]
        self._handover()

    def _member_values(self, m: Member, r: random.Random | None = None) -> dict:
        r, med = r or self.r, self.ind == "医疗卫生"
        titles = MED_TITLES if med else ENG_TITLES
        return {
            "name": m.name, "sex": "female" if m.female else "male", "birth_date": m.birth,
            "education": r.choices(("master", "bachelor", "college", "technical", "high_school"),
                                   (1, 6, 3, 1, 0) if med else (1, 4, 4, 3, 1))[0],
            "specialty": r.choice(self.specs), "post": r.choice(self.posts),
            "title": r.choice(titles[:3] if m.role != "member" else titles[2:])
            if med or r.random() < (0.8 if m.role != "member" else 0.45) else None,
            "party_member": m.party, "role": m.role, "joined_on": m.joined, "left_on": m.left,
            "phone": self._phone(r), "skill_levels": [{"level": LEVELS[lv], "date": d, "certificate_no":
                                                      f"S{d.year}{r.randint(10**9, 10**10 - 1)}"}
                                                     for lv, d in m.skills]}

    def _studio_values(self) -> dict:
        r, f, today, small = self.r, self.founded, self.today, self.small
        self.name = self.leader.name + r.choices(("劳模创新工作室", "技能大师工作室", "职工创新工作室"),
                                                 (7, 1.5, 1.5))[0]
        recognitions, when = [], self._day(f, min(today, f + timedelta(days=120)))
        levels = ["enterprise", "city", "provincial", "national"][r.random() < 0.3:]
        for lv in levels[:1 if small else r.choice((1, 2, 2, 3, 3))]:
            if when > today or (lv == "national" and r.random() < 0.6):
                break
            body = UNION[lv].format(c=self.city, u=self.unit)
            recognitions.append({
                "level": lv, "body": body, "date": when,
                "demonstration": lv != "enterprise" and (when - f).days > 3 * 365 and r.random() < 0.5,
                "star": r.choice(("one", "two", "three")) if lv == "city" and r.random() < 0.5 else None,
                "doc_no": f"{body[:2]}工发〔{when.year}〕{r.randint(3, 60)}号"})
            when += timedelta(days=r.randint(365, 3 * 365))
        self._naming_life(recognitions)
        party = sum(m.party for m in self.members)
        self.party_org = self.party_org if party >= 3 else "none"
        values = {
            "name": self.name, "code": f"LM-{self.index + 1:04d}", "host_unit": self.unit,
            # the kind its name says (a 技能大师工作室 is never a 劳模创新工作室)
            "category": next(c.value for c in E.StudioCategory if self.name.endswith(c.zh)),
            "unit_type": self.unit_type, "industry": self.ind, "founded_on": f,
            "directions": ["technology", *r.sample(W("management service mechanism"), r.randint(0, 2))],
            "room_address": f"{self.unit}{r.choice(W('综合楼 生产楼 培训中心 技术楼'))}"
                            f"{r.randint(1, 6)}楼{r.randint(1, 20):02d}室",
            "room_area": float(r.randint(40, 90) if small else r.randint(80, 300)),
            "room_functions": "集{}于一体，设有{}。".format(
                "、".join(r.sample(W("技术攻关 培训授课 成果展示 交流研讨 实操训练 党建活动"), 4)),
                "、".join(r.sample(W("理论学习区 实训操作区 成果展示区 研讨区 荣誉墙"), 3))),
            "has_plaque": not small or r.random() < 0.3,
            "has_honour_board": r.random() < (0.4 if small else 0.9),
            "rules_on_wall": r.random() < (0.5 if small else 0.9),
            "party_org": self.party_org, "party_members": party,
            "party_org_founded_on": self._early(0.5) if self.party_org != "none" else None,
            "contact_person": r.choice(self.members[:4]).name, "contact_phone": self._phone(),
            "recognitions": recognitions,
            "leaders": [{"name": n, "since": d} for n, d in self.leaders]}
        # the studio's alliances, written as records of their own by _once (drawn where the
        # profile's list was, so the random sequence is the one the samples always had)
        self.alliances = [] if small or r.random() < 0.6 else [{
            "name": f"{self.city}市{self.ind}劳模创新工作室联盟",
            "role": "leader" if r.random() < 0.2 else "member"}]
        self._party_history(values)
        if recognitions and all(n.get("status") == "removed" for n in recognitions):
            values["has_plaque"] = False  # taken down with the naming
        return values

    def _once(self, w: BulkWriter, sid: str) -> None:
        r, today = self.r, self.today
        for alliance in self.alliances:
            w.add("alliance", sid, alliance)
        on_wall = r.random() < 0.8
        rules = [(c, t) for c in r.sample(list(RULES), r.randint(4, 8))
                 for t in r.sample(RULES[c], min(len(RULES[c]), r.choice((1, 1, 2))))]
        made = [{"title": title, "category": cat, "adopted_on": self._early(0.75), "on_wall": on_wall,
                 "revision": r.choice(("V1.0", "V1.1", "V2.0")),
                 "text": f"为规范{self.name}运行，根据{self.unit}有关规定，制定本{title[-2:]}。"}
                for cat, title in rules[:9]]
        for v in made + self._revision(made):
            w.add("rule", sid, v)
        for name in r.sample(EQUIP, r.randint(5, 15)):
            v = {"name": name, "quantity": r.choice((1, 1, 1, 2, 4, 10)),
                 "value_fen": r.randint(20, 3000) * 10000, "acquired_on": self._early(0.6),
                 "funding_source": r.choice(("union", "host_unit", "host_unit", "award"))}
            w.add("equipment", sid, {**v, **self._disposal(v["acquired_on"])})
        for _ in range(r.randint(3, 10)):
            x = r.random()
            holder = self.leader if x < 0.5 else r.choice(self.members) if x < 0.7 else None
            name, lv, body = r.choice([h for h in MEMBER_HONOURS if holder.party or "党" not in h[0]]
                                      if holder else STUDIO_HONOURS)
            first = min(today.year, holder.birth.year + 28 if holder else self.founded.year)
            w.add("honour", sid, {
                "holder": holder.uid if holder else None, "name": name.format(c=self.city),
                "level": lv, "year": r.randint(first, today.year),
                "body": body.format(c=self.city, u=self.unit)})

    def _year(self, w: BulkWriter, sid: str, y: int, a: date, b: date) -> None:
        r, prof = self.r, self.prof
        frac = ((b - a).days + 1) / 365  # share of the year covered (founding year, this year)
        plan = {"projects": self._n(prof[4])}
        for _ in range(max(1, round(plan["projects"] * frac))):  # BulkWriter flushes kinds
            self._project(w, sid, a, b)                          # in the order first seen
        sessions = plan["training_sessions"] = self._n(prof[1])
        pt = plan["training_person_times"] = r.randint(*prof[2])
        acts = [(self._day(a, b), "training") for _ in range(round(sessions * frac))]
        months = (3, 6, 9, 12) if self.small else range(1, 13)
        acts += [(d, "meeting") for m in months if a <= (d := date(y, m, r.randint(3, 26))) <= b]
        k = len(OTHER_ACTS[0]) - (self.party_org == "none")
        acts += [(self._day(a, b), t) for t in r.choices(OTHER_ACTS[0][:k], OTHER_ACTS[1][:k],
                                                        k=self._n(prof[3], frac))]
        acts += [(self.founded, "unveiling")] * (a <= self.founded <= b)
        for d, t in sorted(acts):
            self._activity(w, sid, d, t, pt / sessions)
        n = plan["results"] = self._n(prof[5])
        plan["patents"] = max(1, round(n * r.uniform(0.08, 0.2)))
        benefit = sum(self._result(w, sid, self._day(a, b), y) for _ in range(round(n * frac)))
        plan["benefit_fen"] = max(FEN_PER_WAN, benefit / max(frac, 0.3))
        plan["apprentices"] = self._n(prof[6])
        for _ in range(max(int(frac > 0.3), round(plan["apprentices"] * frac))):
            self._mentorship(w, sid, self._day(a, b))
        self._funds(w, sid, y, a, b, frac, self._grant(w, sid, y, a, b))
        self._union_year(w, sid, y, a, b)
        plan["promotions"] = sum(any(d.year == y for _, d in m.skills[1:]) for m in self.members)
        scale = frac if y == self.founded.year else 1.0  # that plan is for the rest of the year
        targets = [{"metric": k, "value": max(1, int(round(v * scale * r.uniform(0.8, 1.2),
                                                           -5 if k == "benefit_fen" else 0)))}
                   for k, v in plan.items()]
        obj, obj2 = self._obj(), self._obj()
        w.add("plan", sid, {
            "year": y, "targets": targets,
            "measures": f"一是围绕{obj}等难题开展攻关；二是坚持例会和培训制度；三是深化“师带徒”；四是抓好成果推广。",
            "schedule": "一季度制定计划、确定课题；二、三季度集中攻关、培训和比武；四季度成果总结、申报和考核。",
            "problems": r.choice(("成果推广应用范围还不够广", "青年成员参与攻关的深度不够",
                                  "经费使用进度偏慢")) + "，台账资料整理还不够及时。",
            "next_year": f"继续聚焦{obj2}和{obj}，力争在专利授权和成果转化上取得新突破。"})

    def _project(self, w: BulkWriter, sid: str, a: date, b: date) -> None:
        r, today = self.r, self.today
        start = self._day(a, b)
        end: date | None = start + timedelta(r.randint(150, 720))
        status = r.choice(("concluded", "concluded", "rolled_out")) if end <= today else \
            "approved" if (today - start).days < 90 else "in_progress"
        end = end if end <= today else None
        leader = r.choice(self._pool(start, LEADING))
        others = [m for m in self._pool(start) if m is not leader]
        title = f"{self._obj()}{r.choice(PROJ)}"
        uid = w.add("project", sid, {
            "title": title, "type": r.choices(*PROJ_TYPES)[0],
            "level": r.choices(("unit", "city", "provincial", "national"), (12, 5, 2, 0.4))[0],
            "leader": leader.uid, "start_date": start, "end_date": end, "status": status,
            "partners": r.choice((f"{self.city}理工大学", f"{self.city}职业技术学院", "设备制造厂家"))
            if r.random() < 0.3 else None,
            "budget_fen": r.randint(10, 150) * 100_000,
            "participants": [{"member": m.uid} for m in r.sample(others, min(len(others), r.randint(2, 6)))],
            "description": f"针对{title[:-2]}中存在的{r.choice(PROBLEM)}等问题，组织骨干开展攻关。"})
        self.projects.append((uid, start, title))

    def _activity(self, w: BulkWriter, sid: str, d: date, t: str, per_session: float) -> None:
        r, pool, leading = self.r, self._pool(d), self._pool(d, LEADING)
        obj, host = self._obj(), r.choice(leading)
        v: dict = {"date": d, "type": t, "host": host.name, "place": r.choice(
            ("工作室培训室", "工作室实训区", f"{self.unit}会议室", "生产现场"))}
        if t == "training":
            k = min(len(pool), r.randint(8, 20))
            v["topic"] = f"{obj}{r.choice(TRAIN)}培训" if r.random() < 0.7 else r.choice(TRAIN_GEN)
            v["outside_count"] = max(0, round(per_session - k + r.gauss(0, 4)))
            v["hours"] = r.randint(4, 16) / 2
        elif t == "meeting":
            k = min(len(pool), r.randint(6, 12))
            recent = [p for p in self.projects if p[1] <= d][-3:]
            v.update(topic=f"课题研讨会：{recent[-1][2]}" if recent and r.random() < 0.3
                     else f"{d.month}月工作例会", decisions=f"由骨干成员牵头，两周内形成{obj}改进方案。",
                     agenda="1. 通报上月工作完成情况；2. 研讨在研课题进展；3. 部署下月培训和攻关任务。",
                     minutes=f"{host.name}主持会议，各课题组汇报进展，讨论了{obj}{r.choice(PROBLEM)}问题的解决思路。",
                     follow_ups=[])
            for _ in range(r.choice((0, 1, 1, 2, 3))):
                due = min(self.today, d + timedelta(r.randint(7, 60)))
                v["follow_ups"].append({"what": f"完成{self._obj()}{r.choice(PROJ)}方案", "due": due,
                                        "owner": r.choice(leading).uid,
                                        "done": (self.today - due).days > 20 or r.random() < 0.4})
        else:
            k, other = min(len(pool), r.randint(3, 12)), r.choice(CITIES)
            v["topic"] = {
                "exchange": f"与{other}同行开展{obj}技术交流", "contest": f"{r.choice(self.posts)}技能比武",
                "field_service": f"深入一线开展{obj}现场“出诊”服务",
                "breakthrough": f"{obj}{r.choice(PROBLEM)}问题攻关", "other": "工作室开放日",
                "lecture": r.choice(("劳模精神进班组宣讲", "工匠精神进校园", "劳模事迹宣讲会")),
                "study_trip": f"赴{other}学习{obj}先进经验", "consulting": f"为兄弟单位提供{obj}技术咨询",
                "school_cooperation": f"与{self.city}职业技术学院共建{obj}实训基地",
                "party": r.choice(("主题党日：重温入党誓词", "党员先锋岗亮岗践诺", "专题党课：弘扬劳模精神")),
                "unveiling": f"{self.name}揭牌仪式"}[t]
            v["outside_count"] = r.randint(5, 60) if t in (
                "lecture", "unveiling", "exchange", "school_cooperation") else r.randint(0, 6)
        v["attendees"] = [{"member": m.uid} for m in r.sample(pool, k)]
        v["summary"] = f"{host.name}主持，围绕“{v['topic']}”开展活动，成员{k}人参加。"
        v["outcome"] = r.choice(("解决了现场实际问题。", "参加人员普遍反映收获较大。", "形成改进建议3条。")) \
            if r.random() < 0.3 else None
        uid = w.add("activity", sid, v)
        if t == "training":
            self.trainings.append((uid, d))

    def _result(self, w: BulkWriter, sid: str, d: date, y: int) -> int:
        """Adds a result (and maybe its benefit); returns the benefit counted in year y."""
        r, today = self.r, self.today
        obj, pool = self._obj(), self._pool(d)
        t = "patent" if r.random() < r.uniform(0.1, 0.2) else r.choices(*RESULT_TYPES)[0]
        title = {
            "renovation": f"{obj}{r.choice(DEV)}改进", "breakthrough": f"{obj}{r.choice(PROBLEM)}攻关",
            "transformation": f"{obj}自动化改造", "invention": f"新型{obj}{r.choice(DEV)}",
            "patent": f"一种{obj}{r.choice(DEV)}", "operating_method": f"{self.leader.name[0]}氏{obj}快速处置操作法",
            "suggestion": f"关于优化{obj}巡检流程的建议", "five_small": f"便携式{obj}{r.choice(DEV)}",
            "qc": r.choice(("降低", "缩短", "提高")) + obj + r.choice(("故障率", "处置时间", "一次合格率")),
            "paper": f"{obj}{r.choice(PROJ)[:4]}的研究与应用", "standard": f"{obj}作业指导书",
            "software": f"{obj}智能管理系统V{r.randint(1, 3)}.0"}[t]
        first = r.choices(pool, [{"leader": 4, "core": 3}.get(m.role, 1) for m in pool])[0]
        rest = r.sample([m for m in pool if m is not first], min(len(pool) - 1, r.randint(0, 4)))
        contributors = [{"member": m.uid} for m in [first, *rest]] + \
            ([{"name": self._name(r.random() < 0.3)}] if r.random() < 0.1 else [])
        v: dict = {"title": title, "type": t, "date": d, "contributors": contributors,
                   "points": [{"text": p} for p in r.sample(POINTS, r.randint(1, 3))]}
        linked = [p for p in self.projects if p[1] <= d][-6:]
        if linked and r.random() < 0.5:
            v["project"] = r.choice(linked)[0]
        if t == "patent":
            kind = r.choices(("utility", "invention", "design"), (13, 5, 2))[0]
            digit = {"invention": 1, "utility": 2, "design": 3}[kind]
            serial = f"{d.year}{digit}{r.randint(0, 10**7 - 1):07d}"
            check = sum(int(c) * (i % 8 + 2) for i, c in enumerate(serial)) % 11
            grant = d + timedelta(r.randint(540, 1100) if kind == "invention" else r.randint(150, 360))
            granted = grant <= today and r.random() < 0.9
            no = f"{serial[:4]} {digit} {serial[5:]}.{'X' if check == 10 else check}"
            v.update(patent_kind=kind, patent_no=("ZL" if granted else "") + no,
                     patent_status="granted" if granted else "filed", patent_filed_on=d,
                     patent_granted_on=grant if granted else None)
        if r.random() < 0.15 and t not in ("paper", "standard"):
            lv = r.choices(("enterprise", "city", "provincial", "national"), (6, 4, 2, 0.3))[0]
            v.update(award_name=r.choice(("职工技术创新成果奖", "优秀QC成果", "五小创新成果奖")),
                     award_level=lv, award_body=UNION[lv].format(c=self.city, u=self.unit),
                     award_grade=r.choice(("first", "second", "second", "third", "third", "merit")),
                     award_year=min(today.year, y + r.randint(0, 1)))
        if r.random() < 0.3 and t != "paper":
            v.update(applied_where=r.choice((f"{self.unit}全部班组", f"{self.city}同行业单位", "本单位各生产现场")),
                     applied_since=min(today, d + timedelta(days=r.randint(10, 120))))
        v["recognition_level"] = r.choice(("enterprise", "city")) if r.random() < 0.2 else None
        uid = w.add("result", sid, v)
        if r.random() >= 0.4 or t in ("paper", "standard"):
            return 0
        yuan, kind, basis = self._basis(obj)
        year = y + 1 if y < today.year and r.random() < 0.3 else y
        w.add("benefit", sid, {
            "result": uid, "year": year, "amount_fen": yuan * 100, "kind": kind, "basis": basis,
            "certified_by": self.unit + r.choice(("财务部", "生产技术部", "企业管理部", "设备管理部"))})
        return yuan * 100 if year == y else 0

    def _basis(self, obj: str) -> tuple[int, str, str]:
        """(yuan, kind, 计算依据) with the arithmetic written out."""
        r, a = self.r, self.r.randint
        t = r.randrange(6)
        n, p, q = [(a(10, 100) * 100, r.choice((0.62, 0.68, 0.75, 0.81)), 0),
                   (a(5, 25), a(15, 60) * 100, a(2, 15) * 100), (a(10, 80), a(3, 15) * 100, 0),
                   (a(50, 600), a(8, 30) * 10, 0), (a(20, 300), a(10, 80) * 10, 0),
                   (a(50, 300), a(30, 50) * 10, 0)][t]
        y = round(n * p * 12) if t == 0 else n * (p - q)
        head, tail = [("年节约电费", f"每月节电 {n} 千瓦时 × 电价 {p} 元/千瓦时 × 12 个月"),
                      ("年节约外委维修费", f"自主修复{obj} {n} 台次 × (外委单价 {p} 元 − 自修材料费 {q} 元)"),
                      ("减少停机损失", f"减少停机 {n} 小时 × 每小时损失 {p} 元"),
                      ("年增加效益", f"年增加产量（工作量） {n} 单位 × 单位效益 {p} 元"),
                      ("年节约备件费", f"减少{obj}备件更换 {n} 件 × 单价 {p} 元"),
                      ("年节约人工成本", f"节省 {n} 工日 × {p} 元/工日")][t]
        return y, "increase" if t == 3 else "saving", f"{head} {y / 1e4:.2f} 万元 = {tail}"

    def _mentorship(self, w: BulkWriter, sid: str, d: date) -> None:
        r, today = self.r, self.today
        master = r.choice(self._pool(d, LEADING))
        pupils = [m for m in self._pool(d, ("member",)) if m.level_on(d) < master.level_on(d)]
        pupil = r.choice(pupils) if pupils and r.random() < 0.85 else None
        target = LEVELS[min(len(LEVELS) - 1, (pupil.level_on(d) if pupil else r.randint(-1, 1)) + 1)]
        months = r.choice((12, 12, 18, 24, 24, 36))
        end = years_after(d, months // 12) + timedelta(days=30 * (months % 12))
        graduated = end if end <= today and r.random() < 0.8 else None
        ended = None if graduated else self._ended(d, end)
        w.add("mentorship", sid, {
            "master": master.uid, "apprentice": pupil.uid if pupil else None,
            "apprentice_name": None if pupil else self._name(r.random() < 0.3),
            "agreement_date": d, "period_months": months, "target_level": target,
            "goal": f"{months // 12}年内晋升{target.zh}，能独立处理{self._obj()}常见问题",
            "plan": "每月理论授课不少于2次，每周跟班实操，每季度考核一次。",
            "graduated_on": graduated, "promoted": bool(graduated) and r.random() < 0.75,
            "outcome": "按期出师，能独立承担岗位工作。" if graduated else
            "徒弟岗位调整，未出师即解除结对。" if ended else None, "ended_on": ended})

    def _funds(self, w: BulkWriter, sid: str, y: int, a: date, b: date, frac: float,
               grant: dict | None = None) -> None:
        r = self.r
        scale = max(frac, 0.3) * (0.4 if self.small else 1.0)
        incomes = [("union", r.randint(5, 15))] + [
            ("host_unit", r.randint(4, 12)) for _ in range(r.randint(1, 2))] + [
            ("award", r.randint(1, 5)) for _ in range(r.random() < 0.15)]
        total, seq = 0, 0
        for source, wan in incomes:
            fen, seq = int(round(wan * FEN_PER_WAN * scale, -4)), seq + 1
            total += fen
            d = self._day(a, min(b, a + timedelta(days=150)))
            w.add("fund", sid, {
                "date": d, "direction": "income", "source": source, "amount_fen": fen,
                "voucher_no": f"记{y}{d.month:02d}-{seq:03d}", "approver": self.approvers[0],
                "note": {"union": "工会拨付创新工作室经费", "host_unit": "单位配套经费",
                         "award": "创新成果奖励资金"}[source]})
        shares = [r.random() + 0.2 for _ in range(max(1, round(r.randint(8, 18) * frac)))]
        spend = total * r.uniform(0.6, 0.9) / sum(shares)
        trainings = [t for t in self.trainings if a <= t[1] <= b]
        projects = [p for p in self.projects if p[1] <= b][-8:]
        for s in shares:
            cat = r.choices(("equipment", "training", "project", "material", "other"), (2, 3, 3, 3, 1))[0]
            v = {"direction": "expense", "category": cat, "date": self._day(a, b),
                 "amount_fen": max(10000, int(round(spend * s, -2))), "note": {
                     "equipment": "购置实训及检测设备", "material": "购买创新制作材料",
                     "other": "成果汇编印刷费", "training": "外聘专家授课费", "project": "课题前期调研费"}[cat]}
            if cat == "training" and trainings:
                v["activity"], v["date"] = r.choice(trainings)
                v["note"] = "培训讲课费、资料费"
            elif cat == "project" and projects:
                uid, start, title = r.choice(projects)
                v.update(project=uid, date=max(v["date"], start), note=f"课题“{title}”试验材料及加工费")
            seq += 1
            self._draw_on(grant, v)
            w.add("fund", sid, {**v, "voucher_no": f"记{y}{v['date'].month:02d}-{seq:03d}",
                                "approver": r.choice(self.approvers)})

    def write(self) -> str:
        self._people()
        today = self.today
        with BulkWriter(Both("载入示例数据", "Sample data loaded"), today=today) as w:
            sid = w.add("studio", None, self._studio_values())
            for m in self.members:
                m.uid = w.add("member", sid, self._member_values(m))
            if self.former:
                self.former.uid = w.add("member", sid, self._member_values(self.former, self.life))
            self._once(w, sid)
            for y in range(max(today.year - self.years + 1, self.founded.year), today.year + 1):
                self._year(w, sid, y, max(date(y, 1, 1), self.founded), min(date(y, 12, 31), today))
        return self.name


NOT_EMPTY = Text("台账中已有工作室，示例数据只能载入空台账。",
                 "The ledger already has studios; sample data can be loaded only into an empty ledger.")


def generate(studios: int = 3, years: int = 3, seed: int = 2024,
             today: date | None = None) -> Job[None]:
    """Writes `studios` studios covering the `years` years up to and including today's year.

    A job (laomo_desktop.work): yields Progress(done, total, studio_name) after each studio is
    written. All studios are one transaction, so a demo cancelled or stopped half-way leaves
    the ledger empty, as it was. Only for an empty ledger.
    """
    if MODELS["studio"].select().exists():
        raise LaomoError(NOT_EMPTY)
    today = today or date.today()
    rng = random.Random(seed)
    used: set[str] = set()
    story: dict[str, str] = {}
    with database.atomic():
        for i in range(studios):
            name = _Studio(rng, i, years, today, used, seed, story).write()
            yield Progress(i + 1, studios, name)
