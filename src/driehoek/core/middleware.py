import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


class DutchFirstLocaleMiddleware:
    """Dutch unless the user chose another language with the language switch.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show a tenant
    association's volunteer on an English-language laptop an English Driehoek. We follow only the
    explicit choice (the language cookie set by the switch).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


logger = logging.getLogger("driehoek.database")


def database_unavailable(request) -> HttpResponse:
    """A plain page without anything that needs the database (no menu, no user), with a hint to retry."""
    response = HttpResponse(render_to_string("503.html", {"request": request}), status=503)
    response["Retry-After"] = "10"
    return response


class DatabaseUnavailableMiddleware:
    """While the database restarts or is unreachable, say so with a 503 instead of a server error.

    Nothing is half-written: every change is one transaction, which the database rolled back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.error("Database niet bereikbaar bij %s", request.path, exc_info=exception)
            return database_unavailable(request)
        return None


class ServerTimingMiddleware:
    """Say in a `Server-Timing` header how long the server took, from the first middleware to the
    response (`app`), and how much of that this process spent on the processor (`cpu`; with SQLite
    that includes the database's work, with PostgreSQL not). `make bench` reads it, and so can a
    browser's developer tools. Only durations, nothing about the data.

    Off in production (settings.SERVER_TIMING): how long a page took can tell what it looked up,
    such as whether an e-mail address has an account (issue 15, finding 8)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.SERVER_TIMING:
            return self.get_response(request)
        start, cpu = time.perf_counter(), time.thread_time()
        database = [0.0, 0]  # seconds waited on the database, queries

        def timed(execute, *args):
            query = time.perf_counter()
            try:
                return execute(*args)
            finally:
                database[0] += time.perf_counter() - query
                database[1] += 1

        with connection.execute_wrapper(timed):
            response = self.get_response(request)
        app, cpu = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000
        response.headers["Server-Timing"] = f"app;dur={app:.2f}, cpu;dur={cpu:.2f}"
        # The time from sending each query to having its rows, and how many (issue 18 item 4).
        response.headers["Server-Timing"] += f", db;dur={database[0] * 1000:.2f};desc={database[1]}"
        if cache := getattr(response, "server_timing_cache", ""):  # "hit" or "miss" of a cached part
            response.headers["Server-Timing"] += f", cache;desc={cache}"
        return response
