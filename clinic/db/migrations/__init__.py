"""Alembic migrations of the leads store."""
