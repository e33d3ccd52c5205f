"""The language of the conversation a lead came from ("en" or "es"): the front desk calls back
in it. Leads stored before this revision came from English conversations.

Revision ID: 0005_lead_language
Revises: 0004_unanswered_marks
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_lead_language"
down_revision = "0004_unanswered_marks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A column with a server default is added in place on SQLite and PostgreSQL alike, and
    # fills every existing row with "en".
    op.add_column(
        "leads",
        sa.Column("language", sa.String(length=2), nullable=False, server_default="en"),
    )


def downgrade() -> None:
    with op.batch_alter_table("leads") as table:
        table.drop_column("language")
