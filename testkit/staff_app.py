"""The staff page on a migrated SQLite leads database with one signed-in account, for tests of
its pages (Flask's test client)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine

from clinic.db.engine import upgrade
from clinic.leads.records import LeadView
from clinic.leads.repository import LeadRepository
from clinic.settings import ClinicSettings
from clinic.staff.accounts import create_user
from clinic.stores import LeadStores, open_stores
from clinic.web.staff import create_app
from clinic.web.staff_config import StaffConfig
from testkit.leads import new_lead

USERNAME = "frontdesk"
PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
NOW = datetime(2026, 11, 10, 15, 0, tzinfo=timezone.utc)
ZONE = ZoneInfo("America/New_York")


def leads_stores(folder: Path) -> LeadStores:
    url = f"sqlite:///{folder / 'leads.sqlite3'}"
    upgrade(url)
    stores = open_stores(url)
    create_user(stores.staff, USERNAME, PASSWORD)
    return stores


def staff_app(stores: LeadStores, tracker: Engine) -> Flask:
    config = StaffConfig(
        secret_key="k" * 64,
        cookie_secure=True,
        session_lifetime=timedelta(hours=8),
        trusted_proxies=frozenset(),
    )
    clinic = ClinicSettings(name="ProClinix", location="Armonk, NY", timezone=ZONE)
    return create_app(config, stores, clinic=clinic, clock=lambda: NOW, tracker=tracker)


def signed_in_client(app: Flask) -> FlaskClient:
    client = app.test_client()
    token = csrf_token(client, "/login")
    response = client.post(
        "/login", data={"username": USERNAME, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    return client


def csrf_token(client: FlaskClient, path: str) -> str:
    match = CSRF_FIELD.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def submit_lead(
    repository: LeadRepository, conversation_id: str, name: str = "Jane Roe", **fields: object
) -> LeadView:
    """A phone-only request without preferred times, stored an hour before the pages' clock
    (NOW); `fields` replace any of that."""
    values: dict[str, object] = {
        "email": None,
        "preferred_time": None,
        "concern": "neck",
        "now": NOW - timedelta(hours=1),
    }
    values.update(fields)
    lead = new_lead(full_name=name, conversation_id=conversation_id, **values)
    return repository.submit(lead).lead
