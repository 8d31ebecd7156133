"""Finding agreements in a set: full-text search and the filters of the set page.

A search matches any of its words (not all of them: in agreement texts that finds almost
nothing), ranked by how well each agreement matches, through the database's full-text index
(register/search_index.py, docs/adr/0090). The number of words is capped, so one request costs
a bounded amount whatever is typed."""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Afspraak, Afsprakenset, LopendeAfspraak, Verantwoordelijke

MAX_WORDS = 10
WORD = re.compile(r"\w+")


@dataclass
class Zoekvraag:
    words: list[str] = field(default_factory=list)
    melding: str = ""

    @property
    def q(self) -> str:
        return " ".join(self.words)


def zoekvraag(q: str) -> Zoekvraag:
    """The words searched for: each once, one letter only when it is a digit (an agreement
    number), at most MAX_WORDS; with a Dutch sentence saying what was left out."""
    words, short = [], []
    for word in WORD.findall(q.lower()):
        if len(word) < 2 and not word.isdigit():
            short.append(word)
        elif word not in words:
            words.append(word)
    meldingen = []
    if short:
        meldingen.append(
            _("Woorden van één letter zijn overgeslagen: %(woorden)s.") % {"woorden": ", ".join(dict.fromkeys(short))}
        )
    if len(words) > MAX_WORDS:
        meldingen.append(
            ngettext(
                "Er is alleen op de eerste %(n)s woord gezocht.",
                "Er is alleen op de eerste %(n)s woorden gezocht.",
                MAX_WORDS,
            )
            % {"n": MAX_WORDS}
        )
        words = words[:MAX_WORDS]
    return Zoekvraag(words, " ".join(meldingen))


def _ranked_ids(afsprakenset: Afsprakenset, words: list[str]) -> list[int]:
    """Agreement ids of the set that contain any of the words (as a word or its beginning), best first."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT afspraak_id FROM register_zoekdocument, to_tsquery('dutch', %s) vraag"
                " WHERE afsprakenset_id = %s AND zoekvector @@ vraag"
                " ORDER BY ts_rank(zoekvector, vraag) DESC, afspraak_id",
                [" | ".join(f"{w}:*" for w in words), afsprakenset.pk],
            )
        else:
            cursor.execute(
                "SELECT rowid FROM register_zoekdocument_fts WHERE register_zoekdocument_fts MATCH %s"
                " AND rowid IN (SELECT afspraak_id FROM register_zoekdocument WHERE afsprakenset_id = %s)"
                " ORDER BY bm25(register_zoekdocument_fts), rowid",
                [" OR ".join(f'"{w}"*' for w in words), afsprakenset.pk],
            )
        return [row[0] for row in cursor.fetchall()]


def search_afspraken(
    afsprakenset: Afsprakenset, *, q: str = "", thema=None, partij=None, sectie: str = ""
) -> QuerySet[Afspraak] | list[Afspraak]:
    """The set's agreements that pass the filters; with words, those matching any word, best first."""
    afspraken = afsprakenset.afspraken.all()
    if thema:
        afspraken = afspraken.filter(thema=thema)
    if partij:
        afspraken = afspraken.filter(Q(verantwoordelijken=partij) | Q(indicatoren__actiehouders=partij))
    if sectie:
        afspraken = afspraken.filter(sectie=sectie)
    result = (
        Afspraak.objects.filter(pk__in=afspraken.values("pk"))
        .select_related("thema", "afsprakenset")
        .prefetch_related(Prefetch("verantwoordelijkheden", Verantwoordelijke.objects.select_related("partij")))
        .order_by("volgorde")
    )
    words = zoekvraag(q).words
    if not q:
        return result
    if not words:
        return []
    numbered = list(afsprakenset.afspraken.filter(nummer__in=q.split()).values_list("pk", flat=True))
    ranked = list(dict.fromkeys(numbered + _ranked_ids(afsprakenset, words)))
    found = {a.pk: a for a in result.filter(pk__in=ranked)}
    return [found[pk] for pk in ranked if pk in found]


def search_lopende_afspraken(afsprakenset: Afsprakenset, *, q: str = "", thema=None) -> QuerySet[LopendeAfspraak]:
    lopend = LopendeAfspraak.objects.filter(thema__afsprakenset=afsprakenset).select_related("thema")
    if thema:
        lopend = lopend.filter(thema=thema)
    if q:
        any_word = Q(pk__in=[])
        for word in zoekvraag(q).words:
            any_word |= Q(tekst__icontains=word)
        lopend = lopend.filter(any_word)
    return lopend.order_by("thema__volgorde", "volgorde")


def group_by_theme(themas, afspraken, lopende_afspraken, *, keep_empty: bool, ranked: bool = False) -> list[dict]:
    """[{thema, secties: [(sectie, [afspraak])], lopend: [...]}]: in the document's order, or, for a
    ranked search result, the theme and section of the best hit first."""
    groups = {thema.pk: {"thema": thema, "secties": {}, "lopend": []} for thema in themas}
    order = []
    for afspraak in afspraken:
        group = groups[afspraak.thema_id]
        group["secties"].setdefault(afspraak.sectie, []).append(afspraak)
        if afspraak.thema_id not in order:
            order.append(afspraak.thema_id)
    for lopend in lopende_afspraken:
        groups[lopend.thema_id]["lopend"].append(lopend)
    if ranked:
        groups = {pk: groups[pk] for pk in order} | {pk: g for pk, g in groups.items() if pk not in order}
    for group in groups.values():
        group["secties"] = list(group["secties"].items())
    return [g for g in groups.values() if keep_empty or g["secties"] or g["lopend"]]
