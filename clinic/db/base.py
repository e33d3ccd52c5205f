"""The declarative base every concept's tables derive from, and the column types they share."""

from __future__ import annotations

import importlib
from datetime import datetime, timezone

from sqlalchemy import DateTime, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import declarative_base
from sqlalchemy.types import TypeDecorator

from clinic.timeutil import as_utc

# Named constraints keep migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))
# Each concept owns its tables; the migrations compare against all of them. Named, not
# imported, so that the concepts depend on this module and never the other way round.
MODEL_MODULES = (
    "clinic.leads.models",
    "clinic.staff.models",
    "clinic.insights.unanswered.models",
)


def all_tables() -> MetaData:
    """The metadata with every concept's tables registered on it."""
    for module in MODEL_MODULES:
        importlib.import_module(module)
    return Base.metadata


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC in and out, also on SQLite, which keeps no offset."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
