"""WCAG 2.2 on a 375 px phone (issue 16 item 14), over the main pages of the cycle: every link,
button and field that is not a link inside a sentence is at least 24 by 24 CSS pixels or has the
spacing that 2.5.8 allows, and a focused element is not hidden under anything sticky (2.4.11).
The screenshots land in test-artifacts/phone/ to look at."""

from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page

from django.conf import settings
from django.utils import timezone

from driehoek.core.tests.test_screenshots import _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = Path(settings.BASE_DIR) / "test-artifacts" / "phone"

# Every target of the page with its box; a link is "inline" (exempt) when it stands in running text:
# displayed inline inside a block that holds text of its own beside the link.
MEASURE = """() => {
  const targets = [];
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (el.closest('[hidden], .visually-hidden')) continue;
    let inline = false;
    if (el.tagName === 'A' && style.display === 'inline') {
      const block = el.parentElement.closest('p, li, td, th, dd, figcaption, span, small, label') || el.parentElement;
      const own = block.textContent.replace(el.textContent, '').trim();
      inline = own.length > 0;
    }
    targets.push({name: (el.tagName + ' ' + (el.textContent || el.name || el.type || '').trim()).slice(0, 60),
                  x: box.x + scrollX, y: box.y + scrollY, w: box.width, h: box.height, inline});
  }
  return targets;
}"""

# 2.4.11: focus each target in turn; the point in the middle of its box must be the element itself
# (or inside it), not a sticky header, footer or column lying over it.
OBSCURED = """() => {
  const hidden = [];
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;
    if (el.closest('[hidden], .visually-hidden, details:not([open]) > :not(summary)')) continue;
    el.focus();
    if (document.activeElement !== el) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const points = [[box.left + box.width / 2, box.top + box.height / 2], [box.left + 2, box.top + 2],
                    [box.right - 2, box.bottom - 2]];
    const mine = (hit) => hit && (hit === el || el.contains(hit) || hit.contains(el)
      || (el.labels && [...el.labels].some(l => l.contains(hit))));
    const seen = points.some(([x, y]) => mine(document.elementFromPoint(x, y)));
    if (!seen) {
      const [x, y] = points[0]; const hit = document.elementFromPoint(x, y);
      const what = (el.tagName + ' ' + (el.textContent || el.name || '').trim()).slice(0, 50);
      hidden.push(what + ' under ' + (hit ? hit.tagName + '.' + hit.className : 'nothing'));
    }
  }
  return hidden;
}"""


def too_small(targets: list[dict]) -> list[str]:
    """Targets under 24x24 whose 24 px circle touches another target (the spacing exception fails)."""
    failures = []
    small = [t for t in targets if not t["inline"] and (t["w"] < 23.99 or t["h"] < 23.99)]
    for t in small:
        cx, cy = t["x"] + t["w"] / 2, t["y"] + t["h"] / 2
        for other in targets:
            if other is t:
                continue
            # The nearest point of the other target's box to this one's centre.
            nx = min(max(cx, other["x"]), other["x"] + other["w"])
            ny = min(max(cy, other["y"]), other["y"] + other["h"])
            near = ((nx - cx) ** 2 + (ny - cy) ** 2) ** 0.5
            if near < 12 or (other in small and near < 24):
                failures.append(f"{t['name']} ({t['w']:.0f}x{t['h']:.0f}) near {other['name']}")
                break
    return failures


@pytest.fixture
def cycle(aa_en_hunze_loaded, kader, people):
    from driehoek.cycle import services as cycle
    from driehoek.monitoring import services as monitoring
    from driehoek.monitoring.models import Beoordeling

    monitoring.start_year(people["secretaris"], kader, 2026)
    b1 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b1, kleur="oranje", reden="a", toelichting="Twee projecten schuiven.")
    when = timezone.make_aware(datetime(2026, 12, 14, 14, 0))
    return cycle.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO najaar", datum=when, plaats="Gieten")


def test_main_pages_on_a_phone_have_targets_of_24_px_and_focus_in_sight(
    page: Page, live_server, aa_en_hunze_loaded, kader, people, cycle
):
    s = f"/sets/{kader.slug}"
    m = f"{s}/monitoring/2026"
    pages = [
        ("woonborg", "start-inbox", "/"),
        ("woonborg", "monitoring-voorzet", f"{m}/afspraken/1/"),
        ("ahwoon", "reactieronde", f"{m}/reageren/"),
        ("secretaris", "monitoringstabel", f"{m}/tabel/"),
        ("secretaris", "afspraak", f"{s}/afspraken/1/"),
        ("secretaris", "overleg", f"{s}/overleggen/{cycle.pk}/"),
    ]
    PHONE.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 375, "height": 812})
    report, failures = [], []
    for who, name, url in pages:
        _sign_in(page, live_server, people[who])
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        page.screenshot(path=str(PHONE / f"{name}.png"), full_page=True)
        targets = page.evaluate(MEASURE)
        small = too_small(targets)
        hidden = page.evaluate(OBSCURED)
        report.append(f"{name}: {len(targets)} targets, {sum(t['inline'] for t in targets)} inline")
        failures += [f"{name}: 2.5.8 {f}" for f in small] + [f"{name}: 2.4.11 {h}" for h in hidden]
    print("\n".join(report))
    assert failures == [], "\n".join(failures)
