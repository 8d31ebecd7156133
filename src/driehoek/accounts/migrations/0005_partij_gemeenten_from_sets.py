"""Fill Partij.gemeenten for the data there is: a party works in the municipality of every set it
takes part in (register.Deelname). From here on the register keeps it so (Deelname.save), and the
administrator links a party to a municipality before it has a set there."""

from django.db import migrations


def from_sets(apps, schema_editor):
    Deelname = apps.get_model("register", "Deelname")
    Link = apps.get_model("accounts", "Partij").gemeenten.through
    pairs = set(Deelname.objects.values_list("partij_id", "afsprakenset__gemeente_id"))
    Link.objects.bulk_create(
        (Link(partij_id=p, gemeente_id=g) for p, g in sorted(pairs)), batch_size=1000, ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_partij_gemeenten"),
        ("register", "0004_merge_0003_afspraak_versie_0003_fictief"),
    ]

    operations = [migrations.RunPython(from_sets, migrations.RunPython.noop)]
