"""The dashboard's inbox and figures in the shared cache (issue 18, docs/adr/0190; as docs/adr/0125).

What the dashboard spent its time on (the year's assessments, indicators and actiehouders, read and
counted, and the lists rendered) changes a few times a week in a busy month, and is read far more
often. It is kept in Django's database cache under the set's `monitoring.Tabelversie` token: every
save or delete of a row it shows (assessments, reactions, values, delegations, the year's deadlines,
the register's agreements, indicators and parties) writes the set a new token in the same
transaction (monitoring/tabelcache.py), so a page cached before a change is never found again.

The inbox depends on the viewer's party, role and right to adopt, and on nothing else about them
(`jaarstand.inbox`); so those three are the viewer's class in the key, beside the set, the year and
the language. Only a viewer the view let see the set gets here. Whether a year's evaluation was
published, and whether its deadline is near, are asked on each request.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from . import jaarstand
from .tabelcache import kept

TEMPLATE = "monitoring/dashboard.html"


def parts(user, afsprakenset, monitoringsjaar, may_adopt: bool) -> tuple[dict, str]:
    """({"inbox", "figures", "stale_list": HTML; "stale", "running": counts}, "hit" or "miss")."""
    jaar = monitoringsjaar.jaar

    def make() -> dict:
        stand = jaarstand.Jaarstand(afsprakenset, jaar)  # what the inbox and the figures both read, read once
        figures = jaarstand.dashboard(afsprakenset, jaar, stand)
        context = {
            "user": user,
            "afsprakenset": afsprakenset,
            "monitoringsjaar": monitoringsjaar,
            "jaar": jaar,
            "inbox": jaarstand.inbox(user, afsprakenset, jaar, stand, may_adopt),
            # One reverse for every link to an assessment: each is this plus its number (monitoring_tags.in_path).
            "beoordeling_url": reverse("monitoring:beoordeling", args=[afsprakenset.slug, jaar, "0"]).removesuffix(
                "0/"
            ),
            **figures,
        }
        return {
            "inbox": render_to_string(f"{TEMPLATE}#inbox", context),
            "figures": render_to_string(f"{TEMPLATE}#figures", context),
            "stale_list": render_to_string(f"{TEMPLATE}#stale_list", context),
            "stale": len(figures["stale"]),
            "running": figures["running"],
        }

    viewer = jaarstand.inbox_viewer(user, may_adopt)
    made, cache = kept("dashboard", afsprakenset, (afsprakenset.slug, jaar, *viewer), make)
    # Rendered by the template engine, which escaped it.
    return {name: mark_safe(part) if isinstance(part, str) else part for name, part in made.items()}, cache
