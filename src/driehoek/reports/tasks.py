import time

from django.core.files.base import ContentFile
from django.tasks import task

from . import evaluation
from .models import Rapport


@task
def build_report(rapport_id: int) -> str:
    """Make an evaluation report, writing its progress as it goes so the page can show it."""
    rapport = Rapport.objects.select_related("afsprakenset").get(pk=rapport_id)
    Rapport.objects.filter(pk=rapport.pk).update(stand=Rapport.Stand.BEZIG, voortgang=5)
    start = time.perf_counter()

    def progress(pct: int) -> None:
        Rapport.objects.filter(pk=rapport.pk).update(voortgang=pct)

    try:
        content = evaluation.BUILDERS[rapport.formaat](rapport.afsprakenset, rapport.jaar, progress)
    except Exception as e:  # the page must say it failed, whatever the cause
        Rapport.objects.filter(pk=rapport.pk).update(stand=Rapport.Stand.MISLUKT, fout=str(e)[:2000])
        raise
    rapport.bestand.save(rapport.download_name, ContentFile(content), save=False)
    Rapport.objects.filter(pk=rapport.pk).update(
        bestand=rapport.bestand.name, stand=Rapport.Stand.KLAAR, voortgang=100, duur=time.perf_counter() - start
    )
    return rapport.bestand.name
