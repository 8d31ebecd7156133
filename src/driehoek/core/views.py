from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def gezond(request):
    """Liveness for the reverse proxy or load balancer: the process answers. It reads nothing from
    the database, so `make bench` also uses it as the minimal Django view to compare pages with."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
