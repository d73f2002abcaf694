"""A union's own forms (.docx with docxtpl placeholders, .xlsx with the same placeholders in
cells, reports/forms_xlsx.py) filled from the ledger for a studio and year.

Forms come from the data folder's forms/ (where the secretary or the union office drops them),
from the examples shipped in resources/forms/, or from any file the user picks. Each form is
checked before anything is written (reports/formcheck.py); filled files are written beside
their target as `*.partial` and renamed only when complete, so a failure or a cancel leaves
none. The saved name follows the union's pattern (settings.FORM_FILE_NAME)."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths, resources_dir
from laomo_desktop.reports.formcheck import (
    FAILED,
    NOT_A_FORM,
    PLACE,
    FormError,
    check,
    environment,
)
from laomo_desktop.texts import Text
from laomo_desktop.work import Job, Progress

SUFFIXES = (".docx", ".xlsx")
PATTERN_FIELDS = ("工作室名称", "年度", "表单名称", "领衔人", "所在单位")
WRONG_KIND = Text("只能填写 Word（.docx）或 Excel（.xlsx）表单；.doc 和 .xls 请先在 Word、WPS "
                  "或 Excel 中另存为 .docx 或 .xlsx",
                  "only Word (.docx) and Excel (.xlsx) forms can be filled; save a .doc or .xls "
                  "as .docx or .xlsx in Word, WPS or Excel first")
DAMAGED = Text("文件已损坏，或不是 {kind} 文件", "the file is damaged or is not a {kind} file")
NO_FILE = Text("找不到表单文件“{file}”。", 'The form "{file}" cannot be found.')
BAD_PATTERN = Text("文件名格式“{pattern}”中的“{{{name}}}”无法识别。可用：{names}。",
                   'The file-name pattern "{pattern}" has "{{{name}}}", which is not known. '
                   "Known: {names}.")
CANNOT_WRITE = Text("无法写入“{file}”：{why}", 'Cannot write "{file}": {why}')
FILLING = Text("正在填写：{studio}", "Filling in: {studio}")
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
            *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class FormFile:
    path: Path
    source: str  # "data" (the data folder's forms/) or "shipped" (an example)

    @property
    def name(self) -> str:
        return self.path.stem


def shipped_forms() -> Path:
    return resources_dir() / "forms"


def list_forms(paths: LedgerPaths) -> list[FormFile]:
    """The data folder's forms, then the shipped examples; Office's lock files (~$…) left out."""
    out = []
    for folder, source in ((paths.forms, "data"), (shipped_forms(), "shipped")):
        if folder.is_dir():
            out += [FormFile(p, source) for p in sorted(folder.iterdir())
                    if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))]
    return out


# ---- file names -------------------------------------------------------------------------

def windows_safe(name: str, fallback: str = "表单") -> str:
    """A file name Windows accepts: no \\ / : * ? " < > | or control characters, no trailing
    dot or space, not a reserved device name, at most 120 characters."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", name).strip(" .")
    if name.split(".")[0].upper() in RESERVED:
        name = "_" + name
    return name[:120].rstrip(" .") or fallback


def check_pattern(pattern: str) -> None:
    for _, name, _, _ in string.Formatter().parse(pattern):
        if name is not None and name not in PATTERN_FIELDS:
            raise LaomoError(BAD_PATTERN(pattern=pattern, name=name,
                                         names="、".join("{" + n + "}" for n in PATTERN_FIELDS)))


def file_name(pattern: str, form: Path, studio: dict, year: int) -> str:
    """The union's name for a filled form: `pattern` with its placeholders, made safe, with the
    form's suffix."""
    check_pattern(pattern)
    try:
        text = pattern.format(工作室名称=studio.get("name") or "", 年度=year, 表单名称=form.stem,
                              领衔人=studio.get("leader") or "",
                              所在单位=studio.get("host_unit") or "")
    except (ValueError, IndexError) as exc:
        raise LaomoError(BAD_PATTERN(pattern=pattern, name=str(exc),
                                     names="、".join("{" + n + "}" for n in PATTERN_FIELDS))) \
            from None
    return windows_safe(text) + form.suffix.lower()


# ---- reading and checking ---------------------------------------------------------------

@dataclass
class Form:
    """A form read and checked, ready to fill for any number of studios."""

    path: Path
    fill: Callable[[dict, Path], None] = field(repr=False)
    uses: frozenset[str] = frozenset()  # the vocabulary's top-level names it reads

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()


FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # docxtpl's
PROPERTY = Text("文档属性“{name}”", 'the document property "{name}"')


def _paragraph(xml_line: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", xml_line)).strip()


def _docx(path: Path) -> Form:
    from docxtpl import DocxTemplate

    env = environment()
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
        parts = [tpl.get_xml()]
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            parts += [tpl.get_part_xml(p) for _, p in tpl.get_headers_footers(uri)]
        parts += [p.blob.decode("utf-8") for p in tpl.docx.part.package.parts  # filled too
                  if p.content_type == FOOTNOTES]
        properties = {name: getattr(tpl.docx.core_properties, name) or ""
                      for name in PROPERTIES}
    except Exception as exc:  # noqa: BLE001 - python-docx says "package not found", zipfile …
        raise FormError(NOT_A_FORM(file=path.name, why=DAMAGED(kind="Word"))) from exc
    uses: set[str] = set()
    for xml in parts:
        lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml)).split("\n")

        def place_of(lineno: int, lines=lines) -> tuple[str, str]:
            text = _paragraph(lines[min(max(lineno, 1), len(lines)) - 1])
            return text, (f"段落“{text[:30]}…”" if len(text) > 30 else f"段落“{text}”")
        uses |= check(env, "\n".join(lines), path.name, place_of)
    for name, text in properties.items():  # docxtpl fills the document's properties as well
        uses |= check(env, text, path.name,
                      lambda _line, name=name, text=text: (text, PROPERTY(name=name)))

    render_env = environment()  # one per form: its parts are compiled once for every studio

    def fill(ctx: dict, out: Path) -> None:
        t = DocxTemplate(str(path))
        try:
            t.render(ctx, jinja_env=render_env, autoescape=True)
        except Exception as exc:  # noqa: BLE001 - a form's mistake the check could not see
            near = " ".join(x.strip() for x in getattr(exc, "docx_context", []) if x.strip())
            raise FormError(FAILED(file=path.name, why=str(exc) or type(exc).__name__,
                                   where=PLACE(place=near[:60]) if near else "")) from None
        t.save(str(out))
    return Form(path, fill, frozenset(uses))


def _xlsx(path: Path) -> Form:
    import openpyxl

    from laomo_desktop.reports import forms_xlsx as X

    env = environment()
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as exc:  # noqa: BLE001 - zipfile, KeyError, InvalidFileException …
        raise FormError(NOT_A_FORM(file=path.name, why=DAMAGED(kind="Excel"))) from exc
    source, lines = X.source(wb, path.name)
    uses = check(env, source, path.name,
                 lambda n: lines[min(max(n, 1), len(lines)) - 1] if lines else ("", ""))

    def fill(ctx: dict, out: Path) -> None:
        book = openpyxl.load_workbook(path)
        cells = X._Cells(env)
        for ws in book.worksheets:
            X.fill_sheet(ws, env, ctx, path.name, cells)
        book.save(out)
    return Form(path, fill, frozenset(uses))


def read_form(path: Path) -> Form:
    """A form read and checked; a FormError that names the file and the placeholder if not."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise FormError(NOT_A_FORM(file=path.name, why=WRONG_KIND))
    if not path.is_file():
        raise FormError(NO_FILE(file=path))
    return _docx(path) if path.suffix.lower() == ".docx" else _xlsx(path)


# ---- filling ----------------------------------------------------------------------------

def _write(form: Form, ctx: dict, partial: Path) -> None:
    try:
        form.fill(ctx, partial)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise LaomoError(CANNOT_WRITE(file=partial.with_suffix(""),
                                      why=exc.strerror or exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _partial(out: Path) -> Path:
    return out.with_name(f".{out.name}.partial")


def _names(ctx: dict) -> dict:
    """What a file-name pattern may use, as the form itself shows it (the year's end)."""
    studio = ctx["工作室"]
    return {"name": studio["名称"], "leader": studio["领衔人"], "host_unit": studio["所在单位"]}


def fill_form(form: Path | Form, studio_uid: str, year: int, out: Path,
              pattern: str | None = None) -> Path:
    """Fill `form` for one studio and year into `out` (written whole or not at all); with a
    `pattern`, `out` is the folder and the file is named by it. Returns the file written."""
    from laomo_desktop.ledger import formfields

    form = form if isinstance(form, Form) else read_form(form)
    if pattern is not None:
        check_pattern(pattern)
    ctx = formfields.context(studio_uid, year, only=form.uses)
    if pattern is not None:
        out = out / file_name(pattern, form.path, _names(ctx), year)
    partial = _partial(out)
    _write(form, ctx, partial)
    partial.replace(out)
    return out


@dataclass
class Filled:
    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (studio, why)


def fill_all_steps(form_path: Path, year: int, folder: Path, pattern: str) -> Job[Filled]:
    """Fill a form for every studio of the ledger into `folder`, one file each, named by
    `pattern` (a file already in the folder is kept: the new one is numbered). A studio not
    yet founded in `year` is skipped (and said). Every file is first
    written as a hidden `.partial`; only when all are done are they renamed, so a cancel or
    a failure leaves the folder as it was."""
    from laomo_desktop.ledger import formfields
    from laomo_desktop.ledger.studios import list_studios

    check_pattern(pattern)
    form = read_form(form_path)
    studios = list_studios()
    done = Filled()
    pending: list[tuple[Path, Path]] = []
    used: set[str] = set()
    try:
        for i, s in enumerate(studios):
            yield Progress(i, len(studios), FILLING(studio=s["name"]).render())
            try:
                ctx = formfields.context(s["uid"], year, only=form.uses)
            except LaomoError as exc:
                done.skipped.append((s["name"], exc.message))
                continue
            name = file_name(pattern, form.path, _names(ctx), year)
            stem, n = Path(name).stem, 2
            # a file already there (last year's, edited by hand) is never replaced: the new
            # one is named "… (2)", as two studios of one name are
            while name.lower() in used or (folder / name).exists():
                name, n = f"{stem} ({n}){form.suffix}", n + 1
            used.add(name.lower())
            out = folder / name
            pending.append((_partial(out), out))
            _write(form, ctx, pending[-1][0])
        yield Progress(len(studios), len(studios), "")
    except BaseException:  # a cancel, a failure, Ctrl-C on a terminal: nothing is left behind
        for partial, _ in pending:
            partial.unlink(missing_ok=True)
        raise
    try:
        for partial, out in pending:
            partial.replace(out)  # a file of that name open in Word or WPS refuses this
            done.written.append(out)
    except OSError as exc:  # the files renamed so far are whole; the rest are not left half
        for partial, _ in pending:
            partial.unlink(missing_ok=True)
        raise LaomoError(CANNOT_WRITE(file=out, why=exc.strerror or exc)) from exc
    return done
