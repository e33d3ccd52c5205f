"""Custom actions of the ProClinix assistant, served by `rasa run actions`."""

from actions.leads_backend import start_spool_worker

# The action server imports this package once at start: from then on, booking requests spooled
# during a database outage are written to the database as soon as it is back.
start_spool_worker()
