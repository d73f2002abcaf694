"""The packet's evidence index (佐证材料索引): every record the assessment cites, numbered
证据1, 2, … in the order the criteria cite them, with the criteria it supports and the page of
the summary where its row is printed; a criterion resting on more records than are listed is
one entry saying how many and where they all are ("共 34 人，见团队成员"). Then the list of
attachments with their pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.kinds import Cited
from laomo_desktop.reports.headings import Outline, label
from laomo_desktop.reports.layout import date_cn, table
from laomo_desktop.reports.packet_parts import IMAGE_TYPES, Pages, caption
from laomo_desktop.store import schema as S

# Where the summary prints each kind of record, by a word of its heading (the headings'
# numbers are assigned elsewhere), and how its records are counted.
SECTION = {"member": "团队成员", "equipment": "设备设施", "rule": "制度建设", "project": "创新课题",
           "result": "附表一", "activity": "附表二", "mentorship": "附表四", "fund": "附表五",
           "benefit": "经济效益", "honour": "荣誉", "plan": "年度目标", "studio": "基本情况"}
UNIT = {"member": "人", "activity": "次", "fund": "笔", "mentorship": "对"}
OWN_TABLE = {("activity", ("training",)): "附表三"}  # the trainings' table of their own
# the index's two sections, numbered as headings.Outline numbers level-1 headings
TITLE, ATTACHMENTS = "考核项与佐证材料对照", "附件清单"
HEADINGS = tuple(label(1, n) + t for n, t in enumerate((TITLE, ATTACHMENTS), 1))


@dataclass
class Evidence:
    no: int
    kind: str
    title: str
    criteria: list[int] = field(default_factory=list)
    uid: str | None = None  # None: a count standing for a whole register
    word: str = ""  # a word of the heading it is printed under
    date: str = ""
    keys: list[str] = field(default_factory=list)  # what its row in the summary shows


def _read(e: Evidence) -> None:
    """What an inspector reads of a record, and what finds its row in the summary, as its kind
    cites it (ledger/kinds: a fund as its date, direction and amount, an activity with its
    date)."""
    try:
        rec = R.get(e.kind, e.uid)
    except LaomoError:
        e.keys = [e.title]
        return
    cite = kinds.rules(e.kind).cite
    cited = cite(rec, e.title) if cite is not None else Cited(e.title, keys=(e.title,))
    e.title, e.date = cited.title, date_cn(cited.date) if cited.date else ""
    e.keys = [*([e.date] if cited.date_is_key and e.date else []), *cited.keys]


def _section(kind: str, spec: dict | None = None) -> str:
    """The summary's section that prints the records a criterion cites (its activities of
    one type may have a table of their own: the trainings)."""
    types = tuple(spec.get("types") or ()) if spec else ()
    if (kind, types) in OWN_TABLE:
        return OWN_TABLE[kind, types]
    k = S.BY_NAME.get(kind)
    return SECTION.get(kind, k.label if k else "")


def evidence_list(result: dict, specs: dict[str, dict | None] | None = None
                  ) -> tuple[list[Evidence], dict[str, list[int]]]:
    """Every piece of evidence once, numbered in the order the criteria cite them. `specs`:
    each criterion's evidence spec from the template (which records of a kind it cites).
    Returns the list and, per criterion id, its evidence numbers."""
    out: list[Evidence] = []
    by_key: dict[tuple, Evidence] = {}
    of: dict[str, list[int]] = {}
    for i, c in enumerate(result["criteria"], 1):
        nums = of.setdefault(c["id"], [])
        total = c.get("evidence_total", len(c["evidence"]))
        if total > len(c["evidence"]):  # said once per register, for every criterion citing it
            kind = c["evidence"][0]["kind"]
            word = _section(kind, (specs or {}).get(c["id"]))
            title = f"共 {total} {UNIT.get(kind, '项')}，见{word}"
            cited = [(kind, word, total, title, None)]
        else:
            cited = [(rec["kind"], rec["uid"], None, rec["title"], rec["uid"])
                     for rec in c["evidence"]]
        for kind, key, total, title, uid in cited:
            e = by_key.get((kind, key, total))
            if e is None:
                e = Evidence(len(out) + 1, kind, title, uid=uid, word=_section(kind))
                if uid:
                    _read(e)
                else:
                    e.word = key
                by_key[(kind, key, total)] = e
                out.append(e)
            if i not in e.criteria:
                e.criteria.append(i)
            nums.append(e.no)
    return out, of


def _where(e: Evidence, pages: Pages) -> str:
    """Where the summary prints the record ("附表二，第 9 页"), or the whole register
    ("附表二，第 11–13 页")."""
    span = pages.span(e.word) if e.uid is None else None
    if span and span[0] != span[1]:
        return f"{e.word}，第 {span[0]}–{span[1]} 页"
    page = (pages.row(e.word, e.keys) if e.keys else None) or pages.of(e.word, part=1)
    return f"{e.word}，第 {page} 页" if page else e.word


def evidence_index(st: dict, evidence: list[Evidence], attachments: list[dict],
                   pages: Pages, mark) -> list:
    """The index's two tables under their headings (`mark` makes a heading a bookmark)."""
    rows = []
    for e in evidence:
        where = _where(e, pages)
        for a in attachments:
            if e.uid and a["owner_uid"] == e.uid and a.get("page"):
                where += f"\n附件{a['number']}，第 {a['page']} 页"
        k = S.BY_NAME.get(e.kind)
        rows.append([f"证据{e.no}", k.label if k else e.kind, e.date, e.title,
                     "第" + "、".join(str(i) for i in e.criteria) + "项", where])
    o = Outline(st)

    def heading(text: str):
        h = o.heading(1, text)
        return mark(h, 1, h.getPlainText())

    out = [heading(TITLE)]
    out += table(st, ["编号", "类型", "日期", "佐证记录", "考核项", "所在位置"], rows,
                 [1, 1, 1, 6, 1, 2], "本模板的考核项没有引用台账记录。")
    out.append(heading(ATTACHMENTS))
    out += table(st, ["编号", "说明", "所属记录", "所在页"],
                 [[f"附件{a['number']}", caption(a, with_number=False), a["owner"],
                   f"第 {a['page']} 页" if a.get("page") else
                   ("未附入（非图片/PDF）" if a["suffix"] not in (".pdf", *IMAGE_TYPES) else "")]
                  for a in attachments], [1.5, 6, 5, 2], "未选择附件。")
    return out
