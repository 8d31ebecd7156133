"""Help pages in plain language (B1), one per role, readable without logging in."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from driehoek.core.help import PAGES, page_for


def help_index(request: HttpRequest) -> HttpResponse:
    return render(request, "help/index.html", {"pages": PAGES, "mine": page_for(request.user)})


def help_page(request: HttpRequest, rol: str) -> HttpResponse:
    page = next((p for p in PAGES if p.slug == rol), None)
    if page is None:
        raise Http404
    return render(request, f"help/{page.slug}.html", {"page": page, "pages": PAGES})
