"""A grant's use report (补助资金使用情况报告): the grant's facts, every expense drawn on it with
the running total, what is left, and each expense against the grant's terms in words. Described
once as blocks (docmodel) and printed as PDF and Word; the same rows go into a workbook."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from laomo_desktop.ledger import grants as G
from laomo_desktop.ledger.money import yuan
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.reports import docmodel as D
from laomo_desktop.store import enums as E

HEADER = ("序号", "日期", "支出类别", "摘要", "凭证号", "金额（元）", "累计列支（元）", "提示")
WIDTHS = (0.9, 2.6, 1.3, 3.8, 1.7, 2, 2.2, 2.8)
ALL_WELL = "以上支出均在补助资金的可列支类别和使用期限内，累计未超出补助金额。"
NO_EXPENSE = "尚未登记列支这笔补助资金的支出。"


def title(use: G.GrantUse) -> str:
    return f"{use.name}使用情况报告"


def _period(use: G.GrantUse) -> str:
    if not use.period_from and not use.period_to:
        return "未规定"
    return f"{date_cn(use.period_from) or '不限'} 至 {date_cn(use.period_to) or '不限'}"


def _categories(use: G.GrantUse) -> str:
    return "、".join(E.FundCategory.label(c) for c in use.categories) or "不限"


def facts(use: G.GrantUse) -> list[tuple[str, str]]:
    """The grant's facts, label and value, as the report and the workbook print them."""
    return [("工作室", use.studio_name), ("补助资金名称", use.name), ("拨付单位", use.body),
            ("文号", use.doc_no or "未填写"), ("补助金额（元）", yuan(use.amount_fen)),
            ("到账日期", date_cn(use.received_on)), ("可列支类别", _categories(use)),
            ("使用期限", _period(use)), ("已列支（元）", yuan(use.spent_fen)),
            ("结余（元）", yuan(use.left_fen))]


def expense_rows(use: G.GrantUse) -> list[list]:
    """One row per expense: 序号, day, category, note, voucher, amount, running total, flags."""
    return [[i, date_cn(e.date), E.FundCategory.label(e.category) if e.category else "",
             e.note, e.voucher_no, yuan(e.amount_fen), yuan(e.spent_to_date),
             "、".join(E.GrantFlag.label(f) for f in e.flags)]
            for i, e in enumerate(use.expenses, 1)]


def balance_text(use: G.GrantUse) -> str:
    said = (f"补助金额 {yuan(use.amount_fen)} 元，已列支 {len(use.expenses)} 笔共 "
            f"{yuan(use.spent_fen)} 元，")
    if use.left_fen < 0:
        return said + f"超出补助金额 {yuan(-use.left_fen)} 元。"
    return said + f"结余 {yuan(use.left_fen)} 元。"


def flag_lines(use: G.GrantUse) -> list[str]:
    """Each expense against the grant's terms, in Chinese, as `laomo check` says it."""
    return [f"{G.expense_words(e).render('zh')}：{G.why(use, e).render('zh')}。"
            for e in use.flagged]


def grant_blocks(use: G.GrantUse) -> list[D.Block]:
    o = D.Outline()
    out: list[D.Block] = [D.Title(title(use), breaks=(len(use.name),)), D.Space(6),
                          o.heading(1, "补助资金基本情况"), D.KeyValues(tuple(facts(use)))]
    conditions = [line.strip() for line in use.conditions.splitlines() if line.strip()]
    if conditions:
        out += [D.Space(6), D.Para("使用条件：" + "　".join(conditions))]
    out.append(o.heading(1, "列支明细"))
    out.append(replace(o.table(HEADER, expense_rows(use), WIDTHS, title="列支明细",
                               totals=[["合计", "", "", "", "", yuan(use.spent_fen), "", ""]]
                               if use.expenses else (), empty=NO_EXPENSE),
                       compact=True))  # eight columns: a point smaller, so no date breaks
    out.append(o.heading(1, "结余情况"))
    out.append(D.Para(balance_text(use)))
    out.append(o.heading(1, "需要说明的支出"))
    lines = flag_lines(use)
    if not use.expenses:
        out.append(D.Para(NO_EXPENSE))
    elif not lines:
        out.append(D.Para(ALL_WELL))
    else:
        out.append(D.Para(f"以下 {len(lines)} 笔支出与补助资金的使用规定不符，请说明情况："))
        out += [D.Para(f"{i}. {line}") for i, line in enumerate(lines, 1)]
    return out + [D.Space(10), D.Para(f"{use.studio_name}（盖章）", "right"),
                  D.Para("年　　月　　日", "right")]


def write_grant_pdf(grant_uid: str, out: Path | str, generated: date | None = None) -> G.GrantUse:
    from laomo_desktop.reports.layout import build, styles
    from laomo_desktop.reports.pdf_render import flowables

    use = G.grant_use(grant_uid)
    build(out, flowables(grant_blocks(use), styles()), title=title(use),
          header_left=use.studio_name, header_right="补助资金使用情况", generated=generated,
          has_cover=False)
    return use


def write_grant_docx(grant_uid: str, out: Path | str) -> G.GrantUse:
    from laomo_desktop.reports.docx_render import write_docx

    use = G.grant_use(grant_uid)
    write_docx(out, grant_blocks(use), title=title(use), header_left=use.studio_name,
               header_right="补助资金使用情况")
    return use


def write_grant_xlsx(grant_uid: str, out: Path | str) -> G.GrantUse:
    """The same report as a workbook: the facts, then one row per expense (amounts as numbers
    in 元, a SUM under them), then the flagged expenses in words."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    use = G.grant_use(grant_uid)
    wb = Workbook()
    wb.properties.title = title(use)
    wb.properties.creator = "Laomo Desktop"
    ws = wb.active
    ws.title = "使用情况"
    bold = Font(name="宋体", bold=True)

    def put(row: int, col: int, value, **style):
        v = ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
        c = ws.cell(row=row, column=col, value=v)
        c.font = style.get("font", Font(name="宋体"))
        if "fmt" in style:
            c.number_format = style["fmt"]
        return c

    put(1, 1, title(use), font=Font(name="宋体", bold=True, size=14))
    row = 3
    money = {"补助金额（元）": use.amount_fen, "已列支（元）": use.spent_fen,
             "结余（元）": use.left_fen}
    for key, value in facts(use):
        put(row, 1, key, font=bold)
        if key in money:
            put(row, 2, money[key] / 100, fmt="#,##0.00")
        else:
            put(row, 2, value)
        row += 1
    put(row, 1, "使用条件", font=bold)
    put(row, 2, use.conditions).alignment = Alignment(wrap_text=True, vertical="top")
    row += 2
    for col, h in enumerate(HEADER, 1):
        put(row, col, h, font=bold)
    first = row + 1
    for i, e in enumerate(use.expenses, 1):
        row += 1
        cells = [i, date.fromisoformat(e.date) if e.date else None,
                 E.FundCategory.label(e.category) if e.category else "", e.note, e.voucher_no,
                 e.amount_fen / 100, e.spent_to_date / 100,
                 "、".join(E.GrantFlag.label(f) for f in e.flags)]
        for col, v in enumerate(cells, 1):
            put(row, col, v, **({"fmt": "#,##0.00"} if col in (6, 7) else
                                {"fmt": "yyyy-mm-dd"} if col == 2 else {}))
    row += 1
    put(row, 1, "合计", font=bold)
    put(row, 6, f"=SUM(F{first}:F{row - 1})" if use.expenses else 0, font=bold, fmt="#,##0.00")
    row += 2
    put(row, 1, balance_text(use))
    for line in flag_lines(use) or ([ALL_WELL] if use.expenses else [NO_EXPENSE]):
        row += 1
        put(row, 1, line)
    for col, width in zip("ABCDEFGH", (14, 30, 10, 28, 12, 14, 16, 24), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)
    return use
