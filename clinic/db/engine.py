"""Where the leads database is, how to connect to it and how to bring its schema up to date."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, create_engine, make_url
from sqlalchemy.orm import sessionmaker

from clinic.paths import VAR_DIR, private_directory, private_file

DB_URL_ENV = "LEADS_DB_URL"
DEFAULT_DB_PATH = VAR_DIR / "leads.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Seconds to wait for PostgreSQL before treating it as unreachable (the lead is spooled then).
CONNECT_TIMEOUT_SECONDS = 5


def database_url() -> str:
    return os.environ.get(DB_URL_ENV) or f"sqlite:///{DEFAULT_DB_PATH}"


def make_engine(url: str) -> Engine:
    # hide_parameters keeps visitors' personal data out of error messages and logs.
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    connect_args = {}
    if parsed.get_driver_name() == "psycopg2":
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    return create_engine(
        parsed,
        future=True,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args=connect_args,
    )


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, future=True, expire_on_commit=False)


def upgrade(url: str, revision: str = "head") -> None:
    """Run the Alembic migrations up to `revision` (the newest by default)."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), revision)
    finally:
        engine.dispose()


def downgrade(url: str, revision: str) -> None:
    """Undo migrations down to `revision` ("base" removes every table)."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            command.downgrade(_alembic_config(connection), revision)
    finally:
        engine.dispose()


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # migrations/env.py runs on this connection instead of reading a URL from an ini file.
    config.attributes["connection"] = connection
    return config


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        # Leads are health data: the file is the owner's only (SQLite gives its journal and WAL
        # files the same mode), and so is var/ or any folder created for it.
        path = Path(url.database)
        if path.parent == VAR_DIR:
            private_directory(VAR_DIR)
        elif not path.parent.exists():
            private_directory(path.parent)
        private_file(path)
    engine = create_engine(url, future=True, hide_parameters=True, connect_args={"timeout": 30})
    event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def _enable_sqlite_foreign_keys(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
