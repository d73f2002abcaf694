"""An old Excel ledger read as it is kept (Qt-free): which file it is, which sheet holds which
kind of record, where the header is, and the rows under it without the lines people add for
the eye (blank lines between months, 合计/小计/总计 rows).

openpyxl reads the workbook in read-only mode with the cached values of formulas (data_only):
a sheet of 100,000 rows streams through in steps (a job: work.Progress, cancellable) and is
never held as cells. Nothing here writes to the ledger; ledger.excelimport checks the rows and
adds them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds, paste, typed
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Text
from laomo_desktop.work import Job, Progress

NO_FILE = Text("找不到文件“{file}”。", 'The file "{file}" cannot be found.')
NOT_WORKBOOK = Text("“{file}”不是 Excel 工作簿（.xlsx），无法读取。请选择用 Excel 或 WPS 保存的 .xlsx 文件。",
                    '"{file}" is not an Excel workbook (.xlsx) and cannot be read. Choose an '
                    ".xlsx file saved by Excel or WPS.")
ENCRYPTED = Text("“{file}”设有打开密码（文件已加密），无法读取。请在 Excel 或 WPS 中用密码打开它，"
                 "取消“用密码进行加密”后保存，再导入。",
                 '"{file}" is protected by a password (the file is encrypted) and cannot be read. '
                 "Open it with its password in Excel or WPS, remove the encryption, save it, then "
                 "import it again.")
OLD_XLS = Text("“{file}”是旧版 Excel 97-2003 格式（.xls），本程序只读取 .xlsx。请用 Excel 或 WPS "
               "打开它，选择“文件 ▸ 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的文件。",
               '"{file}" is in the old Excel 97-2003 format (.xls); the program reads .xlsx only. '
               'Open it in Excel or WPS, choose "File ▸ Save As" with the type "Excel Workbook '
               '(*.xlsx)", then import the saved file.')
NO_SHEETS = Text("“{file}”中没有工作表。", '"{file}" holds no worksheet.')
NO_SUCH_SHEET = Text("工作簿中没有名为“{sheet}”的工作表。工作表：{names}。",
                     'The workbook has no sheet called "{sheet}". Its sheets: {names}.')
NO_HEADER_ROW = Text("工作表“{sheet}”前 {n} 行中找不到表头（列名）。",
                     'No header (column names) in the first {n} rows of the sheet "{sheet}".')
UNSAVED_FORMULAS = Text("工作表“{sheet}”中有 {n} 个公式没有保存计算结果（文件由其他程序生成，未在 Excel 或 WPS "
                        "中保存过），这些单元格读作空白。请用 Excel 或 WPS 打开并保存该文件后再导入。",
                        'The sheet "{sheet}" has {n} formulas without a saved result (the file '
                        "was made by another program and never saved in Excel or WPS): those "
                        "cells read as blank. Open the file in Excel or WPS, save it, then import "
                        "it again.")
READING = Text("正在读取工作表“{sheet}”：第 {row} 行", 'Reading the sheet "{sheet}": row {row}')

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: .xls, or an encrypted .xlsx
_ZIP = b"PK\x03\x04"
HEADER_SEARCH = 15  # rows looked at for the header (a title, a date line, then the header)
READ_STEP = 2000  # rows read between two progress steps (and chances to stop)
# which sheet holds which kind: words of its name, tried before the headers
SHEET_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mentorship", ("师徒", "带徒", "结对", "徒弟")), ("benefit", ("效益",)),
    ("fund", ("经费", "收支", "资金", "财务")), ("equipment", ("设备", "设施", "资产")),
    ("rule", ("制度",)), ("honour", ("荣誉", "表彰")), ("result", ("成果", "专利")),
    ("project", ("课题", "项目")), ("plan", ("计划",)),
    ("activity", ("活动", "培训", "会议", "讲座")),
    ("member", ("成员", "人员", "花名册", "名单", "名册")),
)
SERIAL_HEADERS = frozenset({"序号", "序", "no", "no.", "编号序号"})
_TOTAL = re.compile(r"[\d一二三四五六七八九十]*(月份?|季度|年度?)?(本月|本季度?|本年度?|全年|累计)?"
                    r"(合计|小计|总计|共计)[:：]?")
_SPACES = re.compile(r"\s+")
_PADDED_NAME = re.compile(r"[\u4e00-\u9fff](\s+[\u4e00-\u9fff]){1,3}")  # 王  芳, 张 小 明
_WAN = re.compile(r"万元?$")  # 1.5万元, 1.5万
_WAN_HEADER = re.compile(r"万元")  # 金额（万元）
_YUAN = re.compile(r"元$")


@dataclass(frozen=True)
class SheetInfo:
    """A sheet as seen from its top: where its header is and what it seems to hold."""

    name: str
    header_line: int             # the header's row in the sheet, from 1
    headers: tuple[str, ...]
    kind: str | None             # the kind suggested for it (None: nothing matched)
    size: int                    # rows the sheet says it has, for the progress
    sample: tuple[str, ...] = ()  # the first row under the header, as an example of each column

    def column_letters(self) -> list[str]:
        return [letter(i) for i in range(len(self.headers))]


@dataclass
class Sheet:
    """The rows under a sheet's header, as values (the cached values of formulas)."""

    info: SheetInfo
    lines: list[int] = field(default_factory=list)   # each row's line in the sheet
    values: list[tuple] = field(default_factory=list)
    blank: int = 0     # blank lines skipped
    totals: int = 0    # 合计/小计/总计 rows skipped
    unsaved: int = 0   # formulas without a saved result (read as blank)


def letter(i: int) -> str:
    """The column letter of column `i` (from 0): A … Z, AA …"""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


# --- the file ---------------------------------------------------------------------------------

def _open(path: Path):
    import openpyxl

    path = Path(path)
    if not path.is_file():
        raise LaomoError(NO_FILE(file=path.name))
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE:
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise LaomoError(ENCRYPTED(file=path.name))
        if any(n.encode("utf-16-le") in data for n in ("Workbook", "Book")):
            raise LaomoError(OLD_XLS(file=path.name))
        raise LaomoError(NOT_WORKBOOK(file=path.name))
    if not head.startswith(_ZIP):
        raise LaomoError(NOT_WORKBOOK(file=path.name))
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a zip without a workbook (.docx), a broken part, …: each a
        # different exception of zipfile, openpyxl or its XML parser, all meaning the same
        raise LaomoError(NOT_WORKBOOK(file=path.name)) from exc


def _cell_text(v: Any) -> str:
    return "" if v is None else cell_text(v, None).strip()


def _header_score(cells: Sequence[str]) -> tuple[int, str | None]:
    """How many cells of a row name fields of one kind, for the kind they name most."""
    best, kind = 0, None
    for k in S.KINDS:
        if not k.per_studio or kinds.rules(k.name).is_file:  # files are attached, not typed
            continue
        n = sum(1 for c in paste.match_headers(k, list(cells)) if c.field is not None)
        if n > best:
            best, kind = n, k.name
    return best, kind


def suggest_kind(sheet_name: str, kind_by_headers: str | None) -> str | None:
    """The kind a sheet seems to hold: by the words of its name, else by its headers."""
    name = _SPACES.sub("", sheet_name)
    for kind, words in SHEET_WORDS:
        if any(w in name for w in words):
            return kind
    return kind_by_headers


def _inspect(ws) -> SheetInfo:
    size = ws.max_row or 0  # as the sheet says: for the progress only
    ws.reset_dimensions()  # the rows and columns there are, whatever the sheet says
    top = [tuple(_cell_text(v) for v in row)
           for row in ws.iter_rows(max_row=HEADER_SEARCH, values_only=True)]
    best, line, kind = 0, 0, None
    for i, cells in enumerate(top):
        if sum(1 for c in cells if c) < 2:  # a title, merged across the sheet
            continue
        score, k = _header_score(cells)
        if score > best:
            best, line, kind = score, i + 1, k
    if not line:  # no known name: the first row of two cells or more
        line = next((i + 1 for i, c in enumerate(top) if sum(1 for x in c if x) >= 2), 0)
    headers = top[line - 1] if line else ()
    while headers and not headers[-1]:
        headers = headers[:-1]
    sample = next((c for c in top[line:] if any(c)), ()) if line else ()
    sample = tuple(sample[:len(headers)]) + ("",) * (len(headers) - len(sample))
    return SheetInfo(ws.title, line, tuple(headers), suggest_kind(ws.title, kind), size, sample)


def inspect(path: Path | str) -> list[SheetInfo]:
    """Each sheet of the workbook at `path` from its top (raises LaomoError with why a file
    cannot be read: not a workbook, encrypted, the old .xls format)."""
    wb = _open(Path(path))
    try:
        infos = [_inspect(ws) for ws in wb.worksheets]
    finally:
        wb.close()
    if not infos:
        raise LaomoError(NO_SHEETS(file=Path(path).name))
    return infos


def pick(infos: Sequence[SheetInfo], name: str | None, kind: str | None = None) -> SheetInfo:
    """The sheet called `name`; without a name, the first suggested for `kind` (or the
    first sheet)."""
    if name is not None:
        for info in infos:
            if info.name == name or info.name.strip() == name.strip():
                return info
        raise LaomoError(NO_SUCH_SHEET(sheet=name, names=[i.name for i in infos]))
    return next((i for i in infos if kind and i.kind == kind), infos[0])


def is_total(cells: Sequence[Any]) -> bool:
    """A row that sums the rows above it: a cell reading 合计, 小计, 总计, 本月合计 …"""
    return any(isinstance(v, str) and _TOTAL.fullmatch(_SPACES.sub("", v)) for v in cells)


def read_steps(path: Path | str, info: SheetInfo) -> Job[Sheet]:
    """The rows under the sheet's header, as a job (a step per READ_STEP rows)."""
    if not info.header_line:
        raise LaomoError(NO_HEADER_ROW(sheet=info.name, n=HEADER_SEARCH))
    wb = _open(Path(path))
    try:
        ws = wb[info.name]
        ws.reset_dimensions()  # a program that wrote a wrong size would cut the rows short
        width = len(info.headers)
        out = Sheet(info)
        total = max(info.size - info.header_line, 0)
        for line, row in enumerate(ws.iter_rows(min_row=info.header_line + 1, values_only=True),
                                   info.header_line + 1):
            done = line - info.header_line
            if done % READ_STEP == 1:  # past the size the sheet gave: how far is not known
                yield Progress(done, total if done <= total else 0,
                               str(READING(sheet=info.name, row=line)))
            cells = tuple(row[:width]) + (None,) * (width - len(row))
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
                out.blank += 1
            elif is_total(cells):
                out.totals += 1
            else:
                out.lines.append(line)
                out.values.append(cells)
        out.unsaved = formulas_without_values(path, ws)
    finally:
        wb.close()
    return out


_CELL = re.compile(rb"<c\b[^>]*?(?<!/)>(.*?)</c>", re.S)  # a cell with content, not <c …/>
_VALUE = re.compile(rb"<v>[^<]")  # a saved result (openpyxl writes <v></v> for none)


def formulas_without_values(path: Path | str, ws) -> int:
    """How many formulas of the sheet have no saved result: a workbook written by a program
    that does not calculate (Excel and WPS always save the results). openpyxl reads those
    cells as blank, so the sheet's XML is looked at; 0 when it cannot be."""
    part = getattr(ws, "_worksheet_path", None)  # where openpyxl read the sheet from
    if not part:
        return 0
    with zipfile.ZipFile(path) as z:
        data = z.read(part)
    if b"<f" not in data:
        return 0
    return sum(1 for m in _CELL.finditer(data) if b"<f" in m[1] and not _VALUE.search(m[1]))


# --- a cell as text the paste reads ------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's serial dates (its 1900 leap-year bug kept)


def _number(v: float | int | Decimal) -> str:
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else format(v, ".12g")
    return str(v)


def _in_wan(text: str) -> str:
    """A number of 万元 as 元: 1.5 → 15000."""
    try:
        value = Decimal(typed.number_text(text)) * 10000
    except InvalidOperation:
        return text
    shown = format(value.quantize(Decimal("0.01")), "f")
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def is_wan(header: str) -> bool:
    """A header that gives money in 万元: 金额（万元）."""
    return bool(_WAN_HEADER.search(header))


def cell_text(v: Any, f: S.Field | None, wan: bool = False) -> str:
    """A sheet's cell as the text the paste reads for field `f`: a date cell or an Excel serial
    number as a date, money in 万元 as 元, a name padded with spaces (王  芳) closed up."""
    if v is None:
        return ""
    ftype = f.type if f is not None else None
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == time() or ftype == S.DATE else str(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"  # words the paste reads as yes and no
    if isinstance(v, int | float):
        if ftype == S.DATE and 1 <= v < 2958466:
            return (EXCEL_EPOCH + timedelta(days=int(v))).isoformat()
        if ftype == S.MONEY and wan:
            return _in_wan(_number(v))
        return _number(v)
    text = str(v)
    if ftype == S.MONEY:
        t = text.strip().lstrip(paste.NUMBER_AFFIXES[0]).strip()
        if _WAN.search(t):
            return _in_wan(_WAN.sub("", t).strip())
        if wan:
            return _in_wan(_YUAN.sub("", t).strip())
    if ftype == S.TEXT and _PADDED_NAME.fullmatch(text.strip()):
        return _SPACES.sub("", text)
    return text
