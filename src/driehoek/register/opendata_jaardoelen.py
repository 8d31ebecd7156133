"""Yearly targets in the open-data format (docs/open-data-format.md, YEARLY_TARGET): the set that
adopted them lists them, each naming the set, agreement and indicator it is for (its own or its
parent's, docs/adr/0075). Kept apart from opendata.py, which is long enough."""

from decimal import Decimal

from django.utils.translation import gettext as _

from .models import Afsprakenset, Doelstelling, Jaardoel


def export(s: Afsprakenset) -> list[dict]:
    from .opendata import _number

    result = []
    for doel in s.jaardoelen.select_related("indicator__afspraak__afsprakenset").order_by("indicator_id", "jaar"):
        indicator = doel.indicator
        order = list(indicator.afspraak.indicatoren.order_by("volgorde").values_list("pk", flat=True))
        result.append(
            {
                "set": indicator.afspraak.afsprakenset.slug,
                "agreement": indicator.afspraak.nummer,
                "indicator": order.index(indicator.pk),
                "year": doel.jaar,
                "value": _number(doel.waarde),
                "value_max": _number(doel.waarde_max),
                "comparator": doel.vergelijking,
                "unit": doel.eenheid,
                "note": doel.toelichting,
            }
        )
    return result


def check(c, items, where: str, slug: str, parent: str | None) -> None:
    if not isinstance(items, list):
        c.add(where, _("“yearly_targets” moet een lijst zijn."))
        return
    for k, item in enumerate(items):
        iwhere = f"{where}.yearly_targets[{k}]"
        if not isinstance(item, dict):
            c.add(iwhere, _("geen object."))
            continue
        if c.require(item, "set", str, iwhere) not in (slug, parent):
            c.add(iwhere, _("een jaardoel hoort bij een indicator van deze set of van de bovenliggende set."))
        c.require(item, "agreement", str, iwhere)
        c.require(item, "indicator", int, iwhere)
        c.require(item, "year", int, iwhere)
        c.require(item, "value", (int, float), iwhere)
        c.require(item, "value_max", (int, float), iwhere, optional=True)
        c.choice(c.require(item, "comparator", str, iwhere), Doelstelling.Vergelijking.values, iwhere, "comparator")


def read(reader, afsprakenset: Afsprakenset, items: list[dict]) -> None:
    """After every set of the file is stored (the indicator may be the parent's)."""
    from .opendata import RegisterFormatError

    keep = set()
    for k, item in enumerate(items):
        afspraak = (
            Afsprakenset.objects.get(slug=item["set"]).afspraken.filter(nummer=item["agreement"]).first()
            if Afsprakenset.objects.filter(slug=item["set"]).exists()
            else None
        )
        indicators = list(afspraak.indicatoren.order_by("volgorde")) if afspraak else []
        if not 0 <= item["indicator"] < len(indicators):
            raise RegisterFormatError(
                [
                    _("%(slug)s.yearly_targets[%(k)s]: afspraak %(a)s of zijn indicator %(i)s bestaat niet.")
                    % {"slug": afsprakenset.slug, "k": k, "a": item["agreement"], "i": item["indicator"]}
                ]
            )
        values = {
            "waarde": Decimal(str(item["value"])),
            "waarde_max": Decimal(str(item["value_max"])) if item.get("value_max") is not None else None,
            "vergelijking": item["comparator"],
            "eenheid": item.get("unit") or "",
            "toelichting": item.get("note") or "",
        }
        lookup = {"indicator": indicators[item["indicator"]], "jaar": item["year"], "afsprakenset": afsprakenset}
        keep.add(reader.sync(Jaardoel, lookup, values).pk)
    reader.prune(afsprakenset.jaardoelen.all(), keep)
