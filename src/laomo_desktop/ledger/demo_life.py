"""A sample studio's life (ledger/demo.py): what the union and the documents read as of a year.

Namings reviewed every two years, the run's one re-review and one plaque removed, a leader who
handed over, a party organisation that grew from a pioneer post, equipment disposed of, a rule
revised, pairs ended without 出师. Every draw here comes from the studio's own generator
(`life`), never the one the rest of the sample is drawn from, so adding a life leaves the rest
of the sample as it was. The one-off events of a run go to the first studios they fit
(`story`: event -> the studio it went to).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from laomo_desktop.ledger.demo_words import FEMALE, MALE, SURNAMES
from laomo_desktop.store import enums as E

LEVELS = list(E.SkillLevel)  # lowest first
REVIEW_YEARS = 2  # namings are re-reviewed every two years


def years_after(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


@dataclass
class Member:
    name: str
    role: str
    female: bool
    birth: date
    joined: date
    left: date | None
    party: bool
    skills: list[tuple[int, date]]  # (index into LEVELS, date), ascending
    uid: str = ""

    def active(self, d: date) -> bool:
        return self.joined <= d and (self.left is None or self.left > d)

    def level_on(self, d: date) -> int:
        return max((lv for lv, when in self.skills if when <= d), default=-1)


class Life:
    """The life events of demo._Studio, which provides what is used here: today, founded,
    female, used, leader, name; and the helpers the sample draws with (_day, _name…)."""

    life: random.Random
    story: dict[str, str]
    leaders: list[tuple[str, date]]
    former: Member | None
    r: random.Random
    founded: date
    today: date

    # -- the helpers every part of the sample draws with ------------------------------------
    def _day(self, a: date, b: date, r: random.Random | None = None) -> date:
        """A working day in [a, b] where there is one."""
        d = a + timedelta(days=(r or self.r).randint(0, max(0, (b - a).days)))
        if d.weekday() >= 5 and d - timedelta(days=2) >= a:
            d -= timedelta(days=d.weekday() - 4)
        return d

    def _early(self, p: float) -> date:  # with chance p within 200 days of founding
        f = self.founded
        return self._day(f, min(self.today, f + timedelta(200)) if self.r.random() < p else self.today)

    def _n(self, lo_hi: tuple[int, int], frac: float = 1.0) -> int:
        x = self.r.randint(*lo_hi) * frac
        return int(x) + (self.r.random() < x - int(x))

    def _name(self, female: bool, r: random.Random | None = None) -> str:
        r, chars = r or self.r, FEMALE if female else MALE
        return r.choice(SURNAMES) + r.choice(chars) + (r.choice(chars) if r.random() < 0.7 else "")

    def _phone(self, r: random.Random | None = None) -> str:
        r = r or self.r
        return f"1{r.choice('3589')}{r.randint(0, 9)}{r.randint(0, 10**8 - 1):08d}"


    def _handover(self) -> None:
        """The run's one change of leader, in the first studio old enough: its founding leader
        retired and the present one, a founding member, has led it since. The former leader
        is kept out of the member pools the rest of the sample draws from, so the other
        studios come out as they would without him."""
        f, today, r = self.founded, self.today, self.life
        if "leader" in self.story or (today - f).days < 4 * 365:
            return
        self.story["leader"] = self.leader.name
        since = self._day(years_after(f, 2), today - timedelta(days=365), r)
        female = r.random() < self.female
        birth = years_after(since, -r.randint(57, 60)) - timedelta(days=r.randint(0, 300))
        while (name := self._name(female, r)) in self.used:
            pass
        self.used.add(name)
        skills = [(len(LEVELS) - 3, years_after(birth, 34)), (len(LEVELS) - 2, years_after(birth, 43))]
        self.former = Member(name, "leader", female, birth, f, since, True, skills)
        self.leaders = [(name, f), (self.leader.name, since)]

    def _next_review(self, named: date) -> date:
        """The review a naming waits for: every two years from its date, the first not in a
        past year (those were passed and the date moved on, as a secretary keeps it)."""
        due = years_after(named, REVIEW_YEARS)
        while due.year < self.today.year:
            due = years_after(due, REVIEW_YEARS)
        return due

    def _naming_life(self, namings: list[dict]) -> None:
        """Next review dates (a review passed this year and not yet decided: 复审中); the run's
        one re-review, recorded as a naming of its own, in the first studio with a naming whose
        first review fell in a past year; its one plaque removed at a review, in the next
        studio whose latest naming had its first review in a past year."""
        today, r = self.today, self.life
        for n in namings:
            n["next_review"] = self._next_review(n["date"])
            if n["next_review"] <= today:
                n.update(status="under_review", status_on=n["next_review"])
        reviewed = [n for n in namings
                    if years_after(n["date"], REVIEW_YEARS).year < today.year]
        if not reviewed:
            return
        if "rereview" not in self.story:
            self.story["rereview"] = self.name
            n = reviewed[-1]
            review = years_after(n["date"], REVIEW_YEARS)
            decided = min(today, self._day(review, review + timedelta(days=40), r))
            n.update(next_review=review, status=None, status_on=None)
            again = {**n, "date": decided, "next_review": self._next_review(decided),
                     "doc_no": f"{n['body'][:2]}工发〔{decided.year}〕{r.randint(3, 60)}号"}
            if again["next_review"] <= today:
                again.update(status="under_review", status_on=again["next_review"])
            namings.append(again)
            namings.sort(key=lambda x: x["date"])
        elif "removed" not in self.story and reviewed[-1] is namings[-1]:
            self.story["removed"] = self.name
            n = namings[-1]
            review = years_after(n["date"], REVIEW_YEARS)
            n.update(next_review=review, status="removed",
                     status_on=min(today, self._day(review, review + timedelta(days=40), r)))

    def _party_history(self, values: dict) -> None:
        """A party group or branch that began as a pioneer post (党员先锋岗), and a branch that
        was a party group before: the earlier forms in 党组织沿革, the present one with its date."""
        org, since, today, r = values["party_org"], values["party_org_founded_on"], self.today, self.life
        if org not in ("party_group", "party_branch") or (today - since).days < 2 * 365:
            return
        if "party" in self.story and r.random() < 0.5:
            return
        self.story.setdefault("party", self.name)
        became = self._day(years_after(since, 1), min(today, years_after(since, 3)), r)
        values["party_changes"] = [{"party_org": "pioneer_post", "date": since}]
        if org == "party_branch" and (became - since).days > 200:
            values["party_changes"].append({"party_org": "party_group",
                                            "date": self._day(since + timedelta(days=100),
                                                              became - timedelta(days=100), r)})
        values["party_org_founded_on"] = became

    def _revision(self, rules: list[dict]) -> list[dict]:
        """A rule in force two years or more revised: the old one repealed on the day the new
        revision was adopted (in most studios old enough; always in the run's first)."""
        today, r = self.today, self.life
        old = [v for v in rules if (today - v["adopted_on"]).days > 2 * 365]
        if not old or ("rule" in self.story and r.random() < 0.4):
            return []
        self.story.setdefault("rule", self.name)
        v = r.choice(old)
        v["repealed_on"] = self._day(years_after(v["adopted_on"], 1), today, r)
        major = int(v["revision"][1]) + 1
        return [{**v, "adopted_on": v["repealed_on"], "repealed_on": None, "revision": f"V{major}.0",
                 "text": f"{v['text']}本{v['title'][-2:]}经工作室会议修订，原 {v['revision']} 版同时废止。"}]

    def _disposal(self, bought: date) -> dict:
        """Some equipment held three years or more was scrapped or handed on since."""
        if (self.today - bought).days < 3 * 365 or self.life.random() >= 0.2:
            return {}
        return {"disposed_on": self._day(years_after(bought, 3), self.today, self.life),
                "note": self.life.choice(("已报废", "已调拨至本单位其他班组"))}

    def _ended(self, agreed: date, end: date) -> date | None:
        """A pair not graduated that was ended early (the apprentice moved to another post or
        left): most of those past their term, a few still running, at least one in a run."""
        today, r = self.today, self.life
        if agreed + timedelta(days=120) > today:
            return None
        if "ended" in self.story and r.random() >= (0.6 if end <= today else 0.08):
            return None
        self.story.setdefault("ended", self.name)
        return self._day(agreed + timedelta(days=90), min(end, today), r)
