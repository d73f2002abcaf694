"""The evidence index is an index: each piece of evidence numbered (证据1, 2, …), the criteria it
supports, and the page where its record is printed; a register behind a criterion with more
records than are listed is said once ("共 17 人，见团队成员"); no internal ids."""

from __future__ import annotations

import re
from datetime import date

from laomo_desktop.ledger import demo
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.packet import write_packet
from laomo_desktop.store.models import database
from packet_sample import flat, pages
from sample_ledger import build


def _index(text: list[str]) -> tuple[int, list[str]]:
    """The first page of the evidence table and its rows' lines (layout text)."""
    start = next(i for i, t in enumerate(text) if "证据1 " in t)
    rows = [line for t in text[start:] for line in t.splitlines()
            if re.match(r"\s*证据\d+\s", line)]
    return start, rows


def test_the_evidence_index_numbers_its_evidence_and_hides_no_id(packet):
    text = pages(packet["out"], layout=True)
    _, rows = _index(text)
    numbers = [int(re.match(r"\s*证据(\d+)", r).group(1)) for r in rows]
    assert numbers == list(range(1, len(numbers) + 1))
    index = "\n".join(rows)
    for uid in (packet["t1"], packet["liming"], packet["f1"]):
        assert uid not in index
    assert not re.search(r"\bu\d\d\b", index), "internal criterion ids"
    assert not re.search(r"\d{4}-\d\d-\d\d", index), "dates as the ledger stores them"
    assert re.search(r"2025年2月1日\s*收入\s*30,000\.00\s*元", index), "a fund reads as money"


def test_each_piece_of_evidence_points_to_the_page_its_record_is_printed_on(ledger, tmp_path):
    for _ in demo.generate(3, 3, today=date(2026, 12, 1)):
        pass
    uid = database.execute_sql("""SELECT s.uid FROM studio s JOIN activity a
        ON a.studio_id = s.id AND a.date LIKE '2026%' GROUP BY s.id ORDER BY count(*) DESC
        LIMIT 1""").fetchone()[0]
    out = tmp_path / "p.pdf"
    result = write_packet(ledger, uid, 2026, "union_100", [], out, generated=date(2026, 12, 1))
    text = pages(out)
    layout = pages(out, layout=True)
    _, rows = _index(layout)
    acts = {a["uid"]: a for c in result["criteria"] for a in c["evidence"]
            if a["kind"] == "activity" and c["evidence_total"] == len(c["evidence"])}
    checked = 0
    for uid_, ev in acts.items():
        a = R.get("activity", uid_)
        when = f"{int(a['date'][:4])}年{int(a['date'][5:7])}月{int(a['date'][8:])}日"
        row = next(r for r in rows if ev["title"][:8] in r and when in flat(r))
        page = int(re.search(r"第\s*(\d+)\s*页", row).group(1))
        assert flat(ev["title"]) in flat(text[page - 1]) and when in flat(text[page - 1]), row
        checked += 1
    assert checked >= 5
    count = next(r for r in rows if re.search(r"共\s*\d+\s*次", r))
    n = re.search(r"共\s*(\d+)\s*次", count).group(1)
    first, last = map(int, re.search(r"第\s*(\d+)–(\d+)\s*页", count).groups())
    assert "见附表三" in count, "the trainings' own table"
    assert "附表三" in text[first - 1], "a register over pages: where it begins"
    assert re.search(rf"合计\s*{n}\s*次", text[last - 1]), "and where it ends"


def test_a_register_behind_a_criterion_is_said_once_with_its_count(ledger, tmp_path):
    u = build(ledger, tmp_path)
    for i in range(12):
        R.create("member", u["A"], {"name": f"成员{i:02d}", "role": "member",
                                    "joined_on": "2020-01-01"})
    out = tmp_path / "p.pdf"
    write_packet(ledger, u["A"], 2025, "union_100", [], out)
    _, rows = _index(pages(out, layout=True))
    counted = [r for r in rows if re.search(r"共\s*17\s*人，见团队成员", r)]
    assert len(counted) == 1, "more members than listed, said once, and where to see them"
    page = int(re.search(r"第\s*(\d+)\s*页", counted[0]).group(1))
    assert "团队成员" in pages(out)[page - 1]
