"""Requests the live server is still answering when a browser test ends.

A browser test ends when its last assertion passes, but the browser may still have a request in
flight: an htmx part of the page it left, the page it was leaving. The live server answers it on its
own connection to the shared in-memory SQLite database, while the test's teardown empties that
database; a table the request is reading cannot be emptied ("database table is locked"). The
teardown waits for those requests first (src/conftest.py, `live_requests_done`)."""

import threading
import time

from django.core.signals import request_finished, request_started


class InFlight:
    """The threads between request_started and request_finished: the live server's, one per request.
    The test client's requests run in the test's own (main) thread and are done when it goes on."""

    def __init__(self):
        self._threads: dict[int, threading.Thread] = {}
        self._quiet = threading.Condition()

    def started(self, **kwargs):
        thread = threading.current_thread()
        if thread is not threading.main_thread():
            with self._quiet:
                self._threads[thread.ident] = thread

    def finished(self, **kwargs):
        with self._quiet:
            self._threads.pop(threading.get_ident(), None)
            self._quiet.notify_all()

    @property
    def count(self) -> int:
        """Requests still being answered (a thread that ended without finishing is not waited for)."""
        return sum(thread.is_alive() for thread in self._threads.values())

    def wait(self, timeout: float) -> bool:
        """True once no request is in flight (at once when none is), False after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._quiet:
            while self.count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._quiet.wait(min(remaining, 0.1))  # also notices a thread that ended unfinished
            self._threads.clear()
            return True

    def connect(self) -> None:
        request_started.connect(self.started, dispatch_uid=("live-requests", id(self)))
        request_finished.connect(self.finished, dispatch_uid=("live-requests", id(self)))

    def disconnect(self) -> None:
        request_started.disconnect(dispatch_uid=("live-requests", id(self)))
        request_finished.disconnect(dispatch_uid=("live-requests", id(self)))


IN_FLIGHT = InFlight()
