"""The set page's list of agreements, unfiltered, in the shared cache (issue 18; as docs/adr/0125).

The list (`register/set_detail.html#resultaten`: themes, agreements, responsible parties, ongoing
commitments) is what the page spends its time on, and it changes a few times a year. It is kept in
Django's database cache under the set's `monitoring.Tabelversie` token: every save or delete of a
row the list shows (Afspraak, Thema, Verantwoordelijke, Partij, LopendeAfspraak) writes the set a new
token in the same transaction (monitoring/tabelcache.py), so a list cached before a change is never
found again. A filtered or searched list is made each time.

The key also names the viewer's class of visibility and the language. Only a viewer the view has
let see the set gets here; every such viewer sees the same list (nothing in it depends on who
looks), so the classes are the two roads of `Afsprakenset.objects.visible_to`: the administrator,
and a party of the set. A rule that hides part of the list from some viewers must give them a
class of their own here.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from driehoek.accounts import policy
from driehoek.monitoring import tabelcache

PARTIAL = "register/set_detail.html#resultaten"


def viewer_class(user) -> str:
    return "beheerder" if policy.is_beheerder(user) else "deelnemer"


def rendered(user, afsprakenset, make_context) -> tuple[str, str]:
    """(the unfiltered list's HTML, "hit" or "miss"); `make_context()` gives the partial's context
    and is called only on a miss. The token is read before the rows, so an entry is never older
    than its token's state."""
    parts = (
        afsprakenset.pk,
        afsprakenset.slug,  # the agreements' links
        viewer_class(user),
        translation.get_language(),
        tabelcache.token(afsprakenset),
        tabelcache.release(),
    )
    key = "setlijst:" + ":".join(map(str, parts))
    html = cache.get(key)
    if html is not None:
        return html, "hit"
    html = render_to_string(PARTIAL, make_context())
    cache.set(key, html, tabelcache.TIMEOUT)
    return html, "miss"
