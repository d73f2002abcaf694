"""Every figure a user sees named is declared once (ledger/metrics.py): the templates'
vocabulary, the plans' targets, the dashboard's tiles and the union summary's columns all
name figures of the registry, and the registry's figures are what the statistics compute."""

from __future__ import annotations

import json
from pathlib import Path

from laomo_desktop.ledger import metrics as M
from laomo_desktop.ledger import stats, templates, union
from laomo_desktop.paths import resources_dir
from laomo_desktop.store import enums as E
from laomo_desktop.ui.pages import dashboard
from laomo_desktop.ui.pages import union as unionpage
from sample_ledger import build


def _named_in(node, out: set[str]) -> set[str]:
    """The figures a template's rules name ("metric", "sum_of")."""
    if isinstance(node, dict):
        if isinstance(node.get("metric"), str):
            out.add(node["metric"])
        out.update(m for m in node.get("sum_of", ()) if isinstance(m, str))
        for v in node.values():
            _named_in(v, out)
    elif isinstance(node, list):
        for v in node:
            _named_in(v, out)
    return out


def test_every_figure_named_anywhere_is_in_the_registry():
    shipped: set[str] = set()
    for f in sorted((resources_dir() / "templates").glob("*.json")):
        _named_in(json.loads(Path(f).read_text(encoding="utf-8")), shipped)
    assert shipped and shipped <= set(M.TEMPLATE_METRICS) | set(templates.CODED)
    assert set(templates.METRICS) == set(M.TEMPLATE_METRICS)
    assert {t.value for t in E.TargetMetric} == set(M.BY_TARGET), "a plan target with no figure"
    assert {k for k, _ in dashboard.FIGURES} <= set(M.METRICS)
    assert set(unionpage.NUMERIC) <= set(M.METRICS)
    assert set(union.NUMBERS) <= set(M.METRICS)


def test_the_registry_figures_are_what_the_statistics_compute(ledger, tmp_path):
    uid = build(ledger, tmp_path)["A"]
    figures = stats.studio_year(uid, 2025)
    shown = {k for k, _ in dashboard.FIGURES} | {m.key for m in M.METRICS.values()
                                                  if not m.in_templates}
    for key in shown:  # the templates' figures are checked in tests/ledger/test_assessment.py
        assert M.metric(key).value(figures) is not None, key
    for t in figures.targets:
        assert stats.ACTUAL_OF[E.TargetMetric(t.metric)].value(figures) == t.actual
    assert M.metric("benefit_wan").text(figures) == f"{figures.benefit_fen / 1e6:,.2f}"
    fen = figures.fund_balance_fen
    assert M.metric("fund_balance").text(figures).endswith(f"{abs(fen) % 100:02d}")
