"""Fixtures of the unit tests: the staff page's, on SQLite files in the test's folder, and Rasa
with the project's patches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore

from clinic.stores import LeadStores
from rasa_server_plugins import patches
from testkit.staff_app import leads_stores
from testkit.staff_data import tracker_store


@pytest.fixture
def stores(tmp_path: Path) -> LeadStores:
    """A migrated leads database with one staff account (testkit.staff_app.USERNAME)."""
    return leads_stores(tmp_path)


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[SQLTrackerStore]:
    """Rasa's SQL tracker store, empty."""
    store = tracker_store(tmp_path / "tracker.sqlite3")
    yield store
    store.engine.dispose()


@pytest.fixture
def unpatched_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa's own methods where patches.install() puts the project's, for the test; what was
    there before comes back after it."""
    for owner, name, _replace in patches.PATCHES:
        monkeypatch.setattr(owner, name, patches.original(owner, name))


@pytest.fixture
def patched_rasa(unpatched_rasa: None) -> None:
    """Rasa as the server runs it, for the test."""
    patches.install()
