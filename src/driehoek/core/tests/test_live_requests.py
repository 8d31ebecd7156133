"""The requests in flight that a browser test's teardown waits for (core/tests/live.py)."""

import threading
import time

from django.core.signals import request_finished, request_started

from driehoek.core.tests.live import InFlight


def _request(counter: InFlight, seconds: float, finish: bool = True) -> threading.Thread:
    """A request answered in a thread of its own, as the live server answers one."""

    def answer():
        counter.started()
        time.sleep(seconds)
        if finish:
            counter.finished()

    thread = threading.Thread(target=answer)
    thread.start()
    return thread


def test_waits_until_the_last_request_in_flight_has_finished():
    counter = InFlight()
    _request(counter, 0.2), _request(counter, 0.4)
    time.sleep(0.05)
    assert counter.count == 2
    begun = time.monotonic()
    assert counter.wait(timeout=5)
    assert time.monotonic() - begun >= 0.3 and counter.count == 0


def test_a_request_that_does_not_finish_is_reported_after_the_timeout():
    counter = InFlight()
    thread = _request(counter, 1.0)
    time.sleep(0.05)
    begun = time.monotonic()
    assert not counter.wait(timeout=0.2)
    assert 0.15 <= time.monotonic() - begun < 0.9 and counter.count == 1
    thread.join()


def test_a_thread_that_ended_without_finishing_is_not_waited_for():
    counter = InFlight()
    _request(counter, 0.1, finish=False).join()
    begun = time.monotonic()
    assert counter.wait(timeout=5) and time.monotonic() - begun < 1


def test_the_test_clients_requests_in_the_main_thread_are_not_counted():
    counter = InFlight()
    counter.started()
    assert counter.count == 0 and counter.wait(timeout=0.1)


def test_djangos_signals_are_what_is_counted():
    counter = InFlight()
    counter.connect()
    seen = []
    try:

        def answer():
            request_started.send(sender=None)
            seen.append(counter.count)
            request_finished.send(sender=None)

        thread = threading.Thread(target=answer)
        thread.start()
        thread.join()
    finally:
        counter.disconnect()
    assert seen == [1] and counter.count == 0
