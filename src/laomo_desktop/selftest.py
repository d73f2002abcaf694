"""`laomo self-test`: does this installation work? Headless, for a frozen build and its installer.

Prints one JSON object on stdout (ASCII only, so any console code page can carry it):

    {"ok": bool, "version": str, "checks": [{"name", "ok", "detail", "ms"}, ...],
     "python": str, "qt": str | null, "frozen": bool}

and returns 0 only when every check passed. Each check runs on its own: it gets its own
temporary folder, its exceptions become its `detail`, and the next check runs regardless.
Nothing is read from or written to the user's data folder: every ledger here is a new one in a
`tempfile.TemporaryDirectory`. The global peewee database is bound to one ledger at a time, so
run this with no ledger open (the CLI runs it without opening one).

The Qt checks live in `ui/system/selftest.py` (only ui/ imports Qt) and are imported when they run;
every other heavy import is inside its check too, so one missing module fails one check only.
"""

from __future__ import annotations

import contextlib
import json
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from laomo_desktop import __version__
from laomo_desktop.errors import CheckFailed, LaomoError, require
from laomo_desktop.paths import LedgerPaths

Check = tuple[str, Callable[[], str]]  # (name, function returning a detail; raises on failure)

PDF_SENTENCE = "劳模创新工作室台账自检：中文报表字体正常。"
STUDIO = {"name": "自检工作室", "host_unit": "自检单位", "founded_on": "2020-01-01"}
LEADER = "自检领衔人"
ATTACHMENT_NAME = "自检附件.txt"
ATTACHMENT_TEXT = "自检附件的内容。\n".encode()


@contextlib.contextmanager
def _temp_dir() -> Iterator[Path]:
    # ignore_cleanup_errors: on Windows a scanner may still hold a file for a moment; a
    # leftover in the temp folder must not fail a check that passed.
    with tempfile.TemporaryDirectory(prefix="laomo-selftest-",
                                     ignore_cleanup_errors=True) as d:
        yield Path(d)


@contextlib.contextmanager
def _ledger(root: Path) -> Iterator[LedgerPaths]:
    """A new ledger at `root`, bound to the global database until the block ends."""
    from laomo_desktop.store.database import close_ledger, open_ledger

    try:
        yield open_ledger(LedgerPaths(root))
    finally:
        close_ledger()


# --- the checks without Qt ------------------------------------------------------------------

def check_ledger() -> str:
    from laomo_desktop.ledger.studios import create_studio, list_studios
    from laomo_desktop.store import migrations
    from laomo_desktop.store.database import schema_version
    from laomo_desktop.store.models import database

    with _temp_dir() as tmp, _ledger(tmp / "ledger"):
        version = schema_version()
        require(version == migrations.LATEST,
                f"schema version {version} after migrating, expected {migrations.LATEST}")
        app_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
        require(app_id == migrations.APPLICATION_ID, f"application_id is {app_id:#x}")
        integrity = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
        require(integrity == ["ok"], f"integrity_check: {'; '.join(map(str, integrity))[:300]}")
        studio = create_studio(dict(STUDIO), LEADER)
        rows = [s for s in list_studios() if s["uid"] == studio["uid"]]
        require(len(rows) == 1 and rows[0]["leader"] == LEADER,
                f"the new studio reads back as {rows}")
        bad_refs = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        require(not bad_refs, f"foreign_key_check: {bad_refs[:5]}")
    return (f"schema version {version} (latest {migrations.LATEST}), integrity_check ok, "
            "studio and leader created")


def check_pdf() -> str:
    from pypdf import PdfReader
    from reportlab.platypus import Paragraph

    from laomo_desktop.reports import fonts, layout
    from laomo_desktop.reports.text import esc

    with _temp_dir() as tmp:
        st = layout.styles()
        pdf = tmp / "自检.pdf"
        layout.build(pdf, [Paragraph(esc(PDF_SENTENCE), st["h1"]),
                           Paragraph(esc(PDF_SENTENCE), st["body"])],
                     title="自检", header_left="自检", header_right="自检")
        reader = PdfReader(str(pdf))
        require(len(reader.pages) == 1, f"{len(reader.pages)} pages, expected 1")
        page = reader.pages[0]
        text = "".join((page.extract_text() or "").split())
        require(PDF_SENTENCE in text, f"the text extracted back is {text[:80]!r}")
        names, unembedded = [], []
        font_dict = page.get("/Resources", {}).get("/Font", {})
        for font in font_dict.values():
            font = font.get_object()
            name = str(font.get("/BaseFont", "?"))
            names.append(name)
            if not _embedded(font):
                unembedded.append(name)
        require(names, "the page has no fonts")
        require(not unembedded, f"fonts not embedded: {', '.join(unembedded)}")
        require(any("WenQuanYi" in n for n in names), f"fonts {names}: no WenQuanYi")
        size = pdf.stat().st_size
    return (f"1 page, {size // 1024} KB, text extracted back, fonts {', '.join(sorted(names))} "
            f"embedded (from {fonts.font_path().name})")


def _embedded(font) -> bool:
    """Whether a PDF font dictionary carries its font program (directly or in a descendant)."""
    if "/DescendantFonts" in font:
        return all(_embedded(f.get_object()) for f in font["/DescendantFonts"])
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def check_exchange() -> str:
    from laomo_desktop.exchange.export import export_studio
    from laomo_desktop.exchange.importer import apply
    from laomo_desktop.exchange.package import read_package
    from laomo_desktop.ledger import attachments
    from laomo_desktop.ledger.studios import create_studio

    with _temp_dir() as tmp:
        source = tmp / ATTACHMENT_NAME
        source.write_bytes(ATTACHMENT_TEXT)
        drive = tmp / "drive"
        drive.mkdir()
        with _ledger(tmp / "studio") as studio_paths:
            uid = create_studio(dict(STUDIO), LEADER)["uid"]
            attachments.attach(studio_paths, "studio", uid, source, "自检附件")
            exported = export_studio(studio_paths, uid, drive)
            sent = _studio_records(uid)
        pkg = read_package(exported.path)  # verifies the signature and every member
        require(pkg.studio_uid == uid, "the package names another studio")
        require(len(pkg.attachments) == 1, f"{len(pkg.attachments)} attachment files in it")
        with _ledger(tmp / "office") as office_paths:
            result = apply(office_paths, pkg, trust_new_key=True)
            require(result.applied, f"not imported: {result.message}")
            received = _studio_records(uid)
            att = received["attachment"][0] if received["attachment"] else None
            require(att is not None, "no attachment record after the import")
            content = attachments.open_path(office_paths, att).read_bytes()
        require(received == sent, "the imported records differ: " + ", ".join(
            k for k in sent if sent[k] != received.get(k)))
        require(content == ATTACHMENT_TEXT, "the imported attachment's content differs")
    n = sum(len(v) for v in sent.values())
    return (f"package {exported.path.name} ({exported.size // 1024} KB, 1 attachment) exported, "
            f"verified, imported into a second ledger; {n} records equal")


def _studio_records(studio_uid: str) -> dict[str, list[dict]]:
    """Every record of a studio, live and in the recycle bin, by kind."""
    from laomo_desktop.ledger import records as R
    from laomo_desktop.store import schema as S

    return {k.name: R.list_records(k.name, studio_uid)
            + R.list_records(k.name, studio_uid, deleted=True) for k in S.KINDS}


# --- the Qt checks, imported when they run ----------------------------------------------------

def check_qt() -> str:
    from laomo_desktop.ui.system import selftest

    return selftest.check_qt()


def check_translations() -> str:
    from laomo_desktop.ui.system import selftest

    return selftest.check_translations()


def _qt_version() -> str | None:
    try:
        from laomo_desktop.ui.system import selftest

        return selftest.qt_version()
    except Exception:  # Qt is missing or broken: the qt check says why
        return None


CHECKS: list[Check] = [
    ("qt", check_qt),
    ("translations", check_translations),
    ("ledger", check_ledger),
    ("pdf", check_pdf),
    ("exchange", check_exchange),
]


# --- the runner -------------------------------------------------------------------------------

def _describe(exc: Exception) -> str:
    if isinstance(exc, CheckFailed):
        return str(exc)
    message = exc.message if isinstance(exc, LaomoError) else str(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {message}{where}"


def run_check(name: str, func: Callable[[], str]) -> dict:
    start = time.perf_counter()
    try:
        detail, ok = str(func() or ""), True
    except Exception as exc:  # a check's failure is its result, never the end of the run
        detail, ok = _describe(exc), False
    ms = round((time.perf_counter() - start) * 1000, 1)
    return {"name": name, "ok": ok, "detail": detail, "ms": ms}


def run(checks: Sequence[Check] | None = None) -> dict:
    """Run every check (CHECKS unless given), each on its own; the result as a dict."""
    checks = CHECKS if checks is None else checks
    with contextlib.redirect_stdout(sys.stderr):  # stdout carries the JSON and nothing else
        results = [run_check(name, func) for name, func in checks]
        qt = _qt_version()
    return {
        "ok": bool(results) and all(r["ok"] for r in results),
        "version": __version__,
        "checks": results,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "qt": qt,
        "frozen": bool(getattr(sys, "frozen", False)),
    }


def main(checks: Sequence[Check] | None = None, out: TextIO | None = None) -> int:
    """Run the checks, print the JSON result; 0 when every check passed, else 1."""
    result = run(checks)
    out = sys.stdout if out is None else out
    out.write(json.dumps(result, ensure_ascii=True, indent=1) + "\n")
    out.flush()
    return 0 if result["ok"] else 1
