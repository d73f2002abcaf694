"""A sample studio's part in the union's year (ledger/demo.py): the grant the city union paid it
each year and the expenses drawn on it, its rationalisation proposals, QC groups and services to
firms, and the union's yearly notice of the review with its items.

Every draw comes from the studio's own generator for these (`union_rng`), never the one the rest
of the sample is drawn from, so that they leave the rest of the sample as it was.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from laomo_desktop.ledger.demo_life import Member
from laomo_desktop.ledger.money import FEN_PER_WAN

FIRMS = ("{c}精密机械有限公司", "{c}新材料科技有限公司", "{c}汽车零部件厂", "{c}食品加工有限公司",
         "{c}化工有限公司", "{c}电子元件有限公司", "{c}建材有限公司", "{c}纺织有限公司")
FIRM_PROBLEMS = ("生产线设备频繁停机", "产品合格率偏低", "能耗偏高", "关键部件磨损快",
                 "自动化改造方案不明", "检测效率低", "工艺参数不稳定")
PROPOSALS = ("优化{o}作业流程", "改进{o}工装夹具", "{o}巡检路线调整", "降低{o}能耗的措施",
             "{o}备品备件管理改进", "{o}安全防护改进")
QC_TOPICS = ("降低{o}故障率", "提高{o}一次合格率", "缩短{o}处理时间", "减少{o}材料损耗")
GRANT_CATEGORIES = ["equipment", "training", "project"]
NOTICE_ITEMS = (("年度工作总结", "annual"), ("考核材料（自评表及佐证）", "packet"),
                ("活动记录台账", "book_activities"), ("经费收支台账", "book_funds"))


class UnionYear:
    """What demo._Studio provides: today, city, unit, small, members, objs, approvers."""

    union_rng: random.Random
    today: date
    city: str
    small: bool
    members: list[Member]
    objs: list[str]

    def _when(self, a: date, b: date) -> date:
        return a + timedelta(days=self.union_rng.randint(0, max(0, (b - a).days)))

    def _team(self, d: date, k: int) -> list[str]:
        pool = [m.uid for m in self.members if m.active(d)]
        return self.union_rng.sample(pool, min(k, len(pool))) if pool else []

    def _grant(self, w, sid: str, y: int, a: date, b: date) -> dict | None:
        """The city union's grant of the year, when it arrived in the year's covered days."""
        r = self.union_rng
        received = date(y, r.randint(3, 5), r.randint(1, 28))
        if not a <= received <= b:
            return None
        amount = r.randint(2, 4 if self.small else 8) * FEN_PER_WAN
        grant = {"name": f"{y}年度劳模创新工作室补助资金", "body": f"{self.city}市总工会",
                 "doc_no": f"{self.city[0]}工发〔{y}〕{r.randint(10, 40)}号",
                 "amount_fen": amount, "received_on": received,
                 "categories": GRANT_CATEGORIES, "period_from": received,
                 "period_to": date(y, 12, 31),
                 "conditions": "专款专用，用于创新攻关、职工培训和设备购置，年底报送使用情况。"}
        grant["uid"] = w.add("grant", sid, grant)
        grant["left"] = amount
        return grant

    @staticmethod
    def _draw_on(grant: dict | None, expense: dict) -> None:
        """An expense of the grant's categories in its period is drawn on it, while it lasts."""
        if (grant and expense["category"] in GRANT_CATEGORIES
                and grant["period_from"] <= expense["date"] <= grant["period_to"]
                and expense["amount_fen"] <= grant["left"]):
            expense["grant"] = grant["uid"]
            grant["left"] -= expense["amount_fen"]

    def _union_year(self, w, sid: str, y: int, a: date, b: date) -> None:
        r = self.union_rng
        for _ in range(r.randint(0, 2) if self.small else r.randint(2, 5)):
            self._proposal(w, sid, self._when(a, b))
        for _ in range(r.randint(0, 1) if self.small else r.randint(1, 2)):
            self._qc_group(w, sid, y, a, b)
        for _ in range(r.randint(0, 2) if self.small else r.randint(1, 4)):
            d = self._when(a, b)
            w.add("firm_service", sid, {
                "date": d, "firm": r.choice(FIRMS).format(c=self.city),
                "problem": r.choice(FIRM_PROBLEMS), "solved": r.random() < 0.7,
                "trained": r.choice((None, 10, 20, 30, 45)),
                "servers": [{"member": m} for m in self._team(d, r.randint(1, 3))]})
        self._notice(w, sid, y)

    def _proposal(self, w, sid: str, d: date) -> None:
        r = self.union_rng
        people = self._team(d, r.randint(1, 2))
        if not people:
            return
        v = {"title": r.choice(PROPOSALS).format(o=r.choice(self.objs)), "date": d,
             "content": "针对现场存在的问题，提出具体改进办法，经试行效果良好。",
             "status": "proposed", "proposers": [{"member": m} for m in people]}
        day = d
        for status, field, gap in (("reviewed", "reviewed_on", (7, 30)),
                                   ("adopted", "adopted_on", (7, 30)),
                                   ("implemented", "implemented_on", (20, 90)),
                                   ("accepted", "accepted_on", (20, 60))):
            day += timedelta(days=r.randint(*gap))
            if day > self.today or r.random() < 0.15:
                break
            v.update({"status": status, field: day})
        if v["status"] in ("implemented", "accepted"):
            v["amount_fen"] = r.randint(5, 80) * FEN_PER_WAN // 10
        w.add("proposal", sid, v)

    def _qc_group(self, w, sid: str, y: int, a: date, b: date) -> None:
        r = self.union_rng
        d = self._when(a, b)
        people = self._team(d, r.randint(4, 7))
        if len(people) < 3:
            return
        topic = r.choice(QC_TOPICS).format(o=r.choice(self.objs))
        done = y < self.today.year or self.today.month >= 11
        stage = "finished" if done else r.choice(("plan", "do", "check", "act"))
        v = {"year": y, "name": f"{topic[2:8]}QC小组", "topic": topic, "leader": people[0],
             "registration_no": f"QC{y}-{r.randint(100, 999)}", "stage": stage,
             "members": [{"member": m} for m in people]}
        if done and r.random() < 0.7:
            v["result"] = f"{topic}目标实现，形成标准化作业指导书。"
            if r.random() < 0.4:
                v.update(award_level=r.choice(("city", "enterprise", "provincial")),
                         award_grade=r.choice(("first", "second", "third")))
        w.add("qc_group", sid, v)

    def _notice(self, w, sid: str, y: int) -> None:
        """The union's notice of the year's review, received in the autumn, due in December."""
        r = self.union_rng
        received, due = date(y, 10, r.randint(8, 20)), date(y, 12, r.randint(5, 15))
        if received > self.today:
            return
        closed = due - timedelta(days=r.randint(1, 6)) if due < self.today else None
        w.add("notice", sid, {
            "issuer": f"{self.city}市总工会", "doc_no": f"{self.city[0]}工发〔{y}〕{r.randint(41, 80)}号",
            "title": f"关于开展{y}年度劳模和工匠人才创新工作室考核工作的通知",
            "received_on": received, "due_on": due, "closed_on": closed,
            "items": [{"what": what, "source": source, "done": closed is not None,
                       "done_on": closed} for what, source in NOTICE_ITEMS]})
