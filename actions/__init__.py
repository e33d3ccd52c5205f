"""Custom actions of the ProClinix assistant, served by `rasa run actions`."""
