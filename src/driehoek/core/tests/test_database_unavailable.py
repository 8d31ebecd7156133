"""While the database is away (a restart, a network fault) a page says so with a 503, whether the
error comes from a view or from saving the session after it; other errors stay a 500."""

import sys

from django.db import OperationalError
from django.test import RequestFactory

from driehoek.core.errors import server_error
from driehoek.core.middleware import DatabaseUnavailableMiddleware


def test_a_view_that_cannot_reach_the_database_answers_503():
    request = RequestFactory().get("/sets/")
    middleware = DatabaseUnavailableMiddleware(lambda r: None)
    response = middleware.process_exception(request, OperationalError("connection refused"))
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert "Driehoek is even niet bereikbaar" in response.content.decode()
    assert middleware.process_exception(request, ValueError("a bug")) is None  # Django's 500, logged


def test_the_500_handler_tells_a_database_fault_from_a_bug():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        assert sys.exc_info()[0] is OperationalError
        assert server_error(request).status_code == 503
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500
