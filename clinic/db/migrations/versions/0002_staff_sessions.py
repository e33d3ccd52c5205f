"""Staff sessions that can be revoked: a session version per account, and disabled accounts.

Revision ID: 0002_staff_sessions
Revises: 0001_initial
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_staff_sessions"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users") as table:
        table.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )
        table.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff_users") as table:
        table.drop_column("disabled_at")
        table.drop_column("session_version")
