"""Every page of the application, with the Aa en Hunze data, through axe-core in Debian's chromium:
no violation of WCAG 2.1 A and AA, nor of the WCAG 2.2 AA rules axe has (target size): 2.2 is the
version EN 301 549 and the Dutch accessibility statements move to."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from django.conf import settings

from driehoek.core.tests.browser import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def _violations(page: Page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']})"
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]
    ]


def test_every_page_passes_axe(page: Page, live_server, aa_en_hunze_loaded, kader, people):
    from driehoek.core.tests.test_project import _all_pages, secretary_only

    pages = _all_pages(kader, people)
    for user in (people["secretaris"], people["ahwoon"]):
        user.set_password(PASSWORD)
        user.save()
    found, checked = {}, []
    page.goto(live_server.url + "/inloggen/")
    found["/inloggen/"] = _violations(page)
    page.goto(live_server.url + "/openbaar/landelijk/")
    found["/openbaar/landelijk/"] = _violations(page)
    page.goto(live_server.url + "/wachtwoord-vergeten/")
    found["/wachtwoord-vergeten/"] = _violations(page)
    for username in ("secretaris", "ahwoon"):
        log_in(page, live_server.url, username)
        for url in pages:
            if username == "ahwoon" and secretary_only(url):
                continue  # not his to plan or read in: 403
            response = page.goto(live_server.url + url)
            assert response.status == 200 and "/inloggen/" not in page.url, url
            checked.append(url)
            violations = _violations(page)
            if violations:
                found[f"{username} {url}"] = violations
    found = {url: v for url, v in found.items() if v}
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)[:6000]
    assert len(checked) > 2 * 40
    print(f"axe: {len(checked) + 2} page visits, no violations")


def test_axe_finds_what_is_wrong(page: Page):
    page.set_content('<html lang="nl"><body><main><img src="x.png"><a href="#"></a></main></body></html>')
    assert {"image-alt", "link-name"} <= {v["id"] for v in _violations(page)}
