"""The self-assessment sheet (自评表) on its own, as PDF or Word: the studio-year scored against a
union's template in the layout of the review packet's sheet (reports/packet_sheet.py), with the
assessor's column, the signature, the seal and the date left to fill in by hand — in Word, the
secretary can also adjust the wording before printing it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from laomo_desktop.ledger import assessment
from laomo_desktop.ledger import books as B
from laomo_desktop.ledger.kinds.studio import titled_for
from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports.packet_sheet import sheet_block


def sheet_blocks(studio_uid: str, year: int, template, templates_dir: Path | None
                 ) -> tuple[list[D.Block], str, str, str]:
    """The sheet's blocks, with the document's title and its header's two texts. `template`:
    a name or file (looked up in `templates_dir`) or a loaded template."""
    studio, per = B.studio_year(studio_uid, year)
    tpl = template
    if isinstance(tpl, (str, Path)):
        tpl = assessment.load_template(tpl, templates_dir)
    result = assessment.assess(studio_uid, year, tpl)
    title = f"{studio['name']}{per.short}自评表"
    named = titled_for(tpl.title, studio.get("category"))  # the studio's own kind
    blocks: list[D.Block] = [D.Space(8), D.Title(title), D.Para(f"评分模板：{named}", "plain")]
    if tpl.description:
        blocks.append(D.Para(tpl.description, "small"))
    blocks += [D.Space(6), sheet_block(result, {c["id"]: c["rule"] for c in tpl.criteria}, {})]
    return blocks, title, studio["name"], f"{per.short}自评表"


def write_sheet(studio_uid: str, year: int, template, templates_dir: Path | None, out, *,
                docx: bool = False, generated: date | None = None) -> None:
    """Write the sheet to `out` (a path or a binary file), as Word with `docx`, else PDF."""
    blocks, title, left, right = sheet_blocks(studio_uid, year, template, templates_dir)
    if docx:
        from laomo_desktop.reports.docx_render import write_docx

        write_docx(out, blocks, title=title, header_left=left, header_right=right)
        return
    from laomo_desktop.reports.layout import build, styles
    from laomo_desktop.reports.pdf_render import flowables

    build(out, flowables(blocks, styles()), title=title, header_left=left, header_right=right,
          generated=generated, has_cover=False)
