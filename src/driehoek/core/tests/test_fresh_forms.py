"""A fresh form carries no error colours before anyone types (issue 16 item 2): a required field
that is still empty looks like any other field until it is left wrong (:user-invalid) or the form
comes back with errors; and a select shows the arrow that says it is a select."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from django.conf import settings
from django.urls import reverse

from driehoek.core.tests.browser import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

# The border colour and width of every field of the page's forms, the select's background image.
STYLES = """() => [...document.querySelectorAll('main form textarea, main form input[type=radio], main form select')]
  .filter(e => e.offsetParent !== null)
  .map(e => { const s = getComputedStyle(e);
    return {name: e.name, tag: e.tagName, required: e.required, multiple: e.multiple,
            border: s.borderTopColor, width: s.borderTopWidth,
            arrow: s.backgroundImage}; })"""
RED = ("rgb(176, 0, 32)", "rgb(205, 38, 45)")  # --dh-color-error, NL Design System's invalid colour


def test_a_fresh_form_has_no_error_colours_and_selects_have_an_arrow(
    page: Page, live_server, aa_en_hunze_loaded, kader, people
):
    from driehoek.cycle import services as cycle
    from driehoek.cycle.models import Overlegsoort
    from driehoek.monitoring import services as monitoring

    monitoring.start_year(people["secretaris"], kader, 2026)
    meeting = cycle.plan_meeting(people["secretaris"], kader, soort=Overlegsoort.BO, titel="BO")
    people["secretaris"].set_password(PASSWORD)
    people["secretaris"].save()
    people["woonborg"].set_password(PASSWORD)
    people["woonborg"].save()
    ARTIFACTS.mkdir(exist_ok=True)
    checked = []
    for who, url, shot in [
        ("secretaris", reverse("cycle:overleg", args=[kader.slug, meeting.pk]), "item2-overleg"),
        ("woonborg", reverse("monitoring:beoordeling", args=[kader.slug, 2026, "1"]), "item2-voorzet"),
    ]:
        log_in(page, live_server.url, who)
        page.goto(live_server.url + url)
        page.screenshot(path=ARTIFACTS / f"{shot}.png", full_page=True)
        fields = page.evaluate(STYLES)
        assert any(f["required"] for f in fields), url
        for f in fields:
            assert f["border"] not in RED, (url, f)
            checked.append(f["name"])
        selects = [f for f in fields if f["tag"] == "SELECT" and not f["multiple"]]
        assert all("url(" in f["arrow"] for f in selects), (url, selects)
    # After leaving a required field empty on submission, the error shows.
    page.goto(live_server.url + reverse("cycle:overleg", args=[kader.slug, meeting.pk]))
    log_in(page, live_server.url, "secretaris")
    page.goto(live_server.url + reverse("cycle:overleg", args=[kader.slug, meeting.pk]))
    besluit = page.locator("textarea[name='besluit-tekst']")
    besluit.focus()
    besluit.fill("x")
    besluit.fill("")
    besluit.blur()
    assert besluit.evaluate("e => getComputedStyle(e).borderTopColor") in RED
