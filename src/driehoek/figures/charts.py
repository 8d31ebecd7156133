"""Charts as SVG markup, the same in the page and in PDF reports. Every chart on a page stands
beside a table with its numbers, for screen readers and for people who would rather read."""

import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 300, 48, 36, 16

# Colours as attributes, so that the SVG looks the same in the page and in the PDF. The series colours
# chart-a to chart-e alternate dark and middle: each has a contrast of at least 3:1 against the white
# background and against the next one (WCAG 1.4.11), and a white edge parts any two bars that touch.
# None of them is red: a series is not a warning (delivered homes are chart-e, dark green).
COLOURS = {
    "chart-a": "#154273",
    "chart-b": "#5b8fd0",
    "chart-c": "#3b1f5e",
    "chart-d": "#d17a00",
    "chart-e": "#0a3d1c",
    "chart-line": "#0b5d27",
    "chart-line-2": "#8a4500",
    "chart-line-3": "#6b2c91",
    "fill-groen": "#2e8b4e",
    "fill-oranje": "#e08a00",
    "fill-rood": "#c8232c",
    "fill-afgerond": "#0b5d27",
    "fill-geen": "#c9c9c9",
}
LIGHT_BACKGROUNDS = {"chart-c", "fill-geen", "fill-oranje"}
EDGE = 'stroke="#fff" stroke-width="1"'  # parts two touching bars, whatever their colours
TEXT = 'font-size="12" fill="#333" font-family="DejaVu Sans, sans-serif"'


def _fill(css: str) -> str:
    return f'fill="{COLOURS.get(css, "#777")}"'


@dataclass(frozen=True)
class Series:
    label: str
    css: str  # class giving the colour: chart-a, chart-b, chart-c, chart-line, chart-line-2
    values: dict  # category -> number


def _num(value) -> float:
    return float(value or 0)


def no_figures(title: str) -> SafeString:
    """What stands in a chart's place while it has nothing to draw: a sentence, not an empty axis."""
    return mark_safe(
        '<p class="chart-empty">'
        + escape(
            _("Nog geen cijfers voor „%(titel)s”: de grafiek verschijnt zodra er cijfers zijn.") % {"titel": title}
        )
        + "</p>"
    )


def bars_and_lines(title: str, categories: list, bars: list[Series], lines: list[Series] = ()) -> SafeString:
    """Stacked bars per category, with lines over them (a target trajectory, say). Positive values
    stack up from zero, negative ones (more sold than delivered) down; the axis covers them all."""
    drawn = [_num(v) for s in list(bars) + list(lines) for c, v in s.values.items() if c in categories]
    if not any(drawn) and not any(s.values for s in lines):
        return no_figures(title)
    stacks = [_stack(bars, c) for c in categories]
    ticks = _ticks(
        min([low for low, _high in stacks] + [_num(v) for s in lines for v in s.values.values()] + [0]),
        max([high for _low, high in stacks] + [_num(v) for s in lines for v in s.values.values()] + [0]),
    )
    bottom_tick, top_tick = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_w / max(len(categories), 1)
    y = lambda v: TOP + plot_h - plot_h * (_num(v) - bottom_tick) / (top_tick - bottom_tick)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="chart">']
    parts.append(f"<title>{escape(title)}</title>")
    for tick in ticks:
        parts.append(f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - 8}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>')
        parts.append(
            f'<text class="chart-axis" x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{_fmt(tick)}</text>'
        )
    for i, category in enumerate(categories):
        x, up, down = LEFT + i * step + step * 0.15, 0.0, 0.0
        for series in bars:
            value = _num(series.values.get(category))
            if value > 0:
                top, bottom, up = y(up + value), y(up), up + value
            elif value < 0:
                top, bottom, down = y(down), y(down + value), down + value
            else:
                continue
            parts.append(
                f'<rect class="{series.css}" {_fill(series.css)} {EDGE} x="{x:.1f}" y="{top:.1f}" width="{step * 0.7:.1f}" height="{bottom - top:.1f}">'
                f"<title>{escape(str(category))}, {escape(series.label)}: {_fmt(value)}</title></rect>"
            )
        parts.append(
            f'<text class="chart-axis" {TEXT} x="{LEFT + i * step + step / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{escape(str(category))}</text>'
        )
    for series in lines:
        points = " ".join(
            f"{LEFT + i * step + step / 2:.1f},{y(series.values[c]):.1f}"
            for i, c in enumerate(categories)
            if c in series.values
        )
        parts.append(
            f'<polyline class="{series.css}" points="{points}" fill="none"><title>{escape(series.label)}</title></polyline>'
        )
    legend, extra = _legend(list(bars) + list(lines), HEIGHT + 4)
    parts[0] = parts[0].replace(f"0 0 {WIDTH} {HEIGHT}", f"0 0 {WIDTH} {HEIGHT + extra + 8:.0f}")
    parts.append(legend)
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _stack(bars: list[Series], category) -> tuple[float, float]:
    """The lowest and highest point of a category's stacked bar."""
    values = [_num(s.values.get(category)) for s in bars]
    return sum(v for v in values if v < 0), sum(v for v in values if v > 0)


def stacked_shares(title: str, rows: list[tuple[str, list[tuple[str, str, Decimal]]]]) -> SafeString:
    """One horizontal bar per row, split in shares (label, css, percentage)."""
    rows = [(label, segments) for label, segments in rows if any(_num(pct) for _l, _c, pct in segments)]
    if not rows:
        return no_figures(title)
    row_h, label_w = 34, 190
    height = TOP + row_h * len(rows) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" class="chart">']
    parts.append(f"<title>{escape(title)}</title>")
    plot_w = WIDTH - label_w - 8
    legend = {}
    for r, (row_label, segments) in enumerate(rows):
        y, x = TOP + r * row_h, float(label_w)
        parts.append(
            f'<text class="chart-axis" x="{label_w - 6}" y="{y + 18}" text-anchor="end">{escape(row_label)}</text>'
        )
        for label, css, pct in segments:
            w = plot_w * _num(pct) / 100
            if w > 0:
                parts.append(
                    f'<rect class="{css}" {_fill(css)} {EDGE} x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 10}"><title>{escape(label)}: {_fmt(pct)}%</title></rect>'
                )
                if w > 34:
                    parts.append(
                        f'<text class="chart-label" x="{x + w / 2:.1f}" y="{y + 22}" text-anchor="middle">{_fmt(pct)}%</text>'
                    )
            x += w
            legend[label] = css
    key, extra = _legend([Series(label, css, {}) for label, css in legend.items()], height - 30)
    parts[0] = parts[0].replace(f"0 0 {WIDTH} {height}", f"0 0 {WIDTH} {height - 30 + extra + 8:.0f}")
    parts.append(key)
    parts.append("</svg>")
    return mark_safe("".join(parts))


LEGEND_ROW = 18


def _legend(series: list[Series], y: float) -> tuple[str, float]:
    """The key below a chart, wrapped over as many rows as it needs; returns (markup, height)."""
    parts, x, row = [], LEFT, 0
    for s in series:
        width = 26 + 6.6 * len(s.label)
        if x + width > WIDTH and x > LEFT:
            x, row = LEFT, row + 1
        top = y + row * LEGEND_ROW
        parts.append(f'<rect class="{s.css} chart-key" {_fill(s.css)} x="{x}" y="{top}" width="12" height="10"/>')
        parts.append(f'<text class="chart-axis" {TEXT} x="{x + 16}" y="{top + 10}">{escape(s.label)}</text>')
        x += width
    return "".join(parts), (row + 1) * LEGEND_ROW


def _ticks(low: float, high: float) -> list[float]:
    """Round axis labels from at or below `low` (zero or less) to at or above `high`: the last label
    is never below the highest bar."""
    span = max(high - low, 1)
    step = 10 ** max(len(str(int(span))) - 1, 0)
    while span / step > 6:
        step *= 2
    first, last = math.floor(low / step), math.ceil(high / step)
    return [i * step for i in range(first, max(last, first + 1) + 1)]


def _fmt(value) -> str:
    number = float(value)
    return (
        f"{number:,.0f}".replace(",", ".")
        if number == int(number)
        else f"{number:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    )
