"""What the audit trail records: one name per kind of event, with its wording for staff."""

from __future__ import annotations

AUDIT_ACTIONS = {
    "sign_in": "signed in",
    "sign_out": "signed out",
    "sign_in_failed": "failed to sign in",
    "lead_viewed": "viewed the request",
    "status_changed": "changed the status",
    "note_added": "added a note",
    "export": "exported the request",
    "purge": "purged old requests",
    "unanswered_marked": "marked unanswered questions",
    "unanswered_exported": "exported FAQ candidates",
}
AUDIT_SOURCES = ("web", "cli")
