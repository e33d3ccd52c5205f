"""Alembic environment: runs on the connection that clinic.leads.database passes in."""

from alembic import context

from clinic.leads.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run the leads migrations through clinic.leads.database.upgrade(url) or `leads db-upgrade`"
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
