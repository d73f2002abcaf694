"""The documents the program can produce, declared once: the reports page lists them, `laomo
report …` (and `laomo assess`) offers them, and both write them through the same function.

A new document is one more `Document` here; the page and the command line follow. This module
imports no ReportLab: each writer imports its report module when it runs, so listing the
documents (the GUI at start, `laomo --help`) stays cheap."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Both, Joined, Text

CANNOT_WRITE = Text("无法写入“{file}”：{why}", 'Cannot write "{file}": {why}')
WRONG_SUFFIX = Text("输出文件“{name}”的扩展名应为 {suffixes}。",
                    'The output file "{name}" should end in {suffixes}.')
OR = Both(" 或 ", " or ")


@dataclass(frozen=True)
class Job:
    """What a writer needs: the ledger's folders, the year and the user's choices."""

    paths: LedgerPaths
    year: int
    studio_uid: str | None = None
    template: Any = None              # a template's name or file, or a loaded Template
    attachments: Sequence[str] = ()
    targets_file: Path | None = None  # the union's targets; the data folder's file if None
    record_uid: str | None = None     # the one record a document prints (a notice's checklist,
    #                                   a grant's use report: Document.one_record / .picks)
    must_haves: Any = None            # the union's must-have set (name, file or Template);
    #                                   None: the one chosen in the data folder's settings


Writer = Callable[[Job, "Path | None"], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Document:
    """One document: how it is named and described (both languages), what it needs, what it
    writes and where the command line offers it."""

    key: str                      # also the reports page's saved choice (settings)
    label: str                    # Chinese title
    en: str                       # English title
    hint: str                     # Chinese description
    hint_en: str                  # English description
    formats: tuple[str, ...]      # file suffixes written, the default first; () = shown, no file
    file_stem: str                # default file name without suffix: {studio}, {year}
    write: Writer = field(repr=False)
    command: tuple[str, ...] = ()  # its `laomo` sub-command, e.g. ("report", "annual"), or
    #                                ("report", "book", "funds"): `laomo report book funds`
    cli_help: str = ""
    needs_studio: bool = False
    uses_template: bool = False
    takes_attachments: bool = False
    uses_union_targets: bool = False
    one_record: str | None = None  # a kind: prints one record of it when given (--notice UID)
    picks: str | None = None       # a record kind the document is about (a grant): the page
    #                                offers the studio's records of it, `laomo report` --KIND

    @property
    def suffix(self) -> str:
        """The suffix of the file it writes by default ("" when it writes none)."""
        return self.formats[0] if self.formats else ""

    def writes(self, suffix: str) -> str:
        """`suffix` if it writes that kind of file, else its default suffix."""
        return suffix if suffix in self.formats else self.suffix

    def file_name(self, studio: str, year: int, record: str = "") -> str:
        """The file name offered by "Save as…", before the unsafe characters are replaced
        ({record}: the title of the record it is about)."""
        return self.file_stem.format(studio=studio, year=year, record=record)


def _write_annual(job: Job, out: Path | None) -> dict[str, Any]:
    from laomo_desktop.reports.annual import write_annual, write_annual_docx

    assert out is not None and job.studio_uid
    write = write_annual_docx if out.suffix.lower() == ".docx" else write_annual
    data: dict[str, Any] = {}
    must_haves = _must_have_set(job)
    _atomic(lambda tmp: data.update(write(job.studio_uid, job.year, tmp,
                                          must_haves=must_haves)), out)
    return data


def _must_have_set(job: Job) -> Any:
    """The must-have set a document checks against (ledger/musthaves.py), loaded and checked."""
    from laomo_desktop.ledger import musthaves

    if isinstance(job.must_haves, musthaves.Template):
        return job.must_haves
    return musthaves.current(job.paths, job.must_haves)


def _write_packet(job: Job, out: Path | None) -> dict[str, Any]:
    from laomo_desktop.reports.packet import write_packet

    assert out is not None and job.studio_uid and job.template
    return write_packet(job.paths, job.studio_uid, job.year, job.template,
                        list(job.attachments), out, must_haves=_must_have_set(job))


def _assess(job: Job, out: Path | None) -> dict[str, Any]:
    from laomo_desktop.ledger import assessment

    assert job.studio_uid and job.template
    tpl = job.template  # a name or file, or a template the caller has already loaded
    if isinstance(tpl, (str, Path)):
        tpl = assessment.load_template(tpl, job.paths.templates)
    return assessment.assess(job.studio_uid, job.year, tpl)


def _union_writer(suffix: str) -> Writer:
    def write(job: Job, out: Path | None) -> dict[str, Any]:
        from laomo_desktop.ledger.union import load_targets
        from laomo_desktop.reports import union

        assert out is not None
        targets = load_targets(job.targets_file or job.paths.union_targets, job.year)
        writer = union.write_union_xlsx if suffix == ".xlsx" else union.write_union_pdf
        return writer(job.year, targets, out)
    return write


def _atomic(write: Callable[[Path], Any], out: Path) -> None:
    """Write to a temporary file beside `out`, then rename: a failed run leaves no half file."""
    tmp = out.with_name(out.name + ".partial")
    try:
        write(tmp)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LaomoError(CANNOT_WRITE(file=out, why=exc.strerror or exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _book_writer(kind: str) -> Writer:
    def write(job: Job, out: Path | None) -> None:
        from laomo_desktop.reports.books import write_book

        assert out is not None and job.studio_uid
        _atomic(lambda tmp: write_book(kind, job.paths, job.studio_uid, job.year, tmp,
                                       docx=out.suffix.lower() == ".docx"), out)
    return write


def _write_plan(job: Job, out: Path | None) -> None:
    from laomo_desktop.reports.plan import write_plan, write_plan_docx

    assert out is not None and job.studio_uid
    write = write_plan_docx if out.suffix.lower() == ".docx" else write_plan
    _atomic(lambda tmp: write(job.studio_uid, job.year, tmp), out)


def _write_sheet(job: Job, out: Path | None) -> None:
    from laomo_desktop.reports.sheet import write_sheet

    assert out is not None and job.studio_uid and job.template
    _atomic(lambda tmp: write_sheet(job.studio_uid, job.year, job.template, job.paths.templates,
                                    tmp, docx=out.suffix.lower() == ".docx"), out)


# The ledger books (台账分册): key, title, English title, what it holds (zh, en)
_BOOKS = (
    ("activities", "活动记录", "Activity records",
     "本年度每次活动一页或半页：内容、成效、会议纪要、参加人员和照片。",
     "Each activity of the year on a page or half a page: content, outcome, minutes, "
     "attendees and photos."),
    ("trainings", "培训记录", "Training records",
     "本年度每次培训的记录和学员花名册（签到表格式）。",
     "Each training of the year with its trainee roster laid out as a sign-in sheet."),
    ("mentoring", "师徒结对登记表", "Mentoring register",
     "本年度在培和出师的师徒结对：培养目标、培养计划、出师情况和带徒成效。",
     "The year's master–apprentice pairs: goal, plan, graduation and outcome."),
    ("results", "创新成果登记表", "Innovation results register",
     "本年度创新成果：完成人、创新点、专利类型和专利号、应用情况、获奖情况。",
     "The year's results: contributors, innovation points, patent kind and number, "
     "application and awards."),
    ("funds", "经费明细账", "Funds cash book",
     "本年度经费逐笔收支，从上年结转起逐行结出余额。",
     "Every income and expense of the year, with the running balance from the amount "
     "carried over."),
    ("members", "成员名册", "Member roster",
     "年末在册成员：性别、出生年月、学历、岗位、职称、技能等级等。",
     "The team at the year's end: sex, birth, education, post, title and skill level."),
)
BOOK_HELP = "台账分册 PDF 或 Word：" + "、".join(f"{k}（{zh}）" for k, zh, *_ in _BOOKS)

_UNION_HELP = "汇总表（所有工作室）PDF 或 XLSX"
_UNION_STEM = "{year}-劳模创新工作室汇总表"

DOCUMENTS: tuple[Document, ...] = (
    Document(
        "annual", "年度工作总结", "Annual summary",
        "由台账自动汇编的本工作室年度情况：基本情况、“八个必有”、年度目标、活动、成果和经费等。",
        "The studio's year compiled from the ledger: basic facts, the eight must-haves, "
        "targets, activities, results and funds.",
        (".pdf", ".docx"), "{studio}-{year}-年度工作总结", _write_annual,
        command=("report", "annual"), cli_help="年度工作总结（台账汇编）PDF 或 Word（DOCX）",
        needs_studio=True),
    Document(
        "packet", "考核材料", "Review packet",
        "年度工作总结、按所选模板的自评表、佐证材料索引和勾选的附件，合成一个 PDF 文件。",
        "The annual summary, the self-assessment against the chosen template, an evidence "
        "index and the ticked attachments, in one PDF.",
        (".pdf",), "{studio}-{year}-考核材料", _write_packet,
        command=("report", "packet"), cli_help="考核材料 PDF（总结 + 自评 + 佐证 + 附件）",
        needs_studio=True, uses_template=True, takes_attachments=True),
    Document(
        "assessment", "自评", "Self-assessment",
        "按所选模板为本年度逐项打分，结果显示在右侧，不生成文件。",
        "Scores the year against the chosen template and shows the result here; no file "
        "is written.",
        (), "{studio}-{year}-自评", _assess,
        command=("assess",), cli_help="对照评分模板自评某工作室某年度",
        needs_studio=True, uses_template=True),
    Document(
        "assess_sheet", "自评表", "Self-assessment sheet",
        "按所选模板打分的自评表：考核项目、考核内容、分值、评分标准、自评得分，留考核得分和签字"
        "盖章栏；可存为 Word 文档修改后打印。",
        "The year scored against the chosen template on the inspectors' sheet, with the "
        "assessor's column, signature and seal left blank; also as a Word document to edit.",
        (".pdf", ".docx"), "{studio}-{year}-自评表", _write_sheet,
        command=("report", "sheet"), cli_help="自评表 PDF 或 Word（按评分模板打分，留签字盖章栏）",
        needs_studio=True, uses_template=True),
    Document(
        "union_pdf", "汇总表 PDF", "Union summary (PDF)",
        "台账中所有工作室的主要指标汇总，以及工会本年度目标的完成情况。",
        "Every studio of the ledger in one table, with the union's targets for the year.",
        (".pdf",), _UNION_STEM, _union_writer(".pdf"),
        command=("report", "union"), cli_help=_UNION_HELP, uses_union_targets=True),
    Document(
        "union_xlsx", "汇总表 XLSX", "Union summary (XLSX)",
        "同样的汇总表，保存为可用 Excel 或 WPS 打开的工作簿。",
        "The same summary as a workbook to open in Excel or WPS.",
        (".xlsx",), _UNION_STEM, _union_writer(".xlsx"),
        command=("report", "union"), cli_help=_UNION_HELP, uses_union_targets=True),
    *(Document(f"book_{key}", zh, en, hint, hint_en, (".pdf", ".docx"),
               "{studio}-{year}-" + zh,
               _book_writer(key), command=("report", "book", key), cli_help=BOOK_HELP,
               needs_studio=True)
      for key, zh, en, hint, hint_en in _BOOKS),
    Document(
        "plan", "年度工作计划", "Work plan",
        "本年度工作计划：年度目标、主要措施和进度安排，文末留盖章和日期。",
        "The year's work plan: targets, measures and schedule, with room for the seal and "
        "date.",
        (".pdf", ".docx"), "{studio}-{year}-年度工作计划", _write_plan,
        command=("report", "plan"), cli_help="年度工作计划 PDF 或 Word（目标、措施、进度安排）",
        needs_studio=True),
)



# --- notices (issue 16 §1): the checklist of a notice, or of the year's notices --------------
def _write_checklist(job: Job, out: Path | None) -> None:
    from laomo_desktop.reports.notices import write_checklist

    assert out is not None and job.studio_uid
    _atomic(lambda tmp: write_checklist(job.studio_uid, job.year, tmp, job.record_uid,
                                        docx=out.suffix.lower() == ".docx"), out)
# ---- grants (补助资金) ----
CHOOSE_GRANT = Text("请先选择一笔补助资金。", "Choose a grant first.")


def _write_grant(job: Job, out: Path | None) -> None:
    from laomo_desktop.reports import grant

    if not job.record_uid:
        raise LaomoError(CHOOSE_GRANT)
    assert out is not None
    write = {".docx": grant.write_grant_docx, ".xlsx": grant.write_grant_xlsx}.get(
        out.suffix.lower(), grant.write_grant_pdf)
    _atomic(lambda tmp: write(job.record_uid, tmp), out)


DOCUMENTS += (
    Document(
        "notice_checklist", "通知报送清单", "Notice checklist",
        "本年度截止的每份通知一页：发文单位、文号、截止日期和报送材料，已完成的打勾，便于逐项核对。",
        "Each notice due in the year on a page: issuer, document number, due date and the "
        "required items, the done ones ticked, to check them off one by one.",
        (".pdf", ".docx"), "{studio}-{year}-通知报送清单", _write_checklist,
        command=("report", "notices"), cli_help="通知报送清单 PDF 或 Word（--notice 只打印一份通知）",
        needs_studio=True, one_record="notice"),
    Document(
        "grant", "补助资金使用情况", "Grant use report",
        "所选补助资金的拨付单位、文号、金额、可列支类别和使用期限，逐笔列支明细和结余，以及不符合"
        "使用规定的支出。",
        "The chosen grant's body, document number, amount, categories and period, each "
        "expense drawn on it, the balance, and the expenses against its terms.",
        (".pdf", ".docx", ".xlsx"), "{studio}-{record}-使用情况", _write_grant,
        command=("report", "grant"), cli_help="补助资金使用情况报告 PDF、Word 或 XLSX",
        needs_studio=True, picks="grant"),
)

# ---- alliances (联盟) ----
CHOOSE_ALLIANCE = Text("请先选择一个创新联盟。", "Choose an alliance first.")


def _write_alliance(job: Job, out: Path | None) -> None:
    from laomo_desktop.reports import alliance

    if not job.record_uid:
        raise LaomoError(CHOOSE_ALLIANCE)
    assert out is not None
    write = (alliance.write_alliance_docx if out.suffix.lower() == ".docx"
             else alliance.write_alliance_pdf)
    _atomic(lambda tmp: write(job.record_uid, job.year, tmp), out)


DOCUMENTS += (
    Document(
        "alliance", "联盟年度报告", "Alliance yearly report",
        "所选创新联盟的成员工作室、年度计划与实际开展的联合项目，以及联盟经费的收支和结余。",
        "The chosen alliance's member studios, the year's plan against the joint projects "
        "under way, and the alliance funds in and out with the balance.",
        (".pdf", ".docx"), "{studio}-{record}-{year}年度报告", _write_alliance,
        command=("report", "alliance"), cli_help="联盟年度报告 PDF 或 Word",
        needs_studio=True, picks="alliance"),
)

BY_KEY: dict[str, Document] = {d.key: d for d in DOCUMENTS}


def document(key: str) -> Document:
    return BY_KEY[key]


def report_commands() -> dict[str, list[Document]]:
    """`laomo report NAME` → the documents it can write (one per format, or per KIND of
    `laomo report book KIND`), in declared order."""
    out: dict[str, list[Document]] = {}
    for d in DOCUMENTS:
        if len(d.command) >= 2 and d.command[0] == "report":
            out.setdefault(d.command[1], []).append(d)
    return out


def by_suffix(docs: Sequence[Document], out: Path) -> Document:
    """The document of `docs` that writes `out`'s kind of file; a clear message otherwise."""
    suffixes = [s for d in docs for s in d.formats]
    for d in docs:
        if out.suffix.lower() in d.formats:
            return d
    raise LaomoError(WRONG_SUFFIX(name=out.name, suffixes=Joined(tuple(suffixes), OR.zh, OR.en)))


def with_format(out: Path, fmt: str | None) -> Path:
    """`out` for `--format FMT`: given its suffix when it has none; a clear message when it has
    another one (F.pdf with --format docx)."""
    if not fmt:
        return out
    if not out.suffix:
        return out.with_name(out.name + "." + fmt)
    if out.suffix.lower() != "." + fmt:
        raise LaomoError(WRONG_SUFFIX(name=out.name, suffixes="." + fmt))
    return out
