"""The set page's list of agreements, unfiltered, in the shared cache (issue 18; as docs/adr/0125).

The list (`register/set_detail.html#resultaten`: themes, agreements, responsible parties, ongoing
commitments) and the empty filter fields (`#velden`: the set's themes, parties and sections) are
what the page spent its time on, and they change a few times a year. It is kept (by
`monitoring.tabelcache.kept`, the one keeper of every cached page) in Django's database cache under
the set's `monitoring.Tabelversie` token: every save or delete of a row the list shows (Afspraak,
Thema, Verantwoordelijke, Partij, LopendeAfspraak) writes the set a new token in the same
transaction (monitoring/tabelcache.py), so a list cached before a change is never found again. A
filtered or searched list is made each time, and so are the fields of a request with any filter
parameter (they show what was asked).

The key also names the viewer's class of visibility and the language. Only a viewer the view has
let see the set gets here; every such viewer sees the same list (nothing in it depends on who
looks), so the classes are the two roads of `Afsprakenset.objects.visible_to`: the administrator,
and a party of the set. A rule that hides part of the list from some viewers must give them a
class of their own here.
"""

from django.template.loader import render_to_string

from driehoek.accounts import policy
from driehoek.monitoring import tabelcache

PARTIAL = "register/set_detail.html#resultaten"
FIELDS = "register/set_detail.html#velden"


def viewer_class(user) -> str:
    return "beheerder" if policy.is_beheerder(user) else "deelnemer"


def rendered(user, afsprakenset, make_form, make_context) -> tuple[tuple[str, str], str]:
    """((the empty filter fields' HTML, the unfiltered list's HTML), "hit" or "miss"): `make_form()`
    gives the unbound filter form and `make_context()` the list's context, called only on a miss."""

    def make():
        return render_to_string(FIELDS, {"form": make_form()}), render_to_string(PARTIAL, make_context())

    parts = (afsprakenset.slug, viewer_class(user))  # the slug: the agreements' links
    return tabelcache.kept("setlijst", afsprakenset, parts, make)
