"""Screenshots of the main pages for every role, on a laptop and on a 375 px phone, saved in
test-artifacts/screens/ to look at after a change to the layout. Each page must fit the phone's
width and have one h1."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from django.conf import settings

from driehoek.accounts.tests.twofactor import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = Path(settings.BASE_DIR) / "test-artifacts" / "screens"
SIZES = {"laptop": (1280, 800), "phone": (375, 812)}


def _sign_in(page: Page, live_server, user, language: str = "nl") -> None:
    """A session for this user, as after the log-in form and, for those who need it, the second step
    (both are tested elsewhere)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {"name": cookie.key, "value": cookie.value, "url": live_server.url},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url},
        ]
    )


def test_screenshots_per_role(page: Page, live_server, aa_en_hunze_loaded, kader, people):
    from driehoek.monitoring import services

    services.start_year(people["secretaris"], kader, 2026)
    s = f"/sets/{kader.slug}"
    m = f"{s}/monitoring/2026"
    tours = {
        "publiek": (None, ["/inloggen/", "/openbaar/landelijk/", "/help/openbaar/"]),
        "gemeente-secretaris": ("secretaris", ["/", f"{s}/cyclus/", f"{m}/", "/help/gemeente/"]),
        "corporatie-invuller": (
            "woonborg",
            [f"{m}/afspraken/1/", f"{m}/tabel/", f"/cijfers/gemeenten/{kader.gemeente.pk}/"],
        ),
        "huurders-lezer": ("lezer", ["/", f"{s}/", f"{m}/", "/help/huurdersorganisatie/"]),
        "bestuurder": ("bestuurder", [f"{m}/", f"{m}/focus/"]),
        "beheerder": ("beheerder", ["/", "/help/beheerder/"]),
        "english-huurders": ("ahwoon", [f"{m}/", f"{m}/afspraken/1/", "/help/huurdersorganisatie/"]),
    }
    SCREENS.mkdir(parents=True, exist_ok=True)
    taken = []
    for role, (who, urls) in tours.items():
        if who:
            _sign_in(page, live_server, people[who], "en" if role.startswith("english") else "nl")
        else:
            page.context.clear_cookies()
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            for number, url in enumerate(urls, start=1):
                response = page.goto(live_server.url + url)
                assert response.status == 200 and "/inloggen/" not in page.url or url == "/inloggen/", (role, url)
                assert "/tweestaps/" not in page.url, (role, url)
                assert page.locator("h1").count() == 1, (role, url)
                assert page.locator("html").get_attribute("lang") == ("en" if role.startswith("english") else "nl")
                if size == "phone":
                    width_used = page.evaluate("document.scrollingElement.scrollWidth")
                    assert width_used <= width, f"{role} {url}: {width_used} px"
                path = SCREENS / f"{role}-{size}-{number}.png"
                page.screenshot(path=path, full_page=size == "phone")
                taken.append(path)
    assert all(p.stat().st_size > 5000 for p in taken)
    print(f"{len(taken)} screenshots in {SCREENS}")
