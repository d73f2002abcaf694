"""The two charts of the annual summary, drawn with ReportLab graphics in the bundled font."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from laomo_desktop.reports import fonts
from laomo_desktop.reports.layout import BODY_W

BAR = colors.HexColor("#6e6e6e")  # grey: the summary prints in black and white


def _title(d: Drawing, text: str) -> None:
    d.add(String(0, d.height - 12, text, fontName=fonts.register(), fontSize=10))


def activities_per_month(counts: list[int], months: list[tuple[int, int]]) -> Drawing:
    """Bars for the period's months in its own order (10月 … 9月 when it starts in October);
    `months`: (year, month) of each count."""
    font = fonts.register()
    d = Drawing(BODY_W, 170)
    _title(d, "各月活动次数")
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 30, 25, BODY_W - 45, 115
    c.data = [counts]
    c.bars[0].fillColor = BAR
    c.categoryAxis.categoryNames = [f"{m}月" for _, m in months]
    c.categoryAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 8
    c.valueAxis.labels.fontName = font
    c.valueAxis.labels.fontSize = 8
    c.valueAxis.valueMin = 0
    c.valueAxis.valueMax = max(4, max(counts) + 1)
    c.valueAxis.valueStep = max(1, (max(counts) + 4) // 5)
    c.barLabelFormat = lambda v: str(int(v)) if v else ""
    c.barLabels.fontName = font
    c.barLabels.fontSize = 7
    c.barLabels.nudge = 6
    d.add(c)
    return d


def results_by_type(items: list[tuple[str, int]]) -> Drawing:
    """Horizontal bars, one per result type (label, count)."""
    font = fonts.register()
    height = 40 + 16 * max(1, len(items))
    d = Drawing(BODY_W, height)
    _title(d, "创新成果按类型")
    if not items:
        d.add(String(0, height - 30, "本年度没有创新成果记录", fontName=font, fontSize=9))
        return d
    c = HorizontalBarChart()
    c.x, c.y, c.width, c.height = 95, 10, BODY_W - 120, height - 35
    c.data = [[n for _, n in reversed(items)]]
    c.bars[0].fillColor = BAR
    c.categoryAxis.categoryNames = [label for label, _ in reversed(items)]
    c.categoryAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 8
    c.valueAxis.labels.fontName = font
    c.valueAxis.labels.fontSize = 8
    c.valueAxis.valueMin = 0
    top = max(n for _, n in items)
    c.valueAxis.valueMax = top + 1
    c.valueAxis.valueStep = max(1, (top + 4) // 5)
    c.barLabelFormat = "%d"
    c.barLabels.fontName = font
    c.barLabels.fontSize = 7
    c.barLabels.nudge = 8
    d.add(c)
    return d
