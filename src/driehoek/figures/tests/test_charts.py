"""Every chart the figures page and the evaluation report draw (issue 16 item 5): the axis covers the
largest (and smallest) value drawn, every series of the table beside it is in the chart, and with
nothing to draw there is a sentence instead of an empty 0–1 axis. The plan colours: delivered is not
red, and every colour stands out 3:1 from the background and from its neighbour (WCAG 1.4.11)."""

import re
import xml.etree.ElementTree as ET

import pytest

from django.urls import reverse

from driehoek.figures import charts
from driehoek.figures.models import Aanlevering, Woningbouwplan
from driehoek.figures.tests.test_services import _deliver
from driehoek.figures.views import STATUS_CSS
from driehoek.register.models import Gemeente
from driehoek.reports import evaluation

SVG = "{http://www.w3.org/2000/svg}"
EMPTY = "Nog geen cijfers"

PLANS = (
    "naam;kern;status;bruto;sloop;jaar;opleverdatum\n"
    "Zuid Es;Gieten;opgeleverd;14;2;2026;2026-10-01\n"
    "Naweg;Rolde;hard;6;0;2027;\n"
    "Oost;Gieten;zacht_locatie_bekend;8;0;2028;\n"
    "Kamp;Eext;zacht_locatie_onbekend;5;0;2029;\n"
    "Bouw;Rolde;in_aanbouw;4;0;2027;\n"
)


def check_chart(markup) -> list[str]:
    """The legend of a drawn chart, after checking that no bar or line runs past its axis."""
    root = ET.fromstring(str(markup))
    grid = [float(line.get("y1")) for line in root.iter(f"{SVG}line") if line.get("class") == "chart-grid"]
    bars = [r for r in root.iter(f"{SVG}rect") if "chart-key" not in r.get("class", "")]
    assert bars or root.find(f"{SVG}polyline") is not None, "a chart without anything drawn"
    for rect in bars:
        top, height = float(rect.get("y")), float(rect.get("height"))
        assert height > 0 and float(rect.get("width")) > 0
        if grid:  # bars_and_lines: between the highest and the lowest axis label
            assert min(grid) - 0.05 <= top and top + height <= max(grid) + 0.05, rect.find(f"{SVG}title").text
        else:  # stacked_shares: inside the picture
            assert float(rect.get("x")) + float(rect.get("width")) <= charts.WIDTH + 0.05
    for line in root.iter(f"{SVG}polyline"):
        for point in line.get("points").split():
            assert min(grid) - 0.05 <= float(point.split(",")[1]) <= max(grid) + 0.05
    return [t.text for t in root.iter(f"{SVG}text") if t.get("x") and float(t.get("y")) > charts.HEIGHT]


def test_the_axis_covers_the_highest_bar_and_the_lowest():
    # 14 homes used to get the labels 0 and 10, and the bar ran past the last one.
    svg = charts.bars_and_lines("t", [2026, 2027], [charts.Series("a", "chart-a", {2026: 14, 2027: -3})])
    check_chart(svg)
    labels = [t.text for t in ET.fromstring(str(svg)).iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert labels[0] == "-10" and labels[-1] == "20"
    stacked = charts.bars_and_lines(
        "t", [1], [charts.Series("a", "chart-a", {1: 7}), charts.Series("b", "chart-b", {1: 9})]
    )
    assert check_chart(stacked) == ["a", "b"]
    check_chart(charts.stacked_shares("t", [("r", [("x", "chart-a", 60), ("y", "chart-b", 40)])]))


def test_nothing_to_draw_is_a_sentence_not_an_empty_axis():
    for markup in (
        charts.bars_and_lines("Woningen", [2026, 2027], [charts.Series("a", "chart-a", {})]),
        charts.bars_and_lines("Woningen", [2026], [charts.Series("a", "chart-a", {2026: 0})]),
        charts.stacked_shares("Huren", []),
        charts.stacked_shares("Huren", [("r", [("x", "chart-a", 0)])]),
    ):
        assert "<svg" not in markup and EMPTY in markup


@pytest.fixture
def delivered(db, people):
    gemeente = Gemeente.objects.get(naam="Aa en Hunze")
    _deliver(people["woonborg"], gemeente, "plannen", PLANS)
    _deliver(people["woonborg"], gemeente, "mutaties", "jaar;verkoop;sloop;aankoop\n2026;3;0;0\n")
    return gemeente


def _pairs(html: str) -> list[tuple[str, str]]:
    """(chart, table) for every chart drawn beside a table, in the order they stand."""
    return re.findall(r"(<svg[^>]*class=\"chart\".*?</svg>).*?(<table.*?</table>)", html, re.S)


def _headers(table: str, scope: str) -> list[str]:
    return [re.sub(r"<.*?>", "", h).strip() for h in re.findall(rf'<th scope="{scope}">(.*?)</th>', table, re.S)]


def test_every_chart_of_the_figures_page_covers_its_values_and_its_table(client, delivered, people, kader):
    client.force_login(people["woonborg"])
    response = client.get(reverse("figures:overzicht", args=[delivered.pk]))
    html = response.content.decode()
    pairs = _pairs(html)
    assert len(pairs) >= 2
    additions, pipeline = pairs[0], pairs[1]
    legend = check_chart(additions[0])
    # "waarvan verkocht" is part of "opgeleverd min verkocht": a column to read, not a bar.
    assert set(_headers(additions[1], "col")[1:]) - {"waarvan verkocht"} <= set(legend)
    assert (
        set(_headers(pipeline[1], "row"))
        == set(check_chart(pipeline[0]))
        == {
            "hard",
            "zacht, locatie bekend",
            "zacht, locatie nog te vinden",
            "in aanbouw",
            "opgeleverd",
        }
    )
    for chart, _table in pairs[2:]:
        check_chart(chart)
    for name in ("labels_chart", "rent_chart"):
        if response.context[name] and "<svg" in response.context[name]:
            check_chart(response.context[name])


def test_the_evaluation_chart_holds_soft_plans_and_its_axis_covers_them(delivered, kader, year_2026):
    data = evaluation.gather(kader, 2026)
    legend = check_chart(data["additions_chart"])
    assert legend == ["opgeleverd min verkocht", "hard gepland", "zacht gepland"]
    soft = data["additions"].planned_soft
    assert soft.get(2028, 0) >= 8 and f"2028, zacht gepland: {soft[2028]}" in data["additions_chart"]
    html = evaluation.render_to_string("reports/evaluatie_pdf.html", data)
    chart, table = _pairs(html)[1]  # after the summary of the lights
    assert re.findall(r"<th>(.*?)</th>", table)[1:] == legend
    for name in ("summary_chart", "rent_chart"):
        if data[name] and "<svg" in data[name]:
            check_chart(data[name])


def test_before_any_upload_the_evaluation_says_so_instead_of_an_empty_chart(kader, year_2026):
    Aanlevering.objects.filter(gemeente=kader.gemeente).delete()
    data = evaluation.gather(kader, 2026)
    assert "<svg" not in data["additions_chart"] and EMPTY in data["additions_chart"]
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(evaluation.pdf(kader, 2026))) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Nog geen cijfers voor „Netto opgeleverde sociale huurwoningen per jaar”" in text


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


def _reddish(colour: str) -> bool:
    """Red, the colour of a warning: a hue within 20 degrees of pure red, and saturated."""
    import colorsys

    hue, _light, saturation = colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    return saturation > 0.3 and (hue < 20 / 360 or hue > 340 / 360)


def test_plan_colours_say_nothing_is_wrong_and_stand_out():
    colours = [charts.COLOURS[STATUS_CSS[status]] for status in Woningbouwplan.Status.values]
    assert len(set(colours)) == len(colours)
    assert not _reddish(charts.COLOURS[STATUS_CSS[Woningbouwplan.Status.OPGELEVERD]])
    assert not any(_reddish(c) for c in colours)
    for colour in colours:
        assert _contrast(colour, "#ffffff") >= 3, colour
    for one, next_one in zip(colours, colours[1:], strict=False):  # neighbours in a stacked bar
        assert _contrast(one, next_one) >= 3, (one, next_one)
    # Any two statuses may touch (one between them absent): a white edge parts every bar.
    bar = charts.bars_and_lines(
        "t", [1], [charts.Series("a", "chart-a", {1: 1}), charts.Series("c", "chart-c", {1: 1})]
    )
    rects = [r for r in ET.fromstring(str(bar)).iter(f"{SVG}rect") if "chart-key" not in r.get("class")]
    assert all(r.get("stroke") == "#fff" for r in rects)
