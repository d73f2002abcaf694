"""Helpers shared by tests: new ledgers from the migrated template, running the CLI in-process,
reading PDFs back with poppler."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from pathlib import Path

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger


def new_ledger(root: Path, template: Path) -> LedgerPaths:
    """Open, as its writer, a new empty ledger in `root` made from the migrated template.

    A new ledger differs from another only by its uid (ledger_info), by which it recognises
    its own journal (store.journal): each copy gets its own, as a migration would give it, so
    a journal carried between two test ledgers is still a stranger's. Nothing else is made
    per ledger when it is created (the signing key is made on the first export)."""
    paths = LedgerPaths(root)
    paths.root.mkdir(parents=True)
    shutil.copyfile(template, paths.db)
    con = sqlite3.connect(paths.db)
    try:
        with con:
            con.execute("UPDATE ledger_info SET value = ? WHERE key = 'ledger_uid'",
                        (str(uuid.uuid4()),))
    finally:
        con.close()  # the last connection: its journal is checkpointed and removed
    return open_ledger(paths)


_template: Path | None = None


def migrated_template() -> Path:
    """The file of an empty ledger made and migrated once per run (in a folder of its own,
    removed when the run ends). Made before any test ledger is open: opening closes it."""
    global _template
    if _template is None:
        from laomo_desktop.store.database import close_ledger

        folder = Path(tempfile.mkdtemp(prefix="laomo-template-"))
        atexit.register(shutil.rmtree, folder, True)
        paths = open_ledger(LedgerPaths(folder / "data"))
        close_ledger()  # the last connection checkpoints the journal into the file, removes it
        _template = paths.db
    return _template


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    from laomo_desktop.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def pdftotext(pdf: Path, layout: bool = False) -> str:
    """The text of a PDF as poppler reads it (the tool must be installed: see .ci/run);
    `layout`: a table's row on one line, its cells in their columns' order."""
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8",
                           str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def pdffonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    return [line.split() for line in out if line.strip()]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def soffice_pdf(doc: Path) -> Path:
    """`doc` (.docx) converted to PDF by LibreOffice headless, beside it. LibreOffice must be
    installed (`soffice` on the PATH; see .ci/run): without it this fails, it does not skip."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, ("LibreOffice is not installed: the Word documents are checked by converting "
                 "them with `soffice --headless` (apt-get install libreoffice-writer-nogui)")
    profile = doc.parent / "lo-profile"  # its own profile: no clash with a running LibreOffice
    subprocess.run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(doc.parent), str(doc)],
                   check=True, capture_output=True, timeout=240)
    pdf = doc.with_suffix(".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {doc.name}"
    return pdf
