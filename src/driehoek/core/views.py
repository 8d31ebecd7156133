"""Help pages in plain language (B1), one per role, readable without logging in; the liveness check."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from driehoek.core.help import PAGES, page_for


def help_index(request: HttpRequest) -> HttpResponse:
    return render(request, "help/index.html", {"pages": PAGES, "mine": page_for(request.user)})


def help_page(request: HttpRequest, rol: str) -> HttpResponse:
    page = next((p for p in PAGES if p.slug == rol), None)
    if page is None:
        raise Http404
    return render(request, f"help/{page.slug}.html", {"page": page, "pages": PAGES})


@never_cache
def gezond(request):
    """Liveness for the reverse proxy or load balancer: the process answers. It reads nothing from
    the database, so `make bench` also uses it as the minimal Django view to compare pages with."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
