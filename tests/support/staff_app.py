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

from clinic.accounts import create_user
from clinic.leads.database import upgrade
from clinic.leads.records import LeadView, NewLead
from clinic.leads.repository import LeadRepository
from clinic.leads.stores import LeadStores, open_stores
from clinic.settings import ClinicSettings
from clinic.web.staff import create_app
from clinic.web.staff_config import StaffConfig

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


def new_lead(conversation_id: str, name: str = "Jane Roe", **fields: object) -> NewLead:
    """A valid booking request from the conversation; `fields` replace any of its values."""
    values: dict[str, object] = {
        "full_name": name,
        "phone": "(914) 555-0123",
        "email": None,
        "concern": "neck",
        "patient_status": "new",
        "consent": True,
        "channel": "socketio",
        "conversation_id": conversation_id,
        "after_hours": False,
    }
    values.update(fields)
    return NewLead.create(**values)


def submit_lead(
    repository: LeadRepository, conversation_id: str, name: str = "Jane Roe", **fields: object
) -> LeadView:
    """Stored an hour before the pages' clock (NOW) unless `fields` give `now`."""
    fields.setdefault("now", NOW - timedelta(hours=1))
    return repository.submit(new_lead(conversation_id, name, **fields)).lead
