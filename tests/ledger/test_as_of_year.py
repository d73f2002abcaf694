"""Records dated after a year never change what the ledger says about that year (issue 10, §1).

For a drawn ledger and statistics year 2025 (January to December, and October to September),
every change dated after the year's end — records of every kind added with later dates,
standing records ended later, later dates moved further on, later records deleted — must
leave `laomo stats` and `laomo assess` for 2025 (JSON) and the text of 2025's annual summary,
review packet and union summary (pdftotext) exactly as they were. The date a document is
generated on is fixed, so it is the same in both runs.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from later_records import OTHER, STUDIO, apply_change, base_ledgers, build, later_changes

from helpers import pdftotext
from laomo_desktop.cli import main
from laomo_desktop.ledger.period import Period, set_start_month
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger

YEAR = 2025
TEMPLATES = ("union_100", "demonstration", "eight_must_haves", "party_building")


class _Generated(date):
    """The day every document says it was generated on, in both runs."""

    @classmethod
    def today(cls):
        return cls(2031, 2, 3)


@contextlib.contextmanager
def _fixed_generation_date():
    with contextlib.ExitStack() as stack:
        for name, module in list(sys.modules.items()):
            if name.startswith("laomo_desktop.reports") and getattr(module, "date", None) is date:
                stack.enter_context(mock.patch.object(module, "date", _Generated))
        yield


def _cli(root: Path, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(root), *args])
    return out.getvalue() if code == 0 else f"exit {code}: {err.getvalue()}"


def _pdf(root: Path, out: Path, *args: str) -> str:
    said = _cli(root, *args, "--out", str(out))
    return pdftotext(out) if said.strip() == str(out) else said


def outputs(root: Path, tmp: Path, template: str) -> dict[str, str]:
    """What a user of `laomo` reads about the year, by command."""
    import laomo_desktop.reports.annual  # noqa: F401 - loaded so the generation date is fixed
    import laomo_desktop.reports.packet  # noqa: F401
    import laomo_desktop.reports.union  # noqa: F401

    y = str(YEAR)
    got = {f"stats {s}": _cli(root, "stats", "--studio", s, "--year", y, "--json")
           for s in (STUDIO, OTHER)}
    got.update({f"assess {t}": _cli(root, "assess", "--studio", STUDIO, "--year", y,
                                     "--template", t, "--json") for t in TEMPLATES})
    with _fixed_generation_date():
        got["annual summary"] = _pdf(root, tmp / "annual.pdf", "report", "annual",
                                     "--studio", STUDIO, "--year", y)
        got[f"review packet ({template})"] = _pdf(
            root, tmp / "packet.pdf", "report", "packet", "--studio", STUDIO, "--year", y,
            "--template", template)
        got["union summary"] = _pdf(root, tmp / "union.pdf", "report", "union", "--year", y)
    return got


def _json_differences(a: object, b: object, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(a.keys() | b.keys(), key=str)
                for d in _json_differences(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True))
                for d in _json_differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {json.dumps(a, ensure_ascii=False)[:200]} → "
                              f"{json.dumps(b, ensure_ascii=False)[:200]}"]


def describe(before: dict[str, str], after: dict[str, str]) -> str:
    """Each output that changed, with what changed in it."""
    out = []
    for name in before:
        if before[name] == after[name]:
            continue
        try:
            lines = _json_differences(json.loads(before[name]), json.loads(after[name]))
        except json.JSONDecodeError:
            lines = [line for line in difflib.unified_diff(
                before[name].splitlines(), after[name].splitlines(), lineterm="", n=0)
                if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        out.append(f"{name}:\n  " + "\n  ".join(lines[:12]))
    return "\n".join(out)


def _check(start_month: int, data) -> None:
    per = Period(YEAR, start_month)
    steps = data.draw(base_ledgers(per), label="ledger")
    changes = data.draw(later_changes(per), label="changes after the year")
    template = data.draw(st.sampled_from(TEMPLATES), label="packet template")
    with tempfile.TemporaryDirectory() as t:
        tmp, root = Path(t), Path(t) / "data"
        open_ledger(LedgerPaths(root))
        try:
            set_start_month(start_month)
            uids = build(steps)
        finally:
            close_ledger()
        before = outputs(root, tmp, template)
        open_ledger(LedgerPaths(root))
        try:
            done = [d for d in (apply_change(c, per, uids) for c in changes) if d]
        finally:
            close_ledger()
        after = outputs(root, tmp, template)
    assert after == before, (f"{per.label}: changes dated after its end\n  "
                             + "\n  ".join(done) + "\nchanged:\n" + describe(before, after))


@pytest.mark.parametrize("start_month", [1, 10], ids=["January", "October"])
# Each example builds a ledger and prints three documents twice: a few examples per run keep the
# suite fast, and the failure message lists the changes and what they changed, so a failing
# example is not shrunk (shrinking one takes minutes).
@settings(max_examples=6, deadline=None, database=None,
          phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_records_dated_after_a_year_leave_its_figures_and_documents_unchanged(start_month,
                                                                              data):
    _check(start_month, data)
