"""Database triggers that hold what a trigger can express of "everything in a set stays in that set"
(register.consistency, docs/adr/0086): an agreement's theme, its references and a target's indicator
belong to the same set, even for a write that bypasses the models (raw SQL, a bulk update)."""

from django.db import migrations

# (name, table, condition that is true for a wrong row, on NEW)
RULES = [
    (
        "afspraak_thema_in_set",
        "register_afspraak",
        "(SELECT afsprakenset_id FROM register_thema WHERE id = NEW.thema_id) <> NEW.afsprakenset_id",
    ),
    (
        "verwijzing_in_set",
        "register_afspraak_verwijzingen",
        "(SELECT afsprakenset_id FROM register_afspraak WHERE id = NEW.from_afspraak_id)"
        " <> (SELECT afsprakenset_id FROM register_afspraak WHERE id = NEW.to_afspraak_id)",
    ),
    (
        "doelstelling_indicator_in_set",
        "register_doelstelling",
        "NEW.indicator_id IS NOT NULL AND (SELECT a.afsprakenset_id FROM register_indicator i"
        " JOIN register_afspraak a ON a.id = i.afspraak_id WHERE i.id = NEW.indicator_id)"
        " <> COALESCE((SELECT afsprakenset_id FROM register_afspraak WHERE id = NEW.afspraak_id),"
        " (SELECT afsprakenset_id FROM register_thema WHERE id = NEW.thema_id))",
    ),
]
MESSAGE = "samenhang: %s verwijst naar een andere set"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, table, wrong in RULES:
        if vendor == "sqlite":
            for event in ("INSERT", "UPDATE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {name}_{event.lower()} BEFORE {event} ON {table} FOR EACH ROW "
                    f"WHEN {wrong} BEGIN SELECT RAISE(ABORT, '{MESSAGE % name}'); END"
                )
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger AS $$ BEGIN IF {wrong} THEN "
                f"RAISE EXCEPTION '{MESSAGE % name}'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, table, _wrong in RULES:
        if vendor == "sqlite":
            for event in ("insert", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_{event}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")


class Migration(migrations.Migration):
    # After every migration that rebuilds a table these triggers name: on SQLite a rebuilt table
    # (a new NOT NULL column, say) cannot be renamed into place while a trigger points at it.
    dependencies = [
        ("register", "0004_merge_0003_afspraak_versie_0003_fictief"),
        ("register", "0006_indicator_decimalen_en_negatief"),
    ]

    operations = [migrations.RunPython(create, drop)]
