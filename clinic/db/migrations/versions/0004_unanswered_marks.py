"""Staff marks on unanswered questions, and the audit actions for marking and exporting them.

Revision ID: 0004_unanswered_marks
Revises: 0003_audit_events
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_unanswered_marks"
down_revision = "0003_audit_events"
branch_labels = None
depends_on = None

# Fixed here: a later change to either list needs a migration of its own.
OLD_ACTIONS = (
    "sign_in",
    "sign_out",
    "sign_in_failed",
    "lead_viewed",
    "status_changed",
    "note_added",
    "export",
    "purge",
)
NEW_ACTIONS = (*OLD_ACTIONS, "unanswered_marked", "unanswered_exported")
MARKS = ("answered_elsewhere", "should_be_faq")


def _in_list(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _replace_action_check(actions: tuple[str, ...]) -> None:
    # SQLite's batch mode copies the table without its CHECK constraints, so the old one is
    # dropped by name only where the database can do that in place.
    with op.batch_alter_table("audit_events", recreate="always") as table:
        if op.get_bind().dialect.name != "sqlite":
            table.drop_constraint(op.f("ck_audit_events_action"), type_="check")
        table.create_check_constraint(op.f("ck_audit_events_action"), _in_list("action", actions))


def upgrade() -> None:
    op.create_table(
        "unanswered_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text_key", sa.String(length=16), nullable=False),
        sa.Column("mark", sa.String(length=20), nullable=False),
        sa.Column("marked_by", sa.String(length=64), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_in_list("mark", MARKS), name=op.f("ck_unanswered_marks_mark")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unanswered_marks")),
        sa.UniqueConstraint("text_key", name=op.f("uq_unanswered_marks_text_key")),
    )
    op.create_index(
        op.f("ix_unanswered_marks_marked_at"), "unanswered_marks", ["marked_at"], unique=False
    )
    _replace_action_check(NEW_ACTIONS)


def downgrade() -> None:
    op.execute(
        sa.text(
            "DELETE FROM audit_events WHERE action IN ('unanswered_marked', 'unanswered_exported')"
        )
    )
    _replace_action_check(OLD_ACTIONS)
    op.drop_index(op.f("ix_unanswered_marks_marked_at"), table_name="unanswered_marks")
    op.drop_table("unanswered_marks")
