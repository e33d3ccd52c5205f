"""The database every store shares: engine, declarative base and the Alembic migrations."""
