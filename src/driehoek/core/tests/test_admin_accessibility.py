"""Issue 20: the admin pages a beheerder uses, through axe-core in Debian's chromium: no violation of
WCAG 2.1 A and AA, no Content-Security-Policy error (the autouse fixture in conftest), and nothing
left untranslated in the history tables ("None", "Created", "CHANGES")."""

import json

import pytest
from playwright.sync_api import Page

from django.contrib import admin
from django.urls import reverse

from driehoek.core.tests.browser import PASSWORD, log_in
from driehoek.core.tests.test_accessibility import _violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _admin_pages() -> list[str]:
    """Per registered model its list, and for the first object its change (or view) and history
    page, and its add page where there is one."""
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
            pages.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
    return pages


def test_admin_pages_pass_axe(page: Page, live_server, aa_en_hunze_loaded, people):
    from driehoek.accounts.tests.twofactor import app_of

    beheerder = people["beheerder"]
    beheerder.set_password(PASSWORD)
    beheerder.is_staff = True
    beheerder.save()
    app_of(people["secretaris"])  # an authenticator device to list
    log_in(page, live_server.url, "beheerder")
    found, checked = {}, 0
    for url in _admin_pages():
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        checked += 1
        violations = _violations(page)
        if violations:
            found[url] = violations
        history = page.locator("#change-history")
        text = history.inner_text() if history.count() else ""
        untranslated = [w for w in ("None", "Created", "CHANGES", "Changed") if w in text.split()]
        if untranslated:
            found[f"{url} untranslated"] = untranslated
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)[:8000]
    assert checked > 20
    print(f"axe: {checked} admin pages, no violations")
