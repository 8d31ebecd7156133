"""The index is rebuilt by the tasks worker (manage.py db_worker), never inside a web request."""

from django.tasks import task

from . import services


@task
def rebuild_index() -> int:
    """Rebuild when agreements changed since the newest build; returns the number indexed (0: no work)."""
    if not services.is_stale():
        return 0
    return services.build_index().aantal_afspraken
