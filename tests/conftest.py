"""Shared fixtures: a fresh, migrated leads database per test, and the stacks that test modules
with the same stack settings share (`shared_stacks`).

Database fixtures run twice, on a SQLite file and on the PostgreSQL server that
`scripts/postgres.sh start` provides through env LEADS_TEST_PG_URL. The PostgreSQL runs carry
the `postgres` marker; without the URL they fail when env CI is set and skip (with the reason)
otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from clinic.db.engine import make_engine, upgrade
from clinic.leads.records import NewLead
from clinic.leads.repository import LeadRepository
from clinic.staff.store import StaffAccountStore
from testkit.leads import new_lead
from testkit.stack import SharedStacks

PG_URL_ENV = "LEADS_TEST_PG_URL"
SHARED_STACKS = pytest.StashKey[SharedStacks]()
LAST_SHARED_STACKS_USER = pytest.StashKey[str]()


def postgres_test_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    if url:
        return url
    message = (
        f"{PG_URL_ENV} is not set; start PostgreSQL with "
        '`eval "$(scripts/postgres.sh start)"` to run the postgres-marked tests'
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def reset_postgres(url: str) -> None:
    engine = create_engine(url, future=True)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database without tables: a new SQLite file, or the test PostgreSQL wiped clean."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'leads.sqlite3'}"
    url = postgres_test_url()
    reset_postgres(url)
    return url


@pytest.fixture
def db_url(empty_db_url: str) -> str:
    upgrade(empty_db_url)
    return empty_db_url


@pytest.fixture
def repo(db_url: str) -> Iterator[LeadRepository]:
    engine = make_engine(db_url)
    yield LeadRepository(engine)
    engine.dispose()


@pytest.fixture
def staff(db_url: str) -> Iterator[StaffAccountStore]:
    engine = make_engine(db_url)
    yield StaffAccountStore(engine)
    engine.dispose()


@pytest.fixture
def make_lead() -> Callable[..., NewLead]:
    """NewLead.create with plausible defaults; keyword arguments override them."""
    return new_lead


@pytest.fixture(scope="session")
def shared_stacks(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SharedStacks]:
    """Stacks (testkit.stack.SharedStacks) for the test modules whose stack settings are the
    same: one Rasa model load for them all instead of one each."""
    stacks = SharedStacks(tmp_path_factory.mktemp("shared-stacks"))
    request.config.stash[SHARED_STACKS] = stacks
    try:
        yield stacks
    finally:
        stacks.stop()


def pytest_collection_finish(session: pytest.Session) -> None:
    users = [
        item.nodeid
        for item in session.items
        if "shared_stacks" in getattr(item, "fixturenames", ())
    ]
    if users:
        session.config.stash[LAST_SHARED_STACKS_USER] = users[-1]


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """The shared stacks stop after the last test that uses them, not at the end of the session:
    the tests after them (browser, production) have the cores and the memory to themselves."""
    stash = item.config.stash
    if item.nodeid == stash.get(LAST_SHARED_STACKS_USER, None) and SHARED_STACKS in stash:
        stash[SHARED_STACKS].stop()
