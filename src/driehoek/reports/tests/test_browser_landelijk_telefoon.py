"""The national overview's filters on a 375 px phone (issue 18, mend b): one column, every field
within the screen and wide enough for what it shows ("Alle provincies" was cut off)."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from django.conf import settings
from django.urls import reverse

from driehoek.accounts.models import User
from driehoek.core.tests.browser import kader_with_users, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

# Per visible field of the filter form: where it stands, and the width of its text against the room
# inside it (a select's right padding holds its arrow).
FIELDS = """() => {
  const measure = document.createElement("canvas").getContext("2d");
  return [...document.querySelectorAll("form.filters select, form.filters input:not([type=hidden])")].map(el => {
    const box = el.getBoundingClientRect(), s = getComputedStyle(el);
    measure.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const text = el.tagName === "SELECT" ? el.options[el.selectedIndex].text : (el.value || el.placeholder || "");
    const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    const width = measure.measureText(text).width;
    return {name: el.name, text, left: box.left, right: box.right, top: box.top, width, room};
  });
}"""


@pytest.mark.parametrize("public", [True, False])
def test_the_filters_stand_in_one_column_and_show_all_they_hold_at_375_px(live_server, page: Page, public):
    kader_with_users([("sanne", "Gemeente Aa en Hunze", User.Rol.SECRETARIS), ("wim", "Woonborg", User.Rol.INVULLER)])
    page.set_viewport_size({"width": 375, "height": 812})
    if public:
        page.goto(live_server.url + reverse("reports:landelijk_openbaar"))
    else:
        log_in(page, live_server.url, "wim")
        page.goto(live_server.url + reverse("reports:landelijk"))
    assert page.locator("h1").inner_text() == "Landelijk overzicht"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("form.filters").screenshot(
        path=ARTIFACTS / f"landelijk-filters-375-{'openbaar' if public else 'ingelogd'}.png"
    )
    fields = page.evaluate(FIELDS)
    viewport = page.evaluate("document.documentElement.clientWidth")
    assert {f["name"] for f in fields} >= {"provincie", "corporatie", "jaar"}
    for field in fields:
        assert field["left"] >= 0 and field["right"] <= viewport, field
        assert field["width"] <= field["room"], f"{field['name']}: “{field['text']}” is cut off ({field})"
    assert len({round(f["left"]) for f in fields}) == 1, "the fields stand side by side"
    tops = [f["top"] for f in fields]
    assert tops == sorted(tops) and len(set(tops)) == len(tops), "one field under the other"
