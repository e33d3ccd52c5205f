from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from clinic.db.base import all_tables
from clinic.db.engine import downgrade, make_engine, upgrade
from clinic.leads.repository import LeadRepository

TABLES = {"leads", "lead_notes", "staff_users", "audit_events", "unanswered_marks"}


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_creates_the_schema_the_models_describe(empty_db_url):
    assert table_names(empty_db_url) == set()
    upgrade(empty_db_url)
    assert table_names(empty_db_url) == TABLES
    engine = make_engine(empty_db_url)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), all_tables()) == []
        assert (
            MigrationContext.configure(connection).get_current_revision() == "0004_unanswered_marks"
        )
    engine.dispose()


def test_upgrade_twice_is_harmless(db_url, make_lead):
    repo = LeadRepository(make_engine(db_url))
    stored = repo.submit(make_lead())
    upgrade(db_url)
    assert repo.get(stored.reference) is not None
    repo.engine.dispose()


def test_downgrade_to_base_and_up_again(db_url, make_lead):
    downgrade(db_url, "base")
    assert table_names(db_url) == set()
    upgrade(db_url)
    assert table_names(db_url) == TABLES
    repo = LeadRepository(make_engine(db_url))
    assert repo.submit(make_lead()).created
    repo.engine.dispose()
