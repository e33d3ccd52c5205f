"""Migration scripts, applied in order by clinic.leads.database.upgrade."""
