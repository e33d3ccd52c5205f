from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

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
            MigrationContext.configure(connection).get_current_revision()
            == "0006_lead_phone_extension"
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


def test_a_database_from_before_the_language_keeps_its_leads_as_english(empty_db_url, make_lead):
    upgrade(empty_db_url, "0004_unanswered_marks")
    old = make_lead()
    engine = make_engine(empty_db_url)
    row = {
        name: getattr(old, name)
        for name in (
            "reference", "idempotency_key", "created_at", "full_name", "phone", "email",
            "concern", "concern_detail", "preferred_time", "patient_status", "consent_at",
            "channel", "conversation_id", "after_hours",
        )
    }  # fmt: skip
    with engine.begin() as connection:
        connection.execute(
            text(
                f"INSERT INTO leads ({', '.join(row)}, status) "
                f"VALUES ({', '.join(':' + name for name in row)}, 'new')"
            ),
            row,
        )
    engine.dispose()
    upgrade(empty_db_url)
    repo = LeadRepository(make_engine(empty_db_url))
    assert repo.get(old.reference).language == "en"
    assert repo.submit(make_lead(conversation_id="c-es", language="es")).lead.language == "es"
    repo.engine.dispose()
    downgrade(empty_db_url, "0004_unanswered_marks")
    upgrade(empty_db_url)


def test_a_database_from_before_the_extension_keeps_its_leads(empty_db_url, make_lead):
    upgrade(empty_db_url, "0005_lead_language")
    downgrade(empty_db_url, "0005_lead_language")
    upgrade(empty_db_url)
    repo = LeadRepository(make_engine(empty_db_url))
    stored = repo.submit(make_lead(phone_extension="12")).lead
    assert repo.get(stored.reference).phone_extension == "12"
    repo.engine.dispose()
    downgrade(empty_db_url, "0005_lead_language")
    repo = LeadRepository(make_engine(empty_db_url))
    columns = {column["name"] for column in inspect(repo.engine).get_columns("leads")}
    assert "phone_extension" not in columns
    repo.engine.dispose()
