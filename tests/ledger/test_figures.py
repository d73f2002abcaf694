"""The figures are one typed object (ledger/figures.py's YearFigures) and the metric registry
(ledger/metrics.py) agrees with it: every metric is read from an attribute that exists or
computed by a function of the figures, every numeric attribute is shown by a metric or listed
as internal with a reason, and nothing outside the statistics reads a figure by a string key."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

from laomo_desktop.ledger import metrics as M
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.figures import YearFigures, as_json
from sample_ledger import build

SRC = Path(__file__).resolve().parents[2] / "src" / "laomo_desktop"


def _numeric_fields() -> set[str]:
    hints = typing.get_type_hints(YearFigures)
    return {f.name for f in dataclasses.fields(YearFigures) if hints[f.name] in (int, float)}


def test_every_metric_names_an_attribute_of_the_figures():
    fields = {f.name for f in dataclasses.fields(YearFigures)}
    for m in M.METRICS.values():
        if m.of is None:
            assert m.attribute in fields or isinstance(
                getattr(YearFigures, m.attribute, None), property), m.key


def test_every_numeric_figure_has_a_metric_or_a_reason():
    shown = {m.attribute for m in M.METRICS.values() if m.attribute}
    numeric = _numeric_fields()
    assert numeric - shown - set(M.INTERNAL) == set()
    assert set(M.INTERNAL) <= numeric, "a reason for an attribute that is not a numeric figure"
    assert set(M.INTERNAL).isdisjoint(shown), "listed as internal but a metric shows it"
    assert all(reason.strip() for reason in M.INTERNAL.values())


def test_every_metric_has_a_number_for_a_real_year(ledger, tmp_path):
    uid = build(ledger, tmp_path)["A"]
    figures = stats.studio_year(uid, 2025)
    for key, m in M.METRICS.items():
        assert isinstance(M.fact(figures, key), int | float), key
        assert m.text(figures), key
    assert M.fact(figures, "benefit_wan") == figures.benefit_wan
    assert M.fact(figures, "party_members") == figures.members_party
    json = as_json(figures)
    assert json["training_sessions"] == figures.training_sessions
    assert json["must_haves"][0]["label"] == "标志"


def test_the_figures_cannot_be_changed_once_computed(ledger, tmp_path):
    figures = stats.studio_year(build(ledger, tmp_path)["A"], 2025)
    try:
        figures.results_total = 99  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("YearFigures is not frozen")


# Names too common to be a figure (a record's own "year", "studio", "level", …) are left out.
# The union summary (ledger/union.py and its report and page) keeps its own per-studio rows,
# which are not YearFigures, and demo.py plans targets by their codes.
_GENERIC = {"year", "start", "end", "studio", "period_label", "period_short", "targets",
            "leaders", "party_org", "level", "apprentices", "promotions"}
_NOT_FIGURES = {"ledger/stats.py", "ledger/figures.py", "ledger/union.py", "reports/union.py",
                "ui/pages/union.py", "ui/pages/uniontable.py", "ledger/demo.py"}


def test_no_figure_is_read_by_a_string_key_outside_the_statistics():
    names = ({f.name for f in dataclasses.fields(YearFigures)} | set(M.METRICS)
             | {"must_haves", "leader_honours", "leader_is_member"}) - _GENERIC
    read = re.compile(r"""(?:\[|\.get\()\s*(['"])(\w+)\1""")
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel in _NOT_FIGURES:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{rel}:{n}: {m.group(2)}" for m in read.finditer(line)
                      if m.group(2) in names]
    assert found == []
