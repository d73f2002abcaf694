"""The documents are declared once (reports/documents.py): the reports page and `laomo` offer
the same ones, under the registry's names, in both languages."""

from __future__ import annotations

import argparse

import pytest

from laomo_desktop.cli import main as cli_main
from laomo_desktop.cliargs import build_parser
from laomo_desktop.reports.documents import DOCUMENTS
from laomo_desktop.ui import i18n
from laomo_desktop.ui.pages.reports import ReportsPage


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def cli_documents() -> set[tuple[str, ...]]:
    """Every command path of `laomo` that produces a document: `report X`, `report book KIND`
    and `assess`."""
    top = _subcommands(build_parser())
    out = {("assess",)}
    for name, parser in _subcommands(top["report"]).items():
        kinds = [a.choices for a in parser._actions if a.dest == "kind"]
        out |= {("report", name, k) for k in kinds[0]} if kinds else {("report", name)}
    return out


def test_the_page_and_the_command_line_offer_the_registry_documents(ctx, qtbot):
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    assert list(page.doc_buttons) == [d.key for d in DOCUMENTS]
    assert [b.text() for b in page.doc_buttons.values()] == [d.label for d in DOCUMENTS]
    assert {d.command for d in DOCUMENTS} == cli_documents(), \
        "a document the window offers and `laomo` does not, or the other way round"
    for d in DOCUMENTS:  # what the page asks for is what the command line asks for
        page.choose(d.key)
        assert page.template.isEnabled() == d.uses_template
        assert page.attachments.isEnabled() == d.takes_attachments
        if d.command[0] == "report":
            options = _subcommands(_subcommands(build_parser())["report"])[d.command[1]]
            flags = {s for a in options._actions for s in a.option_strings}
            assert ("--studio" in flags) == d.needs_studio
            assert ("--template" in flags) == d.uses_template
            assert ("--attach" in flags) == d.takes_attachments


def test_the_english_page_shows_the_registry_english_titles(ctx, qtbot, qapp):
    i18n.install(qapp, "en")
    try:
        page = ReportsPage(ctx)
        qtbot.addWidget(page)
        assert [b.text() for b in page.doc_buttons.values()] == [d.en for d in DOCUMENTS]
        page.choose("union_xlsx")
        assert page.hint.text() == "The same summary as a workbook to open in Excel or WPS."
    finally:
        i18n.install(qapp, "zh_CN")


@pytest.mark.parametrize("name", ["annual", "union"])
def test_a_wrong_file_type_names_the_types_the_document_writes(name, tmp_path, capsys):
    where = ["--studio", "甲"] if name == "annual" else []
    code = cli_main(["--data-dir", str(tmp_path / "data"), "report", name, *where,
                     "--year", "2025", "--out", str(tmp_path / "x.txt")])
    assert code == 1
    wanted = {"annual": ".pdf 或 .docx。", "union": ".pdf 或 .xlsx。"}[name]
    assert capsys.readouterr().err.strip().endswith(wanted)
