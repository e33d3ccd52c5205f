"""Fixtures of the staff page's unit tests, on SQLite files in the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore

from bench.staff_data import tracker_store
from clinic.leads.stores import LeadStores
from tests.support.staff_app import leads_stores


@pytest.fixture
def stores(tmp_path: Path) -> LeadStores:
    """A migrated leads database with one staff account (tests.support.staff_app.USERNAME)."""
    return leads_stores(tmp_path)


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[SQLTrackerStore]:
    """Rasa's SQL tracker store, empty."""
    store = tracker_store(tmp_path / "tracker.sqlite3")
    yield store
    store.engine.dispose()
