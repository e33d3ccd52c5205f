"""Grouping the unanswered questions ahead, when the staff page starts (STAFF_UNANSWERED_WARM_UP):
the encoder is loaded and the period's questions encoded before anybody opens the page; a
failure is logged by type only and leaves the page to do it on the first visit."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

import pytest
from flask import Flask

from clinic.conversations.events import read_only_engine
from clinic.insights.unanswered.encoder import CachingEncoder
from clinic.insights.unanswered.marks import MarkStore
from clinic.insights.unanswered.report import UnansweredGroups
from clinic.web.staff_config import WARM_UP_ENV, StaffConfig, StaffConfigError
from clinic.web.staff_unanswered import register_unanswered_pages, warm_up
from testkit.staff_app import NOW
from testkit.unanswered import PHONE, WordEncoder, parking_and_medicine

SINCE = NOW - timedelta(days=30)


def test_warm_up_encodes_the_periods_questions_so_the_first_visit_encodes_nothing(stores, tracker):
    parking_and_medicine(tracker)
    words = WordEncoder()
    encoder = CachingEncoder(words)
    source = UnansweredGroups(
        read_only_engine(tracker.engine.url), MarkStore(stores.leads.engine), lambda: encoder
    )
    warm_up(source, SINCE)
    assert len(words.calls) == 1 and len(words.calls[0]) == 4
    assert source.report(SINCE).question_count == 4
    assert len(words.calls) == 1


def test_warm_up_loads_the_encoder_even_before_any_question(stores, tracker):
    loaded = []
    source = UnansweredGroups(
        read_only_engine(tracker.engine.url),
        MarkStore(stores.leads.engine),
        lambda: loaded.append("encoder") or WordEncoder(),
    )
    warm_up(source, SINCE)
    assert loaded == ["encoder"]


def test_the_staff_page_warms_up_in_the_background_when_told(stores, tracker):
    parking_and_medicine(tracker)
    encoded = threading.Event()

    class SignalingEncoder(WordEncoder):
        def encode(self, texts):
            rows = super().encode(texts)
            encoded.set()
            return rows

    def register(warm: bool) -> None:
        register_unanswered_pages(
            Flask(__name__),
            lambda view: view,
            stores=stores,
            tracker=read_only_engine(tracker.engine.url),
            clock=lambda: NOW,
            encoder=SignalingEncoder,
            warm_up_in_background=warm,
        )

    register(warm=False)
    assert not encoded.wait(0.5)
    register(warm=True)
    assert encoded.wait(30)


def test_an_unreachable_tracker_store_is_logged_and_changes_nothing_else(stores, caplog):
    source = UnansweredGroups(None, MarkStore(stores.leads.engine), WordEncoder)
    with caplog.at_level(logging.WARNING, logger="clinic.web.staff_unanswered"):
        warm_up(source, SINCE)
    assert "the tracker store is unreachable" in caplog.text


def test_any_other_failure_is_logged_by_its_type_only(stores, tracker, caplog):
    parking_and_medicine(tracker)

    class FailingEncoder:
        def encode(self, texts):
            raise RuntimeError(f"could not encode {texts[0]} {PHONE}")

    source = UnansweredGroups(
        read_only_engine(tracker.engine.url), MarkStore(stores.leads.engine), FailingEncoder
    )
    with caplog.at_level(logging.WARNING, logger="clinic.web.staff_unanswered"):
        warm_up(source, SINCE)
    assert "RuntimeError" in caplog.text
    assert PHONE not in caplog.text and "parking" not in caplog.text


@pytest.mark.parametrize(("value", "expected"), [(None, False), ("1", True), ("off", False)])
def test_the_warm_up_is_off_unless_the_setting_says_so(value, expected):
    environ = {"STAFF_SECRET_KEY": "k" * 64}
    if value is not None:
        environ[WARM_UP_ENV] = value
    assert StaffConfig.from_env(environ).warm_up_unanswered is expected


def test_a_wrong_warm_up_setting_is_refused_with_its_name():
    with pytest.raises(StaffConfigError, match=WARM_UP_ENV):
        StaffConfig.from_env({"STAFF_SECRET_KEY": "k" * 64, WARM_UP_ENV: "maybe"})
