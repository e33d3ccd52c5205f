"""Triage: which messages need emergency care, a crisis line or a doctor today (docs/triage.md)."""
