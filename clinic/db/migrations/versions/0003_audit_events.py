"""The audit trail: sign-ins, views, changes, exports and purges.

Revision ID: 0003_audit_events
Revises: 0002_staff_sessions
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_audit_events"
down_revision = "0002_staff_sessions"
branch_labels = None
depends_on = None

# Fixed here: a later change to the action list needs a migration of its own.
ACTIONS = (
    "sign_in",
    "sign_out",
    "sign_in_failed",
    "lead_viewed",
    "status_changed",
    "note_added",
    "export",
    "purge",
)


def upgrade() -> None:
    action_list = ", ".join(f"'{action}'" for action in ACTIONS)
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("lead_reference", sa.String(length=10), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=True),
        sa.CheckConstraint(f"action IN ({action_list})", name=op.f("ck_audit_events_action")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(
        op.f("ix_audit_events_created_at"), "audit_events", ["created_at"], unique=False
    )
    op.create_index(
        op.f("ix_audit_events_lead_reference"), "audit_events", ["lead_reference"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_events_lead_reference"), table_name="audit_events")
    op.drop_index(op.f("ix_audit_events_created_at"), table_name="audit_events")
    op.drop_table("audit_events")
