"""Alembic environment: runs on the connection that clinic.db.engine passes in."""

from alembic import context

from clinic.db.base import all_tables

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run the leads migrations through clinic.db.engine.upgrade(url) or `leads db-upgrade`"
    )
context.configure(
    connection=connection,
    target_metadata=all_tables(),
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
