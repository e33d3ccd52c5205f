"""The dashboard page and its charts through Flask's test client."""

from __future__ import annotations

from datetime import date, timedelta
from time import monotonic
from xml.etree import ElementTree

import pytest

from clinic.conversations.events import read_only_engine
from clinic.insights.dashboard import Period
from clinic.web.staff_dashboard import FIGURES_TTL_SECONDS, FiguresCache
from testkit.staff_app import (
    NOW,
    ZONE,
    signed_in_client,
    staff_app,
    submit_lead,
)
from testkit.staff_data import Conversation, write_conversations

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def app(stores, tracker):
    chat = Conversation("visitor-dash-1", NOW - timedelta(days=2))
    chat.faq("faq/neck_pain").unanswered("out_of_scope", None, "Can you fix my car?")
    write_conversations(tracker.engine, tracker, [chat.booking(sent=True)])
    submit_lead(stores.leads, chat.sender_id, now=NOW - timedelta(days=2))
    return staff_app(stores, read_only_engine(tracker.engine.url))


def test_dashboard_needs_a_signed_in_user(app):
    client = app.test_client()
    for path in ("/dashboard", "/dashboard/charts.svg"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/login")


def test_dashboard_shows_the_last_30_days_by_default(app):
    page = signed_in_client(app).get("/dashboard").get_data(as_text=True)
    assert "Figures for 2026-10-12 to 2026-11-10" in page
    assert '<th scope="row">Conversations</th><td>1</td>' in page
    assert '<th scope="row">Booking forms submitted</th><td>1</td>' in page
    assert '<th scope="row">Unanswered share</th><td>50%</td>' in page
    assert '<th scope="row">FAQ: neck pain</th><td>1</td>' in page
    assert 'src="/dashboard/charts.svg?from=2026-10-12&amp;to=2026-11-10"' in page
    assert "<script" not in page


def test_a_chosen_period_without_conversations_shows_zeros(app):
    page = signed_in_client(app).get("/dashboard?from=2026-01-01&to=2026-01-31")
    assert page.status_code == 200
    assert '<th scope="row">Conversations</th><td>0</td>' in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    ["from=2026-13-01", "from=yesterday", "to=2026-11-01&from=2026-11-05", "from=2024-01-01"],
)
def test_a_bad_period_is_a_clear_error(app, query):
    response = signed_in_client(app).get(f"/dashboard?{query}")
    assert response.status_code == 400
    assert "That did not work" in response.get_data(as_text=True)


def test_charts_are_one_svg_image_without_script(app):
    response = signed_in_client(app).get("/dashboard/charts.svg?from=2026-11-01&to=2026-11-10")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.headers["Cache-Control"] == "no-store"
    root = ElementTree.fromstring(response.get_data())
    assert root.tag == f"{SVG}svg"
    assert not list(root.iter(f"{SVG}script"))
    texts = {element.text for element in root.iter(f"{SVG}text")}
    assert {"Leads by status", "Booking forms", "Most asked FAQ topics", "neck pain"} <= texts


def test_the_figures_of_a_period_are_read_once_for_the_page_and_its_charts(monkeypatch):
    computed = []

    def compute(period):
        computed.append(period)
        return f"figures of {period.first}"

    cache = FiguresCache(compute)
    november = Period.of_days(date(2026, 11, 1), date(2026, 11, 30), ZONE)
    october = Period.of_days(date(2026, 10, 1), date(2026, 10, 31), ZONE)
    assert cache.get(november) == cache.get(november) == "figures of 2026-11-01"
    assert cache.get(october) == "figures of 2026-10-01"
    assert computed == [november, october]
    later = monotonic() + FIGURES_TTL_SECONDS + 1
    monkeypatch.setattr("clinic.web.staff_dashboard.monotonic", lambda: later)
    cache.get(november)
    assert computed == [november, october, november]
