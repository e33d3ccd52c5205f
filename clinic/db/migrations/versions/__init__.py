"""Migration scripts, applied in order by clinic.db.engine.upgrade."""
