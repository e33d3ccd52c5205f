"""Finding 8: front-desk emails leave off the visitor's turn, at most the cap an hour, none
dropped."""

from __future__ import annotations

import logging
import threading
from types import SimpleNamespace

from clinic.leads.email_queue import EmailQueue
from clinic.leads.limits import HourlyCap


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def lead(reference: str) -> SimpleNamespace:
    return SimpleNamespace(reference=reference)


def test_finding_8_put_returns_while_the_email_is_still_being_sent():
    release = threading.Event()
    sent: list[str] = []

    def slow_send(new) -> None:
        release.wait(10)
        sent.append(new.reference)

    emails = EmailQueue(slow_send, HourlyCap(10))
    emails.put(lead("AAA111"))
    assert sent == [] and emails.waiting() == 1
    release.set()
    assert emails.wait_until_sent(10)
    assert sent == ["AAA111"]


def test_finding_8_emails_over_the_hourly_cap_wait_and_none_is_dropped():
    clock = FakeClock()
    sent: list[tuple[str, float]] = []
    emails = EmailQueue(
        lambda new: sent.append((new.reference, clock.now)),
        HourlyCap(2, window_seconds=3600),
        clock=clock,
        sleep=clock.sleep,
    )
    for reference in ("A1", "A2", "A3", "A4", "A5"):
        emails.put(lead(reference))
    assert emails.wait_until_sent(10)
    assert [reference for reference, _ in sent] == ["A1", "A2", "A3", "A4", "A5"]
    assert [moment for _, moment in sent] == [0.0, 0.0, 3600.0, 3600.0, 7200.0]


def test_finding_8_a_failing_send_is_logged_with_the_reference_and_the_next_goes_out(caplog):
    sent: list[str] = []

    def send(new) -> None:
        if new.reference == "BAD1":
            raise RuntimeError("mail system on fire")
        sent.append(new.reference)

    emails = EmailQueue(send, HourlyCap(10))
    with caplog.at_level(logging.ERROR, logger="clinic.leads.email_queue"):
        emails.put(lead("BAD1"))
        emails.put(lead("OK2"))
        assert emails.wait_until_sent(10)
    assert sent == ["OK2"]
    assert "BAD1" in caplog.text
