"""The clipboard's text as spreadsheets write and read it: tab-separated cells with quoted
awkward cells, and the HTML table WPS and Excel prefer when it is there. Copying rows out of a
list (ui/pages/tableclip.py) writes both; pasting reads the tab-separated text (ledger/paste.py)."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Sequence


def _quoted(cell: str) -> str:
    if any(c in cell for c in '\t\n\r"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def to_tsv(rows: Iterable[Sequence[str]]) -> str:
    """Rows as a spreadsheet copies them: cells by tabs, rows by CRLF, awkward cells quoted."""
    return "".join("\t".join(_quoted(c) for c in row) + "\r\n" for row in rows)


def to_html(rows: Sequence[Sequence[str]]) -> str:
    """The same rows as an HTML table (WPS and Excel prefer it when it is there): the first row
    is the header; every cell is escaped, line breaks kept."""
    def cells(row: Sequence[str], tag: str) -> str:
        return "".join(f"<{tag}>{html.escape(c).replace(chr(10), '<br>')}</{tag}>" for c in row)

    body = "".join(f"<tr>{cells(r, 'th' if i == 0 else 'td')}</tr>" for i, r in enumerate(rows))
    return f"<html><body><table border=\"1\">{body}</table></body></html>"


def parse_tsv(text: str) -> list[list[str]]:
    """Tab-separated text as Excel/WPS copy it, quoted cells with line breaks included; empty
    lines (a sheet's copy ends with one) are dropped."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab")
    return [row for row in reader if any(c.strip() for c in row)]
